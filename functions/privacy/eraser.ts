import { recordEngagement, recordEngagementOfAddress } from '../../shared/directory/index.js';
import { FeedbackAnswered } from '../../shared/feedback/events.js';
import { InvitationAnswered, InvitationOpened } from '../../shared/meetings/events.js';
import { eventQueueConsumer, reaction } from '../../shared/platform/bus/queue-consumer.js';
import { BulkExported } from '../../shared/platform/privacy/bulk-export.js';
import { SubscriptionConfirmed } from '../../shared/press/events.js';
import { getSubscriber } from '../../shared/press/index.js';
import { auditBulkExport } from '../../shared/privacy/actions/bulk-export.js';
import { runErasure } from '../../shared/privacy/actions/erase.js';
import { runRetention } from '../../shared/privacy/actions/retention.js';
import { ErasureRequested, RetentionDue } from '../../shared/privacy/events.js';

/**
 * Erases a person across every capability when an admin runs an erasure request (resumable,
 * idempotent), runs each tenant's nightly retention rules, and writes staff's bulk downloads to
 * the audit log (the audit log's one writer), and records contacts' engagement for the retention rule.
 */
export const handler = eventQueueConsumer([
  reaction(ErasureRequested, (detail) =>
    runErasure(detail.tenantId, detail.requestId, { actor: detail.actor }),
  ),
  reaction(RetentionDue, async (detail) => {
    await runRetention(detail.tenantId, detail.day);
  }),
  reaction(BulkExported, auditBulkExport),
  // Engagement for the retention rule: idempotent, never moving the date backwards (a redelivery
  // or a late older event changes nothing).
  reaction(InvitationAnswered, (detail) =>
    recordEngagement(detail.tenantId, detail.contactId, detail.at ?? new Date().toISOString()),
  ),
  reaction(InvitationOpened, (detail) => recordEngagement(detail.tenantId, detail.contactId, detail.at)),
  // A journalist's confirmed subscription engages the contact with the same address, if any.
  reaction(SubscriptionConfirmed, async (detail) => {
    const subscriber = await getSubscriber(detail.tenantId, detail.subscriberId);
    if (subscriber?.status === 'confirmed')
      await recordEngagementOfAddress(
        detail.tenantId,
        subscriber.email,
        subscriber.confirmedAt ?? new Date().toISOString(),
      );
  }),
  reaction(FeedbackAnswered, async (detail) => {
    if (detail.attributed && detail.contactId)
      await recordEngagement(detail.tenantId, detail.contactId, detail.at ?? new Date().toISOString());
  }),
]);
