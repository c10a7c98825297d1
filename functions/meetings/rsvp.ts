import { createHash } from 'node:crypto';
import { h } from 'preact';
import type { z } from 'zod';
import { getContact } from '../../shared/directory/store/contacts.js';
import { createContact, UniqueConflict } from '../../shared/directory/store/organisations.js';
import { calendarSequence, calendarUid, sendInvitations } from '../../shared/meetings/actions/notify.js';
import {
  confirmRegistration,
  registerAllowed,
  registrationOfLink,
  requestRegistration,
} from '../../shared/meetings/actions/registration.js';
import { googleCalendarUrl, outlookCalendarUrl } from '../../shared/meetings/calendar-links.js';
import {
  calendarLocation,
  type Meeting,
  meetingUrlOf,
  type RsvpAnswer,
  rsvpAnswerSchema,
} from '../../shared/meetings/meeting.js';
import { checkInPath, checkInQrGif } from '../../shared/meetings/pages/check-in-qr.js';
import {
  RegisterNotFoundPage,
  RegisterPage,
  RegistrationConfirmPage,
} from '../../shared/meetings/pages/register.js';
import {
  answerFieldName,
  questionErrorText,
  type RsvpBanner,
  RsvpInvalidPage,
  RsvpPage,
} from '../../shared/meetings/pages/rsvp.js';
import { checkAnswers } from '../../shared/meetings/questions.js';
import {
  checkRegistrant,
  isOpenForRegistration,
  registrationPath,
} from '../../shared/meetings/registration.js';
import {
  answer,
  ensureInvitation,
  getEvent,
  getInvitation,
  markOpened,
  seatsTaken,
  takeColleagueForward,
} from '../../shared/meetings/store.js';
import { registrationTexts } from '../../shared/meetings/texts/registration.js';
import { rsvpTexts } from '../../shared/meetings/texts/rsvp.js';
import { requireEnv } from '../../shared/platform/aws/env.js';
import { tenantIdField } from '../../shared/platform/bus/contract.js';
import { HttpError } from '../../shared/platform/http/errors.js';
import {
  htmlPages,
  type PageRequest,
  type PageResult,
  publicPage,
} from '../../shared/platform/http/html-pages.js';
import { calendarAttachment } from '../../shared/platform/mail-kit/calendar.js';
import { hasControlCharacters, isValidEmail } from '../../shared/platform/mail-kit/headers.js';
import { signLinkToken, verifyLinkToken } from '../../shared/platform/mail-kit/link-tokens.js';
import { logger } from '../../shared/platform/observability/logger.js';
import { getTenant } from '../../shared/platform/tenants/store.js';
import { describeIssue, issuesOf, issueText, issueTexts } from '../../shared/platform/texts/issues.js';
import { type Language, languageSchema } from '../../shared/platform/texts/language.js';
import { pageBrand } from '../../shared/platform/ui/brand.js';
import { ErrorPage } from '../../shared/platform/ui/error-page.js';

/**
 * The RSVP page, reached from the signed link in an invitation: no account, the token is the
 * credential. An expired, altered or unknown token, another tenant's event, or an invitation
 * that does not exist all get the same page.
 */
async function resolve(request: PageRequest, options: { forAnswer?: boolean } = {}) {
  const token = request.event.pathParameters?.token;
  const claims = token ? await verifyLinkToken(token, 'rsvp') : undefined;
  if (!claims?.campaignId) return undefined;
  // Side by side, so one request (shared/platform/table/get-item.ts); an answer also reads the
  // seats taken, which decide whether it tries for a seat or goes to the waitlist.
  const [event, invitation, contact, tenant, taken] = await Promise.all([
    getEvent(claims.tenantId, claims.campaignId),
    getInvitation(claims.tenantId, claims.campaignId, claims.subject),
    getContact(claims.tenantId, claims.subject),
    getTenant(claims.tenantId),
    options.forAnswer ? seatsTaken(claims.tenantId, claims.campaignId) : undefined,
  ]);
  if (!event || !invitation || !contact || !tenant || event.status === 'draft') return undefined;
  const language: Language = contact.language ?? request.language;
  return { claims, event, invitation, contact, tenant, language, seatsTaken: taken, base: `/rsvp/${token}` };
}

type Resolved = NonNullable<Awaited<ReturnType<typeof resolve>>>;

const invalid = (request: PageRequest): PageResult => ({
  kind: 'page',
  status: 404,
  body: h(RsvpInvalidPage, { language: request.language }),
});

function page(
  request: PageRequest,
  r: Resolved,
  extra: {
    status?: number;
    banner?: RsvpBanner;
    errors?: Record<string, string>;
    values?: Record<string, string | string[]>;
  } = {},
): PageResult {
  const location = [r.event.place.name, r.event.place.address].filter(Boolean).join(', ');
  const linkEvent = {
    title: r.event.title,
    description: r.event.description,
    location,
    start: new Date(r.event.start),
    end: new Date(r.event.end),
  };
  return {
    kind: 'page',
    status: extra.status,
    body: h(RsvpPage, {
      language: r.language,
      contactName: r.contact.name,
      event: r.event,
      timeZone: r.tenant.timeZone,
      tenantName: r.tenant.name,
      brand: pageBrand(r.tenant),
      invitation: r.invitation,
      action: r.base,
      csrfToken: request.csrfToken,
      errors: extra.errors,
      values: extra.values,
      banner: extra.banner,
      calendarLinks: {
        google: googleCalendarUrl(linkEvent),
        outlook: outlookCalendarUrl(linkEvent),
        ics: `${r.base}/calendar.ics`,
      },
      checkInUrl: checkInUrl(r),
    }),
  };
}

/** The console's check-in of this contact: what the QR code on the page and in the mail opens. */
const checkInUrl = (r: Resolved) =>
  `${requireEnv('PUBLIC_BASE_URL')}${checkInPath(r.event.eventId, r.contact.contactId)}`;

/** The form as posted, with the checkbox group as a list (what the page shows back on errors). */
const formValues = (request: PageRequest): Record<string, string | string[]> => ({
  ...request.form,
  dietary: request.formLists.dietary ?? [],
  // Each custom question's every value (a multiple choice sends its name once per option).
  ...Object.fromEntries(
    Object.entries(request.formLists).filter(([name]) => name.startsWith(answerFieldName(''))),
  ),
});

function fieldErrors(error: z.ZodError, language: Language, seatLimit: number): Record<string, string> {
  const m = rsvpTexts[language].errors;
  const out: Record<string, string> = {};
  for (const issue of issuesOf(error)) {
    const field = String(issue.path[0] ?? 'answer');
    // A text that is too long says how long it may be; anything else asks for the field again.
    out[field] ??=
      field === 'seats'
        ? m.tooMany(seatLimit)
        : issue.code === 'too_big'
          ? issueText(issue, language)
          : m.required;
  }
  return out;
}

/** The colleague form's fields, checked before anything is written: what each field's problem is. */
function colleagueErrors(
  values: Record<string, string | string[]>,
  language: Language,
): Record<string, string> {
  const m = rsvpTexts[language];
  const raw = String(values.name ?? '');
  const name = raw.trim();
  const errors: Record<string, string> = {};
  if (hasControlCharacters(raw)) {
    // The name goes into a mail header (To) and the greeting: no line break or other control character.
    errors.name = describeIssue({ code: 'custom', path: ['name'], reason: 'controlCharacters' }, language, {
      labels: (l) => ({ name: rsvpTexts[l].colleague.name }),
    });
  } else if (!name) errors.name = m.errors.required;
  else if (name.length > 200) errors.name = issueTexts(language).tooLong(200);
  if (!isValidEmail(String(values.email ?? '').trim())) errors.email = m.errors.invalidEmail;
  return errors;
}

/**
 * The answer's fields as posted (the RSVP form's and the registration form's): the fixed
 * questions, the seat limit and the event's own questions, each problem named by its field in
 * the reader's language. A registration always attends (or waits for a seat).
 */
function parseAnswer(
  request: PageRequest,
  values: Record<string, string | string[]>,
  event: Meeting,
  language: Language,
  options: { attend?: boolean } = {},
): { ok: true; answer: RsvpAnswer } | { ok: false; errors: Record<string, string> } {
  const chosen = options.attend ? 'attend' : values.answer || undefined;
  const parsed = rsvpAnswerSchema.safeParse({
    answer: chosen,
    seats: values.seats || undefined,
    names: String(values.names ?? '')
      .split(/\r?\n/)
      .map((n) => n.trim())
      .filter(Boolean),
    dietary: values.dietary ?? [],
    dietaryOther: values.dietaryOther || undefined,
    accessibility: values.accessibility || undefined,
    note: values.note || undefined,
  });
  const seatsTooMany =
    parsed.success && parsed.data.answer === 'attend' && parsed.data.seats > event.seatLimitPerOrganisation;
  // The event's own questions are for those who come (or wait for a seat), like the fixed ones;
  // a decline keeps none of their answers.
  const questions = event.customQuestions ?? [];
  const custom =
    chosen === 'decline'
      ? ({ ok: true, answers: {} } as const)
      : checkAnswers(
          questions,
          Object.fromEntries(questions.map((q) => [q.id, request.formLists[answerFieldName(q.id)]])),
        );
  if (!parsed.success || seatsTooMany || !custom.ok) {
    const errors: Record<string, string> = parsed.success
      ? seatsTooMany
        ? { seats: rsvpTexts[language].errors.tooMany(event.seatLimitPerOrganisation) }
        : {}
      : fieldErrors(parsed.error, language, event.seatLimitPerOrganisation);
    if (!custom.ok)
      for (const q of questions) {
        const problem = custom.problems[q.id];
        if (problem) errors[answerFieldName(q.id)] = questionErrorText(problem, q.label, language);
      }
    return { ok: false, errors };
  }
  return { ok: true, answer: { ...parsed.data, answers: custom.answers } };
}

const isClosed = (r: Resolved) =>
  r.event.status === 'cancelled' || Date.now() > Date.parse(r.event.rsvpDeadline);

// ---------------------------------------------------------------- open registration

/** The event behind a public page's path, if it has one now (see isOpenForRegistration). */
async function openEvent(request: PageRequest) {
  const tenantId = tenantIdField.safeParse(request.event.pathParameters?.tenantId);
  const eventId = request.event.pathParameters?.eventId ?? '';
  if (!tenantId.success || !/^[A-Za-z0-9_-]{1,64}$/.test(eventId)) return undefined;
  const [event, tenant, taken] = await Promise.all([
    getEvent(tenantId.data, eventId),
    getTenant(tenantId.data),
    seatsTaken(tenantId.data, eventId),
  ]);
  if (!event || !tenant || !isOpenForRegistration(event)) return undefined;
  return { event, tenant, seatsTaken: taken };
}

type OpenEvent = NonNullable<Awaited<ReturnType<typeof openEvent>>>;

/** The visitor's choice (`?lang=`, or the form's), else the event's own language. */
function chosenLanguage(request: PageRequest, event: Meeting): Language {
  const query = request.event.queryStringParameters?.lang;
  const chosen = languageSchema.safeParse(request.form.lang ?? query);
  return chosen.success ? chosen.data : event.language;
}

const registerNotFound = (request: PageRequest): PageResult => ({
  kind: 'page',
  status: 404,
  body: h(RegisterNotFoundPage, { language: request.language }),
});

function registerPage(
  request: PageRequest,
  found: OpenEvent,
  extra: {
    language: Language;
    status?: number;
    sent?: boolean;
    errors?: Record<string, string>;
    values?: Record<string, string | string[]>;
  },
): PageResult {
  return {
    kind: 'page',
    status: extra.status,
    body: h(RegisterPage, {
      language: extra.language,
      event: found.event,
      timeZone: found.tenant.timeZone,
      tenantName: found.tenant.name,
      brand: pageBrand(found.tenant),
      action: registrationPath(found.event.tenantId, found.event.eventId),
      csrfToken: request.csrfToken,
      seatsLeft: Math.max(0, found.event.capacity - found.seatsTaken),
      sent: extra.sent,
      errors: extra.errors,
      values: extra.values,
    }),
  };
}

/** The pending registration a confirmation link names, with its event and tenant. */
async function registrationOf(request: PageRequest) {
  const registration = await registrationOfLink(request.event.pathParameters?.token);
  if (!registration) return undefined;
  const [event, tenant] = await Promise.all([
    getEvent(registration.tenantId, registration.eventId),
    getTenant(registration.tenantId),
  ]);
  if (!event || !tenant || event.status === 'draft') return undefined;
  return { registration, event, tenant };
}

/** The person's own RSVP page (signed, as their mails link it): to change or cancel later. */
async function toRsvpPage(event: Meeting, contactId: string): Promise<PageResult> {
  const ttl = Math.max(3600, Math.ceil((Date.parse(event.end) + 30 * 86_400_000 - Date.now()) / 1000));
  const token = await signLinkToken(
    { purpose: 'rsvp', tenantId: event.tenantId, subject: contactId, campaignId: event.eventId },
    ttl,
  );
  return { kind: 'redirect', location: `/rsvp/${token}` };
}

export const handler = htmlPages(
  {
    'GET /rsvp/{token}': publicPage(async (request) => {
      const r = await resolve(request);
      if (!r) return invalid(request);
      if (!r.invitation.opened) await markOpened(r.event.tenantId, r.event.eventId, r.contact.contactId);
      return page(request, r);
    }),

    'POST /rsvp/{token}': publicPage(async (request) => {
      const r = await resolve(request, { forAnswer: true });
      if (!r) return invalid(request);
      const values = formValues(request);
      if (isClosed(r)) return page(request, r, { status: 409, values });
      const parsed = parseAnswer(request, values, r.event, r.language);
      if (!parsed.ok) return page(request, r, { status: 422, errors: parsed.errors, values });
      const actor = `contact:${r.contact.contactId}`;
      // The answer and its events (InvitationAnswered, SeatsReleased) are one transaction; the
      // confirmation mail and the waitlist's promotion are reactions to those events.
      const outcome = await answer(r.event, r.contact.contactId, parsed.answer, {
        actor,
        invitation: r.invitation,
        seatsTaken: r.seatsTaken,
      });
      const invitation = outcome.invitation ?? r.invitation;
      const updated = { ...r, invitation };
      if (outcome.result === 'org-limit') {
        return page(request, updated, {
          status: 409,
          banner: { kind: 'org-limit', available: outcome.available },
          values,
        });
      }
      logger.info('rsvp answered', {
        eventId: r.event.eventId,
        contactId: r.contact.contactId,
        result: outcome.result,
      });
      const banner: RsvpBanner =
        outcome.result === 'attending'
          ? { kind: 'attending', seats: outcome.seats }
          : outcome.result === 'waitlisted'
            ? { kind: 'waitlisted', position: outcome.position }
            : { kind: 'declined' };
      return page(request, updated, { banner });
    }),

    /**
     * "Send a colleague instead": someone else from the same organisation gets the invitation.
     * The form is public (the link is the credential) and mails an address its user chooses, so:
     * - at most `colleagueLimits` forwards per invitation and per organisation, taken atomically
     *   before anything else is done (store.ts, takeColleagueForward);
     * - the answer never depends on whether the address is known: a new address, a contact of
     *   the same organisation and a contact of another organisation get the same page. The last
     *   is neither invited nor mailed (that would move a contact between organisations), and the
     *   page does not say so, or the form would tell who is in the directory;
     * - the name goes into a mail's To and greeting: control characters are refused, named.
     */
    'POST /rsvp/{token}/colleague': publicPage(async (request) => {
      const r = await resolve(request);
      if (!r) return invalid(request);
      const values = formValues(request);
      if (isClosed(r)) return page(request, r, { status: 409, values });
      const errors = colleagueErrors(values, r.language);
      if (Object.keys(errors).length) return page(request, r, { status: 422, errors, values });
      const name = String(values.name ?? '').trim();
      const email = String(values.email ?? '').trim();
      const sent = (): PageResult => page(request, r, { banner: { kind: 'colleague-sent', name } });
      const organisationId = r.invitation.organisationId;
      const taken = await takeColleagueForward({
        tenantId: r.event.tenantId,
        eventId: r.event.eventId,
        organisationId,
        contactId: r.contact.contactId,
      });
      if (!taken) return page(request, r, { status: 429, banner: { kind: 'colleague-limit' }, values });
      // One who has not answered sent someone in their place: not coming, and staff see who came
      // instead (a waitlist place or an earlier answer is left as it is).
      // Before the address is looked at, so the page reads the same whoever the address belongs to.
      if (r.invitation.status === 'invited') {
        const outcome = await answer(
          r.event,
          r.contact.contactId,
          {
            answer: 'decline',
            seats: 1,
            names: [],
            dietary: [],
            note: rsvpTexts[r.event.language].colleague.forwardedNote(name),
          },
          { actor: `contact:${r.contact.contactId}` },
        );
        if ('invitation' in outcome && outcome.invitation) r.invitation = outcome.invitation;
      }
      let colleagueId: string;
      try {
        const { contact } = await createContact(
          r.event.tenantId,
          {
            name,
            email,
            organisationId: r.contact.organisationId,
            language: r.contact.language,
            tags: [],
            lawfulBasis: {
              basis: 'legitimate-interest',
              source: `rsvp-colleague:${r.contact.contactId}`,
              recordedAt: new Date().toISOString(),
            },
          },
          { actor: `contact:${r.contact.contactId}`, source: 'rsvp' },
        );
        colleagueId = contact.contactId;
      } catch (error) {
        if (!(error instanceof UniqueConflict) || !error.existingId) throw error;
        const existing = await getContact(r.event.tenantId, error.existingId);
        if (!existing || existing.organisationId !== r.contact.organisationId) {
          // Another organisation's contact: nothing is sent, and the page says what it says to everyone.
          logger.info('colleague of another organisation not invited', {
            eventId: r.event.eventId,
            contactId: r.contact.contactId,
          });
          return sent();
        }
        colleagueId = existing.contactId;
      }
      await ensureInvitation({
        tenantId: r.event.tenantId,
        eventId: r.event.eventId,
        contactId: colleagueId,
        organisationId,
        organisationType: r.invitation.organisationType,
        forwardedFrom: r.contact.contactId,
      });
      await sendInvitations(
        r.event,
        { kind: 'contacts', contactIds: [colleagueId] },
        { actor: `contact:${r.contact.contactId}`, forwardedBy: r.contact.name },
      );
      return sent();
    }),

    /**
     * Open registration: the event's public page. Only a published event, not cancelled, before
     * its deadline and with the toggle on has one; an unknown event, another tenant's, a draft or
     * one toggled off get the same 404. In the event's language unless the visitor chose one.
     */
    'GET /events/{tenantId}/{eventId}': publicPage(async (request) => {
      const found = await openEvent(request);
      if (!found) return registerNotFound(request);
      return registerPage(request, found, { language: chosenLanguage(request, found.event) });
    }),

    /**
     * A registration: nothing is taken yet. The pending registration (its own item, 48 hours) and
     * the confirmation mail; the page says the same whatever the address ("check your inbox").
     * A robot that fills the hidden field, or a client posting too often, gets that page too and
     * nothing happens; a repeat for the same address and event mails again at most every five minutes.
     */
    'POST /events/{tenantId}/{eventId}': publicPage(async (request) => {
      const found = await openEvent(request);
      if (!found) return registerNotFound(request);
      const language = chosenLanguage(request, found.event);
      const values = formValues(request);
      const sent = (status?: number) => registerPage(request, found, { language, sent: true, status });
      if ((request.form.website ?? '') !== '') return sent();
      const who = checkRegistrant(request.form, language);
      const answered = parseAnswer(request, values, found.event, language, { attend: true });
      if (!who.ok || !answered.ok) {
        const errors = { ...(who.ok ? {} : who.errors), ...(answered.ok ? {} : answered.errors) };
        return registerPage(request, found, { language, status: 422, errors, values });
      }
      // The client is its signed form token, hashed: no IP address or email is kept for this.
      const client = createHash('sha256').update(request.csrfToken).digest('base64url').slice(0, 22);
      if (!(await registerAllowed(found.event.tenantId, found.event.eventId, client))) return sent(429);
      await requestRegistration(found.event, found.tenant, {
        registrant: who.registrant,
        answer: answered.answer,
        language,
        consentText: registrationTexts[language].page.consent(found.tenant.name),
      });
      logger.info('registration requested', { eventId: found.event.eventId });
      return sent();
    }),

    /**
     * The link in the confirmation mail: a page with one button. GET takes no seat (mail scanners
     * follow links); a bad, expired or spent link is the same 404 as a missing one.
     */
    'GET /registration/confirm/{token}': publicPage(async (request) => {
      const found = await registrationOf(request);
      if (!found) return invalid(request);
      if (found.registration.contactId) return toRsvpPage(found.event, found.registration.contactId);
      return {
        kind: 'page',
        body: h(RegistrationConfirmPage, {
          language: found.registration.language,
          event: found.event,
          tenantName: found.tenant.name,
          brand: pageBrand(found.tenant),
          action: request.event.rawPath,
          csrfToken: request.csrfToken,
          closed: !isOpenForRegistration(found.event),
        }),
      };
    }),

    /** The confirmation: the contact, their invitation and answer, once; then their RSVP page. */
    'POST /registration/confirm/{token}': publicPage(async (request) => {
      const found = await registrationOf(request);
      if (!found) return invalid(request);
      if (!found.registration.contactId && !isOpenForRegistration(found.event)) {
        return {
          kind: 'page',
          status: 409,
          body: h(RegistrationConfirmPage, {
            language: found.registration.language,
            event: found.event,
            tenantName: found.tenant.name,
            brand: pageBrand(found.tenant),
            action: request.event.rawPath,
            csrfToken: request.csrfToken,
            closed: true,
          }),
        };
      }
      const { contactId } = await confirmRegistration(found.event, found.registration);
      return toRsvpPage(found.event, contactId);
    }),

    /**
     * The check-in QR code as an image (only to someone with a seat): for confirmations sent before
     * the code became a part of the mail itself (`cid:`), whose images still point here. New mails
     * do not use it; it can go once those events are past.
     */
    'GET /rsvp/{token}/check-in.gif': publicPage(async (request) => {
      const r = await resolve(request);
      if (r?.invitation.status !== 'attending' || r.event.status === 'cancelled')
        throw new HttpError(404, 'Not found');
      return {
        kind: 'file',
        contentType: 'image/gif',
        fileName: 'check-in.gif',
        body: checkInQrGif(checkInUrl(r)),
      };
    }),

    'GET /rsvp/{token}/calendar.ics': publicPage(async (request) => {
      const r = await resolve(request);
      if (r?.invitation.status !== 'attending') throw new HttpError(404, 'Not found');
      const ics = calendarAttachment({
        uid: calendarUid(r.event),
        sequence: calendarSequence(r.event, r.event.status === 'cancelled' ? 'CANCEL' : 'REQUEST'),
        method: r.event.status === 'cancelled' ? 'CANCEL' : 'REQUEST',
        title: r.event.title,
        // The meeting link goes with the entry of one with a seat (this file is only theirs).
        description: [meetingUrlOf(r.event), r.event.description].filter(Boolean).join('\n\n'),
        location: calendarLocation(r.event),
        start: new Date(r.event.start),
        end: new Date(r.event.end),
        organizer: { name: r.tenant.name, email: requireEnv('MAIL_FROM_ADDRESS') },
        attendee: { name: r.contact.name, email: r.contact.email },
      });
      return {
        kind: 'file',
        contentType: ics.ContentType,
        fileName: ics.FileName,
        body: Buffer.from(ics.RawContent),
      };
    }),
  },
  (status, message, language) => h(ErrorPage, { status, message, language }),
  // The forms' CSRF tokens are signed with the link secret (a key derived for that use only).
  { formTokenSecret: () => requireEnv('LINK_SIGNING_SECRET') },
);
