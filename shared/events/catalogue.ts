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

export const catalogue = [
  ProgrammeCreated,
  ProgrammeUpdated,
  ReminderDue,
] as const satisfies readonly EventContract[];

const byName = new Map<string, EventContract>(catalogue.map((c) => [c.name, c]));

export function contractByName(name: string): EventContract | undefined {
  return byName.get(name);
}
