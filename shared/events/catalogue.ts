import { z } from 'zod';
import { defineEvent, type EventContract } from './contract.js';

/**
 * The event catalogue: every event Samverkan publishes or consumes. Producers validate against
 * the schema before PutEvents, consumers parse `detail` with it, and the CDK rules and the
 * local bus route on `contract.pattern`.
 */

const tenantId = z.string().regex(/^[a-z0-9-]{2,40}$/);
/** Who caused it: a staff member's id, or a system part (`system:scheduler`). Never an email. */
const actor = z.string().min(1).max(200);

export const ProgrammeCreated = defineEvent({
  name: 'programme.created',
  source: 'samverkan.programmes',
  detailType: 'ProgrammeCreated',
  version: 1,
  schema: z.object({
    tenantId,
    programmeId: z.string().min(1),
    name: z.string().min(1),
    themeCount: z.number().int().nonnegative(),
    actor,
  }),
});

export const ProgrammeUpdated = defineEvent({
  name: 'programme.updated',
  source: 'samverkan.programmes',
  detailType: 'ProgrammeUpdated',
  version: 1,
  schema: z.object({
    tenantId,
    programmeId: z.string().min(1),
    name: z.string().min(1),
    changedFields: z.array(z.string()).min(1),
    actor,
  }),
});

/**
 * A reminder that staff (or a capability) asked for at a set time; fired by the schedule
 * dispatcher, recorded in the tenant's activity feed.
 */
export const ReminderDue = defineEvent({
  name: 'reminder.due',
  source: 'samverkan.scheduler',
  detailType: 'ReminderDue',
  version: 1,
  schema: z.object({
    tenantId,
    scheduleId: z.string().min(1),
    dueAt: z.iso.datetime(),
    subject: z.string().min(1).max(300),
    actor,
  }),
});

/** Staff (or a capability) asked for a campaign to be sent now; the expander takes it from here. */
export const CampaignSendRequested = defineEvent({
  name: 'campaign.send-requested',
  source: 'samverkan.mail',
  detailType: 'CampaignSendRequested',
  version: 1,
  schema: z.object({ tenantId, campaignId: z.string().min(1), actor }),
});

/** A reminder about an event has come due (a one-time schedule set when the event was published). */
export const EventReminderDue = defineEvent({
  name: 'event.reminder-due',
  source: 'samverkan.events',
  detailType: 'EventReminderDue',
  version: 1,
  schema: z.object({
    tenantId,
    eventId: z.string().min(1),
    reminder: z.enum(['non-responders', 'attendees']),
    /** The event's calendar sequence when scheduled: a reminder for an older version is ignored. */
    sequence: z.number().int().nonnegative(),
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

export const catalogue = [
  ProgrammeCreated,
  ProgrammeUpdated,
  ReminderDue,
  CampaignSendRequested,
  EventReminderDue,
  ...sesEvents,
] as const satisfies readonly EventContract[];

const byName = new Map<string, EventContract>(catalogue.map((c) => [c.name, c]));

export function contractByName(name: string): EventContract | undefined {
  return byName.get(name);
}
