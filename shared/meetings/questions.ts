import * as z from 'zod';

/*
 * Custom registration questions: staff add up to ten beside the five fixed ones. Each has a
 * stable id (and each option of a choice too), so an answer survives a label being reworded.
 * Labels are written in the event's language, like its title and description: the RSVP page
 * shows them marked with that language, whatever language the page itself speaks.
 *
 * A question removed from the event is no longer asked, counted or exported; answers already
 * given stay on the invitations (they are the person's own data: exported and erased with it).
 */

export const questionKinds = ['short-text', 'long-text', 'single-choice', 'multiple-choice'] as const;
export type QuestionKind = (typeof questionKinds)[number];

export const MAX_QUESTIONS = 10;
export const MAX_OPTIONS = 20;
/** The longest answer to a text question, in characters. */
export const answerMaxLength: Record<'short-text' | 'long-text', number> = {
  'short-text': 200,
  'long-text': 2000,
};

const questionId = z.string().regex(/^[a-z0-9]{1,16}$/, 'Letters a–z and digits, at most 16');
const label = (max: number) => z.string().trim().min(1, 'Required').max(max, `At most ${max} characters`);

export const customQuestionSchema = z
  .object({
    id: questionId,
    kind: z.enum(questionKinds),
    label: label(200),
    required: z.boolean().default(false),
    options: z
      .array(z.object({ id: questionId, label: label(100) }).strict())
      .max(MAX_OPTIONS)
      .default([]),
  })
  .strict()
  .refine((q) => (isChoice(q.kind) ? q.options.length >= 2 : q.options.length === 0), {
    path: ['options'],
    message: `A choice has 2–${MAX_OPTIONS} options; a text question none`,
  })
  .refine((q) => new Set(q.options.map((o) => o.id)).size === q.options.length, {
    path: ['options'],
    message: 'Option ids must differ',
  });
export type CustomQuestion = z.infer<typeof customQuestionSchema>;

export const customQuestionsSchema = z
  .array(customQuestionSchema)
  .max(MAX_QUESTIONS)
  .refine((qs) => new Set(qs.map((q) => q.id)).size === qs.length, { message: 'Question ids must differ' });

export const isChoice = (kind: QuestionKind) => kind === 'single-choice' || kind === 'multiple-choice';

/** An answer per question id: the text, or the chosen option ids. */
export type QuestionAnswers = Record<string, string | string[]>;

/** Answers as stored (ids only, bounded): what the answer transaction accepts. */
export const questionAnswersSchema = z.record(
  questionId,
  z.union([z.string().max(answerMaxLength['long-text']), z.array(questionId).max(MAX_OPTIONS)]),
);

export type AnswerProblem =
  | { code: 'required' }
  | { code: 'unknownOption' }
  | { code: 'oneOnly' }
  | { code: 'tooLong'; max: number };

export type CheckedAnswers =
  | { ok: true; answers: QuestionAnswers }
  | { ok: false; problems: Record<string, AnswerProblem> };

/**
 * The answers as posted (every value of each question's field) checked against the event's
 * questions: a required one answered, options only from its list (one for a single choice),
 * texts within their length. Fields of no question are ignored; unanswered optional questions
 * are left out.
 */
export function checkAnswers(
  questions: readonly CustomQuestion[],
  posted: Readonly<Record<string, readonly string[] | undefined>>,
): CheckedAnswers {
  const answers: QuestionAnswers = {};
  const problems: Record<string, AnswerProblem> = {};
  for (const q of questions) {
    const values = (posted[q.id] ?? []).map((v) => v.trim()).filter((v) => v !== '');
    if (isChoice(q.kind)) {
      const chosen = [...new Set(values)];
      if (chosen.some((v) => !q.options.some((o) => o.id === v))) problems[q.id] = { code: 'unknownOption' };
      else if (q.kind === 'single-choice' && chosen.length > 1) problems[q.id] = { code: 'oneOnly' };
      else if (chosen.length === 0) {
        if (q.required) problems[q.id] = { code: 'required' };
      } else answers[q.id] = chosen;
    } else {
      const text = (values[0] ?? '').replace(/\r\n?/g, '\n');
      const max = answerMaxLength[q.kind];
      if (text.length > max) problems[q.id] = { code: 'tooLong', max };
      else if (text === '') {
        if (q.required) problems[q.id] = { code: 'required' };
      } else answers[q.id] = text;
    }
  }
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, answers };
}

/** The counters item's attribute of one option's count (choice answers of those attending). */
export const optionCounterKey = (questionId: string, optionId: string) => `ans_${questionId}.${optionId}`;

/**
 * The counter deltas of an answer's choice questions: each chosen option of an attending answer
 * counts one (per answer, not per person); the answer before is taken away.
 */
export function choiceDeltas(
  before: { status: string; answers?: QuestionAnswers } | undefined,
  after: QuestionAnswers | undefined,
): Record<string, number> {
  const deltas: Record<string, number> = {};
  const add = (answers: QuestionAnswers | undefined, sign: number) => {
    for (const [questionId, value] of Object.entries(answers ?? {}))
      if (Array.isArray(value))
        for (const optionId of value) {
          const key = optionCounterKey(questionId, optionId);
          deltas[key] = (deltas[key] ?? 0) + sign;
        }
  };
  if (before?.status === 'attending') add(before.answers, -1);
  add(after, 1);
  for (const [key, n] of Object.entries(deltas)) if (n === 0) delete deltas[key];
  return deltas;
}

/** A new id for a question or an option: random, so a removed one's id is never given again. */
export function newQuestionId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return Array.from(bytes, (b) => (b % 36).toString(36)).join('');
}

/**
 * The options of an edited choice with their ids: a line keeps the id of the option that had the
 * same label before, else of the option at the same place (a reworded option keeps its answers),
 * else gets a new one.
 */
export function matchOptionIds(
  before: readonly { id: string; label: string }[],
  labels: readonly string[],
  newId: () => string = newQuestionId,
): { id: string; label: string }[] {
  const key = (s: string) => s.trim().toLocaleLowerCase();
  const used = new Set<string>();
  const ids: (string | undefined)[] = labels.map((l) => {
    const same = before.find((o) => key(o.label) === key(l) && !used.has(o.id));
    if (same) used.add(same.id);
    return same?.id;
  });
  return labels.map((l, i) => {
    let id = ids[i];
    if (!id) {
      const placed = before[i];
      if (placed && !used.has(placed.id)) id = placed.id;
      else
        do id = newId();
        while (used.has(id) || before.some((o) => o.id === id));
      used.add(id);
    }
    return { id, label: l.trim() };
  });
}
