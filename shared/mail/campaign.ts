import { createHash } from 'node:crypto';
import * as z from 'zod';
import type { languageSchema } from '../platform/texts/language.js';

const tagsAudience = z
  .object({ kind: z.literal('tags'), tags: z.array(z.string().trim().min(1).max(60)).min(1).max(20) })
  .strict();
const organisationTypesAudience = z
  .object({
    kind: z.literal('organisation-types'),
    types: z.array(z.string().trim().min(1).max(60)).min(1).max(20),
  })
  .strict();
const contactsAudience = z
  .object({
    kind: z.literal('contacts'),
    contactIds: z
      .array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/))
      .min(1)
      .max(5000),
  })
  .strict();

/** Who a campaign goes to. Organisation filters match the contact's organisation. */
export const audienceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  tagsAudience,
  organisationTypesAudience,
  z
    .object({
      /** The invitations of an event in the given states (reminders, attendee mails). */
      kind: z.literal('event'),
      eventId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
      statuses: z.array(z.enum(['invited', 'attending', 'waitlisted', 'declined'])).min(1),
    })
    .strict(),
  contactsAudience,
]);

/**
 * What a saved segment can hold: an audience of the address book (not an event's invitations,
 * which belong to one event). "Everyone" is left out: it needs no saving.
 */
export const segmentAudienceSchema = z.discriminatedUnion('kind', [
  tagsAudience,
  organisationTypesAudience,
  contactsAudience,
]);
export type SegmentAudience = z.infer<typeof segmentAudienceSchema>;

/**
 * Audiences only the press room composes (never accepted from staff: a press subscriber is mailed
 * only what they confirmed they want, and a pending one only their confirmation).
 */
const pressAudienceSchema = z.discriminatedUnion('kind', [
  z
    .object({
      /** A press release's subscribers: confirmed, unpaused, following one of its topics or regions. */
      kind: z.literal('press-release'),
      releaseId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
      topics: z.array(z.string().min(1).max(40)).max(20),
      regions: z.array(z.string().min(1).max(40)).max(20),
      /** Only subscribers confirmed by then: a release is news to those who followed it when it went out. */
      asOf: z.iso.datetime({ offset: true }),
    })
    .strict(),
  z
    .object({
      /** One press subscriber, pending or not (the double opt-in's confirmation). */
      kind: z.literal('press-subscriber'),
      subscriberId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    })
    .strict(),
]);
/**
 * An audience only open registration composes (never accepted from staff): the one pending
 * registration whose confirmation this is (meetings: the address typed on an event's public page).
 */
const registrationAudienceSchema = z
  .object({
    kind: z.literal('event-registration'),
    eventId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    registrationId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
  })
  .strict();

export type Audience =
  | z.infer<typeof audienceSchema>
  | z.infer<typeof pressAudienceSchema>
  | z.infer<typeof registrationAudienceSchema>;

/** A campaign's note of the saved segment its audience came from. */
export interface CampaignSegment {
  segmentId: string;
  name: string;
}

/**
 * A campaign's counters, never computed by counting deliveries: each delivery's move and the
 * counter change it causes are written in one transaction (`countersForMove`), so a crash at any
 * point leaves the counters equal to the deliveries. `settled` counts queued deliveries that
 * reached a final state: the campaign is finished when it equals `queued`.
 */
export const campaignCounters = [
  'queued',
  'settled',
  'sent',
  'delivered',
  'bounced',
  'complained',
  'failed',
  'skipped',
  'opened',
  'clicked',
] as const;
export type CampaignCounter = (typeof campaignCounters)[number];

/** `sent` once every delivery reached a final state (with failures when `failed` > 0). */
export type CampaignStatus = 'draft' | 'sending' | 'sent' | 'cancelled';

export interface Campaign {
  campaignId: string;
  tenantId: string;
  name: string;
  /** The message kind (shared/mail templates) and its staff-written content. */
  kind: string;
  content: Record<string, unknown>;
  audience: Audience;
  /** The saved segment the audience was taken from, as it was named then (its definition is in `audience`). */
  segment?: CampaignSegment;
  /** Bulk mail carries List-Unsubscribe; transactional mail (confirmations) does not. */
  bulk: boolean;
  status: CampaignStatus;
  counters: Record<CampaignCounter, number>;
  expansion: CampaignExpansion;
  createdAt: string;
  createdBy: string;
  sendRequestedAt?: string;
  /** A send asked for later: when it is due. */
  scheduledFor?: string;
  /** When the last delivery reached a final state (status `sent`). */
  finishedAt?: string;
  /** A scheduled send called off before its time (status `cancelled`). */
  cancelledAt?: string;
  cancelledBy?: string;
  /** When any delivery of the campaign last moved (the newest counter write). */
  lastProgressAt?: string;
}

/**
 * How far the audience has been expanded. `next` is where the following page starts (a
 * DynamoDB cursor or an offset, as JSON), kept so a lost continuation message can be sent again.
 */
export interface CampaignExpansion {
  pages: number;
  done: boolean;
  next?: string;
  updatedAt?: string;
  /** The queue message that recorded the last page (see `recordExpansionPage`). */
  recordedBy?: string;
}

export type DeliveryStatus =
  | 'queued'
  | 'sending'
  | 'sent'
  | 'delivered'
  | 'bounced'
  | 'complained'
  | 'failed'
  | 'skipped';

export interface Delivery {
  tenantId: string;
  campaignId: string;
  contactId: string;
  /** `<campaignId>_<contactId>`: the id carried in SES tags (which allow only [A-Za-z0-9_-]). */
  deliveryId: string;
  status: DeliveryStatus;
  language: z.infer<typeof languageSchema>;
  claimToken?: string;
  claimUntil?: number;
  attempts?: number;
  sesMessageId?: string;
  reason?: string;
  queuedAt: string;
  sentAt?: string;
  updatedAt?: string;
}

/** Campaign ids are UUIDs (no `_`), so the first `_` separates the two parts. */
export const deliveryId = (campaignId: string, contactId: string) => `${campaignId}_${contactId}`;

export function parseDeliveryId(id: string): { campaignId: string; contactId: string } | undefined {
  const match = /^([0-9a-f-]{36})_([A-Za-z0-9_-]{1,64})$/.exec(id);
  return match?.[1] && match[2] ? { campaignId: match[1], contactId: match[2] } : undefined;
}

/**
 * Suppression and unsubscribe records are keyed by a hash of the normalised address, so keys
 * (which end up in logs, metrics and traces more easily than attributes) never hold an address.
 */
export function addressKey(email: string): string {
  return createHash('sha256').update(email.trim().toLowerCase()).digest('base64url').slice(0, 32);
}

/**
 * Which SES event may move a delivery to which status. Events arrive out of order and more
 * than once; a later stage never goes back to an earlier one.
 */
const rank: Record<DeliveryStatus, number> = {
  queued: 0,
  sending: 1,
  skipped: 2,
  failed: 2,
  sent: 3,
  delivered: 4,
  bounced: 5,
  complained: 6,
};

/**
 * The counters a delivery in each status has added to: a delivered mail was also sent, a
 * complaint means it was delivered. A move adds what the new status has and the old one has not.
 */
const countedAs: Record<DeliveryStatus, readonly CampaignCounter[]> = {
  queued: ['queued'],
  sending: ['queued'],
  sent: ['queued', 'settled', 'sent'],
  delivered: ['queued', 'settled', 'sent', 'delivered'],
  bounced: ['queued', 'settled', 'sent', 'bounced'],
  complained: ['queued', 'settled', 'sent', 'delivered', 'complained'],
  failed: ['queued', 'settled', 'failed'],
  skipped: ['queued', 'settled', 'skipped'],
};

export type CounterDeltas = Partial<Record<CampaignCounter, number>>;

/**
 * What a delivery's move from `from` (undefined: it is being created) to `to` adds to its
 * campaign's counters. A delivery skipped when it is created (an invalid address) was never
 * queued: it counts as skipped only.
 */
export function countersForMove(from: DeliveryStatus | undefined, to: DeliveryStatus): CounterDeltas {
  if (from === undefined && to === 'skipped') return { skipped: 1 };
  const before = new Set<CampaignCounter>(from === undefined ? [] : countedAs[from]);
  return Object.fromEntries(countedAs[to].filter((c) => !before.has(c)).map((c) => [c, 1]));
}

/** Deliveries still to be sent: queued ones that have not reached a final state. */
export const pendingOf = (counters: Pick<Record<CampaignCounter, number>, 'queued' | 'settled'>) =>
  Math.max(0, counters.queued - counters.settled);

export function isForwardMove(from: DeliveryStatus, to: DeliveryStatus): boolean {
  // A bounced mail never reached anyone to complain: a complaint after a bounce is not real,
  // and taking it would count the delivery as delivered twice (after delivered → bounced).
  if (from === 'bounced' && to === 'complained') return false;
  return rank[to] > rank[from];
}

/**
 * A UUID-shaped id derived from a key (RFC 4122 version 5 layout over SHA-256), for records
 * that must be created once per key: the same confirmation is never queued twice.
 */
export function idFromKey(key: string): string {
  const hex = createHash('sha256').update(key).digest('hex');
  const variant = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/**
 * How long a campaign being sent may show no progress before its work is put back on the queues:
 * longer than a delivery can legitimately wait (a claim's lease, then a throttled message's
 * visibility timeout), so a campaign that is merely slow is left alone.
 */
export const STALLED_AFTER_SECONDS = 300;

/** When the campaign last showed progress: a delivery moved, a page was expanded, it was asked for. */
export function lastProgressOf(campaign: Campaign): string {
  return [
    campaign.lastProgressAt,
    campaign.expansion.updatedAt,
    campaign.sendRequestedAt,
    campaign.scheduledFor,
  ]
    .filter((t): t is string => typeof t === 'string')
    .reduce((latest, t) => (t > latest ? t : latest), campaign.createdAt);
}

/** Why a campaign being sent is not finished, in words for staff (and for the reconciler). */
export function whyUnfinished(
  campaign: Campaign,
  now: Date,
  stalledAfterSeconds: number,
  paused: boolean,
): 'scheduled' | 'held' | 'expanding' | 'sending' | 'stalled' | 'finishing' {
  if (campaign.scheduledFor && campaign.scheduledFor > now.toISOString()) return 'scheduled';
  if (paused) return 'held';
  const quietFor = (now.getTime() - Date.parse(lastProgressOf(campaign))) / 1000;
  if (campaign.expansion.done && pendingOf(campaign.counters) === 0) return 'finishing';
  if (quietFor >= stalledAfterSeconds) return 'stalled';
  return campaign.expansion.done ? 'sending' : 'expanding';
}

/** Where a campaign stands, as the console shows it. */
export type MailingState =
  | 'draft'
  | ReturnType<typeof whyUnfinished>
  | 'sent'
  | 'sent-with-failures'
  | 'cancelled';

export function mailingState(campaign: Campaign, now: Date, paused: boolean): MailingState {
  if (campaign.status === 'draft') return 'draft';
  if (campaign.status === 'cancelled') return 'cancelled';
  if (campaign.status === 'sent') return campaign.counters.failed > 0 ? 'sent-with-failures' : 'sent';
  return whyUnfinished(campaign, now, STALLED_AFTER_SECONDS, paused);
}
