import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import { batchGet, type Contact, contactKey } from '../../shared/directory/store/contacts.js';
import { type CampaignCounter, type DeliveryStatus, parseDeliveryId } from '../../shared/mail/campaign.js';
import { type SesEventDetail, sesEvents } from '../../shared/mail/events.js';
import { finishIfDone } from '../../shared/mail/store/campaigns.js';
import { advanceDeliveries, recordEngagement } from '../../shared/mail/store/deliveries.js';
import {
  accountScope,
  countMailOutcomes,
  getSendingState,
  pauseReason,
  recentRates,
  type SendingScope,
  setSendingState,
} from '../../shared/mail/store/sending-state.js';
import { suppress } from '../../shared/mail/store/suppressions.js';
import { eventBridgeEnvelope, jsonString } from '../../shared/platform/bus/envelopes.js';
import { logger } from '../../shared/platform/observability/logger.js';
import { recipientKey, recipientOf } from '../../shared/press/index.js';

interface Outcome {
  status?: DeliveryStatus;
  counter?: CampaignCounter;
  suppress?: 'bounce' | 'complaint';
  reason?: string;
}

/** What each SES event means for the delivery, its campaign's counters and the suppression list. */
export function outcomeOf(detailType: string, detail: SesEventDetail): Outcome {
  switch (detailType) {
    case 'Email Sent':
      return { status: 'sent', counter: 'sent' };
    case 'Email Delivered':
      return { status: 'delivered', counter: 'delivered' };
    case 'Email Bounced':
      // Only a permanent (hard) bounce means the address is dead; soft ones are retried by SES.
      return detail.bounce?.bounceType === 'Permanent'
        ? {
            status: 'bounced',
            counter: 'bounced',
            suppress: 'bounce',
            reason: detail.bounce.bounceSubType ?? 'Permanent',
          }
        : {};
    case 'Email Complaint Received':
      return { status: 'complained', counter: 'complained', suppress: 'complaint' };
    case 'Email Rejected':
      return {
        status: 'failed',
        counter: 'failed',
        reason: `rejected: ${detail.reject?.reason ?? 'unknown'}`,
      };
    case 'Email Rendering Failed':
      return { status: 'failed', counter: 'failed', reason: 'rendering failed' };
    case 'Email Opened':
      return { counter: 'opened' };
    case 'Email Clicked':
      return { counter: 'clicked' };
    default:
      return {};
  }
}

interface ParsedEvent {
  detailType: string;
  detail: SesEventDetail;
  tenantId: string;
  campaignId: string;
  contactId: string;
  at: string;
}

/** The queue's messages are the EventBridge events SES put on the default bus. */
const messageBody = jsonString(eventBridgeEnvelope);

function parse(body: string): ParsedEvent | undefined {
  const envelope = messageBody.parse(body);
  const contract = sesEvents.find((c) => c.detailType === envelope['detail-type']);
  if (!contract) return undefined;
  const detail = contract.schema.parse(envelope.detail);
  const tenantId = detail.mail.tags.tenant?.[0];
  const ids = parseDeliveryId(detail.mail.tags.delivery?.[0] ?? '');
  // Mail without our tags (sent by something else through the same configuration set).
  if (!tenantId || !ids) return undefined;
  return {
    detailType: contract.detailType,
    detail,
    tenantId,
    ...ids,
    at: envelope.time,
  };
}

/**
 * SES events, in batches from the queue their rules feed: move each delivery forward (never
 * back) and count the move with it, suppress hard-bounced and complaining addresses for the
 * tenant, and pause sending when a tenant's rates (that tenant) or the
 * account's rates (everyone) get dangerous.
 */
export async function applyEvents(events: ParsedEvent[]): Promise<void> {
  /** Bounces and complaints per tenant (the tenant is in the mail's tags). */
  const health = new Map<string, { bounced: number; complained: number }>();
  const healthOf = (tenantId: string) => {
    const h = health.get(tenantId) ?? { bounced: 0, complained: 0 };
    health.set(tenantId, h);
    return h;
  };
  const toSuppress: { event: ParsedEvent; reason: 'bounce' | 'complaint' }[] = [];
  /** Campaigns where an event settled a delivery the sender could not record: maybe finished now. */
  const settledHere = new Map<string, ParsedEvent>();
  // The batch's moves in one transaction where they can be (advanceDeliveries), else one by one
  // in the order they came: each move and its counters are written together, so a crash anywhere
  // leaves nothing half-counted. Opens and clicks touch only their own timestamp and count.
  const withStatus = events.flatMap((event) => {
    const outcome = outcomeOf(event.detailType, event.detail);
    return outcome.status ? [{ event, outcome, to: outcome.status }] : [];
  });
  const previous = await advanceDeliveries(
    withStatus.map(({ event, outcome, to }) => ({
      tenantId: event.tenantId,
      campaignId: event.campaignId,
      contactId: event.contactId,
      to,
      detail: { at: event.at, sesMessageId: event.detail.mail.messageId, reason: outcome.reason },
    })),
  );
  withStatus.forEach(({ event, to }, i) => {
    const from = previous[i];
    // A repeated or late event changes nothing and counts nothing.
    if (from === 'sending' || from === 'queued')
      settledHere.set(`${event.tenantId}|${event.campaignId}`, event);
    if (from !== undefined && to === 'bounced') healthOf(event.tenantId).bounced += 1;
    if (from !== undefined && to === 'complained') healthOf(event.tenantId).complained += 1;
  });
  for (const event of events) {
    const outcome = outcomeOf(event.detailType, event.detail);
    if (!outcome.status && (outcome.counter === 'opened' || outcome.counter === 'clicked'))
      await recordEngagement(event.tenantId, event.campaignId, event.contactId, outcome.counter, event.at);
    if (outcome.suppress) toSuppress.push({ event, reason: outcome.suppress });
  }
  if (toSuppress.length > 0) {
    // A press subscriber's address is on the press room's item, a contact's on the directory's.
    const contacts = (
      await batchGet(
        toSuppress.map(
          ({ event }) =>
            recipientKey(event.tenantId, event.contactId) ?? contactKey(event.tenantId, event.contactId),
        ),
      )
    ).map((item) =>
      String(item.sk).startsWith('SUBSCRIBER#') ? recipientOf(item) : item,
    ) as unknown as Contact[];
    for (const { event, reason } of toSuppress) {
      const contact = contacts.find((c) => c.tenantId === event.tenantId && c.contactId === event.contactId);
      if (contact)
        await suppress(event.tenantId, contact.email, reason, {
          at: event.at,
          source: `ses:${event.detail.mail.messageId}`,
        });
    }
  }
  for (const { tenantId, campaignId } of settledHere.values()) await finishIfDone(tenantId, campaignId);
  if (health.size > 0) {
    // Each tenant's own counts, then the account's (SES judges the account over all of them).
    const now = new Date();
    const total = { bounced: 0, complained: 0 };
    for (const h of health.values()) {
      total.bounced += h.bounced;
      total.complained += h.complained;
    }
    await countMailOutcomes(now, [
      ...[...health].map(([tenantId, deltas]) => ({ scope: { tenantId }, deltas })),
      { scope: accountScope, deltas: total },
    ]);
    // A tenant's problem stops that tenant first; the account rule stays as the last guard.
    for (const tenantId of health.keys()) await pauseIfUnhealthy({ tenantId });
    await pauseIfUnhealthy({});
  }
}

async function pauseIfUnhealthy(scope: SendingScope): Promise<void> {
  const rates = await recentRates(new Date(), scope);
  const reason = pauseReason(rates);
  if (!reason || (await getSendingState(scope)).paused) return;
  await setSendingState(
    { paused: true, reason, at: new Date().toISOString(), by: 'system:ses-events' },
    scope,
  );
  logger.error(scope.tenantId ? 'mail sending paused for a tenant' : 'mail sending paused for the account', {
    reason,
    ...scope,
    ...rates,
  });
}

/**
 * Queue consumer. The batch processor reads the records one by one (a malformed one fails alone
 * and reaches the DLQ for a look); the readable ones are then applied together, so the batch's
 * DynamoDB work stays batched (one contact read for its suppressions, one counter write per
 * campaign). Applying is idempotent (forward-only moves): if it fails, the invocation fails and
 * the whole batch is simply applied again.
 */
export const handler = middy<SQSEvent, SQSBatchResponse>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event, context) => {
    const parsed: ParsedEvent[] = [];
    const readRecord = async (record: SQSRecord): Promise<void> => {
      try {
        const one = parse(record.body);
        if (one) parsed.push(one);
      } catch (error) {
        logger.error('unreadable SES event', { messageId: record.messageId, error });
        throw error;
      }
    };
    // In order, one after another: the events are applied in the order they came.
    const response = await processPartialResponse(event, readRecord, new BatchProcessor(EventType.SQS), {
      context,
      processInParallel: false,
      throwOnFullBatchFailure: false,
    });
    await applyEvents(parsed);
    return response;
  });
