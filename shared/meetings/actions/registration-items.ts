import { getItem } from '../../platform/table/get-item.js';
import { tenantPk, withoutKeys } from '../../platform/table/table.js';
import {
  isRegistrationExpired,
  ofRegistrationRecipient,
  type PendingRegistration,
  registrationRecipientId,
} from '../registration.js';

/*
 * Pending registrations (open registration) as items, and as the mail pipeline's recipients: light
 * on purpose, for the sender and the expander. The flow is in `registration.ts`.
 */

export const registrationKey = (tenantId: string, eventId: string, registrationId: string) => ({
  pk: `${tenantPk(tenantId)}#EVENT#${eventId}`,
  sk: `REGISTRATION#${registrationId}`,
});

const fromItem = (item: Record<string, unknown>): PendingRegistration => {
  const { type: _type, ...rest } = withoutKeys(item);
  return rest as unknown as PendingRegistration;
};

/** A pending (or confirmed) registration, unless it has expired (DynamoDB's TTL deletes late). */
export async function getRegistration(
  tenantId: string,
  eventId: string,
  registrationId: string,
  now = Date.now(),
): Promise<PendingRegistration | undefined> {
  const item = await getItem(registrationKey(tenantId, eventId, registrationId), { consistent: true });
  const registration = item ? fromItem(item) : undefined;
  return registration && !isRegistrationExpired(registration, now) ? registration : undefined;
}

/** The table key of a pipeline recipient that is a pending registration (undefined for a contact id). */
export function registrationRecipientKey(tenantId: string, recipientId: string) {
  const ids = ofRegistrationRecipient(recipientId);
  return ids ? registrationKey(tenantId, ids.eventId, ids.registrationId) : undefined;
}

/**
 * A pending registration as the mail pipeline's recipient, in a contact's shape: only its own
 * confirmation is ever sent to it (the sender still skips a suppressed or erased address).
 */
export function registrationRecipientOf(item: Record<string, unknown>) {
  const r = fromItem(item);
  return {
    tenantId: r.tenantId,
    contactId: registrationRecipientId(r.eventId, r.registrationId),
    email: r.email,
    name: r.name,
    language: r.language,
  };
}

/** The recipient of an `event-registration` audience (none when gone or expired). */
export async function registrationRecipient(tenantId: string, eventId: string, registrationId: string) {
  const registration = await getRegistration(tenantId, eventId, registrationId);
  return registration
    ? registrationRecipientOf(registration as unknown as Record<string, unknown>)
    : undefined;
}
