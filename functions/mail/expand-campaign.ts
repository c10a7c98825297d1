import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import * as z from 'zod';
import {
  batchGet,
  type Contact,
  contactKey,
  contactsPage,
  organisations,
} from '../../shared/directory/store/contacts.js';
import type { Audience } from '../../shared/mail/campaign.js';
import { CampaignSendRequested, SendingResumed } from '../../shared/mail/events.js';
import {
  type PageMessage,
  pageMessage,
  type RequeuePage,
  type ResumePage,
  requeuePage,
  resumePage,
} from '../../shared/mail/expansion-messages.js';
import { finishIfDone, getCampaign, recordExpansionPage } from '../../shared/mail/store/campaigns.js';
import { createDeliveries, unsentDeliveries } from '../../shared/mail/store/deliveries.js';
import { clearHeld, getSendingState, listHeld } from '../../shared/mail/store/sending-state.js';
import { registrationRecipient } from '../../shared/meetings/index.js';
import { ensureInvitation, listInvitations } from '../../shared/meetings/store.js';
import { queueUrl, sendAll, sendAllDelayed } from '../../shared/platform/aws/queue.js';
import { eventBridgeEnvelope, jsonString } from '../../shared/platform/bus/envelopes.js';
import { parseDetail } from '../../shared/platform/bus/publisher.js';
import { isValidEmail } from '../../shared/platform/mail-kit/headers.js';
import { logger } from '../../shared/platform/observability/logger.js';
import { getSubscriber, recipientOf, releaseRecipientsPage } from '../../shared/press/index.js';

const PAGE_SIZE = 100;
/** Recipients expanded together: one transaction of deliveries, then their send messages. */
const SEND_CHUNK = 25;

export interface SendMessageBody {
  tenantId: string;
  campaignId: string;
  contactId: string;
}

/**
 * A message is a continuation, the campaign's CampaignSendRequested event (its first page), or
 * SendingResumed (the first page of held campaigns).
 */
const messageBody = jsonString(z.union([pageMessage, resumePage, requeuePage, eventBridgeEnvelope]));

function toPageMessage(body: string): PageMessage | ResumePage | RequeuePage {
  const parsed = messageBody.parse(body);
  if ('kind' in parsed) return parsed;
  if (parsed['detail-type'] === SendingResumed.detailType) {
    const detail = parseDetail(SendingResumed, parsed);
    return { kind: 'resume-page', tenantId: detail.tenantId, since: detail.resumedAt };
  }
  const detail = parseDetail(CampaignSendRequested, parsed);
  return { kind: 'expansion-page', tenantId: detail.tenantId, campaignId: detail.campaignId, page: 0 };
}

const HELD_PAGE_SIZE = 100;

/** One page of held campaigns: a re-queue message for each, then the next page. */
async function resumeHeld(message: ResumePage): Promise<void> {
  const page = await listHeld(
    { tenantId: message.tenantId },
    { cursor: message.cursor, limit: HELD_PAGE_SIZE },
  );
  await sendAll(
    queueUrl('campaign-expansion'),
    page.items.map((held) => ({
      kind: 'requeue-page',
      tenantId: held.tenantId,
      campaignId: held.campaignId,
      since: message.since,
    })),
  );
  if (page.cursor)
    await sendAll(queueUrl('campaign-expansion'), [{ ...message, cursor: page.cursor } satisfies ResumePage]);
  logger.info('held campaigns queued for re-queueing', { ...message, campaigns: page.items.length });
}

/**
 * One page of a held (or stalled: see the reconciler) campaign's unsent deliveries back on the
 * mail queue, then the next page; after the last, the campaign's held marker goes (unless held
 * again since the resume). Still
 * paused (the tenant, or the account): nothing is queued and the marker stays for the next
 * resume. A second message for a delivery is harmless (the sender's claim).
 */
async function requeueHeld(message: RequeuePage): Promise<void> {
  const [account, tenant] = await Promise.all([
    getSendingState(),
    getSendingState({ tenantId: message.tenantId }),
  ]);
  if (account.paused || tenant.paused) {
    logger.info('still paused; held deliveries stay held', { ...message });
    return;
  }
  const page = await unsentDeliveries(message.tenantId, message.campaignId, {
    cursor: message.cursor,
    limit: PAGE_SIZE,
  });
  // A delivery still claimed (by a sender that died, or is still at it) comes back just after
  // its claim lapses, rather than bouncing off it until then.
  const now = Date.now();
  const ready = page.items.map((d) => ({
    body: { tenantId: d.tenantId, campaignId: d.campaignId, contactId: d.contactId },
    delaySeconds: d.status === 'sending' && d.claimUntil ? (d.claimUntil - now) / 1000 + 1 : 0,
  }));
  await sendAllDelayed(queueUrl('mail'), ready);
  if (page.cursor)
    await sendAll(queueUrl('campaign-expansion'), [
      { ...message, cursor: page.cursor } satisfies RequeuePage,
    ]);
  else await clearHeld(message.tenantId, message.campaignId, message.since);
  logger.info('held deliveries queued again', {
    campaignId: message.campaignId,
    queued: ready.length,
    more: Boolean(page.cursor),
  });
}

async function audiencePage(tenantId: string, audience: Audience, message: PageMessage) {
  // Press subscribers are the press room's (resolved through its public face), in a contact's shape.
  if (audience.kind === 'press-release') {
    const page = await releaseRecipientsPage(tenantId, audience, message.cursor, PAGE_SIZE);
    return {
      contacts: page.recipients as Contact[],
      next: page.cursor ? { cursor: page.cursor } : undefined,
    };
  }
  if (audience.kind === 'press-subscriber') {
    const subscriber = await getSubscriber(tenantId, audience.subscriberId);
    const contacts = subscriber
      ? [recipientOf(subscriber as unknown as Record<string, unknown>) as Contact]
      : [];
    return { contacts, next: undefined };
  }
  if (audience.kind === 'event-registration') {
    // Open registration's confirmation: the pending registration (meetings), in a contact's shape.
    const recipient = await registrationRecipient(tenantId, audience.eventId, audience.registrationId);
    return { contacts: recipient ? [recipient as Contact] : [], next: undefined };
  }
  if (audience.kind === 'contacts') {
    const offset = message.offset ?? 0;
    const ids = audience.contactIds.slice(offset, offset + PAGE_SIZE);
    const items = (await batchGet(ids.map((id) => contactKey(tenantId, id)))) as unknown as Contact[];
    const next = offset + PAGE_SIZE < audience.contactIds.length ? offset + PAGE_SIZE : undefined;
    return { contacts: items, next: next === undefined ? undefined : { offset: next } };
  }
  if (audience.kind === 'event') {
    // An event's invitations in the given states: reminders and mails to attendees.
    const page = await listInvitations(tenantId, audience.eventId, {
      cursor: message.cursor,
      limit: PAGE_SIZE,
    });
    const wanted = page.items.filter((i) => (audience.statuses as string[]).includes(i.status));
    const items = (await batchGet(
      wanted.map((i) => contactKey(tenantId, i.contactId)),
    )) as unknown as Contact[];
    return { contacts: items, next: page.cursor ? { cursor: page.cursor } : undefined };
  }
  const page = await contactsPage(tenantId, message.cursor, PAGE_SIZE);
  let contacts = page.items;
  if (audience.kind !== 'all') {
    const orgs = await organisations(tenantId);
    contacts = contacts.filter((c) => {
      const org = c.organisationId ? orgs.get(c.organisationId) : undefined;
      if (audience.kind === 'organisation-types')
        return org !== undefined && audience.types.includes(org.organisationType);
      const tags = new Set([...(c.tags ?? []), ...(org?.tags ?? [])]);
      return audience.tags.some((t) => tags.has(t));
    });
  }
  return { contacts, next: page.cursor ? { cursor: page.cursor } : undefined };
}

/**
 * Expands one page of a campaign's audience into deliveries and send messages, then queues the
 * next page. Safe to run twice: a delivery is created once (conditional write), and a queued
 * delivery whose send message may have been lost is queued again (the sender claims each
 * delivery once, so a duplicate message sends nothing twice).
 */
export async function expandPage(message: PageMessage, messageId: string): Promise<void> {
  const campaign = await getCampaign(message.tenantId, message.campaignId);
  if (!campaign || campaign.status === 'draft') {
    logger.warn('expansion for unknown or unrequested campaign ignored', { campaignId: message.campaignId });
    return;
  }
  const { contacts, next } = await audiencePage(message.tenantId, campaign.audience, message);
  const eventId =
    campaign.kind === 'invitation' ? (campaign.content.eventId as string | undefined) : undefined;
  const orgs = eventId ? await organisations(campaign.tenantId) : undefined;
  let queued = 0;
  let skipped = 0;
  // An invitation campaign also invites: each recipient gets their invitation record (once).
  const invite = async (contact: Contact) => {
    if (!eventId || !isValidEmail(contact.email)) return;
    const organisationId = contact.organisationId ?? `contact-${contact.contactId}`;
    await ensureInvitation({
      tenantId: campaign.tenantId,
      eventId,
      contactId: contact.contactId,
      organisationId,
      organisationType: orgs?.get(organisationId)?.organisationType ?? 'other',
    });
  };
  // A chunk of recipients at a time: their deliveries in one transaction (createDeliveries), and
  // their send messages out at once, so sending starts while the rest of the page is written.
  for (let i = 0; i < contacts.length; i += SEND_CHUNK) {
    const chunk = contacts.slice(i, i + SEND_CHUNK);
    await Promise.all(chunk.map(invite));
    const results = await createDeliveries(
      chunk.map((contact) => {
        const valid = isValidEmail(contact.email);
        return {
          tenantId: campaign.tenantId,
          campaignId: campaign.campaignId,
          contactId: contact.contactId,
          language: contact.language,
          status: valid ? 'queued' : 'skipped',
          ...(valid ? {} : { reason: 'invalid address' }),
        } as const;
      }),
    );
    const ready: SendMessageBody[] = [];
    chunk.forEach((contact, j) => {
      const result = results[j];
      const valid = isValidEmail(contact.email);
      if (result?.created) {
        if (valid) queued += 1;
        else skipped += 1;
      }
      const stillQueued = result?.created ? valid : result?.existing?.status === 'queued';
      if (stillQueued)
        ready.push({
          tenantId: campaign.tenantId,
          campaignId: campaign.campaignId,
          contactId: contact.contactId,
        });
    });
    await sendAll(queueUrl('mail'), ready);
  }
  // `next` is where the following page starts (a DynamoDB cursor or an offset); none means done.
  // It is kept on the campaign too, so the reconciler can send a lost continuation again.
  const recorded = await recordExpansionPage(campaign.tenantId, campaign.campaignId, {
    page: message.page,
    by: messageId,
    done: next === undefined,
    ...(next ? { next: JSON.stringify(next) } : {}),
  });
  // Expanded twice (a redelivered or re-sent page): the first run queued what follows.
  if (recorded === 'recorded' && next)
    await sendAll(queueUrl('campaign-expansion'), [
      {
        kind: 'expansion-page',
        tenantId: message.tenantId,
        campaignId: message.campaignId,
        page: message.page + 1,
        ...next,
      } satisfies PageMessage,
    ]);
  // Nothing to send at all (or the last mails settled while the last page was written).
  if (recorded === 'recorded' && !next) await finishIfDone(campaign.tenantId, campaign.campaignId);
  logger.info('campaign page expanded', {
    campaignId: campaign.campaignId,
    page: message.page,
    queued,
    skipped,
    more: Boolean(next),
    recorded,
  });
}

async function expandRecord(record: SQSRecord): Promise<void> {
  try {
    const message = toPageMessage(record.body);
    if (message.kind === 'resume-page') await resumeHeld(message);
    else if (message.kind === 'requeue-page') await requeueHeld(message);
    else await expandPage(message, record.messageId);
  } catch (error) {
    logger.error('expansion page failed', { messageId: record.messageId, error });
    throw error;
  }
}

/**
 * Queue consumer: a failed page is reported alone (`batchItemFailures`) and comes back after
 * the visibility timeout. Pages run one after another (each already overlaps ten recipients);
 * a batch that failed entirely is reported as such, not thrown, as with any partial failure.
 */
export const handler = middy<SQSEvent, SQSBatchResponse>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event, context) =>
    processPartialResponse(event, expandRecord, new BatchProcessor(EventType.SQS), {
      context,
      processInParallel: false,
      throwOnFullBatchFailure: false,
    }),
  );
