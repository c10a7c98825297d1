import { randomUUID } from 'node:crypto';
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../platform/aws/clients.js';
import { pendingEvent, writeWithEvents } from '../../platform/bus/outbox.js';
import type { KeyRange, TableKey } from '../../platform/table/cursor.js';
import {
  isConditionalCheckFailed,
  queryAll,
  tableName,
  tenantPk,
  withoutKeys,
} from '../../platform/table/table.js';
import type { SegmentAudience } from '../campaign.js';
import { SegmentDeleted, SegmentRenamed, SegmentSaved } from '../events.js';
import type { Segment } from '../segment.js';

/** Segments live in the tenant's partition: another tenant's id simply finds nothing. */
const PREFIX = 'SEGMENT#';
const segmentKey = (tenantId: string, segmentId: string) => ({
  pk: tenantPk(tenantId),
  sk: `${PREFIX}${segmentId}`,
});
export const segmentsRange = (tenantId: string): KeyRange => ({ pk: tenantPk(tenantId), skPrefix: PREFIX });

const fromItem = (item: Record<string, unknown>): Segment => {
  const { type: _t, ...rest } = withoutKeys(item);
  return rest as unknown as Segment;
};

export async function createSegment(
  tenantId: string,
  input: { name: string; audience: SegmentAudience },
  actor: string,
  client = documentClient,
): Promise<Segment> {
  const now = new Date().toISOString();
  const segment: Segment = {
    segmentId: randomUUID(),
    tenantId,
    name: input.name,
    audience: input.audience,
    createdAt: now,
    createdBy: actor,
    updatedAt: now,
  };
  await writeWithEvents(
    tenantId,
    [
      {
        Put: {
          TableName: tableName(),
          Item: { ...segmentKey(tenantId, segment.segmentId), type: 'segment', ...segment },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    ],
    [
      pendingEvent(SegmentSaved, {
        tenantId,
        segmentId: segment.segmentId,
        audienceKind: input.audience.kind,
        actor,
      }),
    ],
    client,
  );
  return segment;
}

export async function getSegment(
  tenantId: string,
  segmentId: string,
  client = documentClient,
): Promise<Segment | undefined> {
  const { Item } = await client.send(
    new GetCommand({ TableName: tableName(), Key: segmentKey(tenantId, segmentId), ConsistentRead: true }),
  );
  return Item ? fromItem(Item) : undefined;
}

/** Every segment of the tenant, by name (a tenant-sized list: the pickers show them all). */
export async function listSegments(tenantId: string, client = documentClient): Promise<Segment[]> {
  const items = (await queryAll(tenantPk(tenantId), PREFIX, client)).map(fromItem);
  return items.sort((a, b) => a.name.localeCompare(b.name, 'sv'));
}

/** One page of segments (in id order) and the key where the next one starts. */
export async function segmentsPage(
  tenantId: string,
  options: { cursor?: TableKey; limit: number },
  client = documentClient,
): Promise<{ items: Segment[]; next?: Record<string, unknown> }> {
  const { Items, LastEvaluatedKey } = await client.send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': tenantPk(tenantId), ':prefix': PREFIX },
      ExclusiveStartKey: options.cursor,
      Limit: options.limit,
    }),
  );
  return { items: (Items ?? []).map(fromItem), ...(LastEvaluatedKey ? { next: LastEvaluatedKey } : {}) };
}

/** Renames a segment; undefined when the tenant has no such segment. */
export async function renameSegment(
  tenantId: string,
  segmentId: string,
  name: string,
  actor: string,
  client = documentClient,
): Promise<Segment | undefined> {
  try {
    await writeWithEvents(
      tenantId,
      [
        {
          Update: {
            TableName: tableName(),
            Key: segmentKey(tenantId, segmentId),
            UpdateExpression: 'SET #name = :name, updatedAt = :now',
            ConditionExpression: 'attribute_exists(pk)',
            ExpressionAttributeNames: { '#name': 'name' },
            ExpressionAttributeValues: { ':name': name, ':now': new Date().toISOString() },
          },
        },
      ],
      [pendingEvent(SegmentRenamed, { tenantId, segmentId, actor })],
      client,
    );
  } catch (error) {
    if (isConditionalCheckFailed(error)) return undefined;
    throw error;
  }
  return getSegment(tenantId, segmentId, client);
}

/** Deletes a segment; false when the tenant has no such segment. Sends made from it keep their copy. */
export async function deleteSegment(
  tenantId: string,
  segmentId: string,
  actor: string,
  client = documentClient,
): Promise<boolean> {
  try {
    await writeWithEvents(
      tenantId,
      [
        {
          Delete: {
            TableName: tableName(),
            Key: segmentKey(tenantId, segmentId),
            ConditionExpression: 'attribute_exists(pk)',
          },
        },
      ],
      [pendingEvent(SegmentDeleted, { tenantId, segmentId, actor })],
      client,
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}

/** The hand-picked segments that name a contact (a tenant-sized list, read as the pickers read it). */
export async function segmentsNaming(
  tenantId: string,
  contactId: string,
  client = documentClient,
): Promise<Segment[]> {
  return (await listSegments(tenantId, client)).filter(
    (segment) => segment.audience.kind === 'contacts' && segment.audience.contactIds.includes(contactId),
  );
}

/**
 * Takes a contact out of a hand-picked segment (an erasure): by its place in the list, on
 * condition that the place still holds it, so an edit in between makes it read again rather than
 * remove someone else. True when it removed the contact; false when the segment no longer named it.
 */
export async function removeFromSegment(
  tenantId: string,
  segmentId: string,
  contactId: string,
  client = documentClient,
): Promise<boolean> {
  let removed = false;
  for (let attempt = 0; attempt < 10; attempt++) {
    const segment = await getSegment(tenantId, segmentId, client);
    const index = segment?.audience.kind === 'contacts' ? segment.audience.contactIds.indexOf(contactId) : -1;
    if (index < 0) return removed;
    try {
      await client.send(
        new UpdateCommand({
          TableName: tableName(),
          Key: segmentKey(tenantId, segmentId),
          UpdateExpression: `REMOVE audience.contactIds[${index}] SET updatedAt = :now`,
          ConditionExpression: `audience.contactIds[${index}] = :id`,
          ExpressionAttributeValues: { ':id': contactId, ':now': new Date().toISOString() },
        }),
      );
      removed = true;
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
    }
  }
  throw new Error('The segment kept changing while a contact was removed from it');
}
