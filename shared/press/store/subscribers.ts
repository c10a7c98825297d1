import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../platform/aws/clients.js';
import { pendingEvent, type TransactItem, writeWithEvents } from '../../platform/bus/outbox.js';
import { decodeCursor, encodeCursor, isKeyInRange, type TableKey } from '../../platform/table/cursor.js';
import {
  compact,
  isConditionalCheckFailed,
  tableName,
  tenantPk,
  withoutKeys,
} from '../../platform/table/table.js';
import {
  SubscriptionChanged,
  SubscriptionConfirmed,
  SubscriptionRequested,
  Unsubscribed,
} from '../events.js';
import {
  type Consent,
  counterDeltas,
  isExpired,
  matchesRelease,
  PENDING_DAYS,
  type Preferences,
  recipientIdOf,
  type SubscribeInput,
  type Subscriber,
  subscriberIdOf,
  subscriberIdOfRecipient,
} from '../subscription.js';

/*
 * Subscriptions in the table:
 *
 * | item              | pk                      | sk                           |
 * |-------------------|-------------------------|------------------------------|
 * | subscriber        | T#<t>                   | SUBSCRIBER#<address hash>    |
 * | subscriber counts | T#<t>                   | SUBSCRIBERS#COUNT#<scope>    | (ALL, TOPIC#<id>, REGION#<id>)
 * | consent log       | T#<t>#SUBSCRIBER#<hash> | CONSENT#<iso time>           |
 *
 * A pending subscriber carries `expiresAt` (the table's TTL: deleted after seven days) and is
 * counted nowhere. Confirming, changing and leaving move the counters in the same transaction as
 * the subscriber and its event, so the staff overview reads counters, never subscribers. The
 * consent log outlives the subscriber: proof of what was agreed to, and when it was withdrawn.
 */

const SK_PREFIX = 'SUBSCRIBER#';
const subscriberKey = (tenantId: string, subscriberId: string) => ({
  pk: tenantPk(tenantId),
  sk: `${SK_PREFIX}${subscriberId}`,
});
const countKey = (tenantId: string, scope: string) => ({
  pk: tenantPk(tenantId),
  sk: `SUBSCRIBERS#COUNT#${scope}`,
});
const consentKey = (tenantId: string, subscriberId: string, at: string) => ({
  pk: `${tenantPk(tenantId)}#SUBSCRIBER#${subscriberId}`,
  sk: `CONSENT#${at}`,
});

type Stored = Subscriber & { version: number };

function fromItem(item: Record<string, unknown>): Stored {
  const { type: _type, ...rest } = withoutKeys(item);
  return rest as unknown as Stored;
}

async function getStored(tenantId: string, subscriberId: string, client = documentClient) {
  const { Item } = await client.send(
    new GetCommand({
      TableName: tableName(),
      Key: subscriberKey(tenantId, subscriberId),
      ConsistentRead: true,
    }),
  );
  return Item ? fromItem(Item) : undefined;
}

/** A subscriber of this tenant, pending or confirmed; an expired pending one is missing. */
export async function getSubscriber(
  tenantId: string,
  subscriberId: string,
  now = new Date(),
): Promise<Stored | undefined> {
  const found = await getStored(tenantId, subscriberId);
  return found && !isExpired(found, now) ? found : undefined;
}

function counterUpdates(tenantId: string, deltas: Map<string, number>): TransactItem[] {
  return [...deltas].map(([scope, n]) => ({
    Update: {
      TableName: tableName(),
      Key: countKey(tenantId, scope),
      UpdateExpression: 'ADD subscribers :n SET #type = :type, #scope = :scope',
      ExpressionAttributeNames: { '#type': 'type', '#scope': 'scope' },
      ExpressionAttributeValues: { ':n': n, ':type': 'subscriber-count', ':scope': scope },
    },
  }));
}

const consentLog = (
  tenantId: string,
  subscriberId: string,
  at: string,
  entry: Record<string, unknown>,
): TransactItem => ({
  Put: {
    TableName: tableName(),
    Item: compact({ ...consentKey(tenantId, subscriberId, at), type: 'subscriber-consent', at, ...entry }),
  },
});

/**
 * A subscription asked for on the public page. A new or still pending one is (re)written as
 * pending with the consent just given, and `mail` says a confirmation is due; a confirmed one is
 * left as it is (the caller answers the same either way: no one learns who subscribes).
 */
export async function requestSubscription(
  tenantId: string,
  input: SubscribeInput,
  consent: Consent,
  now = new Date(),
): Promise<{ subscriberId: string; mail: boolean }> {
  const subscriberId = subscriberIdOf(input.email);
  const existing = await getStored(tenantId, subscriberId);
  if (existing?.status === 'confirmed') return { subscriberId, mail: false };
  const at = now.toISOString();
  const item: Stored = {
    subscriberId,
    tenantId,
    email: input.email.trim(),
    name: input.name,
    outlet: input.outlet,
    topics: input.topics,
    regions: input.regions,
    language: input.language,
    status: 'pending',
    paused: false,
    consent,
    createdAt: at,
    expiresAt: Math.floor(now.getTime() / 1000) + PENDING_DAYS * 86_400,
    version: (existing?.version ?? 0) + 1,
  };
  try {
    await writeWithEvents(
      tenantId,
      [
        {
          Put: {
            TableName: tableName(),
            Item: compact({ ...subscriberKey(tenantId, subscriberId), type: 'subscriber', ...item }),
            ConditionExpression: 'attribute_not_exists(pk) OR #status = :pending',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: { ':pending': 'pending' },
          },
        },
      ],
      [
        pendingEvent(SubscriptionRequested, {
          tenantId,
          subscriberId,
          source: consent.source,
          topics: input.topics,
          regions: input.regions,
        }),
      ],
    );
  } catch (error) {
    // Confirmed in the meantime: nothing to ask for.
    if (isConditionalCheckFailed(error)) return { subscriberId, mail: false };
    throw error;
  }
  return { subscriberId, mail: true };
}

/** Confirms a pending subscription (once); a confirmed one is returned as it is. */
export async function confirmSubscription(
  tenantId: string,
  subscriberId: string,
  now = new Date(),
): Promise<Stored | undefined> {
  const existing = await getSubscriber(tenantId, subscriberId, now);
  if (!existing || existing.status === 'confirmed') return existing;
  const at = now.toISOString();
  try {
    await writeWithEvents(
      tenantId,
      [
        {
          Update: {
            TableName: tableName(),
            Key: subscriberKey(tenantId, subscriberId),
            UpdateExpression:
              'SET #status = :confirmed, confirmedAt = :at, updatedAt = :at, #version = :next REMOVE expiresAt',
            ConditionExpression: '#status = :pending AND #version = :version',
            ExpressionAttributeNames: { '#status': 'status', '#version': 'version' },
            ExpressionAttributeValues: {
              ':confirmed': 'confirmed',
              ':pending': 'pending',
              ':at': at,
              ':version': existing.version,
              ':next': existing.version + 1,
            },
          },
        },
        ...counterUpdates(tenantId, counterDeltas(undefined, existing)),
        consentLog(tenantId, subscriberId, at, {
          action: 'confirmed',
          given: existing.consent,
          topics: existing.topics,
          regions: existing.regions,
        }),
      ],
      [
        pendingEvent(SubscriptionConfirmed, {
          tenantId,
          subscriberId,
          language: existing.language,
          topics: existing.topics,
          regions: existing.regions,
        }),
      ],
    );
  } catch (error) {
    if (isConditionalCheckFailed(error)) return getSubscriber(tenantId, subscriberId, now);
    throw error;
  }
  return {
    ...existing,
    status: 'confirmed',
    confirmedAt: at,
    expiresAt: undefined,
    version: existing.version + 1,
  };
}

/** The preference centre's change of a confirmed subscription; undefined if there is none. */
export async function changePreferences(
  tenantId: string,
  subscriberId: string,
  preferences: Preferences,
  now = new Date(),
): Promise<Stored | undefined> {
  const existing = await getSubscriber(tenantId, subscriberId, now);
  if (existing?.status !== 'confirmed') return undefined;
  const at = now.toISOString();
  await writeWithEvents(
    tenantId,
    [
      {
        Update: {
          TableName: tableName(),
          Key: subscriberKey(tenantId, subscriberId),
          UpdateExpression:
            'SET topics = :topics, regions = :regions, #language = :language, paused = :paused, updatedAt = :at, #version = :next',
          ConditionExpression: '#status = :confirmed AND #version = :version',
          ExpressionAttributeNames: { '#status': 'status', '#version': 'version', '#language': 'language' },
          ExpressionAttributeValues: {
            ':topics': preferences.topics,
            ':regions': preferences.regions,
            ':language': preferences.language,
            ':paused': preferences.paused,
            ':at': at,
            ':confirmed': 'confirmed',
            ':version': existing.version,
            ':next': existing.version + 1,
          },
        },
      },
      ...counterUpdates(tenantId, counterDeltas(existing, preferences)),
    ],
    [pendingEvent(SubscriptionChanged, { tenantId, subscriberId, ...preferences })],
  );
  return { ...existing, ...preferences, updatedAt: at, version: existing.version + 1 };
}

/**
 * Ends a subscription: the subscriber is deleted (a confirmed one taken off the counters), the
 * withdrawal logged beside the consent. False when there was none to end.
 */
export async function leave(
  tenantId: string,
  subscriberId: string,
  source: string,
  now = new Date(),
): Promise<boolean> {
  const existing = await getStored(tenantId, subscriberId);
  if (!existing) return false;
  const at = now.toISOString();
  try {
    await writeWithEvents(
      tenantId,
      [
        {
          Delete: {
            TableName: tableName(),
            Key: subscriberKey(tenantId, subscriberId),
            ConditionExpression: '#version = :version',
            ExpressionAttributeNames: { '#version': 'version' },
            ExpressionAttributeValues: { ':version': existing.version },
          },
        },
        ...(existing.status === 'confirmed'
          ? counterUpdates(tenantId, counterDeltas(existing, undefined))
          : []),
        consentLog(tenantId, subscriberId, at, { action: 'withdrawn', source }),
      ],
      [pendingEvent(Unsubscribed, { tenantId, subscriberId, source: source.slice(0, 80) })],
    );
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
  return true;
}

/** The counters: confirmed subscribers in all, and per topic and region. One Query. */
export async function subscriberCounts(tenantId: string): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await documentClient.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': tenantPk(tenantId), ':prefix': 'SUBSCRIBERS#COUNT#' },
        ExclusiveStartKey: cursor,
      }),
    );
    for (const item of page.Items ?? []) counts.set(String(item.scope), Number(item.subscribers ?? 0));
    cursor = page.LastEvaluatedKey;
  } while (cursor);
  return counts;
}

const range = (tenantId: string) => ({ pk: tenantPk(tenantId), skPrefix: SK_PREFIX });

/** A page of confirmed subscribers, for staff (pending ones are no one's subscribers yet). */
export async function listSubscribers(
  tenantId: string,
  options: { cursor?: string; limit: number },
): Promise<{ items: Stored[]; cursor?: string }> {
  let start: Record<string, unknown> | undefined = decodeCursor(options.cursor, range(tenantId));
  const items: Stored[] = [];
  // Pending subscriptions sit among the confirmed ones: read on until the page is full (they
  // are few, and gone within a week).
  do {
    const page = await documentClient.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        FilterExpression: '#status = :confirmed',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':pk': tenantPk(tenantId),
          ':prefix': SK_PREFIX,
          ':confirmed': 'confirmed',
        },
        ExclusiveStartKey: start,
        Limit: options.limit - items.length,
      }),
    );
    items.push(...(page.Items ?? []).map(fromItem));
    start = page.LastEvaluatedKey;
  } while (start && items.length < options.limit);
  return { items, cursor: encodeCursor(start) };
}

/** A recipient as the mail pipeline sees one: the shape of a directory contact. */
export interface SubscriberRecipient {
  tenantId: string;
  contactId: string;
  email: string;
  name: string;
  language: Subscriber['language'];
  /** Set when bulk mail must not go to it: not (or no longer) confirmed, or paused. */
  unsubscribed?: { at: string; source: string };
}

export function recipientOf(item: Record<string, unknown>, now = new Date()): SubscriberRecipient {
  const s = fromItem(item);
  const receiving = s.status === 'confirmed' && !s.paused && !isExpired(s, now);
  return {
    tenantId: s.tenantId,
    contactId: recipientIdOf(s.subscriberId),
    email: s.email,
    name: s.name,
    language: s.language,
    ...(receiving ? {} : { unsubscribed: { at: s.updatedAt ?? s.createdAt, source: `press:${s.status}` } }),
  };
}

/** The table key of a pipeline recipient that is a subscriber (undefined for a contact id). */
export function recipientKey(tenantId: string, recipientId: string): TableKey | undefined {
  const subscriberId = subscriberIdOfRecipient(recipientId);
  return subscriberId ? subscriberKey(tenantId, subscriberId) : undefined;
}

/**
 * One page of the subscribers a release goes to (confirmed, unpaused, following one of its
 * topics or regions), as recipients. `cursor` is the last page's; anything not a key of this
 * tenant's subscribers starts from the beginning of nothing (an empty last page).
 */
export async function releaseRecipientsPage(
  tenantId: string,
  release: { topics: readonly string[]; regions: readonly string[]; asOf: string },
  cursor: Record<string, unknown> | undefined,
  limit: number,
): Promise<{ recipients: SubscriberRecipient[]; cursor?: Record<string, unknown> }> {
  if (cursor !== undefined && !isKeyInRange(cursor, range(tenantId))) return { recipients: [] };
  const page = await documentClient.send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      FilterExpression: '#status = :confirmed',
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':pk': tenantPk(tenantId),
        ':prefix': SK_PREFIX,
        ':confirmed': 'confirmed',
      },
      ExclusiveStartKey: cursor,
      Limit: limit,
    }),
  );
  const recipients = (page.Items ?? [])
    .map(fromItem)
    .filter((s) => matchesRelease(s, release) && (s.confirmedAt ?? '') <= release.asOf)
    .map((s) => recipientOf(s as unknown as Record<string, unknown>));
  return { recipients, cursor: page.LastEvaluatedKey };
}
