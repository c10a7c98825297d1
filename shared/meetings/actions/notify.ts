import { randomUUID } from 'node:crypto';
import { feedbackLinksForEvent } from '../../feedback/index.js';
import type { Audience, CampaignSegment } from '../../mail/index.js';
import { createAndSend, idFromKey, queueMail } from '../../mail/index.js';
import { upsertSchedule } from '../../platform/schedules/store.js';
import { getTenant, type Tenant } from '../../platform/tenants/store.js';
import { MeetingReminderDue } from '../events.js';
import { type EventChangeField, meetingMessages } from '../mails/content.js';
import { type Invitation, type Meeting, mapUrl, meetingUrlOf } from '../meeting.js';
import { checkInPath } from '../pages/check-in-qr.js';
import type { RsvpOutcome } from '../store.js';
import { type EventSendPurpose, getCounters, getInvitation, recordEventSend } from '../store.js';

/**
 * The mails an event sends, all through the mail pipeline. Every one carries `eventId`, from
 * which the sender signs each recipient's own RSVP link, and event mails that change the
 * recipient's calendar carry the calendar entry's stable UID and SEQUENCE.
 */
export async function tenantOf(event: Meeting): Promise<Tenant> {
  const tenant = await getTenant(event.tenantId);
  if (!tenant) throw new Error(`Tenant ${event.tenantId} has no profile`);
  return tenant;
}

/** The calendar entry's UID: the same for the invitation, every update and the cancellation. */
export const calendarUid = (event: Pick<Meeting, 'eventId'>) => `${event.eventId}@samverkan`;

export function eventMailData(event: Meeting, tenant: Tenant) {
  return {
    eventId: event.eventId,
    event: {
      kind: event.kind,
      title: event.title,
      start: event.start,
      end: event.end,
      place: event.place,
      agenda: event.agenda,
      rsvpDeadline: event.rsvpDeadline,
    },
    timeZone: tenant.timeZone,
    organiserName: tenant.name,
  };
}

/** The invitation's data: the event, staff's intro and the event's description. */
export const invitationData = (event: Meeting, tenant: Tenant, markdownIntro: string | undefined) => ({
  ...eventMailData(event, tenant),
  markdownIntro,
  description: event.description === '' ? undefined : event.description,
  mapUrl: mapUrl(event),
});

/**
 * Who holds a calendar entry: only those with a seat (as on Luma and Eventbrite, a waitlist
 * place is not a booking). They get REQUEST when they get the seat and with every change
 * (SEQUENCE from the event, one more per change); a CANCEL when they give it up or the event is
 * cancelled. The waitlist is told of changes in words, without an entry.
 */
const calendarInvite = (event: Meeting, method: 'REQUEST' | 'CANCEL') => ({
  calendarInvite: { uid: calendarUid(event), sequence: calendarSequence(event, method), method },
});

/** The event's cancellation is a newer version of the entry than its last change (RFC 5546). */
export const calendarSequence = (
  event: Pick<Meeting, 'sequence' | 'status'>,
  method: 'REQUEST' | 'CANCEL',
) => (method === 'CANCEL' && event.status === 'cancelled' ? event.sequence + 1 : event.sequence);

/**
 * Whether a decline removes a calendar entry: a seat was given up, or the contact waited through
 * a change of the event, when (before issue 12) the change mail to the waitlist carried an entry.
 * A CANCEL for an entry a calendar does not hold is ignored (calendars match on the UID).
 */
const declineRemovesEntry = (
  event: Meeting,
  releasedSeats: number,
  previousStatus: Invitation['status'] | undefined,
) => releasedSeats > 0 || (previousStatus === 'waitlisted' && event.sequence > 0);

export async function sendInvitations(
  event: Meeting,
  audience: Audience,
  options: {
    actor: string;
    sendAt?: string;
    markdownIntro?: string;
    forwardedBy?: string;
    /** The saved segment `audience` was taken from, noted on the campaign. */
    segment?: CampaignSegment;
  },
): Promise<{ campaignId: string }> {
  const tenant = await tenantOf(event);
  const campaignId = randomUUID();
  // A colleague's single invitation is not one of the event's sends staff follow.
  if (!options.forwardedBy) await noteSend(event, campaignId, 'invitation', options.actor, options.sendAt);
  const campaign = await createAndSend({
    campaignId,
    tenantId: event.tenantId,
    name: `Inbjudan: ${event.title}`,
    kind: 'invitation',
    content: {
      ...invitationData(event, tenant, options.markdownIntro),
      forwardedBy: options.forwardedBy,
      // Each invitee's own link to the event's open feedback form, signed at send time.
      personalLinks: await feedbackLinksForEvent(event),
    },
    audience,
    ...(options.segment ? { segment: options.segment } : {}),
    bulk: meetingMessages.invitation.bulk,
    createdBy: options.actor,
    actor: options.actor,
    sendAt: options.sendAt,
  });
  return { campaignId: campaign.campaignId };
}

async function noteSend(
  event: Meeting,
  campaignId: string,
  purpose: EventSendPurpose,
  actor: string,
  sendAt?: string,
) {
  const later = sendAt !== undefined && Date.parse(sendAt) > Date.now();
  await recordEventSend(event.tenantId, event.eventId, {
    campaignId,
    purpose,
    createdAt: new Date().toISOString(),
    createdBy: actor,
    ...(later ? { sendAt: new Date(sendAt).toISOString() } : {}),
  });
}

/** The invitation again, as a reminder, to those invited who have not answered (staff's "resend"). */
export async function resendToNonResponders(event: Meeting, actor: string): Promise<{ campaignId: string }> {
  const tenant = await tenantOf(event);
  const campaignId = randomUUID();
  await noteSend(event, campaignId, 'non-responders', actor);
  await createAndSend({
    campaignId,
    tenantId: event.tenantId,
    name: `Påminnelse: ${event.title}`,
    kind: 'invitation-reminder',
    content: { ...eventMailData(event, tenant), personalLinks: await feedbackLinksForEvent(event) },
    audience: { kind: 'event', eventId: event.eventId, statuses: ['invited'] },
    bulk: meetingMessages['invitation-reminder'].bulk,
    createdBy: actor,
    actor,
  });
  return { campaignId };
}

/** Staff's own message to those with a seat (practical information), as an announcement. */
export async function messageAttendees(
  event: Meeting,
  message: { subject: string; markdownBody: string },
  actor: string,
): Promise<{ campaignId: string }> {
  const campaignId = randomUUID();
  await noteSend(event, campaignId, 'attendees-message', actor);
  await createAndSend({
    campaignId,
    tenantId: event.tenantId,
    name: `Till deltagarna: ${event.title}`,
    kind: 'announcement',
    content: message,
    audience: { kind: 'event', eventId: event.eventId, statuses: ['attending'] },
    bulk: true,
    createdBy: actor,
    actor,
  });
  return { campaignId };
}

/** The answer as the recipient should read it, with the calendar entry when they attend. */
export async function confirmAnswer(
  event: Meeting,
  invitation: Invitation,
  outcome: RsvpOutcome,
  actor: string,
  knownTenant?: Tenant,
  previousStatus?: Invitation['status'],
  /** Staff took the contact off the waitlist: told so, not thanked for a decline. */
  removedFromWaitlist?: boolean,
) {
  if (outcome.result === 'org-limit') return;
  const tenant = knownTenant ?? (await tenantOf(event));
  const answer =
    outcome.result === 'attending'
      ? { status: 'attending', seats: outcome.seats }
      : outcome.result === 'waitlisted'
        ? { status: 'waitlisted', seats: Math.max(1, invitation.seats), position: outcome.position }
        : { status: 'declined', ...(removedFromWaitlist ? { removedFromWaitlist: true } : {}) };
  await queueMail({
    tenantId: event.tenantId,
    contactId: invitation.contactId,
    message: meetingMessages['rsvp-confirmation'],
    key: `rsvp-confirmation:${event.eventId}:${invitation.contactId}:${invitation.version}`,
    name: `Bekräftelse: ${event.title}`,
    actor,
    data: {
      ...eventMailData(event, tenant),
      answer,
      names: invitation.names,
      dietary: invitation.dietary,
      dietaryOther: invitation.dietaryOther,
      accessibility: invitation.accessibility,
      note: invitation.note,
      mapUrl: outcome.result === 'declined' ? undefined : mapUrl(event),
      // An attendee gets the calendar entry, the meeting link and their check-in as a QR code in
      // the mail; a decline that may leave an entry behind removes it.
      ...(outcome.result === 'attending'
        ? {
            ...calendarInvite(event, 'REQUEST'),
            meetingUrl: meetingUrlOf(event),
            checkInPath: checkInPath(event.eventId, invitation.contactId),
          }
        : {}),
      ...(outcome.result === 'declined' && declineRemovesEntry(event, outcome.releasedSeats, previousStatus)
        ? calendarInvite(event, 'CANCEL')
        : {}),
    },
  });
}

export async function notifyPromoted(event: Meeting, contactIds: string[], actor: string) {
  const tenant = await tenantOf(event);
  for (const contactId of contactIds) {
    const invitation = await getInvitation(event.tenantId, event.eventId, contactId);
    if (invitation?.status !== 'attending') continue;
    await queueMail({
      tenantId: event.tenantId,
      contactId,
      message: meetingMessages['waitlist-promoted'],
      key: `waitlist-promoted:${event.eventId}:${contactId}:${invitation.version}`,
      name: `Plats: ${event.title}`,
      actor,
      data: {
        ...eventMailData(event, tenant),
        seats: invitation.seats,
        meetingUrl: meetingUrlOf(event),
        ...calendarInvite(event, 'REQUEST'),
      },
    });
  }
}

/**
 * What changed, to those with a seat (with the updated calendar entry) and, in a campaign of its
 * own, to the waitlist (without one: they have no seat to put in a calendar).
 */
export async function notifyEventChanged(
  event: Meeting,
  changes: { field: EventChangeField; before: string; after: string }[],
  actor: string,
): Promise<void> {
  if (changes.length === 0) return;
  const tenant = await tenantOf(event);
  const counters = await getCounters(event.tenantId, event.eventId);
  if (counters.attending > 0)
    await sendEventCampaign(event, {
      kind: 'event-updated',
      key: `event-updated:${event.eventId}:${event.sequence}`,
      name: `Ändrat: ${event.title}`,
      data: {
        ...eventMailData(event, tenant),
        changes,
        meetingUrl: meetingUrlOf(event),
        ...calendarInvite(event, 'REQUEST'),
      },
      statuses: ['attending'],
      actor,
    });
  // The waitlist has no seat: not told the meeting link, nor that it changed.
  const waitlistChanges = changes.filter((c) => c.field !== 'meeting');
  if (counters.waitlisted > 0 && waitlistChanges.length > 0)
    await sendEventCampaign(event, {
      kind: 'event-updated',
      key: `event-updated-waitlist:${event.eventId}:${event.sequence}`,
      name: `Ändrat (väntelistan): ${event.title}`,
      data: { ...eventMailData(event, tenant), changes: waitlistChanges, waitlisted: true },
      statuses: ['waitlisted'],
      actor,
    });
}

export async function notifyEventCancelled(
  event: Meeting,
  message: string | undefined,
  actor: string,
): Promise<void> {
  const tenant = await tenantOf(event);
  await sendEventCampaign(event, {
    kind: 'event-cancelled',
    key: `event-cancelled:${event.eventId}`,
    name: `Inställt: ${event.title}`,
    // The waitlist too: before issue 12 a change mail gave them an entry, and the event is off.
    data: { ...eventMailData(event, tenant), markdownMessage: message, ...calendarInvite(event, 'CANCEL') },
    statuses: ['attending', 'waitlisted'],
    actor,
  });
}

async function sendEventCampaign(
  event: Meeting,
  input: {
    kind: 'event-updated' | 'event-cancelled';
    key: string;
    name: string;
    data: Record<string, unknown>;
    statuses: ('attending' | 'waitlisted')[];
    actor: string;
  },
) {
  const counters = await getCounters(event.tenantId, event.eventId);
  if (input.statuses.reduce((sum, status) => sum + counters[status], 0) === 0) return;
  await createAndSend({
    campaignId: idFromKey(`${event.tenantId}:${input.key}`),
    tenantId: event.tenantId,
    name: input.name,
    kind: input.kind,
    content: input.data,
    audience: { kind: 'event', eventId: event.eventId, statuses: input.statuses },
    bulk: meetingMessages[input.kind].bulk,
    createdBy: input.actor,
    actor: input.actor,
  });
}

/**
 * Reminders at set times: to those who have not answered, N days before the deadline, and to
 * attendees the day before. One-time schedules with fixed ids, moved when the event moves.
 */
export async function scheduleReminders(event: Meeting): Promise<void> {
  const plans: { id: string; kind: 'non-responders' | 'attendees'; dueAt: number }[] = [];
  const days = event.reminders.nonRespondersDaysBeforeDeadline;
  if (days)
    plans.push({
      id: `reminder-${event.eventId}-non-responders`,
      kind: 'non-responders',
      dueAt: Date.parse(event.rsvpDeadline) - days * 86_400_000,
    });
  if (event.reminders.attendeesDayBefore)
    plans.push({
      id: `reminder-${event.eventId}-attendees`,
      kind: 'attendees',
      dueAt: Date.parse(event.start) - 86_400_000,
    });
  for (const plan of plans) {
    if (plan.dueAt <= Date.now()) continue;
    await upsertSchedule({
      tenantId: event.tenantId,
      scheduleId: plan.id,
      dueAt: new Date(plan.dueAt).toISOString(),
      event: MeetingReminderDue,
      detail: {
        tenantId: event.tenantId,
        eventId: event.eventId,
        reminder: plan.kind,
        sequence: event.sequence,
      },
    });
  }
}

/** Sends a due reminder (the schedule dispatcher's event), unless the event was cancelled or moved since. */
export async function sendReminder(event: Meeting, reminder: 'non-responders' | 'attendees', actor: string) {
  if (event.status !== 'published') return;
  const tenant = await tenantOf(event);
  const kind = reminder === 'attendees' ? 'attendee-reminder' : 'invitation-reminder';
  await createAndSend({
    campaignId: idFromKey(`${event.tenantId}:${kind}:${event.eventId}:${event.sequence}`),
    tenantId: event.tenantId,
    name: `${reminder === 'attendees' ? 'Påminnelse till deltagare' : 'Påminnelse'}: ${event.title}`,
    kind,
    content: {
      ...eventMailData(event, tenant),
      personalLinks: await feedbackLinksForEvent(event),
      // The day before, to attendees: the meeting link with the facts.
      ...(reminder === 'attendees' ? { meetingUrl: meetingUrlOf(event) } : {}),
    },
    audience: {
      kind: 'event',
      eventId: event.eventId,
      statuses: reminder === 'attendees' ? ['attending'] : ['invited'],
    },
    bulk: meetingMessages[kind].bulk,
    createdBy: actor,
    actor,
  });
}
