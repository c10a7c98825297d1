import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { ScheduledEvent } from 'aws-lambda';
import { contractByName } from '../../shared/catalogue.js';
import { logger } from '../../shared/platform/observability/logger.js';
import { dueSchedules, fireSchedule } from '../../shared/platform/schedules/store.js';

/**
 * Runs every minute: fires each one-time schedule that has come due (marked fired and its event
 * written to the outbox in one transaction). A schedule that fails to fire stays pending and is
 * tried again next minute.
 */
export async function dispatchDueSchedules(now: Date): Promise<{ fired: number; failed: number }> {
  let fired = 0;
  let failed = 0;
  for (const schedule of await dueSchedules(now)) {
    const contract = contractByName(schedule.eventName);
    try {
      if (!contract) throw new Error(`Unknown event ${schedule.eventName}`);
      if (await fireSchedule(schedule, contract, now)) fired += 1;
    } catch (error) {
      failed += 1;
      logger.error('schedule not dispatched', {
        scheduleId: schedule.scheduleId,
        tenantId: schedule.tenantId,
        error,
      });
    }
  }
  return { fired, failed };
}

export const handler = middy<ScheduledEvent, void>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    const result = await dispatchDueSchedules(new Date(event.time ?? Date.now()));
    if (result.fired + result.failed > 0) logger.info('schedules dispatched', result);
  });
