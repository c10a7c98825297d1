import { idFromKey } from '../campaign.js';
import type { MessageDefinition } from '../message.js';
import { createAndSend } from '../store/campaigns.js';

/**
 * A mail to one contact (a confirmation, a promotion from the waitlist…) through the same
 * pipeline as campaigns: suppression, pacing, exactly-once sending, SES events. It is a
 * one-recipient campaign whose id derives from `key`, so asking twice for the same mail
 * (a retried request, a redelivered event) queues it once.
 */
export async function queueMail(input: {
  tenantId: string;
  contactId: string;
  /** The kind of mail (its definition, from the capability that declares it). */
  message: MessageDefinition;
  /** The kind's data; links the sender signs per recipient (RSVP, unsubscribe) are added by it. */
  data: Record<string, unknown>;
  /** What makes this mail unique, e.g. `rsvp-confirmation:<event>:<contact>:<version>`. */
  key: string;
  name: string;
  actor: string;
}): Promise<string> {
  const campaign = await createAndSend({
    campaignId: idFromKey(`${input.tenantId}:${input.key}`),
    tenantId: input.tenantId,
    name: input.name,
    kind: input.message.kind,
    content: input.data,
    audience: { kind: 'contacts', contactIds: [input.contactId] },
    bulk: input.message.bulk,
    createdBy: input.actor,
    actor: input.actor,
  });
  // Created as `sending` with CampaignSendRequested in the same transaction; asking again finds
  // the campaign and asks nothing more.
  return campaign.campaignId;
}
