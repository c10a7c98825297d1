import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { languageSchema } from '../platform/texts/language.js';

/** Who a campaign goes to. Organisation filters match the contact's organisation. */
export const audienceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z
    .object({ kind: z.literal('tags'), tags: z.array(z.string().trim().min(1).max(60)).min(1).max(20) })
    .strict(),
  z
    .object({
      kind: z.literal('organisation-types'),
      types: z.array(z.string().trim().min(1).max(60)).min(1).max(20),
    })
    .strict(),
  z
    .object({
      /** The invitations of an event in the given states (reminders, attendee mails). */
      kind: z.literal('event'),
      eventId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
      statuses: z.array(z.enum(['invited', 'attending', 'waitlisted', 'declined'])).min(1),
    })
    .strict(),
  z
    .object({
      kind: z.literal('contacts'),
      contactIds: z
        .array(z.string().regex(/^[A-Za-z0-9_-]{1,64}$/))
        .min(1)
        .max(5000),
    })
    .strict(),
]);
export type Audience = z.infer<typeof audienceSchema>;

/** Counters kept on the campaign item, updated with each change, never by counting deliveries. */
export const campaignCounters = [
  'queued',
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

export type CampaignStatus = 'draft' | 'sending' | 'sent';

export interface Campaign {
  campaignId: string;
  tenantId: string;
  name: string;
  /** The message kind (shared/mail templates) and its staff-written content. */
  kind: string;
  content: Record<string, unknown>;
  audience: Audience;
  /** Bulk mail carries List-Unsubscribe; transactional mail (confirmations) does not. */
  bulk: boolean;
  status: CampaignStatus;
  counters: Record<CampaignCounter, number>;
  expansion: { pages: number; done: boolean };
  createdAt: string;
  createdBy: string;
  sendRequestedAt?: string;
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

export function isForwardMove(from: DeliveryStatus, to: DeliveryStatus): boolean {
  return rank[to] > rank[from];
}

/** The statuses a delivery may be in for `to` to be a forward move. */
export function statusesBefore(to: DeliveryStatus): DeliveryStatus[] {
  return (Object.keys(rank) as DeliveryStatus[]).filter((from) => isForwardMove(from, to));
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
