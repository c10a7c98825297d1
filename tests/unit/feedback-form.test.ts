import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  answersFromForm,
  answersSchema,
  counterDeltas,
  editDeltas,
  formInputSchema,
  formProblems,
  formUpdateSchema,
  isOpen,
  nextQuestionsVersion,
  type Question,
  resolveQuestions,
  textIn,
} from '../../shared/feedback/form.js';

const themes = [
  { id: 'klimat', title: 'Lokalt näringslivsklimat' },
  { id: 'kompetens', title: 'Kompetensförsörjning' },
  { id: 'infra', title: 'Infrastruktur' },
];

const questions: Question[] = resolveQuestions(
  formInputSchema.parse({
    programmeId: 'p1',
    title: { sv: 'Vad tyckte du?' },
    language: 'sv',
    questions: [
      { id: 'rate', type: 'rating', label: { sv: 'Hur nöjd?' }, scale: 5, required: true, themeId: 'klimat' },
      {
        id: 'one',
        type: 'single',
        label: { sv: 'Välj en' },
        options: [
          { id: 'a', label: { sv: 'A' } },
          { id: 'b', label: { sv: 'B' } },
        ],
      },
      {
        id: 'many',
        type: 'multiple',
        label: { sv: 'Välj flera' },
        maxChoices: 2,
        options: [
          { id: 'x', label: { sv: 'X' } },
          { id: 'y', label: { sv: 'Y' } },
          { id: 'z', label: { sv: 'Z' } },
        ],
      },
      { id: 'rank', type: 'ranking', label: { sv: 'Rangordna' } },
      { id: 'short', type: 'short-text', label: { sv: 'Kort' } },
      { id: 'long', type: 'long-text', label: { sv: 'Långt' }, themeId: 'kompetens' },
    ],
  }).questions,
  themes,
  () => 'generated',
);

describe('forms', () => {
  it('accepts a form with every question type and texts in one language or more', () => {
    expect(questions.map((q) => q.type)).toEqual([
      'rating',
      'single',
      'multiple',
      'ranking',
      'short-text',
      'long-text',
    ]);
    // A ranking that names no themes ranks all of the programme's, fixed at save.
    expect(questions[3]).toMatchObject({ themeIds: ['klimat', 'kompetens', 'infra'] });
    expect(formProblems(questions, themes)).toEqual([]);
  });

  it('refuses unknown question types, missing texts and unknown fields, naming the field', () => {
    const result = formInputSchema.safeParse({
      programmeId: 'p1',
      title: {},
      language: 'sv',
      questions: [{ type: 'slider', label: { sv: 'x' } }],
      tenantId: 'helsingor',
    });
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.'));
    expect(paths).toEqual(expect.arrayContaining(['title', 'questions.0.type', '']));
  });

  it('refuses themes that are not the programme’s, duplicate ids and impossible limits', () => {
    const bad = resolveQuestions(
      formInputSchema.parse({
        programmeId: 'p1',
        title: { en: 'T' },
        language: 'en',
        questions: [
          { id: 'q', type: 'short-text', label: { en: 'a' }, themeId: 'elsewhere' },
          { id: 'q', type: 'short-text', label: { en: 'b' } },
          {
            type: 'multiple',
            label: { en: 'c' },
            maxChoices: 3,
            options: [
              { id: 'o', label: { en: 'o' } },
              { id: 'o', label: { en: 'p' } },
            ],
          },
          { type: 'ranking', label: { en: 'r' }, themeIds: ['klimat', 'nope'], places: 3 },
        ],
      }).questions,
      themes,
      (() => {
        let n = 0;
        return () => `generated-${++n}`;
      })(),
    );
    expect(formProblems(bad, themes).map((p) => p.field)).toEqual([
      'questions.0.themeId',
      'questions.1.id',
      'questions.2.options',
      'questions.2.maxChoices',
      'questions.3.themeIds',
      'questions.3.places',
    ]);
  });

  it('locks questions once answered: a change makes a new version; before answers it replaces', () => {
    const changed = questions.map((q, i) => (i === 0 ? { ...q, required: false } : q));
    expect(nextQuestionsVersion({ questions, questionsVersion: 1, answerCount: 0 }, changed)).toEqual({
      version: 1,
      changed: true,
    });
    expect(nextQuestionsVersion({ questions, questionsVersion: 1, answerCount: 3 }, changed)).toEqual({
      version: 2,
      changed: true,
    });
    // The same questions in another key order are no change.
    const reordered = questions.map((q) => Object.fromEntries(Object.entries(q).reverse()) as Question);
    expect(nextQuestionsVersion({ questions, questionsVersion: 4, answerCount: 3 }, reordered)).toEqual({
      version: 4,
      changed: false,
    });
  });

  it('an edit carries the version the editor saw and cannot move the form to another programme', () => {
    const edit = {
      title: { sv: 'T' },
      language: 'sv',
      questions: [{ type: 'short-text', label: { sv: 'a' } }],
    };
    expect(formUpdateSchema.safeParse({ ...edit, expectedVersion: 2 }).success).toBe(true);
    expect(formUpdateSchema.safeParse(edit).error?.issues[0]?.path).toEqual(['expectedVersion']);
    expect(formUpdateSchema.safeParse({ ...edit, expectedVersion: 2, programmeId: 'p2' }).success).toBe(
      false,
    );
  });

  it('shows a text in the reader’s language, else the form’s, else any it has', () => {
    expect(textIn({ sv: 'Hej', da: 'Hej med dig' }, 'da', 'sv')).toBe('Hej med dig');
    expect(textIn({ sv: 'Hej' }, 'en', 'sv')).toBe('Hej');
    expect(textIn({ da: 'Hej med dig' }, 'en', 'sv')).toBe('Hej med dig');
  });

  it('is open until it closes', () => {
    const now = Date.parse('2030-01-01T12:00:00Z');
    expect(isOpen({ status: 'open' }, now)).toBe(true);
    expect(isOpen({ status: 'open', closesAt: '2030-01-01T12:00:01Z' }, now)).toBe(true);
    expect(isOpen({ status: 'open', closesAt: '2030-01-01T12:00:00Z' }, now)).toBe(false);
    expect(isOpen({ status: 'closed' }, now)).toBe(false);
  });
});

describe('answers against a form version', () => {
  const schema = answersSchema(questions);

  it('accepts a complete answer and drops empty optional values', () => {
    const parsed = schema.parse({
      rate: 4,
      one: 'b',
      many: ['x', 'z'],
      rank: ['infra', 'klimat'],
      short: '  Bra  ',
      long: '',
    });
    expect(parsed).toEqual({ rate: 4, one: 'b', many: ['x', 'z'], rank: ['infra', 'klimat'], short: 'Bra' });
  });

  it.each([
    ['an unknown question', { rate: 3, other: 'x' }, ''],
    ['a rating out of the scale', { rate: 6 }, 'rate'],
    ['a rating of the wrong type', { rate: 'fem' }, 'rate'],
    ['an unknown option', { rate: 3, one: 'c' }, 'one'],
    ['too many choices', { rate: 3, many: ['x', 'y', 'z'] }, 'many'],
    ['a choice twice', { rate: 3, many: ['x', 'x'] }, 'many'],
    ['a theme ranked twice', { rate: 3, rank: ['infra', 'infra'] }, 'rank'],
    ['a theme not ranked by the question', { rate: 3, rank: ['elsewhere'] }, 'rank'],
    ['too long a text', { rate: 3, short: 'x'.repeat(201) }, 'short'],
    ['a missing required answer', { one: 'a' }, 'rate'],
    ['a blank required answer', { rate: '' }, 'rate'],
  ])('refuses %s, naming the question', (_what, answer, field) => {
    const result = schema.safeParse(answer);
    expect(result.success).toBe(false);
    const paths = result.error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(
      paths.some((path) => path === field || path.startsWith(`${field}.`)),
      paths.join(),
    ).toBe(true);
  });

  it('reads a posted page: numbers, checkbox lists, one place per ranked theme', () => {
    const answer = answersFromForm(
      questions,
      { rate: '5', one: 'a', 'rank.infra': '1', 'rank.kompetens': '2', 'rank.klimat': '', long: 'Text' },
      { many: ['y'] },
    );
    expect(schema.parse(answer)).toEqual({
      rate: 5,
      one: 'a',
      many: ['y'],
      rank: ['infra', 'kompetens'],
      long: 'Text',
    });
    // The same place twice, or a field of no question, is refused.
    expect(
      schema.safeParse(answersFromForm(questions, { rate: '5', 'rank.infra': '1', 'rank.klimat': '1' }, {}))
        .success,
    ).toBe(false);
    expect(schema.safeParse(answersFromForm(questions, { rate: '5', sneaky: 'x' }, {})).success).toBe(false);
  });

  it('free text keeps markup as text (escaped where shown) and drops control characters', () => {
    expect(schema.parse({ rate: 1, long: '<script>alert(1)</script>\r\n\u0007=cmd' }).long).toBe(
      '<script>alert(1)</script>\n=cmd',
    );
  });

  it('property: every valid answer counts once per question answered, and an edit moves the counters exactly', () => {
    const answerArb = fc.record(
      {
        rate: fc.integer({ min: 1, max: 5 }),
        one: fc.constantFrom('a', 'b'),
        many: fc.subarray(['x', 'y', 'z'], { maxLength: 2 }),
        rank: fc.shuffledSubarray(['klimat', 'kompetens', 'infra']),
        short: fc.string({ maxLength: 200 }),
      },
      { requiredKeys: ['rate'] },
    );
    fc.assert(
      fc.property(answerArb, answerArb, (a, b) => {
        const before = schema.parse(a);
        const after = schema.parse(b);
        const counted = counterDeltas(questions, before);
        expect(counted.answers).toBe(1);
        for (const q of questions) expect(counted[`q#${q.id}#n`] ?? 0).toBe(q.id in before ? 1 : 0);
        // Ratings: exactly one value counted.
        expect(Object.keys(counted).filter((k) => k.startsWith('q#rate#v#'))).toHaveLength(1);
        // Applying the edit's deltas to `before`'s counters gives `after`'s.
        const edit = editDeltas(questions, before, after);
        const applied = { ...counted };
        for (const [k, v] of Object.entries(edit)) applied[k] = (applied[k] ?? 0) + v;
        const expected = counterDeltas(questions, after);
        for (const k of new Set([...Object.keys(applied), ...Object.keys(expected)])) {
          expect(applied[k] ?? 0).toBe(expected[k] ?? 0);
        }
      }),
    );
  });

  it('ranking counts Borda points: first of n places gets n', () => {
    const deltas = counterDeltas(questions, { rank: ['infra', 'klimat', 'kompetens'] });
    expect(deltas).toMatchObject({
      'q#rank#p#infra': 3,
      'q#rank#p#klimat': 2,
      'q#rank#p#kompetens': 1,
      'q#rank#first#infra': 1,
    });
  });
});
