import * as z from 'zod';
import { actorField, defineEvent, tenantIdField } from '../platform/bus/contract.js';

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

export const programmeEvents = [ProgrammeCreated, ProgrammeUpdated] as const;
