import { randomUUID } from 'node:crypto';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../aws/clients.js';
import type { DetailOf, EventContract } from '../bus/contract.js';
import { type TransactItem, writeWithEvents } from '../bus/outbox.js';
import { isConditionalCheckFailed, PENDING_SCHEDULES, tableName, tenantPk } from '../table/table.js';

/**
 * One-time schedules: an event (by catalogue name) to publish at a set time. They are items in
 * the table, so they survive restarts and deploys; the dispatcher runs every minute and fires
 * whatever has come due (through the outbox). No scheduler service is needed in either runtime.
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

type ScheduleInput<C extends EventContract> = {
  tenantId: string;
  dueAt: string;
  event: C;
  detail: DetailOf<C>;
  scheduleId?: string;
};

function newSchedule<C extends EventContract>(input: ScheduleInput<C>): Schedule {
  // Validated now, so a schedule that could never be published is refused when it is made.
  const detail = input.event.schema.parse(input.detail) as Record<string, unknown>;
  return {
    scheduleId: input.scheduleId ?? randomUUID(),
    tenantId: input.tenantId,
    dueAt: input.dueAt,
    eventName: input.event.name,
    detail,
    status: 'pending',
    createdAt: new Date().toISOString(),
  };
}

const scheduleRecord = (schedule: Schedule) => ({
  pk: tenantPk(schedule.tenantId),
  sk: `SCHEDULE#${schedule.scheduleId}`,
  type: 'schedule',
  gsi1pk: PENDING_SCHEDULES,
  gsi1sk: `${schedule.dueAt}#${schedule.tenantId}#${schedule.scheduleId}`,
  ...schedule,
});

/** A new schedule as a transaction item, to be written with the state change that asks for it. */
export function scheduleItem<C extends EventContract>(input: ScheduleInput<C>): TransactItem {
  return {
    Put: {
      TableName: tableName(),
      Item: scheduleRecord(newSchedule(input)),
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** Stores an event to publish at `dueAt`. */
export async function createSchedule<C extends EventContract>(
  input: ScheduleInput<C>,
  client = documentClient,
): Promise<Schedule> {
  const schedule = newSchedule(input);
  await client.send(
    new PutCommand({
      TableName: tableName(),
      Item: scheduleRecord(schedule),
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
 * Fires a due schedule: marks it fired, drops it from the pending index and writes its event to
 * the outbox, in one transaction, so the event is published exactly when the schedule is marked
 * (the relay delivers it at least once; its id is the schedule's, so consumers can dedupe).
 * Returns false if another run fired it first.
 */
export async function fireSchedule(
  schedule: Schedule,
  contract: EventContract,
  firedAt: Date,
  client = documentClient,
): Promise<boolean> {
  try {
    await writeWithEvents(
      schedule.tenantId,
      [
        {
          Update: {
            TableName: tableName(),
            Key: { pk: tenantPk(schedule.tenantId), sk: `SCHEDULE#${schedule.scheduleId}` },
            UpdateExpression: 'SET #status = :fired, firedAt = :at REMOVE gsi1pk, gsi1sk',
            ConditionExpression: '#status = :pending',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':fired': 'fired',
              ':pending': 'pending',
              ':at': firedAt.toISOString(),
            },
          },
        },
      ],
      [
        {
          contract,
          detail: schedule.detail as DetailOf<EventContract>,
          id: `schedule-${schedule.scheduleId}`,
        },
      ],
      client,
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
