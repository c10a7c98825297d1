import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { h } from 'preact';
import * as z from 'zod';
import { batchGet, contactsPage, organisations } from '../../shared/directory/store/contacts.js';
import { segmentAudienceSchema } from '../../shared/mail/campaign.js';
import { segmentNameSchema } from '../../shared/mail/segment.js';
import { createSegment, listSegments } from '../../shared/mail/store/segments.js';
import { previewInvitation, sendTestInvitation } from '../../shared/meetings/actions/invitation-preview.js';
import { messageAttendees, resendToNonResponders } from '../../shared/meetings/actions/notify.js';
import { cancelEventSend, eventSendRows } from '../../shared/meetings/actions/sends.js';
import { answersPerDay } from '../../shared/meetings/figures.js';
import type { Meeting } from '../../shared/meetings/meeting.js';
import { type Badge, BadgesPage } from '../../shared/meetings/pages/badges.js';
import { CheckInPage, matchAttendees } from '../../shared/meetings/pages/check-in.js';
import {
  copyFormValues,
  type EventFormErrors,
  EventFormPage,
  type EventFormValues,
  eventFormValues,
  newEventFormValues,
  parseEventForm,
} from '../../shared/meetings/pages/form.js';
import {
  EventInvitePage,
  emptyInviteValues,
  type InviteContact,
  type InviteErrors,
  type InviteFormValues,
  parseInviteForm,
  type SegmentChoice,
} from '../../shared/meetings/pages/invite.js';
import { type EventSummary, EventsListPage } from '../../shared/meetings/pages/list.js';
import { EventLivePage, type EventNotice, eventNotices } from '../../shared/meetings/pages/live.js';
import { eventsScript } from '../../shared/meetings/pages/sends.js';
import { waitlistResults } from '../../shared/meetings/pages/waitlist.js';
import { registrationPath } from '../../shared/meetings/registration.js';
import {
  answersByHour,
  countersKey,
  createEvent,
  getCounters,
  getEvent,
  getInvitation,
  listEvents,
  markAttended,
  NoSuchPersonError,
} from '../../shared/meetings/store.js';
import { meetingsTexts } from '../../shared/meetings/texts/console.js';
import { dayTexts } from '../../shared/meetings/texts/day.js';
import { requireEnv } from '../../shared/platform/aws/env.js';
import { HttpError, notFound } from '../../shared/platform/http/errors.js';
import {
  consolePage,
  htmlPages,
  type PageRequest,
  type PageResult,
} from '../../shared/platform/http/html-pages.js';
import { idParam, validate } from '../../shared/platform/http/request.js';
import { requireRole } from '../../shared/platform/identity/staff.js';
import type { Language } from '../../shared/platform/texts/language.js';
import { ErrorPage } from '../../shared/platform/ui/error-page.js';
import { listProgrammes } from '../../shared/programmes/store.js';
import { inConsole as page, type SignedIn as Signed, signedIn } from '../console/shell.js';
import {
  actOnWaitlist,
  attendeeCsvFile,
  attendeeMessageBody,
  attendeeNames,
  attendeeRows,
  cancelEvent,
  countAudience,
  csvQuery,
  foreignProgramme,
  invitationsPage,
  inviteToEvent,
  joinInvitations,
  publishEvent,
  updateEvent,
  waitlistActions,
  waitlistRows,
} from './api.js';

/*
 * The console's event pages: the list, the create/edit form, the live staff view (counters
 * item + one page of invitations), inviting, marking who came, badges and the CSV download.
 * Viewers see everything; writing needs the editor role.
 */

function eventIdOf(event: APIGatewayProxyEventV2): string {
  const id = idParam.safeParse(event.pathParameters?.eventId);
  if (!id.success) throw notFound();
  return id.data;
}

/** The event of the signed-in tenant: another tenant's id is simply not found. */
async function eventOf(request: PageRequest, who: Signed): Promise<Meeting> {
  const event = await getEvent(who.identity.tenantId, eventIdOf(request.event));
  if (!event) throw notFound();
  return event;
}

async function publishedEventOf(request: PageRequest, who: Signed): Promise<Meeting> {
  const event = await eventOf(request, who);
  if (event.status !== 'published')
    throw new HttpError(409, 'Only a published event can be mailed.', [], {
      text: (l) => meetingsTexts(l).refusals.notPublished,
    });
  return event;
}

const eventPath = (eventId: string, rest = '') => `/console/events/${encodeURIComponent(eventId)}${rest}`;
const redirect = (location: string): PageResult => ({ kind: 'redirect', location });

const numbers = (item: Record<string, unknown> | undefined) => {
  const n = (key: string) => (typeof item?.[key] === 'number' ? (item[key] as number) : 0);
  return {
    invited: n('invited'),
    attending: n('attending'),
    attendingSeats: n('attendingSeats'),
    declined: n('declined'),
    waitlisted: n('waitlisted'),
  };
};

async function formPage(
  request: PageRequest,
  who: Signed,
  options: {
    values: EventFormValues;
    errors?: EventFormErrors;
    event?: Meeting;
    expectedVersion?: number;
    formError?: string;
    status?: number;
    copyOf?: string;
  },
): Promise<PageResult> {
  const programmes = await listProgrammes(who.identity.tenantId);
  const f = meetingsTexts(who.language).form;
  const mode = options.event ? 'edit' : 'create';
  const title = options.event ? `${f.editTitle}: ${options.event.title}` : f.newTitle;
  return page(
    request,
    who,
    title,
    h(EventFormPage, {
      language: who.language,
      mode,
      action: options.event ? eventPath(options.event.eventId) : '/console/events',
      csrfToken: request.csrfToken,
      values: options.values,
      errors: options.errors ?? {},
      programmes,
      timeZone: who.timeZone,
      expectedVersion: options.expectedVersion,
      event: options.event,
      formError: options.formError,
      copyOf: options.copyOf,
    }),
    options.status,
  );
}

async function invitePage(
  request: PageRequest,
  who: Signed,
  event: Meeting,
  form: {
    values: InviteFormValues;
    errors?: InviteErrors;
    preview?: { count: number; unsubscribed: number; first: string[] };
    mailPreviews?: { language: Language; subject: string; html: string; text: string }[];
    testSentTo?: string;
    confirm?: { count: number; sendAt?: string; segmentName?: string };
    savedSegment?: string;
    segments?: SegmentChoice[];
  },
  status = 200,
): Promise<PageResult> {
  const tenantId = who.identity.tenantId;
  const segments = form.segments ?? (await listSegments(tenantId));
  const orgs = await organisations(tenantId);
  const contacts: InviteContact[] = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const batch = await contactsPage(tenantId, cursor, 500);
    for (const c of batch.items) {
      if (c.unsubscribed) continue;
      contacts.push({
        contactId: c.contactId,
        name: c.name,
        organisationName: c.organisationId ? (orgs.get(c.organisationId)?.name ?? '') : '',
      });
    }
    cursor = batch.cursor;
  } while (cursor);
  const collator = new Intl.Collator(who.language);
  contacts.sort(
    (a, b) =>
      (a.organisationName === '' ? 1 : 0) - (b.organisationName === '' ? 1 : 0) ||
      collator.compare(a.organisationName, b.organisationName) ||
      collator.compare(a.name, b.name),
  );
  const known = Object.keys(meetingsTexts(who.language).organisationTypes);
  const types = [...new Set([...known, ...[...orgs.values()].map((o) => o.organisationType)])].filter(
    Boolean,
  );
  return page(
    request,
    who,
    meetingsTexts(who.language).invite.title,
    h(EventInvitePage, {
      language: who.language,
      timeZone: who.timeZone,
      event,
      csrfToken: request.csrfToken,
      values: form.values,
      errors: form.errors ?? {},
      segments,
      savedSegment: form.savedSegment,
      preview: form.preview,
      mailPreviews: form.mailPreviews,
      testSentTo: form.testSentTo,
      confirm: form.confirm,
      organisationTypes: types,
      contacts,
    }),
    status,
  );
}

const attendanceForm = z.object({
  contactId: idParam,
  attended: z.enum(['true', 'false']),
  person: z.coerce.number().int().min(0).max(99).optional(),
  cursor: z.string().max(2000).optional(),
  /** Back to the check-in (with its search, or the one contact) rather than the event page. */
  from: z.enum(['check-in']).optional(),
  q: z.string().max(100).optional(),
  contact: idParam.optional(),
});
const checkInQuery = z.object({
  q: z.string().trim().max(100, 'At most 100 characters').optional(),
  /** The one contact a confirmation's QR code names. */
  contact: idParam.optional(),
});
/** Answers shown at once on the check-in (a search narrows them). */
const CHECK_IN_SHOWN = 200;
const liveQuery = z.object({
  cursor: z.string().max(2000).optional(),
  notice: z.enum(eventNotices).optional().catch(undefined),
  waitlist: z.enum(waitlistResults).optional().catch(undefined),
});
const waitlistForm = z.object({ contactId: idParam, action: z.enum(waitlistActions) });
/** Places of the waitlist shown on the event page (one more is read to know there are more). */
const WAITLIST_SHOWN = 50;

export const handler = htmlPages(
  {
    'GET /console/events': consolePage(async (request) => {
      const who = await signedIn(request);
      const events = await listEvents(who.identity.tenantId);
      const items = await batchGet(events.map((e) => countersKey(e.tenantId, e.eventId)));
      const byPk = new Map(items.map((item) => [String(item.pk), item]));
      const now = Date.now();
      const summaries: EventSummary[] = events.map((event) => ({
        event,
        counters: numbers(byPk.get(countersKey(event.tenantId, event.eventId).pk)),
      }));
      const upcoming = summaries.filter((s) => Date.parse(s.event.end) >= now);
      const past = summaries.filter((s) => Date.parse(s.event.end) < now).reverse();
      return page(
        request,
        who,
        meetingsTexts(who.language).title,
        h(EventsListPage, {
          language: who.language,
          timeZone: who.timeZone,
          upcoming,
          past,
          canEdit: who.canEdit,
        }),
      );
    }),

    'GET /console/events/new': consolePage(async (request) => {
      const who = await signedIn(request);
      requireRole(who.identity, 'editor');
      const { from } = validate(
        'query',
        z.object({ from: idParam.optional() }),
        request.event.queryStringParameters ?? {},
      );
      if (!from) return formPage(request, who, { values: newEventFormValues(who.tenant.language) });
      // A copy of the tenant's own event only: another tenant's id is simply not found.
      const source = await getEvent(who.identity.tenantId, from);
      if (!source) throw notFound();
      return formPage(request, who, { values: copyFormValues(source, who.timeZone), copyOf: source.title });
    }),

    'POST /console/events': consolePage(async (request) => {
      const who = await signedIn(request);
      requireRole(who.identity, 'editor');
      const parsed = parseEventForm(request.form, who.timeZone);
      if (!parsed.ok)
        return formPage(request, who, { values: parsed.values, errors: parsed.errors, status: 422 });
      if (await foreignProgramme(who.identity.tenantId, parsed.input.programmeId))
        return formPage(request, who, {
          values: parsed.values,
          errors: { programmeId: { code: 'invalid' } },
          status: 422,
        });
      const event = await createEvent(who.identity.tenantId, parsed.input);
      return redirect(eventPath(event.eventId, '?notice=created'));
    }),

    'GET /console/events/{eventId}': consolePage(async (request) => {
      const who = await signedIn(request);
      const eventId = eventIdOf(request.event);
      const query = validate('query', liveQuery, request.event.queryStringParameters ?? {});
      // The whole view: the event, its counters item and one page of invitations, whatever the audience size.
      const [event, counters, invitations, sends, answerHours] = await Promise.all([
        getEvent(who.identity.tenantId, eventId),
        getCounters(who.identity.tenantId, eventId),
        invitationsPage(who.identity.tenantId, eventId, { cursor: query.cursor, limit: 50 }),
        eventSendRows({ tenantId: who.identity.tenantId, eventId }),
        // One small item per hour with answers: the cost follows the answer period, not the audience.
        answersByHour(who.identity.tenantId, eventId),
      ]);
      if (!event) throw notFound();
      const waiting =
        counters.waitlisted > 0 ? await waitlistRows(who.identity.tenantId, eventId, WAITLIST_SHOWN + 1) : [];
      return page(
        request,
        who,
        event.title,
        h(EventLivePage, {
          language: who.language,
          timeZone: who.timeZone,
          event,
          counters,
          invitations: invitations.items,
          cursor: query.cursor,
          nextCursor: invitations.cursor,
          canEdit: who.canEdit,
          csrfToken: request.csrfToken,
          notice: query.notice as EventNotice | undefined,
          sends,
          answersPerDay: answersPerDay(answerHours, who.timeZone),
          waitlist: {
            rows: waiting.slice(0, WAITLIST_SHOWN),
            more: waiting.length > WAITLIST_SHOWN,
            notice: query.waitlist,
          },
          // Shown while the toggle is on; the page itself answers only once published.
          registrationUrl: event.openRegistration
            ? `${requireEnv('PUBLIC_BASE_URL')}${registrationPath(event.tenantId, event.eventId)}`
            : undefined,
        }),
      );
    }),

    'GET /console/events.js': consolePage(async () => ({
      kind: 'file',
      contentType: 'text/javascript; charset=utf-8',
      fileName: 'events.js',
      body: Buffer.from(eventsScript),
    })),

    'POST /console/events/{eventId}/sends/{campaignId}/cancel': consolePage(async (request) => {
      const who = await signedIn(request);
      requireRole(who.identity, 'editor');
      const event = await eventOf(request, who);
      const campaignId = validate('path', z.object({ campaignId: idParam }), {
        campaignId: request.event.pathParameters?.campaignId,
      }).campaignId;
      const result = await cancelEventSend(event, campaignId, who.identity.staffId);
      if (result === 'not-found') throw notFound();
      if (result === 'started')
        throw new HttpError(409, 'The send has already begun and cannot be cancelled.', [], {
          text: (l) => meetingsTexts(l).refusals.sendStarted,
        });
      return redirect(eventPath(event.eventId, '?notice=sendCancelled#sends-heading'));
    }),

    'POST /console/events/{eventId}/non-responders': consolePage(async (request) => {
      const who = await signedIn(request);
      requireRole(who.identity, 'editor');
      const event = await publishedEventOf(request, who);
      await resendToNonResponders(event, who.identity.staffId);
      return redirect(eventPath(event.eventId, '?notice=reminded#sends-heading'));
    }),

    'POST /console/events/{eventId}/attendee-message': consolePage(async (request) => {
      const who = await signedIn(request);
      requireRole(who.identity, 'editor');
      const event = await publishedEventOf(request, who);
      const body = validate('body', attendeeMessageBody, {
        subject: request.form.subject ?? '',
        markdownBody: request.form.markdownBody ?? '',
      });
      await messageAttendees(event, body, who.identity.staffId);
      return redirect(eventPath(event.eventId, '?notice=messaged#sends-heading'));
    }),

    'GET /console/events/{eventId}/edit': consolePage(async (request) => {
      const who = await signedIn(request);
      requireRole(who.identity, 'editor');
      const event = await eventOf(request, who);
      if (event.status === 'cancelled')
        throw new HttpError(409, 'A cancelled event cannot be changed.', [], {
          text: (l) => meetingsTexts(l).form.cancelledNotEditable,
        });
      return formPage(request, who, {
        values: eventFormValues(event, who.timeZone),
        event,
        expectedVersion: event.version,
      });
    }),

    'POST /console/events/{eventId}': consolePage(async (request) => {
      const who = await signedIn(request);
      requireRole(who.identity, 'editor');
      const before = await eventOf(request, who);
      const expectedVersion = Number(request.form.expectedVersion);
      const parsed = parseEventForm(request.form, who.timeZone, before.customQuestions);
      const again = (errors: EventFormErrors, status: number, formError?: string) =>
        formPage(request, who, {
          values: parsed.values,
          errors,
          event: before,
          expectedVersion,
          status,
          formError,
        });
      if (!parsed.ok) return again(parsed.errors, 422);
      if (await foreignProgramme(who.identity.tenantId, parsed.input.programmeId))
        return again({ programmeId: { code: 'invalid' } }, 422);
      const f = meetingsTexts(who.language).form;
      if (!Number.isInteger(expectedVersion) || expectedVersion < 1) return again({}, 409, f.staleVersion);
      try {
        await updateEvent(who.identity, before, parsed.input, expectedVersion);
      } catch (error) {
        if (!(error instanceof HttpError)) throw error;
        if (error.statusCode === 409)
          return again({}, 409, before.status === 'cancelled' ? f.cancelledNotEditable : f.staleVersion);
        if (error.statusCode === 422 && error.details.some((d) => d.field === 'body.capacity'))
          return again({ capacity: { code: 'capacityTaken' } }, 422);
        throw error;
      }
      return redirect(eventPath(before.eventId, '?notice=saved'));
    }),

    'POST /console/events/{eventId}/publish': consolePage(async (request) => {
      const who = await signedIn(request);
      requireRole(who.identity, 'editor');
      const event = await publishEvent(who.identity, await eventOf(request, who));
      return redirect(eventPath(event.eventId, '?notice=published'));
    }),

    'POST /console/events/{eventId}/cancel': consolePage(async (request) => {
      const who = await signedIn(request);
      requireRole(who.identity, 'editor');
      const message = (request.form.message ?? '').trim().slice(0, 5000) || undefined;
      const event = await cancelEvent(who.identity, await eventOf(request, who), message);
      return redirect(eventPath(event.eventId, '?notice=cancelled'));
    }),

    'GET /console/events/{eventId}/invite': consolePage(async (request) => {
      const who = await signedIn(request);
      requireRole(who.identity, 'editor');
      const event = await eventOf(request, who);
      if (event.status !== 'published')
        throw new HttpError(409, 'Only a published event can be invited to. Publish it first.', [], {
          text: (l) => meetingsTexts(l).refusals.notPublished,
        });
      return invitePage(request, who, event, { values: emptyInviteValues() });
    }),

    'POST /console/events/{eventId}/invitations': consolePage(async (request) => {
      const who = await signedIn(request);
      requireRole(who.identity, 'editor');
      const event = await eventOf(request, who);
      const segments = await listSegments(who.identity.tenantId);
      const parsed = parseInviteForm(request.form, who.timeZone, {
        rsvpDeadline: event.rsvpDeadline,
        segments,
      });
      if (request.form.action === 'save-segment') {
        // Saves the audience built above (tags, types or contacts) under a name, for later sends.
        const name = segmentNameSchema.safeParse(request.form.segmentName ?? '');
        const definition = segmentAudienceSchema.safeParse(parsed.audience);
        const errors: InviteErrors = {};
        if (!definition.success) {
          // "Everyone" or a segment needs no saving; an incomplete choice says what is missing.
          if (parsed.audience) errors.segmentName = 'segmentNotSavable';
          else Object.assign(errors, parsed.errors);
        }
        if (!name.success)
          errors.segmentName =
            (request.form.segmentName ?? '').trim() === '' ? 'segmentNameRequired' : 'segmentNameInvalid';
        if (!name.success || !definition.success)
          return invitePage(request, who, event, { values: parsed.values, errors, segments }, 422);
        const saved = await createSegment(
          who.identity.tenantId,
          { name: name.data, audience: definition.data },
          who.identity.staffId,
        );
        return invitePage(request, who, event, {
          values: { ...parsed.values, audience: 'segment', segmentId: saved.segmentId, segmentName: '' },
          savedSegment: saved.name,
        });
      }
      if (request.form.action === 'preview') {
        const preview = parsed.audience
          ? await countAudience(who.identity.tenantId, parsed.audience)
          : undefined;
        const errors = parsed.audience ? {} : parsed.errors;
        const mailPreviews = (await previewInvitation(event, parsed.intro)).map(
          ({ language, subject, html, text }) => ({ language, subject, html, text }),
        );
        return invitePage(
          request,
          who,
          event,
          { values: parsed.values, errors, preview, mailPreviews },
          parsed.audience ? 200 : 422,
        );
      }
      if (request.form.action === 'test') {
        const email = who.identity.email;
        if (!email)
          throw new HttpError(422, 'Your account has no email address to send the test to', [], {
            text: (l) => meetingsTexts(l).refusals.noTestAddress,
          });
        await sendTestInvitation(
          event,
          { name: who.identity.name, email, language: who.language },
          parsed.intro,
        );
        return invitePage(request, who, event, { values: parsed.values, testSentTo: email });
      }
      if (!parsed.ok || !parsed.audience)
        return invitePage(request, who, event, { values: parsed.values, errors: parsed.errors }, 422);
      // "Send" asks first, naming how many it reaches; only "confirm" with that same number sends
      // (a changed selection, or more contacts since, asks again).
      const reach = await countAudience(who.identity.tenantId, parsed.audience);
      const count = reach.count - reach.unsubscribed;
      if (request.form.action !== 'confirm' || request.form.expected !== String(count))
        return invitePage(request, who, event, {
          values: parsed.values,
          preview: reach,
          confirm: { count, sendAt: parsed.sendAt, segmentName: parsed.segment?.name },
          segments,
        });
      await inviteToEvent(who.identity, event, parsed.audience, {
        sendAt: parsed.sendAt,
        markdownIntro: parsed.intro,
        segment: parsed.segment,
      });
      return redirect(eventPath(event.eventId, `?notice=${parsed.sendAt ? 'scheduled' : 'invited'}`));
    }),

    'POST /console/events/{eventId}/attendance': consolePage(async (request) => {
      const who = await signedIn(request);
      requireRole(who.identity, 'editor');
      const event = await eventOf(request, who);
      const form = validate('body', attendanceForm, request.form);
      await markAttended(
        who.identity.tenantId,
        event.eventId,
        form.contactId,
        form.attended === 'true',
        form.person,
      ).catch((error: unknown) => {
        if (!(error instanceof NoSuchPersonError)) throw error;
        throw new HttpError(422, 'Invalid body.person', [
          { field: 'body.person', message: 'No such person' },
        ]);
      });
      if (form.from === 'check-in') {
        const back = new URLSearchParams();
        if (form.q) back.set('q', form.q);
        if (form.contact) back.set('contact', form.contact);
        const query = back.size > 0 ? `?${back}` : '';
        return redirect(
          eventPath(event.eventId, `/check-in${query}#p-${encodeURIComponent(form.contactId)}`),
        );
      }
      const cursor = form.cursor ? `&cursor=${encodeURIComponent(form.cursor)}` : '';
      return redirect(eventPath(event.eventId, `?notice=attendance${cursor}#invitations-heading`));
    }),

    'POST /console/events/{eventId}/waitlist': consolePage(async (request) => {
      const who = await signedIn(request);
      requireRole(who.identity, 'editor');
      const event = await eventOf(request, who);
      const form = validate('body', waitlistForm, request.form);
      const result = await actOnWaitlist(who.identity, event, form.contactId, form.action);
      return redirect(eventPath(event.eventId, `?waitlist=${result}#waitlist-heading`));
    }),

    /**
     * The check-in on the day: everyone with a seat (one event's attendees, bounded by its
     * capacity), searched by name or organisation; or the one contact a QR code names.
     */
    'GET /console/events/{eventId}/check-in': consolePage(async (request) => {
      const who = await signedIn(request);
      const event = await eventOf(request, who);
      const query = validate('query', checkInQuery, request.event.queryStringParameters ?? {});
      const [counters, rows] = await Promise.all([
        getCounters(who.identity.tenantId, event.eventId),
        query.contact
          ? getInvitation(who.identity.tenantId, event.eventId, query.contact).then(async (invitation) => {
              // Not invited to this event (or another tenant's contact): as missing.
              if (!invitation) throw notFound();
              return invitation.status === 'attending'
                ? joinInvitations(who.identity.tenantId, [invitation])
                : [];
            })
          : attendeeRows(who.identity.tenantId, event.eventId, 'attending'),
      ]);
      const found = query.contact ? rows : matchAttendees(rows, query.q ?? '');
      return page(
        request,
        who,
        `${dayTexts(who.language).checkIn.title}: ${event.title}`,
        h(CheckInPage, {
          language: who.language,
          event,
          present: counters.present,
          expected: counters.attendingSeats,
          rows: found.slice(0, CHECK_IN_SHOWN),
          found: found.length,
          query: query.contact ? '' : (query.q ?? ''),
          contactId: query.contact,
          canEdit: who.canEdit,
          csrfToken: request.csrfToken,
        }),
      );
    }),

    'GET /console/events/{eventId}/export.csv': consolePage(async (request) => {
      const who = await signedIn(request);
      const eventId = eventIdOf(request.event);
      const query = validate('query', csvQuery, request.event.queryStringParameters ?? {});
      const file = await attendeeCsvFile(
        who.identity.tenantId,
        eventId,
        query,
        who.identity.staffId,
        who.language,
      );
      return {
        kind: 'file',
        contentType: 'text/csv; charset=utf-8',
        fileName: file.fileName,
        body: Buffer.from(file.body, 'utf8'),
      };
    }),

    'GET /console/events/{eventId}/badges': consolePage(async (request) => {
      const who = await signedIn(request);
      const event = await eventOf(request, who);
      const rows = await attendeeRows(who.identity.tenantId, event.eventId, 'attending');
      const badges: Badge[] = rows.flatMap((row) =>
        attendeeNames(row).map((name) => ({ name, organisation: row.organisationName })),
      );
      return {
        kind: 'page',
        body: h(BadgesPage, {
          language: who.language,
          timeZone: who.timeZone,
          tenantName: who.tenant.name,
          event,
          badges,
        }),
      };
    }),
  },
  (status, message, language) => h(ErrorPage, { status, message, language }),
);
