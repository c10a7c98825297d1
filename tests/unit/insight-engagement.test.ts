import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { monthsBetween, organisationDeltas, overviewOf } from '../../shared/insight/engagement.js';
import { overviewCsv } from '../../shared/insight/report-csv.js';

describe('programme overview from counters', () => {
  it('spans the programme period and months outside it that have counts, without empty stretches', () => {
    const counters = { 'month.2024-03.answered': 4, 'month.2026-12.answers': 6, 'org.answered': 4 };
    const overview = overviewOf(counters, { startsOn: '2024-01-15', endsOn: '2024-12-31', themes: [] });
    expect(overview.timeline.map((m) => m.month)).toEqual([
      ...monthsBetween('2024-01', '2024-12'),
      '2026-12',
    ]);
    expect(overview.timeline.find((m) => m.month === '2024-03')?.counts.answered).toBe(4);
    expect(overview.organisations.answered).toBe(4);
  });

  it('adds up the breakdowns of any organisations to the totals', () => {
    const profile = fc.record({
      type: fc.option(fc.constantFrom('company', 'education', 'other'), { nil: undefined }),
      industry: fc.option(fc.string({ maxLength: 20 }), { nil: undefined }),
      size: fc.option(fc.constantFrom('1-9', '10-49'), { nil: undefined }),
      area: fc.option(fc.constantFrom('Tyringe', 'Vinslöv', 'Sösdala'), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(profile, { maxLength: 30 }), (profiles) => {
        const counters: Record<string, number> = {};
        for (const p of profiles) {
          for (const [name, by] of Object.entries(organisationDeltas('invited', p, '2024-05-01T00:00:00Z'))) {
            counters[name] = (counters[name] ?? 0) + by;
          }
        }
        const overview = overviewOf(counters, { themes: [] });
        for (const breakdown of overview.breakdowns) {
          const sum = breakdown.rows.reduce((total, row) => total + row.counts.invited, 0);
          expect(sum).toBe(profiles.length);
        }
        expect(overview.organisations.invited).toBe(profiles.length);
      }),
    );
  });

  it('writes the CSV with formula cells guarded', () => {
    const overview = overviewOf({ 'theme.t1': 2 }, { themes: [{ id: 't1', title: '@SUM(A1)' }] });
    const { body, fileName } = overviewCsv('en', { name: 'Business programme' }, overview);
    expect(fileName).toBe('business-programme-overview.csv');
    expect(body).toContain("'@SUM(A1),2,");
  });
});
