import {
  DeleteCommand,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../platform/aws/clients.js';
import type { KeyRange } from '../../platform/table/cursor.js';
import { getItems } from '../../platform/table/get-item.js';
import { isConditionalCheckFailed, tableName, tenantPk, withoutKeys } from '../../platform/table/table.js';
import {
  type CounterDeltas,
  countersForMove,
  type Delivery,
  type DeliveryStatus,
  deliveryId,
  isForwardMove,
} from '../campaign.js';
import { campaignsBeforeRecipientIndex } from './campaigns.js';
import { addDeltas, batchCounterUpdate, counterUpdate } from './counters.js';

const pk = (tenantId: string, campaignId: string) => `${tenantPk(tenantId)}#CAMPAIGN#${campaignId}`;
export const deliveryKey = (tenantId: string, campaignId: string, contactId: string) => ({
  pk: pk(tenantId, campaignId),
  sk: `DELIVERY#${contactId}`,
});

/**
 * A delivery's entry in the recipients' index (gsi2, keys only): a person's deliveries across
 * campaigns, by the recipient's id (a contact's, or a press subscriber's recipient id), newest
 * last. Written with the delivery in the same Put: no extra request per recipient.
 */
export const recipientIndexPk = (tenantId: string, recipientId: string) =>
  `${tenantPk(tenantId)}#RECIPIENT#${recipientId}`;
const recipientIndex = (d: Pick<Delivery, 'tenantId' | 'campaignId' | 'contactId' | 'queuedAt'>) => ({
  gsi2pk: recipientIndexPk(d.tenantId, d.contactId),
  gsi2sk: `${d.queuedAt}#${d.campaignId}`,
});

const fromItem = (item: Record<string, unknown>) => {
  const { type: _t, ...rest } = withoutKeys(item);
  return rest as unknown as Delivery;
};

/**
 * Creates the delivery if the recipient has none in this campaign, counted in the same
 * transaction: running an expansion twice creates (and counts) nothing twice. Returns the
 * existing delivery when there was one.
 */
export async function createDelivery(
  input: Pick<Delivery, 'tenantId' | 'campaignId' | 'contactId' | 'language'> & {
    status: 'queued' | 'skipped';
    reason?: string;
  },
  client = documentClient,
): Promise<{ created: true } | { created: false; existing: Delivery | undefined }> {
  const item: Delivery = {
    ...input,
    deliveryId: deliveryId(input.campaignId, input.contactId),
    queuedAt: new Date().toISOString(),
  };
  const count = counterUpdate(
    input.tenantId,
    input.campaignId,
    input.contactId,
    countersForMove(undefined, input.status),
    item.queuedAt,
  );
  try {
    await client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName(),
              Item: {
                ...deliveryKey(input.tenantId, input.campaignId, input.contactId),
                ...recipientIndex(item),
                type: 'delivery',
                ...item,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          ...(count ? [count] : []),
        ],
      }),
    );
    return { created: true };
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
    return {
      created: false,
      existing: await getDelivery(input.tenantId, input.campaignId, input.contactId, client),
    };
  }
}

type NewDelivery = Parameters<typeof createDelivery>[0];
type Created = Awaited<ReturnType<typeof createDelivery>>;

/** A transaction DynamoDB refused as a whole: a condition, or a concurrent transaction. */
const isCancelled = (error: unknown) => {
  const name = (error as { name?: string })?.name;
  return name === 'TransactionCanceledException' || name === 'TransactionConflictException';
};

/** Deliveries per {@link createDeliveries} transaction (DynamoDB takes 100 items, one is the count). */
export const CREATE_BATCH = 50;

/**
 * Creates several deliveries of one campaign in one transaction, each put conditional as in
 * {@link createDelivery}, counted with one write to one shard item (the summed moves). One
 * request for the batch instead of one per recipient, and one counter write instead of one per
 * recipient. If any recipient already has a delivery (an expansion page run a second time),
 * nothing of the transaction was written, and each is created alone instead: what exists is
 * returned, what does not is created and counted.
 */
export async function createDeliveries(inputs: NewDelivery[], client = documentClient): Promise<Created[]> {
  const first = inputs[0];
  if (!first || inputs.length === 1) return Promise.all(inputs.map((input) => createDelivery(input, client)));
  if (inputs.length > CREATE_BATCH || inputs.some((i) => i.campaignId !== first.campaignId))
    throw new Error('createDeliveries takes at most CREATE_BATCH deliveries of one campaign');
  const queuedAt = new Date().toISOString();
  const deltas: CounterDeltas = {};
  const puts = inputs.map((input) => {
    addDeltas(deltas, countersForMove(undefined, input.status));
    const item: Delivery = { ...input, deliveryId: deliveryId(input.campaignId, input.contactId), queuedAt };
    return {
      Put: {
        TableName: tableName(),
        Item: {
          ...deliveryKey(input.tenantId, input.campaignId, input.contactId),
          ...recipientIndex(item),
          type: 'delivery',
          ...item,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  });
  const count = batchCounterUpdate(first.tenantId, first.campaignId, first.contactId, deltas, queuedAt);
  try {
    await client.send(new TransactWriteCommand({ TransactItems: [...puts, ...(count ? [count] : [])] }));
    return inputs.map(() => ({ created: true }) as const);
  } catch (error) {
    if (!isCancelled(error)) throw error;
    return Promise.all(inputs.map((input) => createDelivery(input, client)));
  }
}

export async function getDelivery(
  tenantId: string,
  campaignId: string,
  contactId: string,
  client = documentClient,
) {
  const { Item } = await client.send(
    new GetCommand({
      TableName: tableName(),
      Key: deliveryKey(tenantId, campaignId, contactId),
      ConsistentRead: true,
    }),
  );
  return Item ? fromItem(Item) : undefined;
}

export type ClaimResult = 'claimed' | 'done' | 'busy' | 'missing';

/**
 * Claims a delivery for sending with a conditional write: only a queued delivery, or one whose
 * earlier claim has lapsed (its sender died before recording a send), can be claimed.
 * A claim that DynamoDB applied but whose answer was lost is recognised by its token.
 */
export async function claimDelivery(
  delivery: Pick<Delivery, 'tenantId' | 'campaignId' | 'contactId'>,
  claimToken: string,
  claimSeconds: number,
  client = documentClient,
): Promise<ClaimResult> {
  const now = Date.now();
  try {
    await client.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: deliveryKey(delivery.tenantId, delivery.campaignId, delivery.contactId),
        UpdateExpression:
          'SET #status = :sending, claimToken = :token, claimUntil = :until ADD attempts :one',
        ConditionExpression: '#status = :queued OR (#status = :sending AND claimUntil < :now)',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':sending': 'sending',
          ':queued': 'queued',
          ':token': claimToken,
          ':until': now + claimSeconds * 1000,
          ':now': now,
          ':one': 1,
        },
      }),
    );
    return 'claimed';
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
    const current = await getDelivery(delivery.tenantId, delivery.campaignId, delivery.contactId, client);
    if (!current) return 'missing';
    if (current.status === 'sending' && current.claimToken === claimToken) return 'claimed';
    return current.status === 'sending' ? 'busy' : 'done';
  }
}

/**
 * Moves a claimed delivery to its outcome, and counts the move in the same transaction.
 * Conditional on the claim, so a sender whose claim lapsed and was taken over cannot overwrite
 * the newer attempt's record (nor count it twice).
 */
export async function settleDelivery(
  delivery: Pick<Delivery, 'tenantId' | 'campaignId' | 'contactId'>,
  claimToken: string,
  outcome:
    | { status: 'sent'; sesMessageId: string }
    | { status: 'failed' | 'skipped' | 'queued'; reason: string },
  client = documentClient,
): Promise<boolean> {
  const now = new Date().toISOString();
  const values: Record<string, unknown> = { ':status': outcome.status, ':token': claimToken, ':now': now };
  let update = 'SET #status = :status, updatedAt = :now';
  if (outcome.status === 'sent') {
    update += ', sesMessageId = :mid, sentAt = :now';
    values[':mid'] = outcome.sesMessageId;
  } else {
    update += ', reason = :reason';
    values[':reason'] = outcome.reason;
  }
  // `settledBy` lets a retry of this very write (its answer lost) recognise itself below.
  update += ', settledBy = :token REMOVE claimToken, claimUntil';
  const key = deliveryKey(delivery.tenantId, delivery.campaignId, delivery.contactId);
  // A claimed delivery is `sending`: what it becomes decides what is counted.
  const count = counterUpdate(
    delivery.tenantId,
    delivery.campaignId,
    delivery.contactId,
    countersForMove('sending', outcome.status),
    now,
  );
  try {
    await client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName(),
              Key: key,
              UpdateExpression: update,
              ConditionExpression: 'claimToken = :token',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: values,
            },
          },
          ...(count ? [count] : []),
        ],
      }),
    );
    return true;
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
    // Our own earlier attempt may have applied this very update before its answer was lost;
    // otherwise an SES event moved the delivery on first (and counted it there).
    const current = await getDelivery(delivery.tenantId, delivery.campaignId, delivery.contactId, client);
    return (current as { settledBy?: string } | undefined)?.settledBy === claimToken;
  }
}

/** The status an SES event usually finds a delivery in: tried first, before reading it. */
const usualFrom: Partial<Record<DeliveryStatus, DeliveryStatus>> = {
  delivered: 'sent',
  bounced: 'sent',
  complained: 'delivered',
  failed: 'sent',
};

/**
 * Applies an SES event to the delivery if it moves it forward (events come late, twice, and
 * out of order), counted in the same transaction. The write is conditional on the status it
 * moves from: the usual one first, then, if the delivery was elsewhere, the one read back.
 * Returns the status it replaced, or undefined when nothing changed (already there or further
 * on, or no such delivery).
 */
export async function advanceDelivery(
  tenantId: string,
  campaignId: string,
  contactId: string,
  to: DeliveryStatus,
  detail: { at: string; sesMessageId: string; reason?: string },
  client = documentClient,
): Promise<DeliveryStatus | undefined> {
  // "Sent" usually finds the sender's own record already there: read first, write nothing.
  let from = usualFrom[to] ?? (await getDelivery(tenantId, campaignId, contactId, client))?.status;
  for (let attempt = 0; attempt < 5; attempt++) {
    if (!from || !isForwardMove(from, to)) return undefined;
    const count = counterUpdate(tenantId, campaignId, contactId, countersForMove(from, to), detail.at);
    try {
      await client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: tableName(),
                Key: deliveryKey(tenantId, campaignId, contactId),
                // Moving on from `sending` ends the claim: the sender's late settle then knows it lost.
                UpdateExpression: `SET #status = :to, updatedAt = :at, sesMessageId = :mid${detail.reason ? ', reason = :reason' : ''} REMOVE claimToken, claimUntil`,
                ConditionExpression: '#status = :from',
                ExpressionAttributeNames: { '#status': 'status' },
                ExpressionAttributeValues: {
                  ':to': to,
                  ':from': from,
                  ':at': detail.at,
                  ':mid': detail.sesMessageId,
                  ...(detail.reason ? { ':reason': detail.reason } : {}),
                },
              },
            },
            ...(count ? [count] : []),
          ],
        }),
      );
      return from;
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
      from = (await getDelivery(tenantId, campaignId, contactId, client))?.status;
    }
  }
  throw new Error('delivery kept changing under an SES event');
}

/** One SES event's move for {@link advanceDeliveries}. */
export interface DeliveryMove {
  tenantId: string;
  campaignId: string;
  contactId: string;
  to: DeliveryStatus;
  detail: { at: string; sesMessageId: string; reason?: string };
}

/**
 * Applies a batch of SES events' moves (each of its own delivery) as {@link advanceDelivery}
 * does, but in one transaction when every delivery is where such an event usually finds it
 * (`delivered` finds `sent`): each update conditional on that status, the counts summed per
 * campaign into one shard item. One request and one counter write per batch instead of one of
 * each per event. Otherwise (a delivery elsewhere, a repeated event, a concurrent write) nothing
 * of the transaction was written and each move is applied alone, in order. Returns, per move,
 * the status it replaced (undefined: nothing changed).
 */
export async function advanceDeliveries(
  moves: DeliveryMove[],
  client = documentClient,
): Promise<(DeliveryStatus | undefined)[]> {
  const one = () =>
    (async () => {
      const out: (DeliveryStatus | undefined)[] = [];
      for (const m of moves)
        out.push(await advanceDelivery(m.tenantId, m.campaignId, m.contactId, m.to, m.detail, client));
      return out;
    })();
  const keys = new Set(moves.map((m) => `${m.tenantId}|${m.campaignId}|${m.contactId}`));
  // Two moves of one delivery cannot share a transaction; an unusual one needs a read first.
  if (moves.length < 2 || moves.length > CREATE_BATCH || keys.size < moves.length) return one();
  if (moves.some((m) => usualFrom[m.to] === undefined)) return one();
  const perCampaign = new Map<string, { first: DeliveryMove; deltas: CounterDeltas; at: string }>();
  const updates = moves.map((m) => {
    const from = usualFrom[m.to] as DeliveryStatus;
    const key = `${m.tenantId}|${m.campaignId}`;
    const sum = perCampaign.get(key) ?? { first: m, deltas: {}, at: m.detail.at };
    addDeltas(sum.deltas, countersForMove(from, m.to));
    if (m.detail.at > sum.at) sum.at = m.detail.at;
    perCampaign.set(key, sum);
    return {
      Update: {
        TableName: tableName(),
        Key: deliveryKey(m.tenantId, m.campaignId, m.contactId),
        UpdateExpression: `SET #status = :to, updatedAt = :at, sesMessageId = :mid${m.detail.reason ? ', reason = :reason' : ''} REMOVE claimToken, claimUntil`,
        ConditionExpression: '#status = :from',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':to': m.to,
          ':from': from,
          ':at': m.detail.at,
          ':mid': m.detail.sesMessageId,
          ...(m.detail.reason ? { ':reason': m.detail.reason } : {}),
        },
      },
    };
  });
  const counts = [...perCampaign.values()].flatMap(({ first, deltas, at }) => {
    const count = batchCounterUpdate(first.tenantId, first.campaignId, first.contactId, deltas, at);
    return count ? [count] : [];
  });
  try {
    await client.send(new TransactWriteCommand({ TransactItems: [...updates, ...counts] }));
    return moves.map((m) => usualFrom[m.to]);
  } catch (error) {
    if (!isCancelled(error)) throw error;
    // The deliveries found elsewhere (most often: `Delivered` arrived before the sender recorded
    // `sent`) go their own way; the rest are tried together again, not one by one.
    const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
    const elsewhere = new Set(
      moves.flatMap((_, i) => (reasons[i]?.Code === 'ConditionalCheckFailed' ? [i] : [])),
    );
    if (elsewhere.size === 0 || elsewhere.size === moves.length) return one();
    const rest = moves.filter((_, i) => !elsewhere.has(i));
    const restResults = await advanceDeliveries(rest, client);
    const out: (DeliveryStatus | undefined)[] = [];
    let r = 0;
    for (const [i, m] of moves.entries())
      out.push(
        elsewhere.has(i)
          ? await advanceDelivery(m.tenantId, m.campaignId, m.contactId, m.to, m.detail, client)
          : restResults[r++],
      );
    return out;
  }
}

/**
 * An open or a click, counted once per delivery (unique opens and clicks): the first event sets
 * its time on the delivery and counts in the same transaction; a repeated one changes nothing.
 */
export async function recordEngagement(
  tenantId: string,
  campaignId: string,
  contactId: string,
  engagement: 'opened' | 'clicked',
  at: string,
  client = documentClient,
): Promise<boolean> {
  const count = counterUpdate(tenantId, campaignId, contactId, { [engagement]: 1 }, at);
  try {
    await client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Update: {
              TableName: tableName(),
              Key: deliveryKey(tenantId, campaignId, contactId),
              UpdateExpression: 'SET #at = :at',
              ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(#at)',
              ExpressionAttributeNames: { '#at': `${engagement}At` },
              ExpressionAttributeValues: { ':at': at },
            },
          },
          ...(count ? [count] : []),
        ],
      }),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}

/** The keys {@link listDeliveries} reads (a campaign's partition holds only its deliveries). */
export const deliveriesRange = (tenantId: string, campaignId: string): KeyRange => ({
  pk: pk(tenantId, campaignId),
  skPrefix: 'DELIVERY#',
});

export async function listDeliveries(
  tenantId: string,
  campaignId: string,
  options: { cursor?: Record<string, unknown>; limit?: number; status?: DeliveryStatus } = {},
  client = documentClient,
) {
  const page = await client.send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :deliveries)',
      ...(options.status
        ? { FilterExpression: '#status = :status', ExpressionAttributeNames: { '#status': 'status' } }
        : {}),
      ExpressionAttributeValues: {
        ':pk': pk(tenantId, campaignId),
        ':deliveries': 'DELIVERY#',
        ...(options.status ? { ':status': options.status } : {}),
      },
      ExclusiveStartKey: options.cursor,
      Limit: options.limit ?? 100,
    }),
  );
  return { items: (page.Items ?? []).map(fromItem), cursor: page.LastEvaluatedKey };
}

/**
 * A page of a campaign's deliveries that still wait to be sent (`queued`, or `sending` under a
 * claim that may lapse): what a resume queues again. One Query on the campaign's partition.
 */
export async function unsentDeliveries(
  tenantId: string,
  campaignId: string,
  options: { cursor?: Record<string, unknown>; limit?: number } = {},
  client = documentClient,
) {
  const page = await client.send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :deliveries)',
      FilterExpression: '#status IN (:queued, :sending)',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':pk': pk(tenantId, campaignId),
        ':deliveries': 'DELIVERY#',
        ':queued': 'queued',
        ':sending': 'sending',
      },
      ExclusiveStartKey: options.cursor,
      Limit: options.limit ?? 100,
      ConsistentRead: true,
    }),
  );
  return { items: (page.Items ?? []).map(fromItem), cursor: page.LastEvaluatedKey };
}

/**
 * A recipient's deliveries in every campaign, through the recipients' index (one Query per page,
 * keys only), and by key in the campaigns made before that index: then one BatchGet of them all.
 * What was sent to them, when, with what outcome.
 */
export async function recipientDeliveries(
  tenantId: string,
  recipientId: string,
  client = documentClient,
): Promise<Delivery[]> {
  const keys: { pk: string; sk: string }[] = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: tableName(),
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :recipient',
        ExpressionAttributeValues: { ':recipient': recipientIndexPk(tenantId, recipientId) },
        ExclusiveStartKey: cursor,
      }),
    );
    for (const item of page.Items ?? []) keys.push({ pk: String(item.pk), sk: String(item.sk) });
    cursor = page.LastEvaluatedKey;
  } while (cursor);
  for (const campaignId of await campaignsBeforeRecipientIndex(tenantId, client)) {
    keys.push(deliveryKey(tenantId, campaignId, recipientId));
  }
  // The index is eventually consistent: a delivery deleted a moment ago may still be listed
  // there; the strongly consistent read of the keys finds it gone.
  const deliveries = (await getItems(keys, { consistent: true, client })).map(fromItem);
  return deliveries.sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
}

/** Deletes a delivery record (an erasure); the campaign's counters keep counting it. */
export async function deleteDelivery(
  delivery: Pick<Delivery, 'tenantId' | 'campaignId' | 'contactId'>,
  client = documentClient,
): Promise<boolean> {
  const { Attributes } = await client.send(
    new DeleteCommand({
      TableName: tableName(),
      Key: deliveryKey(delivery.tenantId, delivery.campaignId, delivery.contactId),
      ReturnValues: 'ALL_OLD',
    }),
  );
  return Attributes !== undefined;
}
