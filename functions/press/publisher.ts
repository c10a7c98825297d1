import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { EventBridgeEvent } from 'aws-lambda';
import { parseDetail } from '../../shared/platform/bus/publisher.js';
import { logger } from '../../shared/platform/observability/logger.js';
import { ReleasePublishDue } from '../../shared/press/events.js';
import { markPublished } from '../../shared/press/store/releases.js';

/**
 * A scheduled release's time has come (its one-time schedule fired): mark it published and write
 * ReleasePublished, once. A release cancelled or moved since, or already published, is left as
 * it is, so a repeated or stale delivery does nothing.
 */
export const handler = middy<EventBridgeEvent<string, unknown>, void>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (busEvent) => {
    const detail = parseDetail(ReleasePublishDue, busEvent);
    const published = await markPublished(detail.tenantId, detail.releaseId, detail.scheduleVersion);
    logger.info(published ? 'release published' : 'publish-due ignored', { releaseId: detail.releaseId });
  });
