import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import * as z from 'zod';
import {
  batchGet,
  type Contact,
  contactKey,
  contactsPage,
  organisations,
} from '../../shared/directory/store/contacts.js';
import { type Audience, audienceSchema, type CampaignSegment } from '../../shared/mail/campaign.js';
import { getSegment } from '../../shared/mail/store/segments.js';
import { previewInvitation, sendTestInvitation } from '../../shared/meetings/actions/invitation-preview.js';
import {
  messageAttendees,
  resendToNonResponders,
  sendInvitations,
} from '../../shared/meetings/actions/notify.js';
import { cancelEventSend, eventSendRows } from '../../shared/meetings/actions/sends.js';
import {
  MeetingCancelled,
  MeetingChanged,
  MeetingPublished,
  SeatsReleased,
} from '../../shared/meetings/events.js';
import { formatAgendaTime, formatEventWhen, formatPlace } from '../../shared/meetings/mails/format.js';
import {
  type EventCounters,
  type EventInput,
  eventInputSchema,
  type Invitation,
  type InvitationStatus,
  type Meeting,
  meetingUrlOf,
} from '../../shared/meetings/meeting.js';
import { answerText } from '../../shared/meetings/pages/question-answers.js';
import type { CustomQuestion } from '../../shared/meetings/questions.js';
import {
  createEvent,
  getCounters,
  getEvent,
  getInvitation,
  invitationsRange,
  listEvents,
  listInvitations,
  markAttended,
  moveOnWaitlist,
  NoSuchPersonError,
  NotOnWaitlistError,
  promoteByHand,
  promoteFromWaitlist,
  removeFromWaitlist,
  StaleVersionError,
  saveEvent,
  waitlist,
} from '../../shared/meetings/store.js';
import { meetingsTexts } from '../../shared/meetings/texts/console.js';
import { dayTexts } from '../../shared/meetings/texts/day.js';
import { type PendingEvent, pendingEvent } from '../../shared/platform/bus/outbox.js';
import { type CsvSeparator, csvDocument, csvFileName } from '../../shared/platform/csv/csv.js';
import { HttpError, notFound } from '../../shared/platform/http/errors.js';
import { jsonApi, staffRoute } from '../../shared/platform/http/json-api.js';
import { httpErrors, requestLogging, securityHeaders } from '../../shared/platform/http/middlewares.js';
import { idParam, parseJsonBody, rawBody, validate } from '../../shared/platform/http/request.js';
import type { StaffIdentity } from '../../shared/platform/identity/staff.js';
import { hasControlCharacters, isValidEmail } from '../../shared/platform/mail-kit/headers.js';
import { logger, metrics } from '../../shared/platform/observability/logger.js';
import { recordBulkExport } from '../../shared/platform/privacy/bulk-export.js';
import { decodeCursor, encodeCursor } from '../../shared/platform/table/cursor.js';
import { tenantPk } from '../../shared/platform/table/table.js';
import { getTenant } from '../../shared/platform/tenants/store.js';
import { type Language, languageSchema } from '../../shared/platform/texts/language.js';
import type { Localized } from '../../shared/platform/texts/table.js';
import { getProgramme } from '../../shared/programmes/store.js';

/*
 * Events, staff side: create and edit (with the mails a change to a published event sends),
 * publish, cancel, invite, follow the answers, mark who came, export the attendee list.
 * The functions below the routes are shared with the console pages (functions/meetings/pages.ts).
 */

// ---------------------------------------------------------------- the event's life

export type EventChange = {
  field: 'time' | 'place' | 'title' | 'agenda' | 'meeting';
  before: string;
  after: string;
};

const agendaText = (agenda: EventInput['agenda'], language: Language) =>
  agenda.length === 0
    ? '–'
    : agenda.map((item) => `${formatAgendaTime(item.time, language)} ${item.title}`).join('\n');

const sameInstant = (a: string, b: string) => Date.parse(a) === Date.parse(b);

/**
 * What attendees are told about, as they read it: times in the tenant's zone and the event's
 * language (the language the invitation was written in).
 */
export function describeChanges(before: Meeting, after: EventInput, timeZone: string): EventChange[] {
  const language = after.language;
  const changes: EventChange[] = [];
  if (!sameInstant(before.start, after.start) || !sameInstant(before.end, after.end)) {
    changes.push({
      field: 'time',
      before: formatEventWhen(before.start, before.end, language, timeZone),
      after: formatEventWhen(after.start, after.end, language, timeZone),
    });
  }
  if (
    before.place.name !== after.place.name ||
    (before.place.address ?? '') !== (after.place.address ?? '')
  ) {
    changes.push({ field: 'place', before: formatPlace(before.place), after: formatPlace(after.place) });
  }
  if (before.title !== after.title)
    changes.push({ field: 'title', before: before.title, after: after.title });
  const agendaKey = (agenda: EventInput['agenda']) => agenda.map((i) => `${i.time} ${i.title}`).join('\n');
  if (agendaKey(before.agenda) !== agendaKey(after.agenda)) {
    changes.push({
      field: 'agenda',
      before: agendaText(before.agenda, language),
      after: agendaText(after.agenda, language),
    });
  }
  // A new meeting link is news to those with a seat (their mail and calendar entry carry it).
  const linkBefore = meetingUrlOf(before);
  const linkAfter = meetingUrlOf(after);
  if (linkBefore !== linkAfter)
    changes.push({ field: 'meeting', before: linkBefore ?? '–', after: linkAfter ?? '–' });
  return changes;
}

/** Whether the reminders' times depend on something that changed. */
function remindersMoved(before: Meeting, after: EventInput): boolean {
  return (
    !sameInstant(before.start, after.start) ||
    !sameInstant(before.rsvpDeadline, after.rsvpDeadline) ||
    before.reminders.nonRespondersDaysBeforeDeadline !== after.reminders.nonRespondersDaysBeforeDeadline ||
    before.reminders.attendeesDayBefore !== after.reminders.attendeesDayBefore
  );
}

/** A 409; `text` is what a console page says of it, in the reader's language. */
const conflict = (message: string, field?: string, text?: Localized) =>
  new HttpError(409, message, field ? [{ field, message }] : [], text ? { text } : {});

async function tenantZone(tenantId: string): Promise<string> {
  return (await getTenant(tenantId))?.timeZone ?? 'Europe/Stockholm';
}

/** Saves `next`, guarded by the version it was made from; a concurrent change is a 409. */
async function save(next: Meeting, expectedVersion: number, events: PendingEvent[] = []): Promise<void> {
  try {
    await saveEvent(next, expectedVersion, events);
  } catch (error) {
    if (error instanceof StaleVersionError)
      throw conflict(
        'The event was changed by someone else. Reload it and try again.',
        'body.expectedVersion',
        (l) => meetingsTexts(l).form.staleVersion,
      );
    throw error;
  }
}

/**
 * Whether `programmeId` is not a programme of the tenant: unknown, or another tenant's (read
 * with the caller's tenant, so it is simply not found). No programme at all is fine.
 */
export async function foreignProgramme(tenantId: string, programmeId: string | undefined): Promise<boolean> {
  return programmeId !== undefined && !(await getProgramme(tenantId, programmeId));
}

/** The API's refusal of a programme that is not the tenant's own (the console words it on its form). */
async function requireOwnProgramme(tenantId: string, programmeId: string | undefined): Promise<void> {
  if (await foreignProgramme(tenantId, programmeId))
    throw new HttpError(422, 'Invalid body.programmeId', [
      { field: 'body.programmeId', message: 'No such programme' },
    ]);
}

const normalised = (input: EventInput): EventInput => ({
  ...input,
  start: new Date(input.start).toISOString(),
  end: new Date(input.end).toISOString(),
  rsvpDeadline: new Date(input.rsvpDeadline).toISOString(),
});

/**
 * Replaces an event. On a published event, a change to its time, place, title or agenda bumps
 * the calendar SEQUENCE and mails attendees and the waitlist; moved times move the reminders;
 * more capacity gives the new seats to the waitlist, first come first served.
 */
export async function updateEvent(
  identity: StaffIdentity,
  before: Meeting,
  rawInput: EventInput,
  expectedVersion: number,
): Promise<{ event: Meeting; changes: EventChange[]; promoted: string[] }> {
  if (before.status === 'cancelled')
    throw conflict(
      'A cancelled event cannot be changed.',
      undefined,
      (l) => meetingsTexts(l).form.cancelledNotEditable,
    );
  if (before.version !== expectedVersion)
    throw conflict(
      'The event was changed by someone else. Reload it and try again.',
      'body.expectedVersion',
      (l) => meetingsTexts(l).form.staleVersion,
    );
  const input = normalised(rawInput);
  const published = before.status === 'published';
  if (published && input.capacity < before.capacity) {
    const { attendingSeats } = await getCounters(before.tenantId, before.eventId);
    if (input.capacity < attendingSeats) {
      const message = `At least ${attendingSeats}: that many seats are taken`;
      throw new HttpError(422, 'Invalid body.capacity', [{ field: 'body.capacity', message }]);
    }
  }
  const timeZone = await tenantZone(before.tenantId);
  const changes = published ? describeChanges(before, input, timeZone) : [];
  const event: Meeting = {
    ...before,
    ...input,
    // Fields the input leaves out are cleared, not kept: it is a full replacement. (The form
    // leaves out an in-person event's format and link: an online event made in person again
    // kept both, and its seat holders the link.)
    programmeId: input.programmeId,
    format: input.format,
    meetingUrl: input.meetingUrl,
    customQuestions: input.customQuestions,
    // Unticked in the form (or left out of a PUT): open registration is off again.
    openRegistration: input.openRegistration,
    sequence: before.sequence + (changes.length > 0 ? 1 : 0),
    version: before.version + 1,
    updatedAt: new Date().toISOString(),
  };
  // Attendees are mailed, reminders and the end move, by reactions to MeetingChanged (outbox).
  const timesMoved = remindersMoved(before, input) || !sameInstant(before.end, input.end);
  const announce =
    published && (changes.length > 0 || timesMoved)
      ? [
          pendingEvent(MeetingChanged, {
            tenantId: event.tenantId,
            eventId: event.eventId,
            sequence: event.sequence,
            changes,
            timesMoved,
            actor: identity.staffId,
          }),
        ]
      : [];
  // More seats are released seats: announced with the change, so the waitlist gets them even if
  // this request ends before its own promotion below (both promote in order, each once).
  const released =
    published && event.capacity > before.capacity
      ? [
          pendingEvent(
            SeatsReleased,
            {
              tenantId: event.tenantId,
              eventId: event.eventId,
              seats: event.capacity - before.capacity,
              actor: identity.staffId,
            },
            `capacity-${event.eventId}-v${event.version}`,
          ),
        ]
      : [];
  // Who waits before the seats are released (read first: the reaction may promote at once).
  const waited = released.length > 0 ? await waitlist(event.tenantId, event.eventId, 100) : [];
  await save(event, expectedVersion, [...announce, ...released]);
  let promoted: string[] = [];
  if (published && event.capacity > before.capacity) {
    // At once, so staff see who got the new seats; each promotion announces itself (WaitlistPromoted).
    // The reaction to SeatsReleased may promote some first: who got a seat is read back from the
    // places that waited, whichever of the two gave it.
    await promoteFromWaitlist(event, identity.staffId);
    const now = await Promise.all(
      waited.map((w) => getInvitation(event.tenantId, event.eventId, w.contactId)),
    );
    promoted = waited.filter((_, i) => now[i]?.status === 'attending').map((w) => w.contactId);
  }
  return { event, changes, promoted };
}

/** draft → published; reminders and its end are scheduled by the reaction to MeetingPublished. Publishing again changes nothing. */
export async function publishEvent(identity: StaffIdentity, before: Meeting): Promise<Meeting> {
  if (before.status === 'published') return before;
  if (before.status === 'cancelled')
    throw conflict(
      'A cancelled event cannot be published.',
      undefined,
      (l) => meetingsTexts(l).refusals.cancelledNotPublishable,
    );
  const event: Meeting = {
    ...before,
    status: 'published',
    version: before.version + 1,
    updatedAt: new Date().toISOString(),
  };
  await save(event, before.version, [
    pendingEvent(MeetingPublished, {
      tenantId: event.tenantId,
      eventId: event.eventId,
      sequence: event.sequence,
      actor: identity.staffId,
    }),
  ]);
  return event;
}

/** → cancelled; a published event's attendees and waitlist are told (once). */
export async function cancelEvent(
  identity: StaffIdentity,
  before: Meeting,
  message: string | undefined,
): Promise<Meeting> {
  if (before.status === 'cancelled') return before;
  const event: Meeting = {
    ...before,
    status: 'cancelled',
    version: before.version + 1,
    updatedAt: new Date().toISOString(),
  };
  await save(event, before.version, [
    pendingEvent(MeetingCancelled, {
      tenantId: event.tenantId,
      eventId: event.eventId,
      wasPublished: before.status === 'published',
      message,
      actor: identity.staffId,
    }),
  ]);
  return event;
}

/** Audiences staff invite: everyone, by tag, by organisation type, or hand-picked contacts. */
export const inviteAudienceSchema = audienceSchema.refine((audience) => audience.kind !== 'event', {
  path: ['kind'],
  message: 'Invite all, by tags, by organisation types or hand-picked contacts',
});

export async function inviteToEvent(
  identity: StaffIdentity,
  event: Meeting,
  audience: Audience,
  options: { sendAt?: string; markdownIntro?: string; segment?: CampaignSegment },
): Promise<{ campaignId: string }> {
  if (event.status !== 'published')
    throw conflict(
      'Only a published event can be invited to. Publish it first.',
      undefined,
      (l) => meetingsTexts(l).refusals.notPublished,
    );
  if (options.sendAt && Date.parse(options.sendAt) > Date.parse(event.rsvpDeadline)) {
    const message = 'Must be before the reply deadline';
    throw new HttpError(422, 'Invalid body.sendAt', [{ field: 'body.sendAt', message }], {
      text: (l) => meetingsTexts(l).invite.errors.sendAtAfterDeadline,
    });
  }
  return sendInvitations(event, audience, {
    actor: identity.staffId,
    sendAt: options.sendAt ? new Date(options.sendAt).toISOString() : undefined,
    markdownIntro: options.markdownIntro?.trim() || undefined,
    segment: options.segment,
  });
}

/**
 * A saved segment's definition, as it is now (the send copies it), or a 422 naming the field:
 * another tenant's segment is as unknown as a made-up id.
 */
export async function segmentAudience(
  tenantId: string,
  segmentId: string,
  field = 'body.segmentId',
): Promise<{ audience: Audience; segment: CampaignSegment }> {
  const segment = await getSegment(tenantId, segmentId);
  if (!segment)
    throw new HttpError(422, `Invalid ${field}`, [{ field, message: 'No such segment' }], {
      text: (l) => meetingsTexts(l).invite.errors.segmentMissing,
    });
  return { audience: segment.audience, segment: { segmentId: segment.segmentId, name: segment.name } };
}

// ---------------------------------------------------------------- audience and invitations

/** How many contacts an audience selects (what the expander will go through), and how many of them unsubscribed. */
const FIRST_NAMED = 5;

export async function countAudience(
  tenantId: string,
  audience: Audience,
): Promise<{ count: number; unsubscribed: number; first: string[] }> {
  // The first few who will get it, by name, so staff can tell the selection is the one they meant.
  const firstOf = (contacts: Contact[]) =>
    contacts
      .filter((c) => !c.unsubscribed)
      .slice(0, FIRST_NAMED)
      .map((c) => c.name);
  if (audience.kind === 'contacts') {
    const ids = [...new Set(audience.contactIds)];
    const found = (await batchGet(ids.map((id) => contactKey(tenantId, id)))) as unknown as Contact[];
    return {
      count: found.length,
      unsubscribed: found.filter((c) => c.unsubscribed).length,
      first: firstOf(found),
    };
  }
  if (audience.kind === 'event') {
    const counters = await getCounters(tenantId, audience.eventId);
    const count = audience.statuses.reduce((sum, status) => sum + statusCount(counters, status), 0);
    return { count, unsubscribed: 0, first: [] };
  }
  const orgs = audience.kind === 'all' ? undefined : await organisations(tenantId);
  let count = 0;
  let unsubscribed = 0;
  const first: string[] = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await contactsPage(tenantId, cursor, 500);
    for (const contact of page.items) {
      if (!selects(audience, contact, orgs)) continue;
      count += 1;
      if (contact.unsubscribed) unsubscribed += 1;
      else if (first.length < FIRST_NAMED) first.push(contact.name);
    }
    cursor = page.cursor;
  } while (cursor);
  return { count, unsubscribed, first };
}

/** The same selection as the campaign expander's: tags of the contact or its organisation; types of the organisation. */
function selects(
  audience: Audience,
  contact: Contact,
  orgs: Map<string, { organisationType: string; tags?: string[] }> | undefined,
): boolean {
  if (audience.kind === 'all') return true;
  const org = contact.organisationId ? orgs?.get(contact.organisationId) : undefined;
  if (audience.kind === 'organisation-types')
    return org !== undefined && audience.types.includes(org.organisationType);
  if (audience.kind === 'tags') {
    const tags = new Set([...(contact.tags ?? []), ...(org?.tags ?? [])]);
    return audience.tags.some((tag) => tags.has(tag));
  }
  return false;
}

/** Invitations in a state, from the counters: "no answer" is what is left of the invited. */
export function statusCount(counters: EventCounters, status: InvitationStatus): number {
  if (status === 'attending') return counters.attending;
  if (status === 'declined') return counters.declined;
  if (status === 'waitlisted') return counters.waitlisted;
  return noAnswer(counters);
}

export const noAnswer = (c: EventCounters) =>
  Math.max(0, c.invited - c.attending - c.declined - c.waitlisted);

/** An invitation with who it is: the contact's name and address, the organisation's name. */
export interface InvitationRow extends Invitation {
  contactName: string;
  email: string;
  organisationName: string;
}

/** Joins invitations with their contacts and organisations: two batch reads, whatever the page size. */
export async function joinInvitations(tenantId: string, invitations: Invitation[]): Promise<InvitationRow[]> {
  if (invitations.length === 0) return [];
  const contactIds = [...new Set(invitations.map((i) => i.contactId))];
  const orgIds = [...new Set(invitations.map((i) => i.organisationId))];
  const [contacts, orgs] = await Promise.all([
    batchGet(contactIds.map((id) => contactKey(tenantId, id))),
    batchGet(orgIds.map((id) => ({ pk: tenantPk(tenantId), sk: `ORG#${id}` }))),
  ]);
  const contactById = new Map(contacts.map((c) => [String(c.contactId), c]));
  const orgById = new Map(orgs.map((o) => [String(o.organisationId), o]));
  return invitations.map((invitation) => {
    const contact = contactById.get(invitation.contactId);
    return {
      ...invitation,
      contactName: typeof contact?.name === 'string' ? contact.name : '',
      email: typeof contact?.email === 'string' ? contact.email : '',
      // One who registered on the public page has no organisation in the directory: the one they typed.
      organisationName: String(
        orgById.get(invitation.organisationId)?.name ?? invitation.registered?.organisation ?? '',
      ),
    };
  });
}

/** One page of invitations with names joined, for the staff view and the API. */
export async function invitationsPage(
  tenantId: string,
  eventId: string,
  options: { cursor?: string; limit?: number } = {},
): Promise<{ items: InvitationRow[]; cursor?: string }> {
  const page = await listInvitations(tenantId, eventId, {
    cursor: decodeCursor(options.cursor, invitationsRange(tenantId, eventId)),
    limit: options.limit ?? 50,
  });
  return { items: await joinInvitations(tenantId, page.items), cursor: encodeCursor(page.cursor) };
}

// ---------------------------------------------------------------- the waitlist by hand

export const waitlistActions = ['promote', 'up', 'down', 'remove'] as const;
export type WaitlistAction = (typeof waitlistActions)[number];
export type WaitlistResult = 'promoted' | 'moved' | 'removed' | 'unchanged';

/** The first places of the waitlist in order, with who they are (place = order, see the store). */
export async function waitlistRows(tenantId: string, eventId: string, limit = 50) {
  const places = await waitlist(tenantId, eventId, limit);
  const invitations = (
    await Promise.all(places.map((p) => getInvitation(tenantId, eventId, p.contactId)))
  ).filter((i): i is Invitation => i?.status === 'waitlisted');
  return joinInvitations(tenantId, invitations);
}

/**
 * Staff's hand on one waitlist place: promote (a seat if there is room: refused, naming the free
 * seats, when full), move up or down, remove (a decline recorded as staff's, the contact told).
 * Repeating an action that already took effect changes nothing (`unchanged`); a contact without
 * an invitation to this event is not found.
 */
export async function actOnWaitlist(
  identity: StaffIdentity,
  event: Meeting,
  contactId: string,
  action: WaitlistAction,
): Promise<WaitlistResult> {
  if (event.status !== 'published')
    throw conflict(
      'Only a published event has a waiting list.',
      undefined,
      (l) => dayTexts(l).refusals.notPublished,
    );
  if (!(await getInvitation(event.tenantId, event.eventId, contactId))) throw notFound();
  try {
    if (action === 'up' || action === 'down')
      return (await moveOnWaitlist(event, contactId, action, identity.staffId)) ? 'moved' : 'unchanged';
    if (action === 'remove') {
      await removeFromWaitlist(event, contactId, identity.staffId);
      return 'removed';
    }
    const outcome = await promoteByHand(event, contactId, identity.staffId);
    if (outcome.result === 'attending') return 'promoted';
    if (outcome.result === 'org-limit')
      throw conflict(
        `The organisation holds as many seats as it may (${outcome.available} left)`,
        'body.contactId',
        (l) => dayTexts(l).refusals.orgLimit(outcome.available),
      );
    const invitation = await getInvitation(event.tenantId, event.eventId, contactId);
    const { attendingSeats } = await getCounters(event.tenantId, event.eventId);
    const free = Math.max(0, event.capacity - attendingSeats);
    const wanted = Math.max(1, invitation?.seats ?? 1);
    throw conflict(
      `The event is full: ${free} seats free, ${wanted} needed. Raise the capacity to give more seats.`,
      'body.contactId',
      (l) => dayTexts(l).refusals.full(free, wanted),
    );
  } catch (error) {
    if (error instanceof NotOnWaitlistError) return 'unchanged';
    throw error;
  }
}

// ---------------------------------------------------------------- the attendee list (CSV)

export const exportStatuses = ['attending', 'waitlisted', 'all'] as const;
export type ExportStatus = (typeof exportStatuses)[number];

const statusOrder: Record<InvitationStatus, number> = {
  attending: 0,
  waitlisted: 1,
  declined: 2,
  invited: 3,
};

/** Every invitation in the wanted states, joined and sorted: attending first, then by organisation and name. */
export async function attendeeRows(
  tenantId: string,
  eventId: string,
  which: ExportStatus | 'attending-and-waitlisted' = 'attending-and-waitlisted',
): Promise<InvitationRow[]> {
  const wanted = (status: InvitationStatus) =>
    which === 'all' ||
    status === which ||
    (which === 'attending-and-waitlisted' && (status === 'attending' || status === 'waitlisted'));
  const invitations: Invitation[] = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await listInvitations(tenantId, eventId, { cursor, limit: 200 });
    invitations.push(...page.items.filter((i) => wanted(i.status)));
    cursor = page.cursor;
  } while (cursor);
  const rows = await joinInvitations(tenantId, invitations);
  const collator = new Intl.Collator('sv');
  return rows.sort(
    (a, b) =>
      statusOrder[a.status] - statusOrder[b.status] ||
      collator.compare(a.organisationName || a.contactName, b.organisationName || b.contactName) ||
      collator.compare(a.contactName, b.contactName),
  );
}

/** The names on an answer, or the contact's own when the answer gave none. */
export const attendeeNames = (row: Pick<InvitationRow, 'names' | 'contactName'>) =>
  row.names.filter((n) => n.trim() !== '').length > 0
    ? row.names.filter((n) => n.trim() !== '')
    : [row.contactName];

/** The attendee list as CSV in the language: headers, one row per answer. */
export function attendeeCsv(
  rows: InvitationRow[],
  language: Language,
  separator: CsvSeparator,
  /** The event's custom questions: one column each, after the fixed ones. */
  questions: readonly CustomQuestion[] = [],
): string {
  const m = meetingsTexts(language);
  const c = m.columns;
  const header = [
    c.organisation,
    c.contact,
    c.email,
    c.names,
    c.seats,
    c.dietary,
    c.accessibility,
    c.note,
    c.status,
    c.attended,
    ...questions.map((q) => q.label),
  ];
  const body = rows.map((row) => [
    row.organisationName,
    row.contactName,
    row.email,
    attendeeNames(row).join(', '),
    row.seats,
    [...row.dietary.map((d) => m.dietary[d] ?? d), ...(row.dietaryOther ? [row.dietaryOther] : [])].join(
      ', ',
    ),
    row.accessibility ?? '',
    row.note ?? '',
    m.invitationStatuses[row.status] ?? row.status,
    row.attended ? m.yes : '',
    ...questions.map((q) => answerText(q, row.answers?.[q.id])),
  ]);
  return csvDocument([header, ...body], separator);
}

export const csvQuery = z
  .object({
    sep: z.enum(['comma', 'semicolon']).default('comma'),
    status: z.enum(exportStatuses).optional(),
    lang: languageSchema.optional(),
  })
  .strict();

/** The attendee list of an event as a file: its name and the CSV text. */
export async function attendeeCsvFile(
  tenantId: string,
  eventId: string,
  query: z.infer<typeof csvQuery>,
  actor: string,
  fallbackLanguage?: Language,
): Promise<{ fileName: string; body: string }> {
  const [event, tenant] = await Promise.all([getEvent(tenantId, eventId), getTenant(tenantId)]);
  if (!event) throw notFound();
  const rows = await attendeeRows(tenantId, eventId, query.status);
  // Many people's answers leave the system: the audit log records who took them, and how many.
  await recordBulkExport({ tenantId, kind: 'event-answers', subjectId: eventId, count: rows.length, actor });
  const language = query.lang ?? fallbackLanguage ?? tenant?.language ?? event.language;
  return {
    // The two downloads side by side in a Downloads folder: told apart by name.
    fileName:
      query.sep === 'semicolon'
        ? csvFileName(event.title).replace(/\.csv$/, '-semikolon.csv')
        : csvFileName(event.title),
    body: attendeeCsv(rows, language, query.sep === 'semicolon' ? ';' : ',', event.customQuestions),
  };
}

/**
 * A stack like `jsonApi`'s for a route whose answer is not JSON (the CSV download): the same
 * logging, metrics, security headers and error rendering.
 */
function rawRoute(
  run: (event: APIGatewayProxyEventV2) => Promise<APIGatewayProxyStructuredResultV2>,
  renderError: (
    status: number,
    message: string,
    details: HttpError['details'],
    requestId: string,
    event: APIGatewayProxyEventV2,
  ) => APIGatewayProxyStructuredResultV2,
) {
  return middy<APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .use(logMetrics(metrics))
    .use(requestLogging())
    .use(securityHeaders({ 'content-security-policy': "default-src 'none'; frame-ancestors 'none'" }))
    .use(httpErrors(renderError))
    .handler(run);
}

// ---------------------------------------------------------------- routes

const eventPath = z.object({ eventId: idParam });
const mailIntroBody = z
  .object({ markdownIntro: z.string().max(20_000).optional(), language: languageSchema.optional() })
  .strict();
const eventUpdateSchema = eventInputSchema.safeExtend({ expectedVersion: z.number().int().min(1) });
const invitationsQuery = z
  .object({
    cursor: z.string().max(2000).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
const cancelBody = z.object({ message: z.string().trim().max(5000).optional() }).strict();
const inviteBody = z
  .object({
    // Either an audience built for this send, or a saved segment (its definition copied now).
    audience: inviteAudienceSchema.optional(),
    segmentId: idParam.optional(),
    sendAt: z.iso.datetime({ offset: true }).optional(),
    markdownIntro: z.string().max(5000, 'At most 5000 characters').optional(),
  })
  .strict()
  .refine((body) => (body.audience === undefined) !== (body.segmentId === undefined), {
    path: ['audience'],
    message: 'Give either an audience or a segmentId',
  });
const sendPath = z.object({ eventId: idParam, campaignId: idParam });
/** A mail subject: one line (CR/LF would reach a header). */
const subjectField = z
  .string()
  .trim()
  .min(1, 'Required')
  .max(200, 'At most 200 characters')
  .refine((value) => !hasControlCharacters(value), 'Must be one line');
export const attendeeMessageBody = z
  .object({
    subject: subjectField,
    markdownBody: z.string().trim().min(1, 'Required').max(20_000, 'At most 20000 characters'),
  })
  .strict();
const attendanceBody = z
  .object({
    contactId: idParam,
    attended: z.boolean(),
    /** One person of the answer (0-based, in the order of its names); the whole answer when absent. */
    person: z.number().int().min(0).max(99).optional(),
  })
  .strict();
const previewBody = z.object({ audience: audienceSchema }).strict();
const waitlistBody = z.object({ contactId: idParam, action: z.enum(waitlistActions) }).strict();

function requirePublished(event: Meeting) {
  if (event.status !== 'published')
    throw conflict(
      'Only a published event can be mailed.',
      undefined,
      (l) => meetingsTexts(l).refusals.notPublished,
    );
}

async function eventOr404(tenantId: string, eventId: string): Promise<Meeting> {
  const event = await getEvent(tenantId, eventId);
  if (!event) throw notFound();
  return event;
}

const EXPORT_ROUTE = 'GET /api/events/{eventId}/export.csv';

const json = jsonApi({
  'GET /api/events': staffRoute({}, async ({ identity }) => ({
    body: { items: await listEvents(identity.tenantId) },
  })),

  'POST /api/events': staffRoute({ body: eventInputSchema }, async ({ identity, body }) => {
    await requireOwnProgramme(identity.tenantId, body.programmeId);
    const event = await createEvent(identity.tenantId, body);
    return { status: 201, body: event, headers: { location: `/api/events/${event.eventId}` } };
  }),

  'GET /api/events/{eventId}': staffRoute({ path: eventPath }, async ({ identity, path }) => {
    const [event, counters] = await Promise.all([
      eventOr404(identity.tenantId, path.eventId),
      getCounters(identity.tenantId, path.eventId),
    ]);
    return { body: { ...event, counters: { ...counters, noAnswer: noAnswer(counters) } } };
  }),

  'PUT /api/events/{eventId}': staffRoute(
    { path: eventPath, body: eventUpdateSchema },
    async ({ identity, path, body }) => {
      const before = await eventOr404(identity.tenantId, path.eventId);
      const { expectedVersion, ...input } = body;
      await requireOwnProgramme(identity.tenantId, input.programmeId);
      const { event, changes, promoted } = await updateEvent(identity, before, input, expectedVersion);
      return { body: { ...event, notified: changes.map((c) => c.field), promoted } };
    },
  ),

  'POST /api/events/{eventId}/publish': staffRoute({ path: eventPath }, async ({ identity, path }) => ({
    body: await publishEvent(identity, await eventOr404(identity.tenantId, path.eventId)),
  })),

  'POST /api/events/{eventId}/cancel': staffRoute({ path: eventPath }, async ({ identity, path, event }) => {
    // The body is optional: `{}`, `{ "message": "…" }` or nothing at all.
    const body = rawBody(event).trim() === '' ? {} : validate('body', cancelBody, parseJsonBody(event));
    const before = await eventOr404(identity.tenantId, path.eventId);
    return { body: await cancelEvent(identity, before, body.message) };
  }),

  'POST /api/events/{eventId}/invitations': staffRoute(
    { path: eventPath, body: inviteBody },
    async ({ identity, path, body }) => {
      const event = await eventOr404(identity.tenantId, path.eventId);
      const chosen = body.segmentId
        ? await segmentAudience(identity.tenantId, body.segmentId)
        : { audience: body.audience as Audience, segment: undefined };
      const result = await inviteToEvent(identity, event, chosen.audience, {
        ...body,
        segment: chosen.segment,
      });
      return { status: 202, body: result };
    },
  ),

  'GET /api/events/{eventId}/invitations': staffRoute(
    { path: eventPath, query: invitationsQuery },
    async ({ identity, path, query }) => {
      await eventOr404(identity.tenantId, path.eventId);
      return { body: await invitationsPage(identity.tenantId, path.eventId, query) };
    },
  ),

  'POST /api/events/{eventId}/attendance': staffRoute(
    { path: eventPath, body: attendanceBody },
    async ({ identity, path, body }) => {
      await eventOr404(identity.tenantId, path.eventId);
      const changed = await markAttended(
        identity.tenantId,
        path.eventId,
        body.contactId,
        body.attended,
        body.person,
      ).catch((error: unknown) => {
        if (!(error instanceof NoSuchPersonError)) throw error;
        throw new HttpError(422, 'Invalid body.person', [
          { field: 'body.person', message: 'The answer holds no such person' },
        ]);
      });
      // Unchanged: already so, or no such invitation (a 404, as for any unknown id).
      if (!changed && !(await getInvitation(identity.tenantId, path.eventId, body.contactId)))
        throw notFound();
      return { body: { contactId: body.contactId, person: body.person, attended: body.attended, changed } };
    },
  ),

  /** Staff's hand on the waitlist: promote, move up or down, remove (see `actOnWaitlist`). */
  'POST /api/events/{eventId}/waitlist': staffRoute(
    { path: eventPath, body: waitlistBody },
    async ({ identity, path, body }) => {
      const event = await eventOr404(identity.tenantId, path.eventId);
      const result = await actOnWaitlist(identity, event, body.contactId, body.action);
      return { body: { contactId: body.contactId, action: body.action, result } };
    },
  ),

  'POST /api/events/{eventId}/audience-preview': staffRoute(
    { path: eventPath, body: previewBody, role: 'viewer' },
    async ({ identity, path, body }) => {
      await eventOr404(identity.tenantId, path.eventId);
      return { body: await countAudience(identity.tenantId, body.audience) };
    },
  ),

  /** The event's sends with their progress (queued / sent / delivered / bounced / failed). */
  'GET /api/events/{eventId}/sends': staffRoute(
    { path: eventPath, role: 'viewer' },
    async ({ identity, path }) => {
      const event = await eventOr404(identity.tenantId, path.eventId);
      return { body: { items: await eventSendRows(event) } };
    },
  ),

  /** Calls off a scheduled send; 409 once it has begun. */
  'POST /api/events/{eventId}/sends/{campaignId}/cancel': staffRoute(
    { path: sendPath },
    async ({ identity, path }) => {
      const event = await eventOr404(identity.tenantId, path.eventId);
      const result = await cancelEventSend(event, path.campaignId, identity.staffId);
      if (result === 'not-found') throw notFound();
      if (result === 'started')
        throw new HttpError(409, 'The send has already begun and cannot be cancelled', []);
      return { body: { campaignId: path.campaignId, state: 'cancelled' } };
    },
  ),

  /** The invitation again, as a reminder, to those who have not answered. */
  'POST /api/events/{eventId}/non-responders': staffRoute({ path: eventPath }, async ({ identity, path }) => {
    const event = await eventOr404(identity.tenantId, path.eventId);
    requirePublished(event);
    return { status: 202, body: await resendToNonResponders(event, identity.staffId) };
  }),

  /** Staff's message (practical information) to those with a seat. */
  'POST /api/events/{eventId}/attendee-message': staffRoute(
    { path: eventPath, body: attendeeMessageBody },
    async ({ identity, path, body }) => {
      const event = await eventOr404(identity.tenantId, path.eventId);
      requirePublished(event);
      return { status: 202, body: await messageAttendees(event, body, identity.staffId) };
    },
  ),

  /** The invitation as it will read in each language (placeholder links). */
  'POST /api/events/{eventId}/invitations/preview': staffRoute(
    { path: eventPath, body: mailIntroBody, role: 'viewer' },
    async ({ identity, path, body }) => {
      const event = await eventOr404(identity.tenantId, path.eventId);
      return { body: { previews: await previewInvitation(event, body.markdownIntro) } };
    },
  ),

  /** The invitation to the signed-in staff member's own address, marked [TEST]. */
  'POST /api/events/{eventId}/invitations/test': staffRoute(
    { path: eventPath, body: mailIntroBody },
    async ({ identity, path, body }) => {
      const event = await eventOr404(identity.tenantId, path.eventId);
      if (!identity.email || !isValidEmail(identity.email)) {
        throw new HttpError(422, 'Your account has no email address to send the test to', [
          { field: 'token.email', message: 'Missing' },
        ]);
      }
      const tenant = await getTenant(identity.tenantId);
      const messageId = await sendTestInvitation(
        event,
        { name: identity.name, email: identity.email, language: body.language ?? tenant?.language ?? 'sv' },
        body.markdownIntro,
      );
      return { status: 202, body: { sentTo: identity.email, messageId } };
    },
  ),
});

const csv = rawRoute(
  staffRaw(async ({ identity, path, query }) => {
    const file = await attendeeCsvFile(identity.tenantId, path.eventId, query, identity.staffId);
    return {
      statusCode: 200,
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="${file.fileName}"`,
        'cache-control': 'no-store',
      },
      body: file.body,
    };
  }),
  (status, message, details, requestId) => ({
    statusCode: status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
    body: JSON.stringify({ error: message, details, requestId }),
  }),
);

/** `staffRoute`'s checks (identity, role, path and query) for the CSV route. */
function staffRaw(
  run: (request: {
    identity: StaffIdentity;
    path: z.infer<typeof eventPath>;
    query: z.infer<typeof csvQuery>;
  }) => Promise<APIGatewayProxyStructuredResultV2>,
) {
  const route = staffRoute({ path: eventPath, query: csvQuery }, async (request) => ({
    body: await run(request),
  }));
  return async (event: APIGatewayProxyEventV2) =>
    (await route(event)).body as APIGatewayProxyStructuredResultV2;
}

type Handler = ((
  event: APIGatewayProxyEventV2,
  context: Context,
) => Promise<APIGatewayProxyStructuredResultV2>) & {
  routeKeys: string[];
};

export const handler: Handler = Object.assign(
  (event: APIGatewayProxyEventV2, context: Context) =>
    event.routeKey === EXPORT_ROUTE ? csv(event, context) : json(event, context),
  { routeKeys: [...json.routeKeys, EXPORT_ROUTE] },
);
