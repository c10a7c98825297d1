import {
  BatchGetCommand,
  type BatchGetCommandOutput,
  DeleteCommand,
  GetCommand,
  TransactWriteCommand,
} from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../platform/aws/clients.js';
import type { TransactItem } from '../platform/bus/outbox.js';
import { isConditionalCheckFailed, tableName, tenantPk } from '../platform/table/table.js';
import { type Counters, type Stage, stages } from './engagement.js';

/**
 * Programme insight's items, one partition per programme:
 *
 * | item                         | pk                           | sk                              |
 * |------------------------------|------------------------------|---------------------------------|
 * | counters                     | T#<t>#INSIGHT#<programme>    | COUNTS                          |
 * | organisation counted (stage) | T#<t>#INSIGHT#<programme>    | SEEN#<stage>#ORG#<organisation> |
 * | person counted (stage)       | T#<t>#INSIGHT#<programme>    | SEEN#<stage>#PERSON#<contact>   |
 * | feedback answer counted      | T#<t>#INSIGHT#<programme>    | SEEN#ANSWER#<answer>            |
 * | published event counted      | T#<t>#INSIGHT#<programme>    | SEEN#MEETING#<event>            |
 *
 * Each count is a marker written on the condition that it does not exist, in the same
 * transaction as the counters it adds to: an event delivered twice, or a third answer of the same
 * organisation, finds its marker and changes nothing. The overview reads the counters item only,
 * so it costs the same for 10 or 10,000 organisations.
 */
export const insightPk = (tenantId: string, programmeId: string) =>
  `${tenantPk(tenantId)}#INSIGHT#${programmeId}`;
const countersKey = (tenantId: string, programmeId: string) => ({
  pk: insightPk(tenantId, programmeId),
  sk: 'COUNTS',
});
const markerKey = (tenantId: string, programmeId: string, marker: string) => ({
  pk: insightPk(tenantId, programmeId),
  sk: `SEEN#${marker}`,
});

export const organisationMarker = (stage: Stage, organisationId: string) => `${stage}#ORG#${organisationId}`;
export const personMarker = (stage: Stage, contactId: string) => `${stage}#PERSON#${contactId}`;
export const answerMarker = (answerId: string) => `ANSWER#${answerId}`;
export const meetingMarker = (eventId: string) => `MEETING#${eventId}`;

/** Another transaction on the counters item at the same moment (two consumers counting at once). */
const isConflict = (error: unknown) => {
  const e = error as { name?: string; CancellationReasons?: { Code?: string }[] };
  return (
    e.name === 'TransactionConflictException' ||
    (e.name === 'TransactionCanceledException' &&
      (e.CancellationReasons ?? []).some((r) => r.Code === 'TransactionConflict'))
  );
};

/**
 * Writes a count's transaction, again after a jittered moment when it lost a race for the
 * counters item (each count is a few milliseconds; both writes are conditional, so a retry of a
 * transaction that did land finds its marker and changes nothing).
 */
async function transact(items: TransactItem[], client: typeof documentClient): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    try {
      await client.send(new TransactWriteCommand({ TransactItems: items }));
      return true;
    } catch (error) {
      if (isConditionalCheckFailed(error)) return false;
      if (!isConflict(error) || attempt >= 20) throw error;
      await new Promise((r) => setTimeout(r, Math.random() * Math.min(250, 10 * 2 ** attempt)));
    }
  }
}

function counterUpdate(tenantId: string, programmeId: string, deltas: Counters): TransactItem {
  const names: Record<string, string> = {};
  const values: Record<string, number> = {};
  const parts = Object.entries(deltas).map(([name, by], i) => {
    names[`#c${i}`] = name;
    values[`:c${i}`] = by;
    return `#c${i} :c${i}`;
  });
  return {
    Update: {
      TableName: tableName(),
      Key: countersKey(tenantId, programmeId),
      UpdateExpression: `ADD ${parts.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}

/**
 * Adds `deltas` to the programme's counters once per `marker`: false when the marker was there
 * (counted before, by this delivery's twin or an earlier engagement), or when `requires` names an
 * item that is not there (a person's marker requires their contact: an event that arrives after
 * the person was erased writes nothing of them again, and counts nothing twice).
 */
export async function countOnce(
  tenantId: string,
  programmeId: string,
  marker: string,
  deltas: Counters,
  at: string,
  options: { requires?: { pk: string; sk: string }; client?: typeof documentClient } = {},
): Promise<boolean> {
  const { requires, client = documentClient } = options;
  return transact(
    [
      {
        Put: {
          TableName: tableName(),
          Item: { ...markerKey(tenantId, programmeId, marker), type: 'insight-marker', at },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      counterUpdate(tenantId, programmeId, deltas),
      ...(requires
        ? [
            {
              ConditionCheck: {
                TableName: tableName(),
                Key: requires,
                ConditionExpression: 'attribute_exists(pk)',
              },
            },
          ]
        : []),
    ],
    client,
  );
}

/** Takes back a count made with {@link countOnce} (a cancelled event): once, if it was made. */
export async function uncount(
  tenantId: string,
  programmeId: string,
  marker: string,
  deltas: Counters,
  client = documentClient,
): Promise<boolean> {
  return transact(
    [
      {
        Delete: {
          TableName: tableName(),
          Key: markerKey(tenantId, programmeId, marker),
          ConditionExpression: 'attribute_exists(pk)',
        },
      },
      counterUpdate(tenantId, programmeId, deltas),
    ],
    client,
  );
}

/** A count's marker (when it was counted for), if the count was made. */
export async function readMarker(
  tenantId: string,
  programmeId: string,
  marker: string,
  client = documentClient,
): Promise<{ at: string } | undefined> {
  const { Item } = await client.send(
    new GetCommand({
      TableName: tableName(),
      Key: markerKey(tenantId, programmeId, marker),
      ConsistentRead: true,
    }),
  );
  return Item ? { at: String(Item.at) } : undefined;
}

/** The programme's counters: one GetItem, whatever the number of organisations. */
export async function readCounters(
  tenantId: string,
  programmeId: string,
  client = documentClient,
): Promise<{ counters: Counters; consumedCapacity: number }> {
  const { Item, ConsumedCapacity } = await client.send(
    new GetCommand({
      TableName: tableName(),
      Key: countersKey(tenantId, programmeId),
      ReturnConsumedCapacity: 'TOTAL',
    }),
  );
  const counters: Counters = {};
  for (const [name, value] of Object.entries(Item ?? {})) {
    if (typeof value === 'number') counters[name] = value;
  }
  return { counters, consumedCapacity: ConsumedCapacity?.CapacityUnits ?? 0 };
}

/** Which of `markers` exist (at most 100: one BatchGet), for the "not reached" list. */
export async function existingMarkers(
  tenantId: string,
  programmeId: string,
  markers: readonly string[],
  client = documentClient,
): Promise<Set<string>> {
  const found = new Set<string>();
  if (markers.length === 0) return found;
  if (markers.length > 100) throw new Error('At most 100 markers at a time');
  let keys: Record<string, unknown>[] | undefined = markers.map((m) => markerKey(tenantId, programmeId, m));
  for (let attempt = 0; keys && keys.length > 0 && attempt < 5; attempt++) {
    const result: BatchGetCommandOutput = await client.send(
      new BatchGetCommand({
        RequestItems: { [tableName()]: { Keys: keys, ProjectionExpression: 'sk' } },
      }),
    );
    for (const item of result.Responses?.[tableName()] ?? [])
      found.add(String(item.sk).slice('SEEN#'.length));
    keys = result.UnprocessedKeys?.[tableName()]?.Keys;
  }
  if (keys && keys.length > 0) throw new Error('Markers left unread after retries');
  return found;
}

/**
 * The person's own markers in a programme (one per stage they were counted in), with when they
 * were counted: one BatchGet of the four stage keys, no Query of the programme's partition.
 */
export async function personMarkers(
  tenantId: string,
  programmeId: string,
  contactId: string,
  client = documentClient,
): Promise<{ key: { pk: string; sk: string }; stage: Stage; at: string }[]> {
  const wanted = new Map(
    stages.map((stage) => [markerKey(tenantId, programmeId, personMarker(stage, contactId)).sk, stage]),
  );
  const found: { key: { pk: string; sk: string }; stage: Stage; at: string }[] = [];
  let keys: Record<string, unknown>[] | undefined = [...wanted.keys()].map((sk) => ({
    pk: insightPk(tenantId, programmeId),
    sk,
  }));
  for (let attempt = 0; keys && keys.length > 0 && attempt < 5; attempt++) {
    const result: BatchGetCommandOutput = await client.send(
      new BatchGetCommand({ RequestItems: { [tableName()]: { Keys: keys, ConsistentRead: true } } }),
    );
    for (const item of result.Responses?.[tableName()] ?? []) {
      const stage = wanted.get(String(item.sk));
      if (stage)
        found.push({ key: { pk: String(item.pk), sk: String(item.sk) }, stage, at: String(item.at) });
    }
    keys = result.UnprocessedKeys?.[tableName()]?.Keys;
  }
  if (keys && keys.length > 0) throw new Error('Markers left unread after retries');
  return found.sort((a, b) => stages.indexOf(a.stage) - stages.indexOf(b.stage));
}

/**
 * Deletes a person's marker and leaves the counters as they are: the programme did reach
 * someone then, and the figure stays true; the marker only said who.
 */
export async function deleteMarker(
  key: { pk: string; sk: string },
  client = documentClient,
): Promise<boolean> {
  const { Attributes } = await client.send(
    new DeleteCommand({ TableName: tableName(), Key: key, ReturnValues: 'ALL_OLD' }),
  );
  return Attributes !== undefined;
}
