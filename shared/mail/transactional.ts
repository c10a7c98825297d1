import { publish } from '../platform/bus/publisher.js';
import { idFromKey } from './campaign.js';
import { isBulkKind, type MessageKind } from './content.js';
import { CampaignSendRequested } from './events.js';
import { createCampaign } from './store/campaigns.js';

/**
 * A mail to one contact (a confirmation, a promotion from the waitlist…) through the same
 * pipeline as campaigns: suppression, pacing, exactly-once sending, SES events. It is a
 * one-recipient campaign whose id derives from `key`, so asking twice for the same mail
 * (a retried request, a redelivered event) queues it once.
 */
export async function queueMail(input: {
  tenantId: string;
  contactId: string;
  kind: MessageKind;
  /** The kind's data; links the sender signs per recipient (RSVP, unsubscribe) are added by it. */
  data: Record<string, unknown>;
  /** What makes this mail unique, e.g. `rsvp-confirmation:<event>:<contact>:<version>`. */
  key: string;
  name: string;
  actor: string;
}): Promise<string> {
  const campaign = await createCampaign({
    campaignId: idFromKey(`${input.tenantId}:${input.key}`),
    tenantId: input.tenantId,
    name: input.name,
    kind: input.kind,
    content: input.data,
    audience: { kind: 'contacts', contactIds: [input.contactId] },
    bulk: isBulkKind(input.kind),
    createdBy: input.actor,
    status: 'sending',
  });
  // Created as `sending` (no second write marks it); asking again publishes again, which the
  // expander and the sender absorb (a delivery is created and sent once).
  await publish(CampaignSendRequested, {
    tenantId: input.tenantId,
    campaignId: campaign.campaignId,
    actor: input.actor,
  });
  return campaign.campaignId;
}
