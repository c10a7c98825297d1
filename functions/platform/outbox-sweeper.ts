import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import * as z from 'zod';
import { sweepOutboxItem, unpublishedSince } from '../../shared/platform/bus/outbox.js';
import { logger } from '../../shared/platform/observability/logger.js';

/**
 * How long an outbox item may wait for the relay before it is written again: the relay takes an
 * item within a second, and its iterator-age alarm fires at a minute behind.
 */
const UNPUBLISHED_AFTER_SECONDS = 120;
/** Items per run: a bounded amount of work, the rest next run. */
const PER_RUN = 100;

const input = z.looseObject({ time: z.string().optional() });

/**
 * Every two minutes: outbox items the relay never published (a stream record given up on after
 * its retries goes to the mapping's on-failure queue with its position only, not the event) are
 * written again as new items, which the stream brings to the relay. One Query of a sparse index:
 * nothing to do costs the same whatever the table holds.
 */
export async function sweepOutbox(now: Date): Promise<{ rewritten: number; failed: number }> {
  const before = new Date(now.getTime() - UNPUBLISHED_AFTER_SECONDS * 1000).toISOString();
  let rewritten = 0;
  let failed = 0;
  for (const item of await unpublishedSince(before, PER_RUN)) {
    const done = await sweepOutboxItem(item, now);
    if (done === 'rewritten') rewritten += 1;
    if (done === 'failed') {
      failed += 1;
      logger.error('outbox event never published; given up on', {
        eventId: item.eventId,
        name: item.name,
        sweeps: item.sweeps,
      });
    }
  }
  return { rewritten, failed };
}

export const handler = middy<unknown, void>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    const parsed = input.parse(event ?? {});
    const result = await sweepOutbox(new Date(parsed.time ?? Date.now()));
    if (result.rewritten + result.failed > 0) logger.warn('unpublished outbox events written again', result);
  });
