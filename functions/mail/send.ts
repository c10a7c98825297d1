import { randomUUID } from 'node:crypto';
import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { SendEmailCommand } from '@aws-sdk/client-sesv2';
import middy from '@middy/core';
import type { Context, SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import * as z from 'zod';
import { batchGet, type Contact, contactKey } from '../../shared/directory/store/contacts.js';
import { type Campaign, type Delivery, deliveryId } from '../../shared/mail/campaign.js';
import type { calendarEventSchema } from '../../shared/mail/content.js';
import { signPersonalLinks } from '../../shared/mail/personal-links.js';
import { CLAIM_SECONDS, MAIL_QUEUE } from '../../shared/mail/queues.js';
import { SendPacer } from '../../shared/mail/send-rate.js';
import { campaignKey, finishIfDone } from '../../shared/mail/store/campaigns.js';
import { claimDelivery, deliveryKey, settleDelivery } from '../../shared/mail/store/deliveries.js';
import {
  accountScope,
  claimSendSlot,
  countMailOutcomes,
  markHeld,
  sendingStateKey,
} from '../../shared/mail/store/sending-state.js';
import { erasedKey, suppressionKey, unsubscribeKey } from '../../shared/mail/store/suppressions.js';
import { registrationRecipientKey, registrationRecipientOf } from '../../shared/meetings/index.js';
import {
  isBulkKind,
  type MessageInput,
  type MessageKind,
  renderMessage,
} from '../../shared/message-kinds.js';
import { sesv2 } from '../../shared/platform/aws/clients.js';
import { requireEnv } from '../../shared/platform/aws/env.js';
import { jsonString } from '../../shared/platform/bus/envelopes.js';
import { type CalendarInviteInput, calendarAttachment } from '../../shared/platform/mail-kit/calendar.js';
import { configurationSetFor } from '../../shared/platform/mail-kit/configuration-set.js';
import { formatMailbox, listUnsubscribeHeaders } from '../../shared/platform/mail-kit/headers.js';
import { inlineAttachment } from '../../shared/platform/mail-kit/inline-images.js';
import { signLinkToken } from '../../shared/platform/mail-kit/link-tokens.js';
import { logger } from '../../shared/platform/observability/logger.js';
import { tenantPk } from '../../shared/platform/table/table.js';
import { mailBrandOf } from '../../shared/platform/tenants/mail-brand.js';
import type { Tenant } from '../../shared/platform/tenants/store.js';
import { recipientKey, recipientOf, subscriberMailLinks } from '../../shared/press/index.js';

const messageSchema = z.object({
  tenantId: z.string().min(1),
  campaignId: z.string().min(1),
  contactId: z.string().min(1),
});
type SendMessage = z.infer<typeof messageSchema>;
/** A message body as the expander writes it; one that does not parse is poison. */
const messageBody = jsonString(messageSchema);

type CalendarEvent = z.output<typeof calendarEventSchema>;

const UNSUBSCRIBE_TTL_SECONDS = 180 * 24 * 3600;

/** SES errors that retrying will not fix: the delivery is marked failed with the reason. */
const PERMANENT_SES_ERRORS = new Set([
  'MessageRejected',
  'BadRequestException',
  'MailFromDomainNotVerifiedException',
  'NotFoundException',
  'AccountSuspendedException',
]);
const THROTTLING_SES_ERRORS = new Set([
  'TooManyRequestsException',
  'LimitExceededException',
  'ThrottlingException',
  'Throttling',
]);

interface Loaded {
  deliveries: Map<string, Delivery>;
  contacts: Map<string, Contact>;
  campaigns: Map<string, Campaign>;
  tenants: Map<string, Tenant>;
  blocked: Set<string>;
  /** The account's pause switch (every tenant's mail), and the tenants whose own switch is on. */
  paused: boolean;
  pausedTenants: Set<string>;
}

/** Everything a batch needs, in one BatchGetItem round (deliveries, contacts, suppressions…). */
async function load(messages: SendMessage[]): Promise<Loaded> {
  const keys = new Map<string, { pk: string; sk: string }>();
  const add = (key: { pk: string; sk: string }) => keys.set(`${key.pk}|${key.sk}`, key);
  add(sendingStateKey());
  for (const m of messages) {
    add(sendingStateKey({ tenantId: m.tenantId }));
    add(deliveryKey(m.tenantId, m.campaignId, m.contactId));
    // A press subscriber is read from the press room's item, a pending registration from the
    // meetings' item, a contact from the directory's.
    add(
      recipientKey(m.tenantId, m.contactId) ??
        registrationRecipientKey(m.tenantId, m.contactId) ??
        contactKey(m.tenantId, m.contactId),
    );
    add(campaignKey(m.tenantId, m.campaignId));
    add({ pk: tenantPk(m.tenantId), sk: 'TENANT' });
  }
  const firstRound = await batchGet([...keys.values()]);
  const loaded: Loaded = {
    deliveries: new Map(),
    contacts: new Map(),
    campaigns: new Map(),
    tenants: new Map(),
    blocked: new Set(),
    paused: false,
    pausedTenants: new Set(),
  };
  for (const item of firstRound) {
    const sk = String(item.sk);
    if (sk === 'SENDING') loaded.paused = Boolean(item.paused);
    else if (sk === 'MAIL#SENDING') {
      if (item.paused) loaded.pausedTenants.add(String(item.tenantId));
    } else if (sk.startsWith('DELIVERY#'))
      loaded.deliveries.set(
        `${item.tenantId}|${item.campaignId}|${item.contactId}`,
        item as unknown as Delivery,
      );
    else if (sk.startsWith('SUBSCRIBER#')) {
      const recipient = recipientOf(item);
      loaded.contacts.set(`${recipient.tenantId}|${recipient.contactId}`, recipient as Contact);
    } else if (sk.startsWith('REGISTRATION#')) {
      const recipient = registrationRecipientOf(item);
      loaded.contacts.set(`${recipient.tenantId}|${recipient.contactId}`, recipient as Contact);
    } else if (sk.startsWith('CONTACT#'))
      loaded.contacts.set(`${item.tenantId}|${item.contactId}`, item as unknown as Contact);
    else if (sk.startsWith('CAMPAIGN#'))
      loaded.campaigns.set(`${item.tenantId}|${item.campaignId}`, item as unknown as Campaign);
    else if (sk === 'TENANT') loaded.tenants.set(String(item.tenantId), item as unknown as Tenant);
  }
  // Suppression and unsubscribe records are keyed by address, known only now.
  const blockKeys = [...loaded.contacts.values()].flatMap((c) => [
    suppressionKey(c.tenantId, c.email),
    unsubscribeKey(c.tenantId, c.email),
    erasedKey(c.tenantId, c.email),
  ]);
  for (const item of await batchGet(blockKeys)) loaded.blocked.add(`${item.pk}|${item.sk}`);
  return loaded;
}

/**
 * Suppressed addresses (hard bounces, complaints) get nothing at all; unsubscribing stops bulk
 * mail only, so someone who answered an invitation still gets their confirmation.
 */
function isBlocked(loaded: Loaded, contact: Contact, bulk: boolean): string | undefined {
  // An erased person (Art. 17) gets nothing, whatever brought the address back (an import, a form).
  const e = erasedKey(contact.tenantId, contact.email);
  if (loaded.blocked.has(`${e.pk}|${e.sk}`)) return 'erased';
  const s = suppressionKey(contact.tenantId, contact.email);
  if (loaded.blocked.has(`${s.pk}|${s.sk}`)) return 'suppressed';
  if (!bulk) return undefined;
  if (contact.unsubscribed) return 'unsubscribed';
  const u = unsubscribeKey(contact.tenantId, contact.email);
  if (loaded.blocked.has(`${u.pk}|${u.sk}`)) return 'unsubscribed';
  return undefined;
}

/**
 * Per-recipient parts of a campaign's data: an event mail gets the recipient's own signed RSVP
 * link (valid until a month after the event), never a raw id; and every link the content names
 * in `personalLinks` is signed for this recipient.
 */
async function personalise(campaign: Campaign, contact: Contact): Promise<Record<string, unknown>> {
  const data: Record<string, unknown> = { ...campaign.content };
  const eventId = data.eventId;
  if (typeof eventId === 'string') {
    const end = Date.parse(String((data.event as { end?: string } | undefined)?.end ?? '')) || Date.now();
    const ttl = Math.max(3600, Math.ceil((end + 30 * 86_400_000 - Date.now()) / 1000));
    const token = await signLinkToken(
      { purpose: 'rsvp', tenantId: campaign.tenantId, subject: contact.contactId, campaignId: eventId },
      ttl,
    );
    data.rsvpUrl = `${requireEnv('PUBLIC_BASE_URL')}/rsvp/${token}`;
  }
  if (data.personalLinks !== undefined) {
    const { personalLinks, ...rest } = data;
    Object.assign(
      rest,
      await signPersonalLinks(
        personalLinks,
        { tenantId: campaign.tenantId, contactId: contact.contactId },
        requireEnv('PUBLIC_BASE_URL'),
      ),
    );
    return rest;
  }
  return data;
}

/**
 * The calendar entry a mail carries: an event mail's invitation, update or cancellation (its
 * UID stable for the event, SEQUENCE from the event), or an announcement's own event.
 */
function calendarFor(
  campaign: Campaign,
  contact: Contact,
  tenant: Tenant,
  data: Record<string, unknown>,
): CalendarInviteInput | undefined {
  const organizer = { name: tenant.name, email: requireEnv('MAIL_FROM_ADDRESS') };
  const attendee = { name: contact.name, email: contact.email };
  const invite = data.calendarInvite as
    | { uid: string; sequence: number; method: 'REQUEST' | 'CANCEL' }
    | undefined;
  const event = data.event as
    | { title: string; start: string; end: string; place: { name: string; address?: string } }
    | undefined;
  if (invite && event) {
    // An online meeting's link: only mails to those with a seat carry one (meetings' content.ts).
    const meetingUrl = typeof data.meetingUrl === 'string' ? data.meetingUrl : undefined;
    return {
      uid: invite.uid,
      sequence: invite.sequence,
      method: invite.method,
      title: event.title,
      description: [meetingUrl, typeof data.rsvpUrl === 'string' ? data.rsvpUrl : '']
        .filter(Boolean)
        .join('\n\n'),
      location: [event.place.name, event.place.address, meetingUrl].filter(Boolean).join(', '),
      start: new Date(event.start),
      end: new Date(event.end),
      organizer,
      attendee,
      url: typeof data.rsvpUrl === 'string' && data.rsvpUrl.startsWith('https://') ? data.rsvpUrl : undefined,
    };
  }
  const calendar = data.calendar as CalendarEvent | undefined;
  if (!calendar) return undefined;
  return {
    // Stable per campaign: a later update or cancellation would replace this entry.
    uid: `${campaign.campaignId}@samverkan`,
    sequence: 0,
    method: 'REQUEST',
    title: calendar.title,
    description: calendar.description ?? '',
    location: calendar.location,
    start: new Date(calendar.start),
    end: new Date(calendar.end),
    organizer,
    attendee,
  };
}

async function buildMail(campaign: Campaign, contact: Contact, tenant: Tenant) {
  const kind = campaign.kind as MessageKind;
  const bulk = isBulkKind(kind);
  let unsubscribe: { url: string; token: string } | undefined;
  // A press subscriber leaves (one click) through the press room, and has a preference centre.
  const subscriber = bulk
    ? await subscriberMailLinks(
        campaign.tenantId,
        contact.contactId,
        campaign.campaignId,
        UNSUBSCRIBE_TTL_SECONDS,
      )
    : undefined;
  if (subscriber) unsubscribe = { url: subscriber.unsubscribeUrl, token: subscriber.token };
  else if (bulk) {
    const token = await signLinkToken(
      {
        purpose: 'unsubscribe',
        tenantId: campaign.tenantId,
        subject: contact.contactId,
        campaignId: campaign.campaignId,
      },
      UNSUBSCRIBE_TTL_SECONDS,
    );
    unsubscribe = { url: `${requireEnv('PUBLIC_BASE_URL')}/unsubscribe/${token}`, token };
  }
  const data = await personalise(campaign, contact);
  if (subscriber) data.preferencesUrl = subscriber.preferencesUrl;
  const rendered = renderMessage({
    kind,
    language: contact.language,
    tenantName: tenant.name,
    brand: await mailBrandOf(tenant),
    recipientName: contact.name,
    unsubscribeUrl: unsubscribe?.url,
    data,
  } as MessageInput);
  const calendar = calendarFor(campaign, contact, tenant, data);
  // The calendar entry, and the images the HTML shows by `cid:` (logo, QR code) as inline parts.
  const parts = [
    ...(calendar ? [calendarAttachment(calendar)] : []),
    ...rendered.inlineImages.map(inlineAttachment),
  ];
  const attachments = parts.length > 0 ? parts : undefined;
  const headers = unsubscribe
    ? listUnsubscribeHeaders({
        httpsUrl: unsubscribe.url,
        mailtoAddress: requireEnv('MAIL_UNSUBSCRIBE_ADDRESS'),
        token: unsubscribe.token,
      })
    : [];
  return new SendEmailCommand({
    FromEmailAddress: formatMailbox(tenant.name, requireEnv('MAIL_FROM_ADDRESS')),
    Destination: { ToAddresses: [formatMailbox(contact.name, contact.email, 'To')] },
    Content: {
      Simple: {
        Subject: { Data: rendered.subject, Charset: 'UTF-8' },
        Body: {
          Html: { Data: rendered.html, Charset: 'UTF-8' },
          Text: { Data: rendered.text, Charset: 'UTF-8' },
        },
        Headers: headers,
        ...(attachments ? { Attachments: attachments } : {}),
      },
    },
    // Opens and clicks are tracked unless the tenant switched tracking off.
    ConfigurationSetName: configurationSetFor(
      requireEnv('SES_CONFIGURATION_SET'),
      tenant.settings?.mailTracking !== false,
    ),
    EmailTags: [
      { Name: 'tenant', Value: campaign.tenantId },
      { Name: 'campaign', Value: campaign.campaignId },
      { Name: 'delivery', Value: deliveryId(campaign.campaignId, contact.contactId) },
    ],
  });
}

type Result = { outcome: 'sent' | 'failed' | 'skipped' | 'done' } | { outcome: 'retry'; reason: string };

/**
 * One delivery: skip what is done, suppressed or unsubscribed; claim; render; send; record.
 * The claim (a conditional write with a token and a lease) is what makes a retry safe: a
 * delivery is only ever sent by the one sender holding its claim, and a claim is only taken
 * over after its lease ran out, which happens only if that sender died before recording.
 */
async function deliver(message: SendMessage, loaded: Loaded, pacer: SendPacer): Promise<Result> {
  const delivery = loaded.deliveries.get(`${message.tenantId}|${message.campaignId}|${message.contactId}`);
  if (!delivery || (delivery.status !== 'queued' && delivery.status !== 'sending'))
    return { outcome: 'done' };
  const claimToken = randomUUID();
  const claim = await claimDelivery(delivery, claimToken, CLAIM_SECONDS);
  if (claim === 'done' || claim === 'missing') return { outcome: 'done' };
  if (claim === 'busy') return { outcome: 'retry', reason: 'claimed by another sender' };

  const contact = loaded.contacts.get(`${message.tenantId}|${message.contactId}`);
  const campaign = loaded.campaigns.get(`${message.tenantId}|${message.campaignId}`);
  const tenant = loaded.tenants.get(message.tenantId);
  const bulk = campaign ? isBulkKind(campaign.kind as MessageKind) : true;
  const blocked = !contact ? 'contact erased' : isBlocked(loaded, contact, bulk);
  if (blocked || !contact) {
    await settleDelivery(delivery, claimToken, { status: 'skipped', reason: blocked ?? 'contact erased' });
    return { outcome: 'skipped' };
  }
  let command: SendEmailCommand;
  try {
    if (!campaign || !tenant) throw new Error(!campaign ? 'campaign missing' : 'tenant profile missing');
    command = await buildMail(campaign, contact, tenant);
  } catch (error) {
    // A message that cannot be rendered never will be: fail it alone, keep the batch going.
    const reason = `render: ${(error as Error).message}`.slice(0, 500);
    logger.warn('delivery not rendered', { deliveryId: delivery.deliveryId, reason });
    await settleDelivery(delivery, claimToken, { status: 'failed', reason });
    return { outcome: 'failed' };
  }
  await pacer.take();
  let sesMessageId: string;
  try {
    sesMessageId = (await sesv2.send(command)).MessageId ?? '';
  } catch (error) {
    const name = (error as { name?: string }).name ?? '';
    if (PERMANENT_SES_ERRORS.has(name)) {
      await settleDelivery(delivery, claimToken, { status: 'failed', reason: `ses: ${name}` });
      return { outcome: 'failed' };
    }
    // Throttled or a fault before SES accepted it: release the claim so the redelivered
    // message can claim it again at once, and let SQS bring it back.
    await settleDelivery(delivery, claimToken, { status: 'queued', reason: `retry: ${name}` }).catch(
      () => undefined,
    );
    return {
      outcome: 'retry',
      reason: THROTTLING_SES_ERRORS.has(name) ? 'throttled' : name || 'send failed',
    };
  }
  // The one unavoidable window: SES has accepted the mail and this write has not yet landed.
  // If the process dies right here, the claim lapses and a later attempt sends again.
  for (let attempt = 0; ; attempt++) {
    try {
      const settled = await settleDelivery(delivery, claimToken, { status: 'sent', sesMessageId });
      // Not settled: SES's event got there first and moved (and counted) the delivery.
      return { outcome: settled ? 'sent' : 'done' };
    } catch (error) {
      if (attempt >= 4) throw error;
      await new Promise((r) => setTimeout(r, 100 * 2 ** attempt));
    }
  }
}

/**
 * A batch: read everything it needs in one round, then deliver its records side by side through
 * the batch processor (each failure reported alone in `batchItemFailures`), then count.
 */
export async function sendBatch(records: SQSRecord[], context?: Context): Promise<SQSBatchResponse> {
  const messages = new Map<string, SendMessage>();
  for (const record of records) {
    const parsed = messageBody.safeParse(record.body);
    if (parsed.success) messages.set(record.messageId, parsed.data);
  }
  const event = { Records: records };
  // Parallel: the records start at once, as before; a batch that failed entirely is reported,
  // not thrown (it is not an invocation error).
  const options = { context, processInParallel: true, throwOnFullBatchFailure: false };
  const loaded = await load([...messages.values()]);
  // Paused (the account, or the message's tenant): the delivery stays `queued` in the table and
  // its message leaves the queue, so a pause never walks the queue into its DLQ (every receive
  // counts toward maxReceives, in Lambda's mapping too). Its campaign is marked as holding
  // deliveries; resuming re-queues them (SendingResumed → campaign-expander).
  const isHeld = (message: SendMessage) => loaded.paused || loaded.pausedTenants.has(message.tenantId);
  const held = new Map<string, SendMessage>();
  for (const message of messages.values())
    if (isHeld(message)) held.set(`${message.tenantId}|${message.campaignId}`, message);
  // Marked before the messages are deleted: a failure here brings the batch back instead.
  for (const message of held.values()) await markHeld(message.tenantId, message.campaignId);
  if (held.size > 0)
    logger.warn('mail sending is paused; deliveries held until resumed', {
      accountPaused: loaded.paused,
      pausedTenants: [...loaded.pausedTenants],
      campaigns: held.size,
    });
  const pacer = new SendPacer(
    Number(requireEnv('SES_MAX_SEND_RATE')),
    MAIL_QUEUE.maxConcurrency,
    claimSendSlot,
  );
  /** Campaigns with a delivery settled in this batch: each may now be finished. */
  const settledCampaigns = new Map<string, SendMessage>();
  const sentByTenant = new Map<string, number>();
  // The batch's deliveries run side by side: their claims, renders and records overlap, while
  // the pacer alone decides when each send may go (at most the invocation's share per second).
  const sendRecord = async (record: SQSRecord): Promise<void> => {
    const message = messages.get(record.messageId);
    // Poison: to the DLQ after maxReceives.
    if (!message) throw new Error('unreadable send message');
    if (isHeld(message)) return;
    let result: Result;
    try {
      result = await deliver(message, loaded, pacer);
    } catch (error) {
      logger.error('delivery failed', {
        messageId: record.messageId,
        campaignId: message.campaignId,
        error,
      });
      throw error;
    }
    if (result.outcome === 'retry') throw new Error(`delivery to retry: ${result.reason}`);
    if (result.outcome === 'done') return;
    settledCampaigns.set(`${message.tenantId}|${message.campaignId}`, message);
    if (result.outcome === 'sent')
      sentByTenant.set(message.tenantId, (sentByTenant.get(message.tenantId) ?? 0) + 1);
  };
  const response = await processPartialResponse(
    event,
    sendRecord,
    new BatchProcessor(EventType.SQS),
    options,
  );
  // Each settle counted itself; a campaign whose last delivery just settled is finished here
  // (and by the reconciler, should this invocation die first).
  for (const { tenantId, campaignId } of settledCampaigns.values()) await finishIfDone(tenantId, campaignId);
  // The account's sends, and each tenant's (the pause rule runs at both scopes).
  const now = new Date();
  const sent = [...sentByTenant.values()].reduce((sum, n) => sum + n, 0);
  await countMailOutcomes(now, [
    { scope: accountScope, deltas: { sent } },
    ...[...sentByTenant].map(([tenantId, n]) => ({ scope: { tenantId }, deltas: { sent: n } })),
  ]);
  return response;
}

export const handler = middy<SQSEvent, SQSBatchResponse>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event, context) => sendBatch(event.Records, context));
