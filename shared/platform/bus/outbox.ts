import { randomUUID } from 'node:crypto';
import {
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../aws/clients.js';
import { isConditionalCheckFailed, tableName } from '../table/table.js';
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

/**
 * Until the relay has put it on the bus, an outbox item carries a sparse index key, so the
 * outbox sweeper finds the ones the relay never got to (a stream record given up on after its
 * retries) without reading anything else.
 */
export const OUTBOX_PENDING = 'OUTBOX#PENDING';
/** Items the sweeper gave up on after {@link MAX_SWEEPS} re-inserts: for an operator to look at. */
export const OUTBOX_FAILED = 'OUTBOX#FAILED';
export const MAX_SWEEPS = 5;

/** An outbox item as stored (and as the relay reads it back from the stream image). */
export interface OutboxItem {
  pk: string;
  sk: string;
  gsi1pk?: string;
  gsi1sk?: string;
  /** How many times the sweeper has written it again (its copies' sort keys end in `#<n>`). */
  sweeps?: number;
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
    gsi1pk: OUTBOX_PENDING,
    gsi1sk: `${now.toISOString()}#${tenantId}#${eventId}`,
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

/**
 * The relay put this item's event on the bus: it leaves the pending index. A MODIFY, which the
 * relay's stream filter (INSERTs only) does not see. An item the sweeper replaced meanwhile is
 * gone: nothing to mark.
 */
export async function markPublished(key: { pk: string; sk: string }, client = documentClient): Promise<void> {
  try {
    await client.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: key,
        UpdateExpression: 'REMOVE gsi1pk, gsi1sk',
        ConditionExpression: 'attribute_exists(pk)',
      }),
    );
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
  }
}

/** Outbox items of every tenant still unpublished since before `before`, oldest first (a page). */
export async function unpublishedSince(
  before: string,
  limit = 100,
  client = documentClient,
): Promise<OutboxItem[]> {
  const { Items = [] } = await client.send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pending AND gsi1sk < :before',
      ExpressionAttributeValues: { ':pending': OUTBOX_PENDING, ':before': before },
      Limit: limit,
    }),
  );
  return Items as OutboxItem[];
}

/**
 * Writes an unpublished item again, as a new item (a stream INSERT, so the relay takes it), and
 * deletes the old one, in one transaction. The event keeps its id and its detail (with
 * `outboxId`), so consumers that already saw it recognise it. After {@link MAX_SWEEPS} tries the
 * item moves to the failed index instead, for an operator. Returns what was done, or nothing
 * when the relay published it in the meantime.
 */
export async function sweepOutboxItem(
  item: OutboxItem,
  now: Date,
  client = documentClient,
): Promise<'rewritten' | 'failed' | undefined> {
  const sweeps = (item.sweeps ?? 0) + 1;
  const stillPending = {
    ConditionExpression: 'gsi1pk = :pending',
    ExpressionAttributeValues: { ':pending': OUTBOX_PENDING },
  };
  try {
    if (sweeps > MAX_SWEEPS) {
      await client.send(
        new UpdateCommand({
          TableName: tableName(),
          Key: { pk: item.pk, sk: item.sk },
          UpdateExpression: 'SET gsi1pk = :failed',
          ...stillPending,
          ExpressionAttributeValues: { ...stillPending.ExpressionAttributeValues, ':failed': OUTBOX_FAILED },
        }),
      );
      return 'failed';
    }
    const tenantAndId = item.gsi1sk?.split('#').slice(1).join('#') ?? item.eventId;
    const copy: OutboxItem = {
      ...item,
      sk: `${item.eventId}#${sweeps}`,
      gsi1sk: `${now.toISOString()}#${tenantAndId}`,
      sweeps,
    };
    await client.send(
      new TransactWriteCommand({
        TransactItems: [
          { Delete: { TableName: tableName(), Key: { pk: item.pk, sk: item.sk }, ...stillPending } },
          { Put: { TableName: tableName(), Item: copy, ConditionExpression: 'attribute_not_exists(pk)' } },
        ],
      }),
    );
    return 'rewritten';
  } catch (error) {
    if (isConditionalCheckFailed(error)) return undefined;
    throw error;
  }
}
