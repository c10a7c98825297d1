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

export const privacyEvents = [
  PrivacyRequestRecorded,
  PrivacyRequestStatusChanged,
  PersonalDataExported,
] as const;
