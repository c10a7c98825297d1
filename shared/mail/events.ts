import * as z from 'zod';
import { actorField, defineEvent, tenantIdField } from '../platform/bus/contract.js';

/** The mail capability's catalogue events, and the SES events it consumes. */

/** Staff (or a capability) asked for a campaign to be sent now; the expander takes it from here. */
export const CampaignSendRequested = defineEvent({
  name: 'campaign.send-requested',
  source: 'samverkan.mail',
  detailType: 'CampaignSendRequested',
  version: 1,
  schema: z.object({ tenantId: tenantIdField, campaignId: z.string().min(1), actor: actorField }),
});

/**
 * Mail sending was resumed after a pause, for one tenant (`tenantId`) or for the whole account
 * (no `tenantId`, by a platform operator): the deliveries held while paused are queued again.
 */
export const SendingResumed = defineEvent({
  name: 'mail.sending-resumed',
  source: 'samverkan.mail',
  detailType: 'SendingResumed',
  version: 1,
  schema: z.object({ tenantId: tenantIdField.optional(), resumedAt: z.string(), actor: actorField }),
});

/**
 * Every delivery of a campaign reached a final state: the campaign is `sent` (with failures when
 * `failed` > 0). Once per campaign.
 */
export const CampaignFinished = defineEvent({
  name: 'campaign.finished',
  source: 'samverkan.mail',
  detailType: 'CampaignFinished',
  version: 1,
  schema: z.object({
    tenantId: tenantIdField,
    campaignId: z.string().min(1),
    kind: z.string().min(1),
    sent: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
    skipped: z.number().int().nonnegative(),
  }),
});

/**
 * SES's own events (configuration-set event destination → the default bus). Only the fields
 * Samverkan reads are checked; SES adds more. Our message tags come back in `mail.tags`.
 */
const sesEventSchema = z.looseObject({
  eventType: z.string(),
  mail: z.looseObject({
    messageId: z.string().min(1),
    timestamp: z.string(),
    tags: z.record(z.string(), z.array(z.string())).default({}),
  }),
  bounce: z
    .looseObject({
      bounceType: z.string(),
      bounceSubType: z.string().optional(),
      timestamp: z.string().optional(),
    })
    .optional(),
  complaint: z
    .looseObject({ timestamp: z.string().optional(), complaintFeedbackType: z.string().optional() })
    .optional(),
  delivery: z.looseObject({ timestamp: z.string().optional() }).optional(),
  deliveryDelay: z.looseObject({ delayType: z.string().optional() }).optional(),
  reject: z.looseObject({ reason: z.string().optional() }).optional(),
  failure: z.looseObject({ errorMessage: z.string().optional() }).optional(),
  open: z.looseObject({ timestamp: z.string().optional() }).optional(),
  click: z.looseObject({ timestamp: z.string().optional(), link: z.string().optional() }).optional(),
});
export type SesEventDetail = z.infer<typeof sesEventSchema>;

const sesEvent = (name: string, detailType: string) =>
  defineEvent({ name, source: 'aws.ses', detailType, version: 1, schema: sesEventSchema, bus: 'default' });

export const EmailSent = sesEvent('ses.sent', 'Email Sent');
export const EmailDelivered = sesEvent('ses.delivered', 'Email Delivered');
export const EmailBounced = sesEvent('ses.bounced', 'Email Bounced');
export const EmailComplaintReceived = sesEvent('ses.complaint', 'Email Complaint Received');
export const EmailRejected = sesEvent('ses.rejected', 'Email Rejected');
export const EmailDeliveryDelayed = sesEvent('ses.delivery-delayed', 'Email Delivery Delayed');
export const EmailOpened = sesEvent('ses.opened', 'Email Opened');
export const EmailClicked = sesEvent('ses.clicked', 'Email Clicked');
export const EmailRenderingFailed = sesEvent('ses.rendering-failed', 'Email Rendering Failed');

export const sesEvents = [
  EmailSent,
  EmailDelivered,
  EmailBounced,
  EmailComplaintReceived,
  EmailRejected,
  EmailDeliveryDelayed,
  EmailOpened,
  EmailClicked,
  EmailRenderingFailed,
] as const;

/** A scheduled send was called off before its time: nothing of it is sent. */
export const CampaignCancelled = defineEvent({
  name: 'campaign.cancelled',
  source: 'samverkan.mail',
  detailType: 'CampaignCancelled',
  version: 1,
  schema: z.object({ tenantId: tenantIdField, campaignId: z.string().min(1), actor: actorField }),
});

/** A saved segment (a named audience definition, evaluated at each send) was created. */
export const SegmentSaved = defineEvent({
  name: 'segment.saved',
  source: 'samverkan.mail',
  detailType: 'SegmentSaved',
  version: 1,
  schema: z.object({
    tenantId: tenantIdField,
    segmentId: z.string().min(1),
    audienceKind: z.string().min(1),
    actor: actorField,
  }),
});

/** A saved segment was renamed (its definition is unchanged). */
export const SegmentRenamed = defineEvent({
  name: 'segment.renamed',
  source: 'samverkan.mail',
  detailType: 'SegmentRenamed',
  version: 1,
  schema: z.object({ tenantId: tenantIdField, segmentId: z.string().min(1), actor: actorField }),
});

/** A saved segment was deleted; sends already created keep the definition they copied. */
export const SegmentDeleted = defineEvent({
  name: 'segment.deleted',
  source: 'samverkan.mail',
  detailType: 'SegmentDeleted',
  version: 1,
  schema: z.object({ tenantId: tenantIdField, segmentId: z.string().min(1), actor: actorField }),
});

export const mailEvents = [
  CampaignSendRequested,
  CampaignFinished,
  CampaignCancelled,
  SendingResumed,
  SegmentSaved,
  SegmentRenamed,
  SegmentDeleted,
  ...sesEvents,
] as const;
