import * as z from 'zod';
import { actorField, defineEvent, tenantIdField } from '../platform/bus/contract.js';
import { outcomeStatuses } from './outcome.js';

/** The programmes capability's catalogue events. */

export const ProgrammeCreated = defineEvent({
  name: 'programme.created',
  source: 'samverkan.programmes',
  detailType: 'ProgrammeCreated',
  version: 1,
  schema: z.object({
    tenantId: tenantIdField,
    programmeId: z.string().min(1),
    name: z.string().min(1),
    themeCount: z.number().int().nonnegative(),
    actor: actorField,
  }),
});

export const ProgrammeUpdated = defineEvent({
  name: 'programme.updated',
  source: 'samverkan.programmes',
  detailType: 'ProgrammeUpdated',
  version: 1,
  schema: z.object({
    tenantId: tenantIdField,
    programmeId: z.string().min(1),
    name: z.string().min(1),
    changedFields: z.array(z.string()).min(1),
    actor: actorField,
  }),
});

const outcomeDetail = {
  tenantId: tenantIdField,
  programmeId: z.string().min(1),
  outcomeId: z.string().min(1),
  themeId: z.string().min(1),
  status: z.enum(outcomeStatuses),
  version: z.number().int().positive(),
  actor: actorField,
};

/** Staff recorded an outcome on a theme (a draft until published). */
export const OutcomeRecorded = defineEvent({
  name: 'programme.outcome-recorded',
  source: 'samverkan.programmes',
  detailType: 'OutcomeRecorded',
  version: 1,
  schema: z.object(outcomeDetail),
});

/** Staff changed an outcome (its text, status, date or links). */
export const OutcomeUpdated = defineEvent({
  name: 'programme.outcome-updated',
  source: 'samverkan.programmes',
  detailType: 'OutcomeUpdated',
  version: 1,
  schema: z.object({ ...outcomeDetail, changedFields: z.array(z.string()).min(1) }),
});

/**
 * An outcome became public (written once per outcome: its id is fixed). Those who gave feedback
 * on the theme and asked to hear back are mailed once.
 */
export const OutcomePublished = defineEvent({
  name: 'programme.outcome-published',
  source: 'samverkan.programmes',
  detailType: 'OutcomePublished',
  version: 1,
  schema: z.object({ ...outcomeDetail, publishedAt: z.iso.datetime({ offset: true }) }),
});

export const programmeEvents = [
  ProgrammeCreated,
  ProgrammeUpdated,
  OutcomeRecorded,
  OutcomeUpdated,
  OutcomePublished,
] as const;
