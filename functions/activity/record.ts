import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { EventBridgeEvent, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { ReminderDue } from '../../shared/activity/events.js';
import { type ActivityEntry, recordActivity } from '../../shared/activity/store.js';
import { eventBridgeEnvelope, jsonString } from '../../shared/platform/bus/envelopes.js';
import { parseDetail, producerEventId } from '../../shared/platform/bus/publisher.js';
import { logger } from '../../shared/platform/observability/logger.js';
import { ProgrammeCreated, ProgrammeUpdated } from '../../shared/programmes/events.js';

type BusEvent = EventBridgeEvent<string, unknown>;

/** What the feed shows for each event, and which dashboard counter it bumps. */
export function toActivity(event: BusEvent): { entry: ActivityEntry; counter: string } {
  switch (event['detail-type']) {
    case ProgrammeCreated.detailType: {
      const d = parseDetail(ProgrammeCreated, event);
      return {
        entry: {
          eventId: producerEventId(event),
          tenantId: d.tenantId,
          at: event.time,
          kind: 'programme.created',
          summary: d.name,
          subjectId: d.programmeId,
          actor: d.actor,
        },
        counter: 'programmesCreated',
      };
    }
    case ProgrammeUpdated.detailType: {
      const d = parseDetail(ProgrammeUpdated, event);
      return {
        entry: {
          eventId: producerEventId(event),
          tenantId: d.tenantId,
          at: event.time,
          kind: 'programme.updated',
          summary: `${d.name} (${d.changedFields.join(', ')})`,
          subjectId: d.programmeId,
          actor: d.actor,
        },
        counter: 'programmesUpdated',
      };
    }
    case ReminderDue.detailType: {
      const d = parseDetail(ReminderDue, event);
      // Keyed by the schedule, not the event: a schedule dispatched twice is recorded once.
      return {
        entry: {
          eventId: d.scheduleId,
          tenantId: d.tenantId,
          at: d.dueAt,
          kind: 'reminder.due',
          summary: d.subject,
          subjectId: d.scheduleId,
          actor: d.actor,
        },
        counter: 'remindersDue',
      };
    }
    default:
      throw new Error(`No activity mapping for ${event.source}/${event['detail-type']}`);
  }
}

/** The queue's messages are EventBridge events, as the rules deliver them. */
const messageBody = jsonString(eventBridgeEnvelope);

async function recordOne(record: SQSRecord): Promise<void> {
  const event: BusEvent = messageBody.parse(record.body);
  const { entry, counter } = toActivity(event);
  const recorded = await recordActivity(entry, counter);
  if (!recorded) logger.info('duplicate event ignored', { eventId: event.id });
}

/**
 * Queue consumer: each failed record is reported alone, so the rest of the batch is not redone.
 * A processor per invocation: it keeps the batch's state, and the local runtime runs a
 * function's invocations side by side in one process.
 */
export const handler = middy<SQSEvent, SQSBatchResponse>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event, context) =>
    processPartialResponse(event, recordOne, new BatchProcessor(EventType.SQS), { context }),
  );
