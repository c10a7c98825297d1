import { z } from 'zod';
import { defineEvent, tenantIdField } from '../platform/bus/contract.js';

/** The meetings capability's catalogue events. */

/** A reminder about an event has come due (a one-time schedule set when the event was published). */
export const MeetingReminderDue = defineEvent({
  name: 'event.reminder-due',
  source: 'samverkan.events',
  detailType: 'EventReminderDue',
  version: 1,
  schema: z.object({
    tenantId: tenantIdField,
    eventId: z.string().min(1),
    reminder: z.enum(['non-responders', 'attendees']),
    /** The event's calendar sequence when scheduled: a reminder for an older version is ignored. */
    sequence: z.number().int().nonnegative(),
  }),
});

export const meetingEvents = [MeetingReminderDue] as const;
