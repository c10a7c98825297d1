import { findOrAddRegistrant, getOrganisation } from '../../directory/index.js';
import { createAndSend, idFromKey } from '../../mail/index.js';
import { requireEnv } from '../../platform/aws/env.js';
import { pendingEvent, writeWithEvents } from '../../platform/bus/outbox.js';
import { signLinkToken, verifyLinkToken } from '../../platform/mail-kit/link-tokens.js';
import { logger } from '../../platform/observability/logger.js';
import { withinRateLimit } from '../../platform/table/rate-limit.js';
import { compact, isConditionalCheckFailed, tableName, tenantPk } from '../../platform/table/table.js';
import type { Tenant } from '../../platform/tenants/store.js';
import type { Language } from '../../platform/texts/language.js';
import { RegistrationConfirmed, RegistrationRequested } from '../events.js';
import type { Meeting, RsvpAnswer } from '../meeting.js';
import {
  CONFIRMATION_RESEND_SECONDS,
  PENDING_REGISTRATION_SECONDS,
  type PendingRegistration,
  type Registrant,
  registrationConfirmPath,
  registrationIdOf,
} from '../registration.js';
import { AlreadyAnsweredError, answer, ensureInvitation, getInvitation, type RsvpOutcome } from '../store.js';
import { eventMailData } from './notify.js';
import { getRegistration, registrationKey } from './registration-items.js';

/*
 * Open registration's store and flow. A pending registration is its own item beside the event
 * (`T#<t>#EVENT#<id>` / `REGISTRATION#<registration id>`), one per address and event, holding the
 * answers until the registrant confirms from their mailbox. It expires (TTL) after 48 hours,
 * confirmed or not: by then the contact and the invitation hold what is kept.
 */

/** Per client (its signed form token, hashed) and event, per minute. */
const REGISTER_PER_CLIENT_PER_MINUTE = 5;

/** Whether this client may post another registration for this event now. */
export function registerAllowed(tenantId: string, eventId: string, client: string, now = new Date()) {
  return withinRateLimit(
    {
      pk: `${tenantPk(tenantId)}#EVENT#${eventId}`,
      name: `register#${client}`,
      limit: REGISTER_PER_CLIENT_PER_MINUTE,
      windowSeconds: 60,
    },
    now,
  );
}

/**
 * A registration asked for: the pending registration written (or its answers replaced, while
 * unconfirmed) with RegistrationRequested in one transaction, then its confirmation mail through
 * the mail pipeline, at most once per address, event and five minutes. Whatever it finds, the
 * caller answers the same.
 */
export async function requestRegistration(
  event: Meeting,
  tenant: Tenant,
  input: { registrant: Registrant; answer: RsvpAnswer; language: Language; consentText: string },
  now = new Date(),
): Promise<void> {
  const registrationId = registrationIdOf(event.tenantId, event.eventId, input.registrant.email);
  const at = now.toISOString();
  const registration: PendingRegistration = {
    ...input.registrant,
    tenantId: event.tenantId,
    eventId: event.eventId,
    registrationId,
    language: input.language,
    answer: input.answer,
    consentText: input.consentText,
    registeredAt: at,
    expiresAt: Math.floor(now.getTime() / 1000) + PENDING_REGISTRATION_SECONDS,
  };
  try {
    await writeWithEvents(
      event.tenantId,
      [
        {
          Put: {
            TableName: tableName(),
            Item: compact({
              ...registrationKey(event.tenantId, event.eventId, registrationId),
              type: 'registration',
              ...registration,
            }),
            // A confirmed registration is not replaced: its link leads to the RSVP page.
            ConditionExpression: 'attribute_not_exists(confirmedAt)',
          },
        },
      ],
      [
        pendingEvent(RegistrationRequested, {
          tenantId: event.tenantId,
          eventId: event.eventId,
          registrationId,
          at,
        }),
      ],
    );
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
  }
  const windowSeconds = CONFIRMATION_RESEND_SECONDS;
  const allowed = await withinRateLimit(
    {
      pk: `${tenantPk(event.tenantId)}#EVENT#${event.eventId}`,
      name: `registration-mail#${registrationId}`,
      limit: 1,
      windowSeconds,
    },
    now,
  );
  if (!allowed) {
    logger.info('registration confirmation already mailed within minutes', {
      eventId: event.eventId,
      registrationId,
    });
    return;
  }
  const token = await signLinkToken(
    {
      purpose: 'confirm-registration',
      tenantId: event.tenantId,
      subject: registrationId,
      campaignId: event.eventId,
    },
    PENDING_REGISTRATION_SECONDS,
  );
  // The sender signs an RSVP link for mails with `eventId`: this one has none to sign.
  const { eventId: _eventId, ...data } = eventMailData(event, tenant);
  const windowStart = Math.floor(now.getTime() / (windowSeconds * 1000));
  await createAndSend({
    // Once per registration and window, even if this request is retried.
    campaignId: idFromKey(
      `${event.tenantId}:registration-confirm:${event.eventId}:${registrationId}:${windowStart}`,
    ),
    tenantId: event.tenantId,
    name: `Anmälan: ${event.title}`,
    kind: 'registration-confirmation',
    content: { ...data, confirmUrl: `${requireEnv('PUBLIC_BASE_URL')}${registrationConfirmPath(token)}` },
    audience: { kind: 'event-registration', eventId: event.eventId, registrationId },
    bulk: false,
    createdBy: 'open-registration',
    actor: 'open-registration',
  });
}

/** The registration a confirmation link names, if the link is good and the registration still there. */
export async function registrationOfLink(token: string | undefined) {
  const claims = token ? await verifyLinkToken(token, 'confirm-registration') : undefined;
  if (!claims?.campaignId) return undefined;
  const registration = await getRegistration(claims.tenantId, claims.campaignId, claims.subject);
  return registration;
}

/**
 * A registration confirmed: the contact found by its address or made with the consent the form
 * showed; their invitation; and their answer through the same path as anyone invited (capacity,
 * the organisation's limit, the waitlist, the counters, the confirmation mail with its calendar
 * entry and check-in code). Once: a second confirmation, or two at once, answer nothing more.
 */
export async function confirmRegistration(
  event: Meeting,
  registration: PendingRegistration,
  now = new Date(),
): Promise<{ contactId: string; outcome?: RsvpOutcome }> {
  const at = now.toISOString();
  const actor = `registration:${registration.registrationId}`;
  const { contact, created } = await findOrAddRegistrant(
    event.tenantId,
    { name: registration.name, email: registration.email, language: registration.language },
    {
      basis: 'consent',
      source: `open-registration:${event.eventId}`,
      recordedAt: registration.registeredAt,
      text: registration.consentText,
    },
    { actor, source: 'open-registration' },
  );
  const organisationId = contact.organisationId ?? `contact-${contact.contactId}`;
  const organisation = contact.organisationId
    ? await getOrganisation(event.tenantId, contact.organisationId)
    : undefined;
  await ensureInvitation({
    tenantId: event.tenantId,
    eventId: event.eventId,
    contactId: contact.contactId,
    organisationId,
    organisationType: organisation?.organisationType ?? 'other',
    registered: {
      at: registration.registeredAt,
      ...(registration.organisation ? { organisation: registration.organisation } : {}),
    },
  });
  let outcome: RsvpOutcome | undefined;
  const invitation = await getInvitation(event.tenantId, event.eventId, contact.contactId);
  if (invitation?.status === 'invited') {
    try {
      outcome = await answer(event, contact.contactId, registration.answer, {
        actor,
        invitation,
        onlyIfInvited: true,
      });
    } catch (error) {
      // The other click's answer landed first: that one is the answer.
      if (!(error instanceof AlreadyAnsweredError)) throw error;
    }
  }
  try {
    await writeWithEvents(
      event.tenantId,
      [
        {
          Update: {
            TableName: tableName(),
            Key: registrationKey(event.tenantId, event.eventId, registration.registrationId),
            UpdateExpression: 'SET contactId = :c, confirmedAt = :at',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(confirmedAt)',
            ExpressionAttributeValues: { ':c': contact.contactId, ':at': at },
          },
        },
      ],
      [
        pendingEvent(
          RegistrationConfirmed,
          {
            tenantId: event.tenantId,
            eventId: event.eventId,
            registrationId: registration.registrationId,
            contactId: contact.contactId,
            newContact: created,
            at,
          },
          `registration-confirmed-${event.eventId}-${registration.registrationId}`,
        ),
      ],
    );
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
  }
  logger.info('registration confirmed', {
    eventId: event.eventId,
    contactId: contact.contactId,
    newContact: created,
    result: outcome?.result ?? 'already answered',
  });
  return { contactId: contact.contactId, outcome };
}
