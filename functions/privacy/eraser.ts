import { eventQueueConsumer, reaction } from '../../shared/platform/bus/queue-consumer.js';
import { runErasure } from '../../shared/privacy/actions/erase.js';
import { ErasureRequested } from '../../shared/privacy/events.js';

/** Erases a person across every capability when an admin runs an erasure request (resumable, idempotent). */
export const handler = eventQueueConsumer([
  reaction(ErasureRequested, (detail) =>
    runErasure(detail.tenantId, detail.requestId, { actor: detail.actor }),
  ),
]);
