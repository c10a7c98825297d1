import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  editorField,
  formInputFromPosted,
  MAX_ROWS,
  postedFromForm,
} from '../../shared/feedback/console-form.js';
import {
  type Form,
  formUpdateSchema,
  type LocalizedText,
  resolveQuestions,
} from '../../shared/feedback/form.js';

/**
 * The console's form editor posts flat fields; saving what it shows must give back the form as
 * stored: every language of every text, help texts, scale labels, option ids, choice limits, the
 * ranking's themes and the closing time. (Before: a save from the console kept one language and
 * dropped the introduction, the closing time and whatever the editor had no field for.)
 */

const themes = [
  { id: 'klimat', title: 'Lokalt näringslivsklimat' },
  { id: 'kompetens', title: 'Kompetensförsörjning' },
  { id: 'infra', title: 'Infrastruktur' },
];
const zone = 'Europe/Stockholm';

function formWith(questions: unknown[], extra: Partial<Form> = {}): Form {
  const parsed = formUpdateSchema.parse({
    title: { sv: 'Vad tycker ni?', en: 'What do you think?' },
    intro: { sv: 'Tack för att du svarar.', da: 'Tak fordi du svarer.' },
    language: 'sv',
    anonymousLink: false,
    closesAt: '2027-03-01T16:00:00.000Z',
    questions,
    followUp: { enabled: true, delayMinutes: 30, thankYouText: { sv: 'Tack!', en: 'Thanks!' } },
    expectedVersion: 1,
  });
  return {
    formId: 'f1',
    tenantId: 'hassleholm',
    programmeId: 'p1',
    status: 'open',
    questionsVersion: 1,
    answerCount: 0,
    version: 1,
    createdAt: '2026-12-01T00:00:00.000Z',
    updatedAt: '2026-12-01T00:00:00.000Z',
    createdBy: 'staff',
    ...parsed,
    questions: resolveQuestions(parsed.questions, themes, () => 'generated'),
    ...extra,
  } as Form;
}

const rich = formWith([
  {
    id: 'betyg',
    type: 'rating',
    label: { sv: 'Hur nöjd?', en: 'How satisfied?' },
    help: { sv: '1 är lägst', da: '1 er lavest' },
    scale: 7,
    lowLabel: { sv: 'Inte alls', en: 'Not at all' },
    highLabel: { sv: 'Mycket' },
    required: true,
    themeId: 'klimat',
  },
  {
    id: 'kanal',
    type: 'single',
    label: { sv: 'Bästa kanalen?', da: 'Bedste kanal?' },
    options: [
      { id: 'mejl', label: { sv: 'Mejl', da: 'Mail' } },
      { id: 'lunch', label: { sv: 'Dialoglunch', da: 'Dialogfrokost' } },
    ],
  },
  {
    id: 'flera',
    type: 'multiple',
    label: { sv: 'Vilka?' },
    maxChoices: 2,
    options: [
      { id: 'x', label: { sv: 'X' } },
      { id: 'y', label: { sv: 'Y' } },
      { id: 'z', label: { sv: 'Z' } },
    ],
  },
  { id: 'rang', type: 'ranking', label: { sv: 'Rangordna' }, themeIds: ['infra', 'klimat'], places: 1 },
  { id: 'fritt', type: 'long-text', label: { en: 'Anything else?' } },
]);

/** What the stored form's editable fields are, as the API would be sent them. */
const editable = (form: Form) => ({
  title: form.title,
  intro: form.intro,
  language: form.language,
  anonymousLink: form.anonymousLink,
  closesAt: form.closesAt,
  followUp: form.followUp,
  questions: form.questions,
});

const roundTrip = (form: Form) => {
  const { input, problems } = formInputFromPosted(postedFromForm(form, zone), MAX_ROWS, zone);
  expect(problems).toEqual([]);
  const parsed = formUpdateSchema.parse({ ...input, expectedVersion: 1 });
  return { ...parsed, questions: resolveQuestions(parsed.questions, themes, () => 'generated') };
};

describe('the console form editor', () => {
  it('saves back exactly what it shows: every language, help, labels, option ids, limits and the closing time', () => {
    const saved = roundTrip(rich);
    expect(saved.closesAt).toBe('2027-03-01T16:00:00.000Z');
    const { expectedVersion: _, ...rest } = saved;
    expect(rest).toEqual(editable(rich));
  });

  it('keeps any texts in any languages through a save', () => {
    const text = fc
      .record(
        {
          sv: fc.string({ minLength: 1, maxLength: 40 }),
          da: fc.string({ minLength: 1, maxLength: 40 }),
          en: fc.string({ minLength: 1, maxLength: 40 }),
        },
        { requiredKeys: [] },
      )
      // Trimmed, without line breaks (one line per option), and non-empty after trimming.
      .map((t) =>
        Object.fromEntries(
          Object.entries(t)
            .map(([l, v]) => [l, v.replace(/[\r\n]/g, ' ').trim()])
            .filter(([, v]) => v),
        ),
      )
      .filter((t) => Object.keys(t).length > 0) as fc.Arbitrary<LocalizedText>;
    fc.assert(
      fc.property(text, text, text, (label, a, b) => {
        // Options share their languages (one line per option in each language).
        const langs = Object.keys(a).filter((l) => l in b) as (keyof LocalizedText)[];
        fc.pre(langs.length > 0);
        const only = (t: LocalizedText) => Object.fromEntries(langs.map((l) => [l, t[l]]));
        fc.pre(langs.every((l) => a[l] !== b[l]));
        const form = formWith([
          {
            id: 'q',
            type: 'single',
            label,
            options: [
              { id: 'a', label: only(a) },
              { id: 'b', label: only(b) },
            ],
          },
        ]);
        expect(roundTrip(form).questions).toEqual(form.questions);
      }),
      { numRuns: 300 },
    );
  });

  it('adds a translation, keeps option ids in order and gives new options new ids', () => {
    const posted = postedFromForm(rich, zone);
    posted['q0.label.da'] = 'Hvor tilfreds?';
    posted['q1.options.sv'] = 'Mejl\nDialoglunch\nBesök';
    posted['q1.options.da'] = 'Mail\nDialogfrokost\nBesøg';
    const { input } = formInputFromPosted(posted, MAX_ROWS, zone);
    const questions = input.questions as { label: LocalizedText; options?: { id: string }[] }[];
    expect(questions[0]?.label).toEqual({ sv: 'Hur nöjd?', da: 'Hvor tilfreds?', en: 'How satisfied?' });
    expect(questions[1]?.options?.map((o) => o.id)).toEqual(['mejl', 'lunch', 'o1']);
  });

  it('refuses option lists whose translations have another number of lines, naming that language', () => {
    const posted = postedFromForm(rich, zone);
    posted['q1.options.da'] = 'Mail';
    expect(formInputFromPosted(posted, MAX_ROWS, zone).problems).toEqual([
      { field: 'q1.options.da', code: 'optionsCount' },
    ]);
  });

  it("shows a schema problem at the field in the form's language, or the language it names", () => {
    expect(editorField(['questions', 2, 'label'], 'da')).toBe('q2.label.da');
    expect(editorField(['questions', 2, 'label', 'en'], 'da')).toBe('q2.label.en');
    expect(editorField(['questions', 1, 'options', 0, 'label', 'sv'], 'da')).toBe('q1.options.sv');
    expect(editorField(['questions', 1, 'options'], 'da')).toBe('q1.options.da');
    expect(editorField(['title'], 'en')).toBe('title.en');
    expect(editorField(['followUp', 'thankYouText', 'sv'], 'en')).toBe('followUp.thankYouText.sv');
    expect(editorField(['closesAt'], 'sv')).toBe('closesAt');
  });
});
