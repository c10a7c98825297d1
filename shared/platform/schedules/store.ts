import { randomUUID } from 'node:crypto';
import { PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../aws/clients.js';
import type { DetailOf, EventContract } from '../bus/contract.js';
import { isConditionalCheckFailed, PENDING_SCHEDULES, tableName, tenantPk } from '../table/table.js';

/**
 * One-time schedules: an event (by catalogue name) to publish at a set time. They are items in
 * the table, so they survive restarts and deploys; the dispatcher runs every minute and
 * publishes whatever has come due. No scheduler service is needed in either runtime.
 */
export interface Schedule {
  scheduleId: string;
  tenantId: string;
  dueAt: string;
  eventName: string;
  detail: Record<string, unknown>;
  status: 'pending' | 'fired';
  createdAt: string;
  firedAt?: string;
}

/**
 * Stores an event to publish at `dueAt`. The detail is validated against the contract now, so
 * a schedule that could never be published is refused when it is made, not a minute later.
 */
export async function createSchedule<C extends EventContract>(
  input: { tenantId: string; dueAt: string; event: C; detail: DetailOf<C>; scheduleId?: string },
  client = documentClient,
): Promise<Schedule> {
  const detail = input.event.schema.parse(input.detail) as Record<string, unknown>;
  const schedule: Schedule = {
    scheduleId: input.scheduleId ?? randomUUID(),
    tenantId: input.tenantId,
    dueAt: input.dueAt,
    eventName: input.event.name,
    detail,
    status: 'pending',
    createdAt: new Date().toISOString(),
  };
  await client.send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        pk: tenantPk(schedule.tenantId),
        sk: `SCHEDULE#${schedule.scheduleId}`,
        type: 'schedule',
        gsi1pk: PENDING_SCHEDULES,
        gsi1sk: `${schedule.dueAt}#${schedule.tenantId}#${schedule.scheduleId}`,
        ...schedule,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
  return schedule;
}

/** Pending schedules due at or before `now`, oldest first, across tenants (sparse index). */
export async function dueSchedules(now: Date, limit = 100, client = documentClient): Promise<Schedule[]> {
  const { Items } = await client.send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'gsi1',
      KeyConditionExpression: 'gsi1pk = :pending AND gsi1sk <= :now',
      ExpressionAttributeValues: { ':pending': PENDING_SCHEDULES, ':now': `${now.toISOString()}#~` },
      Limit: limit,
    }),
  );
  return (Items ?? []).map(
    ({ pk: _pk, sk: _sk, gsi1pk: _a, gsi1sk: _b, type: _t, ...rest }) => rest as Schedule,
  );
}

/**
 * Marks a schedule fired and drops it from the pending index, after its event was published
 * (at least once: a crash in between publishes it again on the next run, and consumers dedupe
 * on the schedule id). Returns false if another run marked it first.
 */
export async function markFired(
  schedule: Schedule,
  firedAt: Date,
  client = documentClient,
): Promise<boolean> {
  try {
    await client.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { pk: tenantPk(schedule.tenantId), sk: `SCHEDULE#${schedule.scheduleId}` },
        UpdateExpression: 'SET #status = :fired, firedAt = :at REMOVE gsi1pk, gsi1sk',
        ConditionExpression: '#status = :pending',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':fired': 'fired', ':pending': 'pending', ':at': firedAt.toISOString() },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}

/**
 * Creates a schedule with a fixed id, or moves it if it is still pending (an event that moved
 * moves its reminders). A schedule that has fired stays fired.
 */
export async function upsertSchedule<C extends EventContract>(
  input: { tenantId: string; scheduleId: string; dueAt: string; event: C; detail: DetailOf<C> },
  client = documentClient,
): Promise<void> {
  const detail = input.event.schema.parse(input.detail) as Record<string, unknown>;
  try {
    await client.send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          pk: tenantPk(input.tenantId),
          sk: `SCHEDULE#${input.scheduleId}`,
          type: 'schedule',
          gsi1pk: PENDING_SCHEDULES,
          gsi1sk: `${input.dueAt}#${input.tenantId}#${input.scheduleId}`,
          scheduleId: input.scheduleId,
          tenantId: input.tenantId,
          dueAt: input.dueAt,
          eventName: input.event.name,
          detail,
          status: 'pending',
          createdAt: new Date().toISOString(),
        },
        ConditionExpression: 'attribute_not_exists(pk) OR #status = :pending',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':pending': 'pending' },
      }),
    );
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
  }
}
