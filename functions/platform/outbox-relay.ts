import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import {
  type EventBridgeClient,
  PutEventsCommand,
  type PutEventsRequestEntry,
} from '@aws-sdk/client-eventbridge';
import middy from '@middy/core';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { eventBridge } from '../../shared/platform/aws/clients.js';
import { requireEnv } from '../../shared/platform/aws/env.js';
import { markPublished } from '../../shared/platform/bus/outbox.js';
import { logger } from '../../shared/platform/observability/logger.js';

/**
 * The outbox relay: new outbox items (shared/platform/bus/outbox.ts) arrive from the table's
 * stream, already filtered to outbox INSERTs by the event source mapping, and are put on the bus
 * in order, ten to a PutEvents call, and each one relayed leaves the outbox's pending index.
 * When PutEvents rejects an entry, the batch reports that record and everything after it as
 * failed: the stream mapping retries from there, so nothing is skipped and order is kept; a
 * record given up on after its retries stays pending, and the outbox sweeper writes it again.
 * Consumers are idempotent: delivery is at least once.
 */

/** The event an outbox image carries, or undefined for a record that is not a complete outbox item. */
export function entryOf(record: DynamoDBRecord, appBusName: string): PutEventsRequestEntry | undefined {
  const image = record.dynamodb?.NewImage;
  const source = image?.source?.S;
  const detailType = image?.detailType?.S;
  const detail = image?.detail?.S;
  if (!source || !detailType || !detail) return undefined;
  return {
    EventBusName: appBusName,
    Source: source,
    DetailType: detailType,
    Detail: detail,
  };
}

async function markRelayed(record: DynamoDBRecord): Promise<void> {
  const pk = record.dynamodb?.Keys?.pk?.S;
  const sk = record.dynamodb?.Keys?.sk?.S;
  if (!pk || !sk) return;
  try {
    await markPublished({ pk, sk });
  } catch (error) {
    // Only the sweeper's bookkeeping: at worst it publishes the event again later (consumers
    // are idempotent). Not a reason to publish the whole batch again now.
    logger.warn('outbox item relayed but not marked', { error });
  }
}

export async function relay(
  records: DynamoDBRecord[],
  client: EventBridgeClient = eventBridge,
): Promise<DynamoDBBatchResponse> {
  const appBusName = requireEnv('EVENT_BUS_NAME');
  const entries: { record: DynamoDBRecord; entry: PutEventsRequestEntry }[] = [];
  for (const record of records) {
    const entry = entryOf(record, appBusName);
    if (entry) entries.push({ record, entry });
    // An incomplete item can never be relayed; retrying it would block the shard for good.
    else logger.error('outbox item without source, detail-type or detail', { eventID: record.eventID });
  }
  for (let i = 0; i < entries.length; i += 10) {
    const chunk = entries.slice(i, i + 10);
    let firstFailed = -1;
    try {
      const result = await client.send(new PutEventsCommand({ Entries: chunk.map((c) => c.entry) }));
      firstFailed = (result.Entries ?? []).findIndex((e) => !e.EventId || e.ErrorCode);
      if (firstFailed === -1 && (result.FailedEntryCount ?? 0) > 0) firstFailed = 0;
    } catch (error) {
      logger.warn('PutEvents failed; the stream retries from this record', { error });
      firstFailed = 0;
    }
    // What reached the bus leaves the pending index (the outbox sweeper's), before a failure is
    // reported: a retry from that record on then publishes nothing twice that it could avoid.
    const delivered = firstFailed === -1 ? chunk : chunk.slice(0, firstFailed);
    await Promise.all(delivered.map(({ record }) => markRelayed(record)));
    if (firstFailed !== -1) {
      const failed = entries.slice(i + firstFailed);
      return {
        batchItemFailures: failed.map(({ record }) => ({
          itemIdentifier: record.dynamodb?.SequenceNumber ?? '',
        })),
      };
    }
  }
  return { batchItemFailures: [] };
}

export const handler = middy<DynamoDBStreamEvent, DynamoDBBatchResponse>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => relay(event.Records));
