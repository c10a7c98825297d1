import { type EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { eventBridge } from '../aws/clients.js';
import { requireEnv } from '../aws/env.js';
import type { DetailOf, EventContract } from './contract.js';

export class PublishError extends Error {
  override name = 'PublishError';
}

/**
 * Validates against the contract before sending (a bad event is a bug, not a message), adds
 * the contract's version to `detail`, and treats a failed entry as an error: PutEvents answers
 * 200 even when an entry was rejected.
 */
export async function publish<C extends EventContract>(
  contract: C,
  detail: DetailOf<C>,
  client: EventBridgeClient = eventBridge,
): Promise<string> {
  const parsed = contract.schema.safeParse(detail);
  if (!parsed.success) {
    throw new PublishError(`Event ${contract.name} does not match its schema: ${parsed.error.message}`);
  }
  const busName = contract.bus === 'default' ? 'default' : requireEnv('EVENT_BUS_NAME');
  const result = await client.send(
    new PutEventsCommand({
      Entries: [
        {
          EventBusName: busName,
          Source: contract.source,
          DetailType: contract.detailType,
          Detail: JSON.stringify({ ...(parsed.data as object), version: contract.version }),
        },
      ],
    }),
  );
  const entry = result.Entries?.[0];
  if ((result.FailedEntryCount ?? 0) > 0 || !entry?.EventId) {
    throw new PublishError(
      `PutEvents rejected ${contract.name}: ${entry?.ErrorCode ?? 'unknown'} ${entry?.ErrorMessage ?? ''}`,
    );
  }
  return entry.EventId;
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
