import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { JSONStringified } from '@aws-lambda-powertools/parser/helpers';
import { EventBridgeSchema } from '@aws-lambda-powertools/parser/schemas/eventbridge';
import middy from '@middy/core';
import type { EventBridgeEvent, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import {
  onInvitationAnswered,
  onMeetingCancelled,
  onMeetingChanged,
  onMeetingPublished,
  onSeatsReleased,
  onWaitlistPromoted,
} from '../../shared/meetings/actions/reactions.js';
import {
  InvitationAnswered,
  MeetingCancelled,
  MeetingChanged,
  MeetingPublished,
  SeatsReleased,
  WaitlistPromoted,
} from '../../shared/meetings/events.js';
import { parseDetail } from '../../shared/platform/bus/publisher.js';
import { logger } from '../../shared/platform/observability/logger.js';

type BusEvent = EventBridgeEvent<string, unknown>;

/** The meetings events this function reacts to, and how (shared/meetings/reactions.ts). */
const reactions: Record<string, (event: BusEvent) => Promise<void>> = {
  [InvitationAnswered.detailType]: (e) => onInvitationAnswered(parseDetail(InvitationAnswered, e)),
  [WaitlistPromoted.detailType]: (e) => onWaitlistPromoted(parseDetail(WaitlistPromoted, e)),
  [SeatsReleased.detailType]: (e) => onSeatsReleased(parseDetail(SeatsReleased, e)),
  [MeetingPublished.detailType]: (e) => onMeetingPublished(parseDetail(MeetingPublished, e)),
  [MeetingChanged.detailType]: (e) => onMeetingChanged(parseDetail(MeetingChanged, e)),
  [MeetingCancelled.detailType]: (e) => onMeetingCancelled(parseDetail(MeetingCancelled, e)),
};

const messageBody = JSONStringified(EventBridgeSchema);

async function reactToOne(record: SQSRecord): Promise<void> {
  const event: BusEvent = messageBody.parse(record.body);
  const react = reactions[event['detail-type']];
  if (!react) throw new Error(`No reaction to ${event.source}/${event['detail-type']}`);
  await react(event);
}

/**
 * Queue consumer: records one at a time, in order (an answer and the promotion it frees a seat
 * for arrive close together); each failure is reported alone and retried, then dead-lettered.
 */
export const handler = middy<SQSEvent, SQSBatchResponse>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event, context) =>
    processPartialResponse(event, reactToOne, new BatchProcessor(EventType.SQS), {
      context,
      processInParallel: false,
      throwOnFullBatchFailure: false,
    }),
  );
