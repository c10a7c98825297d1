import * as z from 'zod';
import { actorField, defineEvent, tenantIdField } from '../platform/bus/contract.js';
import { requestKinds, requestStatuses } from './request.js';

/**
 * The privacy capability's catalogue events. None carries an address or a name: events reach
 * the bus, its archive and logs; the request in the table holds what is needed to act on it.
 */

export const PrivacyRequestRecorded = defineEvent({
  name: 'privacy.request-recorded',
  source: 'samverkan.privacy',
  detailType: 'PrivacyRequestRecorded',
  version: 1,
  schema: z.object({
    tenantId: tenantIdField,
    requestId: z.string().min(1),
    kind: z.enum(requestKinds),
    dueOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    actor: actorField,
  }),
});

export const PrivacyRequestStatusChanged = defineEvent({
  name: 'privacy.request-status-changed',
  source: 'samverkan.privacy',
  detailType: 'PrivacyRequestStatusChanged',
  version: 1,
  schema: z.object({
    tenantId: tenantIdField,
    requestId: z.string().min(1),
    status: z.enum(requestStatuses),
    actor: actorField,
  }),
});

/** A person's data was gathered for them and a signed link to it made (Art. 15/20). */
export const PersonalDataExported = defineEvent({
  name: 'privacy.personal-data-exported',
  source: 'samverkan.privacy',
  detailType: 'PersonalDataExported',
  version: 1,
  schema: z.object({
    tenantId: tenantIdField,
    requestId: z.string().min(1),
    count: z.number().int().nonnegative(),
    actor: actorField,
  }),
});

/**
 * An admin ran an erasure request (Art. 17): the privacy eraser removes or anonymises the person
 * in every capability, step by step, resumable. Repeated (a retry, an admin running it again), it
 * ends in the same state.
 */
export const ErasureRequested = defineEvent({
  name: 'privacy.erasure-requested',
  source: 'samverkan.privacy',
  detailType: 'ErasureRequested',
  version: 1,
  schema: z.object({ tenantId: tenantIdField, requestId: z.string().min(1), actor: actorField }),
});

/** The erasure finished: how many items went or were anonymised, how many were kept (and listed). */
export const PersonErased = defineEvent({
  name: 'privacy.person-erased',
  source: 'samverkan.privacy',
  detailType: 'PersonErased',
  version: 1,
  schema: z.object({
    tenantId: tenantIdField,
    requestId: z.string().min(1),
    erased: z.number().int().nonnegative(),
    kept: z.number().int().nonnegative(),
  }),
});

/** A tenant's nightly retention run is due (a one-time schedule, written by the previous run or a rule change). */
export const RetentionDue = defineEvent({
  name: 'privacy.retention-due',
  source: 'samverkan.privacy',
  detailType: 'RetentionDue',
  version: 1,
  schema: z.object({ tenantId: tenantIdField, day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
});

export const privacyEvents = [
  RetentionDue,
  PrivacyRequestRecorded,
  PrivacyRequestStatusChanged,
  PersonalDataExported,
  ErasureRequested,
  PersonErased,
] as const;
