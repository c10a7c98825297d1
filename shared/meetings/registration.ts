import { createHash } from 'node:crypto';
import { hasControlCharacters, isValidEmail } from '../platform/mail-kit/headers.js';
import type { Language } from '../platform/texts/language.js';
import type { Meeting, RsvpAnswer } from './meeting.js';
import { registrationTexts } from './texts/registration.js';

/*
 * Open registration (optional per event): someone not in the address book registers on the
 * event's public page; a pending registration holds their answers until they confirm by mail,
 * and only then are they a contact with an invitation and an answer.
 */

/** How long a pending registration, and the link that confirms it, lasts. */
export const PENDING_REGISTRATION_SECONDS = 48 * 3600;
/** A repeated registration mails its confirmation again at most this often. */
export const CONFIRMATION_RESEND_SECONDS = 5 * 60;

/** The event's public page (and its form's action). */
export const registrationPath = (tenantId: string, eventId: string) =>
  `/events/${encodeURIComponent(tenantId)}/${encodeURIComponent(eventId)}`;

/** The link in the confirmation mail (GET shows a button; POST confirms). */
export const registrationConfirmPath = (token: string) => `/registration/confirm/${token}`;

/**
 * Whether the event has a public page now: published, not cancelled, registration still open
 * (before the RSVP deadline) and the toggle on. Every other case is the same "not found".
 */
export const isOpenForRegistration = (
  event: Pick<Meeting, 'status' | 'openRegistration' | 'rsvpDeadline'>,
  now = Date.now(),
) => event.status === 'published' && event.openRegistration === true && now <= Date.parse(event.rsvpDeadline);

/** An address as the registration keys it: trimmed, lower case. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase();

/**
 * The registration's id: one per address and event, so a repeat finds the pending registration
 * it repeats (and never another's). A hash: the id carries no address.
 */
export const registrationIdOf = (tenantId: string, eventId: string, email: string) =>
  createHash('sha256')
    .update(`${tenantId}\n${eventId}\n${normaliseEmail(email)}`)
    .digest('base64url')
    .slice(0, 32);

/** The recipient id the mail pipeline knows a pending registration by (not a contact id). */
const RECIPIENT_PREFIX = 'registration.';
export const registrationRecipientId = (eventId: string, registrationId: string) =>
  `${RECIPIENT_PREFIX}${eventId}.${registrationId}`;
export function ofRegistrationRecipient(
  recipientId: string,
): { eventId: string; registrationId: string } | undefined {
  if (!recipientId.startsWith(RECIPIENT_PREFIX)) return undefined;
  const [eventId, registrationId, ...rest] = recipientId.slice(RECIPIENT_PREFIX.length).split('.');
  return eventId && registrationId && rest.length === 0 ? { eventId, registrationId } : undefined;
}

/** Who registers: the person's own fields (the answer's fields are the RSVP form's). */
export interface Registrant {
  name: string;
  email: string;
  organisation?: string;
}

export type RegistrantField = 'name' | 'email' | 'organisation';

/**
 * The registrant's fields as posted: each problem named in the reader's language. The name and
 * address go into a mail header (To): a line break or other control character is refused.
 */
export function checkRegistrant(
  form: Record<string, string | undefined>,
  language: Language,
): { ok: true; registrant: Registrant } | { ok: false; errors: Partial<Record<RegistrantField, string>> } {
  const t = registrationTexts[language];
  const errors: Partial<Record<RegistrantField, string>> = {};
  const rawName = form.name ?? '';
  const rawEmail = form.email ?? '';
  const rawOrganisation = form.organisation ?? '';
  const name = rawName.trim();
  const email = rawEmail.trim();
  const organisation = rawOrganisation.trim();
  if (hasControlCharacters(rawName)) errors.name = t.errors.singleLine(t.page.name);
  else if (!name) errors.name = t.errors.required(t.page.name);
  else if (name.length > 200) errors.name = t.errors.tooLong(t.page.name, 200);
  if (hasControlCharacters(rawEmail)) errors.email = t.errors.singleLine(t.page.email);
  else if (!email) errors.email = t.errors.required(t.page.email);
  else if (email.length > 254 || !isValidEmail(email)) errors.email = t.errors.invalidEmail(t.page.email);
  if (hasControlCharacters(rawOrganisation)) errors.organisation = t.errors.singleLine(t.page.organisation);
  else if (organisation.length > 200) errors.organisation = t.errors.tooLong(t.page.organisation, 200);
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, registrant: { name, email, ...(organisation ? { organisation } : {}) } };
}

/** A pending registration: who, their answer (always "attend"), until it is confirmed or expires. */
export interface PendingRegistration extends Registrant {
  tenantId: string;
  eventId: string;
  registrationId: string;
  language: Language;
  answer: RsvpAnswer;
  /** The consent line as the form showed it, recorded with the contact on confirmation. */
  consentText: string;
  registeredAt: string;
  /** Epoch seconds: DynamoDB's TTL deletes the item after this (late); reads treat it as gone. */
  expiresAt: number;
  /** Set once confirmed: the contact it became. */
  contactId?: string;
  confirmedAt?: string;
}

export const isRegistrationExpired = (r: Pick<PendingRegistration, 'expiresAt'>, now = Date.now()) =>
  r.expiresAt * 1000 <= now;
