import { eventQueueConsumer, reaction } from '../../shared/platform/bus/queue-consumer.js';
import { runErasure } from '../../shared/privacy/actions/erase.js';
import { runRetention } from '../../shared/privacy/actions/retention.js';
import { ErasureRequested, RetentionDue } from '../../shared/privacy/events.js';

/**
 * Erases a person across every capability when an admin runs an erasure request (resumable,
 * idempotent), and runs each tenant's nightly retention rules.
 */
export const handler = eventQueueConsumer([
  reaction(ErasureRequested, (detail) =>
    runErasure(detail.tenantId, detail.requestId, { actor: detail.actor }),
  ),
  reaction(RetentionDue, async (detail) => {
    await runRetention(detail.tenantId, detail.day);
  }),
]);
