import { randomUUID } from 'node:crypto';
import { TransactWriteCommand, type TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../aws/clients.js';
import { tableName } from '../table/table.js';
import type { DetailOf, EventContract, EventPatternObject } from './contract.js';
import { PublishError } from './publisher.js';

/**
 * The transactional outbox. A state change and the catalogue events it causes are written in one
 * DynamoDB transaction: the events as outbox items beside the state. The table's stream carries
 * each new outbox item to the outbox relay (functions/platform/outbox-relay.ts), which puts it on
 * the bus, in AWS and locally alike. So the state and its events never disagree: either both are
 * written or neither, and an event once written is delivered (at least once) even if the
 * process dies right after the write.
 *
 * An event with a stable `id` (derived from the command, e.g. the campaign it asks to send) is
 * written at most once as far as consumers can tell: writing it again overwrites the same item,
 * which the stream reports as MODIFY, and the relay only takes INSERTs.
 */

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Outbox items of one tenant share a partition; they expire after a week (the table's TTL, `expiresAt`). */
export const outboxPk = (tenantId: string) => `T#${tenantId}#OUTBOX`;
export const OUTBOX_ITEM_TYPE = 'outbox';
export const OUTBOX_TTL_SECONDS = 7 * 24 * 3600;

/** The relay's stream filter (Lambda event filtering, EventBridge pattern syntax): new outbox items only. */
export const outboxStreamFilter: EventPatternObject = {
  eventName: ['INSERT'],
  dynamodb: { NewImage: { type: { S: [OUTBOX_ITEM_TYPE] } } },
};

/** An outbox item as stored (and as the relay reads it back from the stream image). */
export interface OutboxItem {
  pk: string;
  sk: string;
  type: typeof OUTBOX_ITEM_TYPE;
  eventId: string;
  name: string;
  source: string;
  detailType: string;
  /** The detail as JSON, with the contract's version and this item's id: exactly what PutEvents sends. */
  detail: string;
  createdAt: string;
  /** Epoch seconds: the table's TTL attribute. */
  expiresAt: number;
}

export interface PendingEvent<C extends EventContract = EventContract> {
  contract: C;
  detail: DetailOf<C>;
  /** A stable id for an event a repeated command must not publish twice. */
  id?: string;
}

/** Pairs a contract with its detail, with the detail type-checked against the contract. */
export function pendingEvent<C extends EventContract>(
  contract: C,
  detail: DetailOf<C>,
  id?: string,
): PendingEvent<C> {
  return { contract, detail, id };
}

/**
 * The outbox item of one event, as a transaction item. The detail is validated against the
 * contract now: a bad event is a bug, and failing here writes nothing.
 */
export function outboxPut(tenantId: string, event: PendingEvent): TransactItem {
  const { contract } = event;
  if (contract.bus !== 'app') throw new PublishError(`${contract.name} is AWS's to publish, not Samverkan's`);
  const parsed = contract.schema.safeParse(event.detail);
  if (!parsed.success) {
    throw new PublishError(`Event ${contract.name} does not match its schema: ${parsed.error.message}`);
  }
  const eventId = event.id ?? randomUUID();
  const now = new Date();
  const item: OutboxItem = {
    pk: outboxPk(tenantId),
    sk: eventId,
    type: OUTBOX_ITEM_TYPE,
    eventId,
    name: contract.name,
    source: contract.source,
    detailType: contract.detailType,
    detail: JSON.stringify({ ...(parsed.data as object), version: contract.version, outboxId: eventId }),
    createdAt: now.toISOString(),
    expiresAt: Math.floor(now.getTime() / 1000) + OUTBOX_TTL_SECONDS,
  };
  return { Put: { TableName: tableName(), Item: item } };
}

/** DynamoDB's limit of items per transaction. */
export const MAX_TRANSACTION_ITEMS = 100;

/**
 * Writes state changes and their events in one transaction. Throws what DynamoDB throws
 * (TransactionCanceledException when a condition fails: then nothing, events included, was written).
 */
export async function writeWithEvents(
  tenantId: string,
  items: TransactItem[],
  events: PendingEvent[],
  client = documentClient,
): Promise<void> {
  const all = [...items, ...events.map((event) => outboxPut(tenantId, event))];
  if (all.length === 0) return;
  if (all.length > MAX_TRANSACTION_ITEMS) {
    throw new Error(`A transaction holds at most ${MAX_TRANSACTION_ITEMS} items, not ${all.length}`);
  }
  await client.send(new TransactWriteCommand({ TransactItems: all }));
}

/** Events alone (no state to change with them), still through the outbox: delivered even after a crash. */
export function emit(tenantId: string, events: PendingEvent[], client = documentClient): Promise<void> {
  return writeWithEvents(tenantId, [], events, client);
}
