import { createHash } from 'node:crypto';
import * as z from 'zod';
import type { ErrorDetail } from '../platform/http/errors.js';
import { hasControlCharacters, isValidEmail } from '../platform/mail-kit/headers.js';
import { type Language, languageSchema } from '../platform/texts/language.js';
import { type PressSettings, termIdSchema } from './release.js';

/*
 * Journalists' subscriptions to a newsroom: the pure rules. A subscription is requested on the
 * public page and stays `pending` (never mailed, gone after seven days) until its owner confirms
 * it from the mail; only a confirmed, unpaused subscription receives releases, and only those
 * whose topics or regions it follows.
 */

/** How long an unconfirmed subscription (and its confirmation link) lives. */
export const PENDING_DAYS = 7;
/** At most one confirmation mail per address per this many seconds. */
export const CONFIRMATION_WINDOW_SECONDS = 3600;

const oneLine = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `At most ${max} characters`)
    .refine(
      (value) => !hasControlCharacters(value),
      'Must be one line, without line breaks or control characters',
    );

/** Each term once: the counters add one per term (and a change stays within one transaction). */
const termList = z
  .array(termIdSchema)
  .max(20, 'At most 20')
  .default([])
  .transform((ids) => [...new Set(ids)]);

/** What the preference centre may change. */
export const preferencesSchema = z
  .object({
    topics: termList,
    regions: termList,
    language: languageSchema,
    paused: z.boolean().default(false),
  })
  .refine((p) => p.topics.length + p.regions.length > 0, {
    message: 'Choose at least one topic or region',
    path: ['topics'],
  });
export type Preferences = z.infer<typeof preferencesSchema>;

export const subscribeInputSchema = z
  .object({
    email: z
      .string()
      .trim()
      .max(254, 'At most 254 characters')
      .refine((value) => isValidEmail(value), 'Not a valid email address'),
    name: oneLine(120).pipe(z.string().min(1, 'Required')),
    outlet: oneLine(120).optional(),
    topics: termList,
    regions: termList,
    language: languageSchema,
  })
  .refine((p) => p.topics.length + p.regions.length > 0, {
    message: 'Choose at least one topic or region',
    path: ['topics'],
  });
export type SubscribeInput = z.infer<typeof subscribeInputSchema>;

/** The consent as given (GDPR art. 7): when, where, and the exact words shown. */
export interface Consent {
  at: string;
  /** `newsroom-form`, `demo`… */
  source: string;
  language: Language;
  text: string;
}

export type SubscriptionStatus = 'pending' | 'confirmed';

export interface Subscriber {
  subscriberId: string;
  tenantId: string;
  email: string;
  name: string;
  outlet?: string;
  topics: string[];
  regions: string[];
  language: Language;
  status: SubscriptionStatus;
  paused: boolean;
  consent: Consent;
  createdAt: string;
  confirmedAt?: string;
  /** Pending only: when it is deleted (epoch seconds, the table's TTL attribute). */
  expiresAt?: number;
  updatedAt?: string;
}

/**
 * A subscriber's id: derived from the address, so one address has one subscription per
 * newsroom and asking again finds it. A hash, so keys and tokens never hold the address.
 */
export function subscriberIdOf(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('base64url').slice(0, 32);
}

/** The pipeline's recipient id of a subscriber: not a directory contact id (those have no prefix). */
const RECIPIENT_PREFIX = 'press-';
export const recipientIdOf = (subscriberId: string) => `${RECIPIENT_PREFIX}${subscriberId}`;
export const subscriberIdOfRecipient = (recipientId: string): string | undefined =>
  recipientId.startsWith(RECIPIENT_PREFIX) ? recipientId.slice(RECIPIENT_PREFIX.length) : undefined;

/** Whether a pending subscription has passed its seven days (DynamoDB's TTL deletes late). */
export const isExpired = (s: Pick<Subscriber, 'status' | 'expiresAt'>, now: Date) =>
  s.status === 'pending' && s.expiresAt !== undefined && s.expiresAt * 1000 <= now.getTime();

/** Whether a release with these topics and regions goes to this subscriber. */
export function matchesRelease(
  subscriber: Pick<Subscriber, 'status' | 'paused' | 'topics' | 'regions'>,
  release: { topics: readonly string[]; regions: readonly string[] },
): boolean {
  if (subscriber.status !== 'confirmed' || subscriber.paused) return false;
  return (
    subscriber.topics.some((t) => release.topics.includes(t)) ||
    subscriber.regions.some((r) => release.regions.includes(r))
  );
}

/** Topics and regions the press room does not have: one detail per field. */
export function subscriptionVocabularyProblems(
  input: Pick<Preferences, 'topics' | 'regions'>,
  settings: PressSettings,
  prefix = 'body',
): ErrorDetail[] {
  const check = (field: 'topics' | 'regions', known: { id: string }[]): ErrorDetail[] => {
    const ids = new Set(known.map((k) => k.id));
    const unknown = input[field].filter((v) => !ids.has(v));
    return unknown.length
      ? [{ field: `${prefix}.${field}`, message: `Not in the press room's list: ${unknown.join(', ')}` }]
      : [];
  };
  return [...check('topics', settings.topics), ...check('regions', settings.regions)];
}

/** The counter items a subscription adds to (all, and each topic and region it follows). */
export const counterScopes = (s: Pick<Subscriber, 'topics' | 'regions'>) => [
  'ALL',
  ...s.topics.map((t) => `TOPIC#${t}`),
  ...s.regions.map((r) => `REGION#${r}`),
];

/** What a change of topics and regions adds (+1) and takes (-1) from the counters. */
export function counterDeltas(
  before: Pick<Subscriber, 'topics' | 'regions'> | undefined,
  after: Pick<Subscriber, 'topics' | 'regions'> | undefined,
): Map<string, number> {
  const deltas = new Map<string, number>();
  for (const scope of before ? counterScopes(before) : []) deltas.set(scope, (deltas.get(scope) ?? 0) - 1);
  for (const scope of after ? counterScopes(after) : []) deltas.set(scope, (deltas.get(scope) ?? 0) + 1);
  for (const [scope, n] of deltas) if (n === 0) deltas.delete(scope);
  return deltas;
}
