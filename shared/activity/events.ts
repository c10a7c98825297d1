import * as z from 'zod';
import { actorField, defineEvent, tenantIdField } from '../platform/bus/contract.js';

/** The activity capability's catalogue events. */

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
    tenantId: tenantIdField,
    scheduleId: z.string().min(1),
    dueAt: z.iso.datetime(),
    subject: z.string().min(1).max(300),
    actor: actorField,
  }),
});

export const activityEvents = [ReminderDue] as const;
