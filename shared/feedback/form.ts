import * as z from 'zod';
import { type Language, languageSchema, languages } from '../platform/texts/language.js';

/*
 * Feedback forms: what staff ask (questions tied to the programme's themes), and what an answer
 * to one version of a form may hold. Pure: no IO.
 */

const idPattern = /^[A-Za-z0-9_-]{1,64}$/;
const idSchema = z.string().regex(idPattern, 'Not a valid id');

/** A text staff write in one or more of the three languages; at least one is given. */
export const localizedSchema = (max: number) =>
  z
    .object(
      Object.fromEntries(
        languages.map((l) => [l, z.string().trim().max(max, `At most ${max} characters`).optional()]),
      ) as Record<Language, z.ZodOptional<z.ZodString>>,
    )
    .strict()
    .transform((value) => Object.fromEntries(Object.entries(value).filter(([, v]) => v)) as LocalizedText)
    .refine((value) => Object.keys(value).length > 0, 'Required in at least one language');

export type LocalizedText = Partial<Record<Language, string>>;

/** The text in `language`, else in the form's language, else in any language it has. */
export function textIn(text: LocalizedText, language: Language, fallback: Language): string {
  return text[language] ?? text[fallback] ?? Object.values(text).find(Boolean) ?? '';
}

/** How long a text answer may be. */
export const textLimits = { 'short-text': 200, 'long-text': 5000 } as const;

const optionSchema = z.object({ id: idSchema, label: localizedSchema(200) }).strict();

const questionBase = {
  /** Stable across versions when staff keep the question; given by the editor or made up on save. */
  id: idSchema.optional(),
  label: localizedSchema(500),
  help: localizedSchema(1000).optional(),
  required: z.boolean().default(false),
  /** The programme theme the question is about (ranking questions rank the themes themselves). */
  themeId: idSchema.optional(),
};

export const questionInputSchema = z.discriminatedUnion('type', [
  z
    .object({
      ...questionBase,
      type: z.literal('rating'),
      /** 1..scale, e.g. 5 for "1 (not at all) … 5 (very much)". */
      scale: z.number().int().min(2).max(10).default(5),
      lowLabel: localizedSchema(100).optional(),
      highLabel: localizedSchema(100).optional(),
    })
    .strict(),
  z
    .object({
      ...questionBase,
      type: z.literal('single'),
      options: z.array(optionSchema).min(2, 'At least 2 options').max(20, 'At most 20 options'),
    })
    .strict(),
  z
    .object({
      ...questionBase,
      type: z.literal('multiple'),
      options: z.array(optionSchema).min(2, 'At least 2 options').max(20, 'At most 20 options'),
      maxChoices: z.number().int().min(1).max(20).optional(),
    })
    .strict(),
  z
    .object({
      ...questionBase,
      type: z.literal('ranking'),
      /** The themes to rank (ids of the programme's themes); all of them when absent. */
      themeIds: z.array(idSchema).min(2).max(30).optional(),
      /** How many places the respondent ranks (the top N); all the themes when absent. */
      places: z.number().int().min(1).max(30).optional(),
    })
    .strict(),
  z.object({ ...questionBase, type: z.literal('short-text') }).strict(),
  z.object({ ...questionBase, type: z.literal('long-text') }).strict(),
]);

/** A question as stored: its id fixed, a ranking's themes resolved. */
export type Question = z.output<typeof questionInputSchema> & { id: string };

export const followUpSchema = z
  .object({
    enabled: z.boolean().default(false),
    /** Minutes after the event's end before the mails go out. */
    delayMinutes: z
      .number()
      .int()
      .min(0)
      .max(14 * 24 * 60)
      .default(60),
    /** Staff's own words in the thank-you mail (attendees); the standard text when absent. */
    thankYouText: localizedSchema(2000).optional(),
    /** Staff's own words in the "we missed you" mail (absent yes-sayers, invitees who did not answer). */
    missedYouText: localizedSchema(2000).optional(),
  })
  .strict();
export type FollowUp = z.output<typeof followUpSchema>;

const formFields = {
  programmeId: idSchema,
  /** The event the form follows up (its follow-up mails go to that event's invitees). */
  eventId: idSchema.optional(),
  title: localizedSchema(200),
  intro: localizedSchema(2000).optional(),
  /** The language shown when the respondent's is missing from a text. */
  language: languageSchema,
  /** Whether the public link (and QR code) takes anonymous answers. */
  anonymousLink: z.boolean().default(true),
  /** After this instant no answer is taken or changed. */
  closesAt: z.iso.datetime({ offset: true }).optional(),
  questions: z.array(questionInputSchema).min(1, 'At least one question').max(50, 'At most 50 questions'),
  followUp: followUpSchema.default({ enabled: false, delayMinutes: 60 }),
};

export const formInputSchema = z.object(formFields).strict();

/** A replacement of the editable fields, guarded by the version the editor saw. */
export const formUpdateSchema = z
  .object({ ...formFields, expectedVersion: z.number().int().positive() })
  .strict()
  .omit({ programmeId: true });

export const formStatuses = ['open', 'closed'] as const;
export type FormStatus = (typeof formStatuses)[number];

export interface Form {
  formId: string;
  tenantId: string;
  programmeId: string;
  eventId?: string;
  title: LocalizedText;
  intro?: LocalizedText;
  language: Language;
  anonymousLink: boolean;
  closesAt?: string;
  status: FormStatus;
  followUp: FollowUp;
  /** The version of the questions answers are given to now; older answers keep theirs. */
  questionsVersion: number;
  questions: Question[];
  /** Answers given to the form (all versions): questions with answers are locked. */
  answerCount: number;
  /** The public summary staff published: the questions shown as charts (quotes are marked per answer). */
  publication?: { questionIds: string[]; at: string; by: string };
  /** Optimistic locking of edits. */
  version: number;
  createdAt: string;
  updatedAt: string;
  createdBy: string;
}

/** What the form is checked against: the programme's themes. */
export interface ThemeRef {
  id: string;
  title: string;
}

export const formProblemCodes = [
  'notATheme',
  'idUsed',
  'optionsUnique',
  'moreChoicesThanOptions',
  'tooFewThemes',
  'themeTwice',
  'morePlacesThanThemes',
] as const;

export interface FormProblem {
  /** Path of the field, e.g. `questions.2.themeId`. */
  field: string;
  /** What pages word in the reader's language. */
  code: (typeof formProblemCodes)[number];
  /** In English, for the JSON API. */
  message: string;
}

/**
 * Problems zod cannot see: a question's theme, a ranking's themes and option ids must exist and
 * be unique. Empty when the form is sound.
 */
export function formProblems(questions: readonly QuestionInputResolved[], themes: readonly ThemeRef[]) {
  const problems: FormProblem[] = [];
  const themeIds = new Set(themes.map((t) => t.id));
  const seenIds = new Set<string>();
  questions.forEach((q, index) => {
    const at = (field: string) => `questions.${index}.${field}`;
    if (q.id !== undefined) {
      if (seenIds.has(q.id))
        problems.push({ field: at('id'), code: 'idUsed', message: 'Used by another question' });
      seenIds.add(q.id);
    }
    if (q.themeId !== undefined && !themeIds.has(q.themeId)) {
      problems.push({ field: at('themeId'), code: 'notATheme', message: 'Not a theme of the programme' });
    }
    if (q.type === 'single' || q.type === 'multiple') {
      const optionIds = q.options.map((o) => o.id);
      if (new Set(optionIds).size !== optionIds.length) {
        problems.push({ field: at('options'), code: 'optionsUnique', message: 'Option ids must be unique' });
      }
      if (q.type === 'multiple' && q.maxChoices !== undefined && q.maxChoices > q.options.length) {
        problems.push({
          field: at('maxChoices'),
          code: 'moreChoicesThanOptions',
          message: 'More than there are options',
        });
      }
    }
    if (q.type === 'ranking') {
      const ids = q.themeIds ?? [...themeIds];
      if (ids.length < 2)
        problems.push({ field: at('themeIds'), code: 'tooFewThemes', message: 'At least 2 themes to rank' });
      if (new Set(ids).size !== ids.length)
        problems.push({ field: at('themeIds'), code: 'themeTwice', message: 'Each theme once' });
      if (ids.some((id) => !themeIds.has(id))) {
        problems.push({ field: at('themeIds'), code: 'notATheme', message: 'Not a theme of the programme' });
      }
      if (q.places !== undefined && q.places > ids.length) {
        problems.push({
          field: at('places'),
          code: 'morePlacesThanThemes',
          message: 'More places than themes',
        });
      }
    }
  });
  return problems;
}

type QuestionInputResolved = z.output<typeof questionInputSchema>;

/**
 * The stored questions: ids kept where given, made up where not (`newId`), a ranking's themes
 * fixed to the programme's themes when it named none (so a later theme does not change it).
 */
export function resolveQuestions(
  questions: readonly QuestionInputResolved[],
  themes: readonly ThemeRef[],
  newId: () => string,
): Question[] {
  return questions.map((q) => {
    const id = q.id ?? newId();
    if (q.type === 'ranking') return { ...q, id, themeIds: q.themeIds ?? themes.map((t) => t.id) };
    return { ...q, id };
  });
}

/**
 * Whether a change to the questions needs a new version: once anyone has answered, the questions
 * they answered are locked, so a change makes version n+1 and their answers keep version n.
 * Before the first answer, the current version is simply replaced.
 */
export function nextQuestionsVersion(
  form: Pick<Form, 'questions' | 'questionsVersion' | 'answerCount'>,
  questions: readonly Question[],
): { version: number; changed: boolean } {
  const changed = !sameQuestions(form.questions, questions);
  if (!changed) return { version: form.questionsVersion, changed };
  return { version: form.answerCount > 0 ? form.questionsVersion + 1 : form.questionsVersion, changed };
}

/** Deep equality of two question lists, key order ignored. */
export function sameQuestions(a: readonly Question[], b: readonly Question[]): boolean {
  return canonical(a) === canonical(b);
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([x], [y]) => x.localeCompare(y)))
      : v,
  );
}

/** Whether answers are taken now. */
export function isOpen(form: Pick<Form, 'status' | 'closesAt'>, now = Date.now()): boolean {
  return form.status === 'open' && (form.closesAt === undefined || now < Date.parse(form.closesAt));
}

// ---------------------------------------------------------------- answers

/** One answer value per question type. */
export type AnswerValue = number | string | string[];
export type Answers = Record<string, AnswerValue>;

/** The themes a ranking question ranks (all of them at the time it was saved). */
const rankedThemes = (q: Question) => (q.type === 'ranking' ? (q.themeIds ?? []) : []);

/**
 * The themes an answer said something about: the theme of each question it answered, and the
 * themes a ranking it answered placed (each theme once, in question order).
 */
export function answeredThemes(questions: readonly Question[], answers: Answers): string[] {
  const themes = new Set<string>();
  for (const q of questions) {
    const value = answers[q.id];
    if (value === undefined || isEmpty(value)) continue;
    if (q.themeId) themes.add(q.themeId);
    if (q.type === 'ranking' && Array.isArray(value)) for (const id of value) themes.add(id);
  }
  return [...themes];
}

function valueSchema(q: Question): z.ZodType<AnswerValue> {
  switch (q.type) {
    case 'rating':
      return z.number().int('A whole number').min(1).max(q.scale);
    case 'single':
      return z.enum(q.options.map((o) => o.id) as [string, ...string[]]);
    case 'multiple': {
      const max = q.maxChoices ?? q.options.length;
      return z
        .array(z.enum(q.options.map((o) => o.id) as [string, ...string[]]))
        .max(max, `At most ${max} choices`)
        .refine((v) => new Set(v).size === v.length, 'Each choice once');
    }
    case 'ranking': {
      const themes = rankedThemes(q);
      const places = q.places ?? themes.length;
      return z
        .array(z.enum(themes as [string, ...string[]]))
        .max(places, `At most ${places} places`)
        .refine((v) => new Set(v).size === v.length, 'Each theme once');
    }
    case 'short-text':
    case 'long-text': {
      const max = textLimits[q.type];
      return z
        .string()
        .transform(cleanText)
        .pipe(z.string().max(max, `At most ${max} characters`));
    }
  }
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const controls = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Free text as stored: line breaks as LF, other control characters gone, trimmed. */
export function cleanText(value: string): string {
  return value
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(controls, '')
    .trim();
}

const isEmpty = (v: AnswerValue | undefined) =>
  v === undefined || v === '' || (Array.isArray(v) && v.length === 0);

/**
 * The schema of an answer to `questions` (one version of a form): an object of question id →
 * value, nothing else. Unknown questions, wrong types, too long texts and too many choices are
 * refused, each at its question's id; required questions must have a value. Empty values of
 * optional questions are dropped.
 */
export function answersSchema(questions: readonly Question[]) {
  const shape = Object.fromEntries(
    // An empty value (a blank field, no boxes ticked) is no answer.
    questions.map((q) => [
      q.id,
      z.preprocess((v) => (isEmpty(v as AnswerValue) ? undefined : v), valueSchema(q).optional()),
    ]),
  );
  return z
    .strictObject(shape)
    .superRefine((answers, ctx) => {
      for (const q of questions) {
        if (q.required && isEmpty(answers[q.id] as AnswerValue | undefined)) {
          ctx.addIssue({ code: 'custom', path: [q.id], message: 'Required' });
        }
      }
    })
    .transform((answers) => {
      const out: Answers = {};
      for (const q of questions) {
        const v = answers[q.id] as AnswerValue | undefined;
        if (v !== undefined && !isEmpty(v)) out[q.id] = v;
      }
      return out;
    });
}

/**
 * Answers as a page posts them (every field a string, checkbox groups as lists, a ranking as one
 * select per theme named `<question>.<theme>` holding the place) in the shape
 * {@link answersSchema} checks. Fields of no question are kept, so the schema refuses them.
 */
export function answersFromForm(
  questions: readonly Question[],
  form: Record<string, string>,
  lists: Record<string, string[]>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const known = new Set<string>(['_csrf']);
  for (const q of questions) {
    known.add(q.id);
    if (q.type === 'rating') {
      const raw = form[q.id];
      if (raw !== undefined && raw !== '') out[q.id] = /^\d{1,2}$/.test(raw) ? Number(raw) : raw;
    } else if (q.type === 'multiple') {
      out[q.id] = lists[q.id] ?? [];
    } else if (q.type === 'ranking') {
      const placed: { theme: string; place: unknown }[] = [];
      for (const theme of rankedThemes(q)) {
        const name = `${q.id}.${theme}`;
        known.add(name);
        const raw = form[name];
        if (raw !== undefined && raw !== '')
          placed.push({ theme, place: /^\d{1,2}$/.test(raw) ? Number(raw) : raw });
      }
      const places = placed.map((p) => p.place);
      // Places must be 1..n with none twice; anything else is passed on as-is to be refused.
      const valid =
        places.every((p) => typeof p === 'number') &&
        new Set(places).size === places.length &&
        (places as number[]).every((p) => p >= 1 && p <= placed.length);
      out[q.id] = valid
        ? placed.sort((a, b) => (a.place as number) - (b.place as number)).map((p) => p.theme)
        : 'invalid ranking';
    } else if (form[q.id] !== undefined) {
      out[q.id] = form[q.id];
    }
  }
  for (const name of Object.keys(form)) if (!known.has(name)) out[name] = form[name];
  return out;
}

/**
 * What one answer adds to the form's counters: per rating question the count of each value,
 * per choice question the count of each option, per ranking question the points of each theme
 * (first of n places gets n points, the Borda count) and how often it came first. The counter
 * names are safe as DynamoDB attribute names through expression placeholders.
 */
export function counterDeltas(questions: readonly Question[], answers: Answers): Record<string, number> {
  const deltas: Record<string, number> = { answers: 1 };
  const add = (name: string, by: number) => {
    deltas[name] = (deltas[name] ?? 0) + by;
  };
  for (const q of questions) {
    const v = answers[q.id];
    if (v === undefined) continue;
    add(`q#${q.id}#n`, 1);
    if (q.type === 'rating' && typeof v === 'number') add(`q#${q.id}#v#${v}`, 1);
    if (q.type === 'single' && typeof v === 'string') add(`q#${q.id}#o#${v}`, 1);
    if (q.type === 'multiple' && Array.isArray(v)) for (const o of v) add(`q#${q.id}#o#${o}`, 1);
    if (q.type === 'ranking' && Array.isArray(v)) {
      const n = rankedThemes(q).length;
      v.forEach((theme, place) => {
        add(`q#${q.id}#p#${theme}`, n - place);
        if (place === 0) add(`q#${q.id}#first#${theme}`, 1);
      });
    }
  }
  return deltas;
}

/** The deltas of replacing `before` with `after` (an edit): `after`'s minus `before`'s, zeros dropped. */
export function editDeltas(
  questions: readonly Question[],
  before: Answers,
  after: Answers,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [k, v] of Object.entries(counterDeltas(questions, after))) out[k] = v;
  for (const [k, v] of Object.entries(counterDeltas(questions, before))) out[k] = (out[k] ?? 0) - v;
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== 0));
}

/**
 * The programme themes an answer gave views on: questions on a theme answered (a blank text or
 * an empty choice is no view), and the themes a ranking placed. What "feedback on a theme" means
 * for closing the loop.
 */
export function themesAnswered(questions: Question[], answers: Answers): string[] {
  const themes = new Set<string>();
  for (const q of questions) {
    const value = answers[q.id];
    if (value === undefined) continue;
    if (q.type === 'ranking') {
      if (Array.isArray(value)) for (const themeId of value) themes.add(themeId);
      continue;
    }
    const given = Array.isArray(value)
      ? value.length > 0
      : typeof value === 'string'
        ? value.trim() !== ''
        : true;
    if (given && q.themeId) themes.add(q.themeId);
  }
  return [...themes].sort();
}
