import { GetCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../platform/aws/clients.js';
import { activityPk, isConditionalCheckFailed, tableName, tenantPk } from '../platform/table/table.js';

export interface ActivityEntry {
  eventId: string;
  tenantId: string;
  at: string;
  kind: string;
  summary: string;
  subjectId?: string;
  actor: string;
}

/** Dashboard counters, one item per tenant: reading them costs one GetItem however big the tenant. */
export type DashboardCounters = Record<string, number>;

/**
 * Records an activity entry and bumps its counter in one transaction, keyed by the EventBridge
 * event id: a redelivered event (at-least-once) is recognised and changes nothing.
 * Returns false when the event had been recorded already.
 */
export async function recordActivity(
  entry: ActivityEntry,
  counter: string,
  client = documentClient,
): Promise<boolean> {
  try {
    await client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName(),
              Item: {
                pk: activityPk(entry.tenantId),
                sk: `${entry.at}#${entry.eventId}`,
                type: 'activity',
                ...entry,
              },
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Update: {
              TableName: tableName(),
              Key: { pk: tenantPk(entry.tenantId), sk: 'COUNTERS#dashboard' },
              UpdateExpression: 'ADD #counter :one SET updatedAt = :at',
              ExpressionAttributeNames: { '#counter': counter },
              ExpressionAttributeValues: { ':one': 1, ':at': entry.at },
            },
          },
        ],
      }),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}

export async function recentActivity(
  tenantId: string,
  limit = 20,
  client = documentClient,
): Promise<ActivityEntry[]> {
  const { Items } = await client.send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': activityPk(tenantId) },
      ScanIndexForward: false,
      Limit: limit,
    }),
  );
  return (Items ?? []).map(({ pk: _pk, sk: _sk, type: _type, ...rest }) => rest as ActivityEntry);
}

export async function dashboardCounters(
  tenantId: string,
  client = documentClient,
): Promise<DashboardCounters> {
  const { Item } = await client.send(
    new GetCommand({ TableName: tableName(), Key: { pk: tenantPk(tenantId), sk: 'COUNTERS#dashboard' } }),
  );
  const counters: DashboardCounters = {};
  for (const [key, value] of Object.entries(Item ?? {})) if (typeof value === 'number') counters[key] = value;
  return counters;
}
