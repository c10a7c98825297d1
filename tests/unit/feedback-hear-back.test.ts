import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Question, themesAnswered } from '../../shared/feedback/form.js';

/** Which themes an answer gave views on: what closing the loop means by "feedback on a theme". */

const themes = ['t1', 't2', 't3'];
const questions = [
  { id: 'rating', type: 'rating', label: { sv: 'Betyg' }, scale: 5, themeId: 't1' },
  { id: 'text', type: 'long-text', label: { sv: 'Text' }, themeId: 't2' },
  { id: 'free', type: 'short-text', label: { sv: 'Fritt' } },
  { id: 'rank', type: 'ranking', label: { sv: 'Rangordna' }, themeIds: themes },
] as unknown as Question[];

describe('themesAnswered', () => {
  it('is exactly the themes of questions given a view, plus the themes a ranking placed', () => {
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
        fc.option(fc.string({ maxLength: 5 }), { nil: undefined }),
        fc.option(fc.string({ maxLength: 5 }), { nil: undefined }),
        fc.option(fc.shuffledSubarray(themes), { nil: undefined }),
        (rating, text, free, rank) => {
          const answers = Object.fromEntries(
            Object.entries({ rating, text, free, rank }).filter(([, v]) => v !== undefined),
          ) as Record<string, number | string | string[]>;
          const expected = new Set<string>(rank ?? []);
          if (rating !== undefined) expected.add('t1');
          if (text !== undefined && text.trim() !== '') expected.add('t2');
          expect(themesAnswered(questions, answers)).toEqual([...expected].sort());
        },
      ),
    );
  });

  it('a question without a theme gives none, however it is answered', () => {
    expect(themesAnswered(questions, { free: 'Mycket att säga' })).toEqual([]);
  });
});
