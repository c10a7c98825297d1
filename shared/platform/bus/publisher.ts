import type { DetailOf, EventContract } from './contract.js';

/*
 * Events reach the bus through the outbox (./outbox.ts) and the outbox relay, never straight from a
 * handler: a state change and its events are one transaction.
 */

export class PublishError extends Error {
  override name = 'PublishError';
}

/** Consumers parse `detail` with the same schema the producer validated against. */
export function parseDetail<C extends EventContract>(
  contract: C,
  event: { source?: string; 'detail-type'?: string; detail?: unknown },
): DetailOf<C> {
  if (event.source !== contract.source || event['detail-type'] !== contract.detailType) {
    throw new Error(`Expected ${contract.name}, got ${event.source}/${event['detail-type']}`);
  }
  return contract.schema.parse(event.detail) as DetailOf<C>;
}

/**
 * The id of an event as its producer wrote it (the outbox item's id), the same however often it
 * is delivered; the EventBridge id changes with every delivery. Consumers dedupe on this.
 */
export function producerEventId(event: { id?: string; detail?: unknown }): string {
  const outboxId = (event.detail as { outboxId?: unknown } | undefined)?.outboxId;
  return typeof outboxId === 'string' ? outboxId : String(event.id);
}
