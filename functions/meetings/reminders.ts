import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { sendReminder } from '../../shared/meetings/actions/notify.js';
import { MeetingReminderDue } from '../../shared/meetings/events.js';
import { getEvent } from '../../shared/meetings/store.js';
import { parseDetail } from '../../shared/platform/bus/publisher.js';
import { logger } from '../../shared/platform/observability/logger.js';

/**
 * A reminder came due (a one-time schedule): mail those who have not answered, or the
 * attendees the day before. A reminder scheduled for an older version of a moved event is
 * dropped: the move scheduled a new one. Sending is idempotent per event version.
 */
export const handler = middy<EventBridgeEvent<string, unknown>, void>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (busEvent) => {
    const detail = parseDetail(MeetingReminderDue, busEvent);
    const event = await getEvent(detail.tenantId, detail.eventId);
    if (!event || event.sequence !== detail.sequence) {
      logger.info('stale reminder ignored', { eventId: detail.eventId });
      return;
    }
    await sendReminder(event, detail.reminder, 'system:reminders');
  });
