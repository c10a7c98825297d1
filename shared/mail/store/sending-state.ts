import {
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../platform/aws/clients.js';
import { pendingEvent, writeWithEvents } from '../../platform/bus/outbox.js';
import { isConditionalCheckFailed, tableName, tenantPk } from '../../platform/table/table.js';
import { SendingResumed } from '../events.js';

/**
 * Sending health and the pause switches the sender obeys, at two scopes:
 * - the **account** (`PLATFORM#mail`): SES judges the account as one, over every tenant's mail
 *   through the shared configuration set; only a platform operator sees and resumes it;
 * - each **tenant** (`T#<tenant>` / `MAIL#…`): the same rule over the tenant's own mail, so one
 *   tenant's bounces and complaints stop that tenant before they stop everyone.
 * Each scope has daily send/bounce/complaint counts and a pause switch. Deliveries held while
 * paused are marked per campaign (`PLATFORM#mail` / `HELD#<tenant>#<campaign>`) for the resume.
 */
const PLATFORM_PK = 'PLATFORM#mail';
const day = (at: Date) => at.toISOString().slice(0, 10);

/** The account (`tenantId` undefined) or one tenant. */
export interface SendingScope {
  tenantId?: string;
}
export const accountScope: SendingScope = {};

const statsKey = (scope: SendingScope, at: Date) =>
  scope.tenantId
    ? { pk: tenantPk(scope.tenantId), sk: `MAIL#STATS#${day(at)}` }
    : { pk: PLATFORM_PK, sk: `STATS#${day(at)}` };

/** SES puts an account under review at 5 % bounces / 0.1 % complaints; we stop well before it acts. */
export const PAUSE_AT = { bounceRate: 0.1, complaintRate: 0.005, minimumSends: 200, windowDays: 7 } as const;

type Outcomes = { sent?: number; bounced?: number; complained?: number };

/**
 * Adds to the day's counts of each scope given (the account, one tenant), all in one request: a
 * sender batch counts its sends for the account and for each tenant it mailed.
 */
export async function countMailOutcomes(
  at: Date,
  counts: readonly { scope: SendingScope; deltas: Outcomes }[],
  client = documentClient,
): Promise<void> {
  const items = counts.flatMap(({ scope, deltas }) => {
    const entries = Object.entries(deltas).filter(([, n]) => n);
    if (entries.length === 0) return [];
    return [
      {
        Update: {
          TableName: tableName(),
          Key: statsKey(scope, at),
          UpdateExpression: `ADD ${entries.map(([_k], i) => `#k${i} :v${i}`).join(', ')}`,
          ExpressionAttributeNames: Object.fromEntries(entries.map(([k], i) => [`#k${i}`, k])),
          ExpressionAttributeValues: Object.fromEntries(entries.map(([, v], i) => [`:v${i}`, v])),
        },
      },
    ];
  });
  // A transaction so that a retried ADD is not counted twice (the SDK's ClientRequestToken); at
  // most 100 items, i.e. 99 tenants in one batch, far above a batch's size.
  for (let i = 0; i < items.length; i += 100)
    await client.send(new TransactWriteCommand({ TransactItems: items.slice(i, i + 100) }));
}

/** The scope's counts and rates over the pause rule's window. */
export async function recentRates(now: Date, scope: SendingScope = accountScope, client = documentClient) {
  let sent = 0;
  let bounced = 0;
  let complained = 0;
  for (let i = 0; i < PAUSE_AT.windowDays; i++) {
    const { Item } = await client.send(
      new GetCommand({
        TableName: tableName(),
        Key: statsKey(scope, new Date(now.getTime() - i * 86_400_000)),
      }),
    );
    sent += Number(Item?.sent ?? 0);
    bounced += Number(Item?.bounced ?? 0);
    complained += Number(Item?.complained ?? 0);
  }
  return {
    sent,
    bounced,
    complained,
    bounceRate: sent ? bounced / sent : 0,
    complaintRate: sent ? complained / sent : 0,
  };
}

/** Whether mail is paused for a tenant: the account's switch or the tenant's own. */
export async function isMailPaused(tenantId: string, client = documentClient): Promise<boolean> {
  const [account, tenant] = await Promise.all([
    getSendingState(accountScope, client),
    getSendingState({ tenantId }, client),
  ]);
  return account.paused || tenant.paused;
}

/** Why the scope's rates call for a pause, or undefined. */
export function pauseReason(rates: Awaited<ReturnType<typeof recentRates>>): string | undefined {
  if (rates.sent < PAUSE_AT.minimumSends) return undefined;
  if (rates.bounceRate >= PAUSE_AT.bounceRate)
    return `bounce rate ${(rates.bounceRate * 100).toFixed(1)} % over ${PAUSE_AT.windowDays} days`;
  if (rates.complaintRate >= PAUSE_AT.complaintRate)
    return `complaint rate ${(rates.complaintRate * 100).toFixed(2)} % over ${PAUSE_AT.windowDays} days`;
  return undefined;
}

export interface SendingState {
  paused: boolean;
  reason?: string;
  at?: string;
  by?: string;
}

export const sendingStateKey = (scope: SendingScope = accountScope) =>
  scope.tenantId ? { pk: tenantPk(scope.tenantId), sk: 'MAIL#SENDING' } : { pk: PLATFORM_PK, sk: 'SENDING' };

export async function getSendingState(
  scope: SendingScope = accountScope,
  client = documentClient,
): Promise<SendingState> {
  const { Item } = await client.send(
    new GetCommand({ TableName: tableName(), Key: sendingStateKey(scope), ConsistentRead: true }),
  );
  return { paused: Boolean(Item?.paused), reason: Item?.reason, at: Item?.at, by: Item?.by };
}

export async function setSendingState(
  state: SendingState,
  scope: SendingScope = accountScope,
  client = documentClient,
): Promise<void> {
  await client.send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...sendingStateKey(scope), type: 'sending-state', ...scope, ...state },
    }),
  );
}

/** Outbox partition of the account's events (not a tenant id: those never start with `_`). */
const ACCOUNT_OUTBOX = '_platform';

/**
 * Lifts the scope's pause, and in the same transaction (the outbox) announces SendingResumed,
 * whose consumer re-queues the deliveries held while paused. Resuming what is not paused still
 * announces it: the re-queue is idempotent, and it picks up anything still held.
 */
export async function resumeSending(scope: SendingScope, by: string, client = documentClient) {
  const at = new Date().toISOString();
  await writeWithEvents(
    scope.tenantId ?? ACCOUNT_OUTBOX,
    [
      {
        Put: {
          TableName: tableName(),
          Item: {
            ...sendingStateKey(scope),
            type: 'sending-state',
            ...scope,
            paused: false,
            reason: 'resumed by staff',
            at,
            by,
          },
        },
      },
    ],
    [
      pendingEvent(SendingResumed, {
        ...(scope.tenantId ? { tenantId: scope.tenantId } : {}),
        resumedAt: at,
        actor: by,
      }),
    ],
    client,
  );
}

/** A campaign with deliveries held (left `queued`, their messages taken off the queue) while paused. */
export interface HeldMarker {
  tenantId: string;
  campaignId: string;
  heldAt: string;
}
const heldPrefix = (scope: SendingScope) => (scope.tenantId ? `HELD#${scope.tenantId}#` : 'HELD#');
const heldKey = (tenantId: string, campaignId: string) => ({
  pk: PLATFORM_PK,
  sk: `HELD#${tenantId}#${campaignId}`,
});

/** Marks a campaign as holding deliveries; `heldAt` moves on with every hold. */
export async function markHeld(tenantId: string, campaignId: string, client = documentClient) {
  await client.send(
    new UpdateCommand({
      TableName: tableName(),
      Key: heldKey(tenantId, campaignId),
      UpdateExpression: 'SET #type = :type, tenantId = :tenant, campaignId = :campaign, heldAt = :at',
      ExpressionAttributeNames: { '#type': 'type' },
      ExpressionAttributeValues: {
        ':type': 'held-deliveries',
        ':tenant': tenantId,
        ':campaign': campaignId,
        ':at': new Date().toISOString(),
      },
    }),
  );
}

/** A page of the scope's held campaigns (one Query on the platform partition, never a scan). */
export async function listHeld(
  scope: SendingScope,
  options: { cursor?: Record<string, unknown>; limit?: number } = {},
  client = documentClient,
): Promise<{ items: HeldMarker[]; cursor?: Record<string, unknown> }> {
  const page = await client.send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': PLATFORM_PK, ':prefix': heldPrefix(scope) },
      ExclusiveStartKey: options.cursor,
      Limit: options.limit ?? 100,
      ConsistentRead: true,
    }),
  );
  const items = (page.Items ?? []).map((i) => ({
    tenantId: String(i.tenantId),
    campaignId: String(i.campaignId),
    heldAt: String(i.heldAt),
  }));
  return { items, cursor: page.LastEvaluatedKey };
}

/**
 * Removes a campaign's held marker once its deliveries were re-queued, unless it was held again
 * after `since` (a new pause): then the marker stays for the next resume.
 */
export async function clearHeld(
  tenantId: string,
  campaignId: string,
  since: string,
  client = documentClient,
) {
  try {
    await client.send(
      new DeleteCommand({
        TableName: tableName(),
        Key: heldKey(tenantId, campaignId),
        ConditionExpression: 'heldAt <= :since',
        ExpressionAttributeValues: { ':since': since },
      }),
    );
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
  }
}

/**
 * Claims one of the `limit` send slots of a wall-clock second, shared by every sender invocation
 * (the pacer's mode when the account's rate is below one send per invocation and second, as in
 * the SES sandbox). One conditional write; the counters expire after a few minutes.
 */
export async function claimSendSlot(
  second: number,
  limit: number,
  client = documentClient,
): Promise<boolean> {
  try {
    await client.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { pk: PLATFORM_PK, sk: `PACE#${second}` },
        UpdateExpression: 'ADD used :one SET expiresAt = :expires',
        ConditionExpression: 'attribute_not_exists(used) OR used < :limit',
        ExpressionAttributeValues: { ':one': 1, ':limit': limit, ':expires': second + 300 },
      }),
    );
    return true;
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
    return false;
  }
}
