import * as z from 'zod';
import type { Programme } from './programme.js';

/**
 * Outcomes per theme ("you said, we did"): what was decided or done about a theme of the
 * programme. Pure rules: the schema of what staff send, and the checks against the programme.
 */

export const outcomeStatuses = ['planned', 'in-progress', 'done', 'not-pursued'] as const;
export type OutcomeStatus = (typeof outcomeStatuses)[number];

const recordId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a valid id');
const unique = (values: string[]) => new Set(values).size === values.length;
const ids = z.array(recordId).max(10, 'At most 10').refine(unique, 'Each at most once').default([]);

/** The editable fields of an outcome. */
const outcomeFields = {
  themeId: recordId,
  title: z.string().trim().min(1, 'Required').max(200, 'At most 200 characters'),
  /** Markdown; rendered sanitised (raw HTML shown as text, only http/https/mailto links). */
  body: z.string().trim().max(8000, 'At most 8000 characters').default(''),
  status: z.enum(outcomeStatuses),
  /** Why it is not pursued: required then, and only then kept. */
  reason: z.string().trim().max(1000, 'At most 1000 characters').optional(),
  date: z.iso.date(),
  releaseIds: ids,
  eventIds: ids,
};

const reasonWhenNotPursued: [
  (o: { status: OutcomeStatus; reason?: string }) => boolean,
  { path: string[]; message: string },
] = [
  (o) => o.status !== 'not-pursued' || Boolean(o.reason),
  { path: ['reason'], message: 'Required when the status is not pursued' },
];

export const outcomeInputSchema = z
  .object(outcomeFields)
  .strict()
  .refine(...reasonWhenNotPursued);
export type OutcomeInput = z.infer<typeof outcomeInputSchema>;

/** A full replacement, guarded by the version the editor last saw. */
export const outcomeUpdateSchema = z
  .object({ ...outcomeFields, expectedVersion: z.number().int().positive() })
  .strict()
  .refine(...reasonWhenNotPursued);
export type OutcomeUpdate = z.infer<typeof outcomeUpdateSchema>;

/** A linked release or event, with what the public page shows of it (copied when linked). */
export interface OutcomeLink {
  id: string;
  title: string;
}

export interface Outcome {
  outcomeId: string;
  tenantId: string;
  programmeId: string;
  themeId: string;
  title: string;
  body: string;
  status: OutcomeStatus;
  reason?: string;
  date: string;
  releases: OutcomeLink[];
  events: OutcomeLink[];
  published: boolean;
  publishedAt?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** What can be wrong with an outcome beyond its shape (pages word each code in the reader's language). */
export type OutcomeProblemCode =
  | 'notATheme'
  | 'beforePeriod'
  | 'afterPeriod'
  | 'unknownRelease'
  | 'unknownEvent';

export interface FieldProblem {
  field: string;
  code: OutcomeProblemCode;
  message: string;
}

/**
 * What the programme says against an outcome: its theme must be one of the programme's, its date
 * inside the programme's period when it has one. Field paths as the JSON API names them.
 */
export function outcomeProblems(
  programme: Pick<Programme, 'themes' | 'startsOn' | 'endsOn'>,
  input: Pick<OutcomeInput, 'themeId' | 'date'>,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!programme.themes.some((t) => t.id === input.themeId))
    problems.push({ field: 'body.themeId', code: 'notATheme', message: 'Not a theme of the programme' });
  if (programme.startsOn && input.date < programme.startsOn)
    problems.push({
      field: 'body.date',
      code: 'beforePeriod',
      message: `Must not be before the programme starts (${programme.startsOn})`,
    });
  if (programme.endsOn && input.date > programme.endsOn)
    problems.push({
      field: 'body.date',
      code: 'afterPeriod',
      message: `Must not be after the programme ends (${programme.endsOn})`,
    });
  return problems;
}

/** The reason is kept only for an outcome not pursued. */
export const reasonFor = (input: { status: OutcomeStatus; reason?: string }): string | undefined =>
  input.status === 'not-pursued' ? input.reason : undefined;

/** Each theme's most recent outcome by date (then by when recorded), of the outcomes given. */
export function latestPerTheme(outcomes: Outcome[]): Map<string, Outcome> {
  const latest = new Map<string, Outcome>();
  for (const o of outcomes) {
    const seen = latest.get(o.themeId);
    if (!seen || o.date > seen.date || (o.date === seen.date && o.createdAt > seen.createdAt))
      latest.set(o.themeId, o);
  }
  return latest;
}
