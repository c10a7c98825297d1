import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { JSONStringified } from '@aws-lambda-powertools/parser/helpers';
import { EventBridgeSchema } from '@aws-lambda-powertools/parser/schemas/eventbridge';
import middy from '@middy/core';
import type { EventBridgeEvent, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { onFollowUpDue, onMeetingEnded } from '../../shared/feedback/actions/follow-up.js';
import { FollowUpDue } from '../../shared/feedback/events.js';
import { MeetingEnded } from '../../shared/meetings/events.js';
import { parseDetail } from '../../shared/platform/bus/publisher.js';
import { logger } from '../../shared/platform/observability/logger.js';

type BusEvent = EventBridgeEvent<string, unknown>;

/** The events the follow-up reacts to: an event's end, and a form's follow-up coming due. */
const reactions: Record<string, (event: BusEvent) => Promise<void>> = {
  [MeetingEnded.detailType]: (e) => onMeetingEnded(parseDetail(MeetingEnded, e)),
  [FollowUpDue.detailType]: (e) => onFollowUpDue(parseDetail(FollowUpDue, e)),
};

const messageBody = JSONStringified(EventBridgeSchema);

async function reactToOne(record: SQSRecord): Promise<void> {
  const event: BusEvent = messageBody.parse(record.body);
  const react = reactions[event['detail-type']];
  if (!react) throw new Error(`No reaction to ${event.source}/${event['detail-type']}`);
  await react(event);
}

/** Queue consumer: one record at a time; each failure is retried alone, then dead-lettered. */
export const handler = middy<SQSEvent, SQSBatchResponse>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event, context) =>
    processPartialResponse(event, reactToOne, new BatchProcessor(EventType.SQS), {
      context,
      processInParallel: false,
      throwOnFullBatchFailure: false,
    }),
  );
