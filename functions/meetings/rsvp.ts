import { h } from 'preact';
import type { z } from 'zod';
import { getContact } from '../../shared/directory/store/contacts.js';
import { createContact, UniqueConflict } from '../../shared/directory/store/organisations.js';
import { calendarSequence, calendarUid, sendInvitations } from '../../shared/meetings/actions/notify.js';
import { googleCalendarUrl, outlookCalendarUrl } from '../../shared/meetings/calendar-links.js';
import { calendarLocation, meetingUrlOf, rsvpAnswerSchema } from '../../shared/meetings/meeting.js';
import { checkInPath, checkInQrGif } from '../../shared/meetings/pages/check-in-qr.js';
import {
  answerFieldName,
  questionErrorText,
  type RsvpBanner,
  RsvpInvalidPage,
  RsvpPage,
} from '../../shared/meetings/pages/rsvp.js';
import { checkAnswers } from '../../shared/meetings/questions.js';
import {
  answer,
  ensureInvitation,
  getEvent,
  getInvitation,
  markOpened,
  seatsTaken,
  takeColleagueForward,
} from '../../shared/meetings/store.js';
import { rsvpTexts } from '../../shared/meetings/texts/rsvp.js';
import { requireEnv } from '../../shared/platform/aws/env.js';
import { HttpError } from '../../shared/platform/http/errors.js';
import {
  htmlPages,
  type PageRequest,
  type PageResult,
  publicPage,
} from '../../shared/platform/http/html-pages.js';
import { calendarAttachment } from '../../shared/platform/mail-kit/calendar.js';
import { hasControlCharacters, isValidEmail } from '../../shared/platform/mail-kit/headers.js';
import { verifyLinkToken } from '../../shared/platform/mail-kit/link-tokens.js';
import { logger } from '../../shared/platform/observability/logger.js';
import { getTenant } from '../../shared/platform/tenants/store.js';
import { describeIssue, issuesOf, issueText, issueTexts } from '../../shared/platform/texts/issues.js';
import type { Language } from '../../shared/platform/texts/language.js';
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

const isClosed = (r: Resolved) =>
  r.event.status === 'cancelled' || Date.now() > Date.parse(r.event.rsvpDeadline);

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
      const parsed = rsvpAnswerSchema.safeParse({
        answer: values.answer || undefined,
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
        parsed.success &&
        parsed.data.answer === 'attend' &&
        parsed.data.seats > r.event.seatLimitPerOrganisation;
      // The event's own questions are for those who come (or wait for a seat), like the fixed ones;
      // a decline keeps none of their answers.
      const questions = r.event.customQuestions ?? [];
      const custom =
        values.answer === 'decline'
          ? ({ ok: true, answers: {} } as const)
          : checkAnswers(
              questions,
              Object.fromEntries(questions.map((q) => [q.id, request.formLists[answerFieldName(q.id)]])),
            );
      if (!parsed.success || seatsTooMany || !custom.ok) {
        const errors: Record<string, string> = parsed.success
          ? seatsTooMany
            ? { seats: rsvpTexts[r.language].errors.tooMany(r.event.seatLimitPerOrganisation) }
            : {}
          : fieldErrors(parsed.error, r.language, r.event.seatLimitPerOrganisation);
        if (!custom.ok)
          for (const q of questions) {
            const problem = custom.problems[q.id];
            if (problem) errors[answerFieldName(q.id)] = questionErrorText(problem, q.label, r.language);
          }
        return page(request, r, { status: 422, errors, values });
      }
      parsed.data.answers = custom.answers;
      const actor = `contact:${r.contact.contactId}`;
      // The answer and its events (InvitationAnswered, SeatsReleased) are one transaction; the
      // confirmation mail and the waitlist's promotion are reactions to those events.
      const outcome = await answer(r.event, r.contact.contactId, parsed.data, {
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
