import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import * as z from 'zod';
import { reconcileOpenCampaigns } from '../../shared/mail/actions/reconcile.js';
import { STALLED_AFTER_SECONDS } from '../../shared/mail/campaign.js';
import { logger } from '../../shared/platform/observability/logger.js';

/**
 * The schedule's event, or `{ stalledAfterSeconds: 0 }` from the local runtime when it starts:
 * after a restart nothing is in flight, so every unfinished campaign is stalled.
 */
const input = z.looseObject({
  time: z.string().optional(),
  stalledAfterSeconds: z.number().int().nonnegative().optional(),
});

export const handler = middy<unknown, void>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    const parsed = input.parse(event ?? {});
    const tally = await reconcileOpenCampaigns({
      now: new Date(parsed.time ?? Date.now()),
      stalledAfterSeconds: parsed.stalledAfterSeconds ?? STALLED_AFTER_SECONDS,
    });
    if (Object.keys(tally).length > 0) logger.info('open campaigns reconciled', tally);
  });
