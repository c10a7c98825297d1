import { GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../platform/aws/clients.js';
import { isConditionalCheckFailed, tableName } from '../../platform/table/table.js';

/**
 * Sending health of the whole configuration set (all tenants share it, and SES judges the
 * account as one): daily send/bounce/complaint counts, and the pause switch the sender obeys.
 * These are the table's only platform-level items besides the schedule index.
 */
const PLATFORM_PK = 'PLATFORM#mail';
const day = (at: Date) => at.toISOString().slice(0, 10);

/** SES puts an account under review at 5 % bounces / 0.1 % complaints; we stop well before it acts. */
export const PAUSE_AT = { bounceRate: 0.1, complaintRate: 0.005, minimumSends: 200, windowDays: 7 } as const;

export async function countMailOutcomes(
  at: Date,
  deltas: { sent?: number; bounced?: number; complained?: number },
  client = documentClient,
): Promise<void> {
  const entries = Object.entries(deltas).filter(([, n]) => n);
  if (entries.length === 0) return;
  // A one-item transaction so that a retried ADD is not counted twice (ClientRequestToken).
  await client.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Update: {
            TableName: tableName(),
            Key: { pk: PLATFORM_PK, sk: `STATS#${day(at)}` },
            UpdateExpression: `ADD ${entries.map(([_k], i) => `#k${i} :v${i}`).join(', ')}`,
            ExpressionAttributeNames: Object.fromEntries(entries.map(([k], i) => [`#k${i}`, k])),
            ExpressionAttributeValues: Object.fromEntries(entries.map(([, v], i) => [`:v${i}`, v])),
          },
        },
      ],
    }),
  );
}

export async function recentRates(now: Date, client = documentClient) {
  let sent = 0;
  let bounced = 0;
  let complained = 0;
  for (let i = 0; i < PAUSE_AT.windowDays; i++) {
    const { Item } = await client.send(
      new GetCommand({
        TableName: tableName(),
        Key: { pk: PLATFORM_PK, sk: `STATS#${day(new Date(now.getTime() - i * 86_400_000))}` },
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

export interface SendingState {
  paused: boolean;
  reason?: string;
  at?: string;
  by?: string;
}

export const sendingStateKey = { pk: PLATFORM_PK, sk: 'SENDING' };

export async function getSendingState(client = documentClient): Promise<SendingState> {
  const { Item } = await client.send(
    new GetCommand({ TableName: tableName(), Key: sendingStateKey, ConsistentRead: true }),
  );
  return { paused: Boolean(Item?.paused), reason: Item?.reason, at: Item?.at, by: Item?.by };
}

export async function setSendingState(state: SendingState, client = documentClient): Promise<void> {
  await client.send(
    new PutCommand({ TableName: tableName(), Item: { ...sendingStateKey, type: 'sending-state', ...state } }),
  );
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
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}
