import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  latestPerTheme,
  type Outcome,
  outcomeInputSchema,
  outcomeProblems,
} from '../../shared/programmes/outcome.js';

const programme = {
  themes: [
    { id: 'service', title: 'Service' },
    { id: 'skills', title: 'Kompetens' },
  ],
  startsOn: '2025-01-01',
  endsOn: '2025-12-31',
};

const isoDate = fc
  .date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true })
  .map((d) => d.toISOString().slice(0, 10));

describe('outcome rules', () => {
  it('a date is accepted exactly when it lies in the period, its first and last day included', () => {
    fc.assert(
      fc.property(isoDate, (date) => {
        const inside = date >= '2025-01-01' && date <= '2025-12-31';
        const fields = outcomeProblems(programme, { themeId: 'service', date }).map((p) => p.field);
        expect(fields.includes('body.date')).toBe(!inside);
      }),
    );
  });

  it('a programme without a period takes any date; an open end bounds one side only', () => {
    fc.assert(
      fc.property(isoDate, (date) => {
        expect(outcomeProblems({ themes: programme.themes }, { themeId: 'skills', date })).toEqual([]);
        const fromOnly = outcomeProblems(
          { themes: programme.themes, startsOn: '2025-01-01' },
          { themeId: 'skills', date },
        );
        expect(fromOnly.length === 0).toBe(date >= '2025-01-01');
      }),
    );
  });

  it('names the theme when it is not one of the programme', () => {
    expect(outcomeProblems(programme, { themeId: 'other', date: '2025-05-05' })).toEqual([
      { field: 'body.themeId', code: 'notATheme', message: 'Not a theme of the programme' },
    ]);
  });

  it('"not pursued" needs a reason; other statuses do not', () => {
    const base = { themeId: 'service', title: 'T', status: 'not-pursued', date: '2025-05-05' };
    const refused = outcomeInputSchema.safeParse(base);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((i) => i.path.join('.'))).toEqual(['reason']);
    expect(outcomeInputSchema.safeParse({ ...base, reason: 'Ingen budget' }).success).toBe(true);
    expect(outcomeInputSchema.safeParse({ ...base, status: 'planned' }).success).toBe(true);
  });

  it('the latest outcome per theme is the one of the latest date, whatever the order given', () => {
    const outcome = (id: string, themeId: string, date: string): Outcome =>
      ({ outcomeId: id, themeId, date, createdAt: `2025-01-01T00:00:0${id}Z` }) as Outcome;
    const all = [
      outcome('1', 'a', '2025-02-01'),
      outcome('2', 'a', '2025-05-01'),
      outcome('3', 'b', '2025-01-01'),
    ];
    fc.assert(
      fc.property(fc.shuffledSubarray(all, { minLength: 3, maxLength: 3 }), (order) => {
        const latest = latestPerTheme(order);
        expect(latest.get('a')?.outcomeId).toBe('2');
        expect(latest.get('b')?.outcomeId).toBe('3');
      }),
    );
  });
});
