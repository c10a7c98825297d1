import * as z from 'zod';
import { actorField, defineEvent, tenantIdField } from '../platform/bus/contract.js';

/** The meetings capability's catalogue events. */

/** A reminder about an event has come due (a one-time schedule set when the event was published). */
export const MeetingReminderDue = defineEvent({
  name: 'event.reminder-due',
  source: 'samverkan.events',
  detailType: 'EventReminderDue',
  version: 1,
  schema: z.object({
    tenantId: tenantIdField,
    eventId: z.string().min(1),
    reminder: z.enum(['non-responders', 'attendees']),
    /** The event's calendar sequence when scheduled: a reminder for an older version is ignored. */
    sequence: z.number().int().nonnegative(),
  }),
});

const meetingId = z.string().min(1);
const contactId = z.string().min(1);

/**
 * A contact answered an invitation (or staff answered for them): the invitation's new status at
 * `invitationVersion`. A consumer that finds a newer version skips it: that answer has its own event.
 */
export const InvitationAnswered = defineEvent({
  name: 'invitation.answered',
  source: 'samverkan.events',
  detailType: 'InvitationAnswered',
  version: 1,
  schema: z.object({
    tenantId: tenantIdField,
    eventId: meetingId,
    contactId,
    invitationVersion: z.number().int().positive(),
    status: z.enum(['attending', 'waitlisted', 'declined']),
    seats: z.number().int().nonnegative(),
    /** Seats this answer gave up (a decline after attending); SeatsReleased follows with them. */
    releasedSeats: z.number().int().nonnegative(),
    /** The status before this answer (absent in events written before it was added). */
    previousStatus: z.enum(['invited', 'attending', 'waitlisted', 'declined']).optional(),
    /** The organisation the contact answered for (absent in events written before it was added). */
    organisationId: z.string().min(1).optional(),
    /** When it was answered (absent in events written before it was added). */
    at: z.iso.datetime({ offset: true }).optional(),
    /** Staff took the contact off the waitlist (a decline they did not give themselves). */
    removedFromWaitlist: z.boolean().optional(),
    actor: actorField,
  }),
});

/**
 * A contact was invited to an event (once per event and contact), for the organisation they
 * belonged to then: programme insight counts the organisation as invited.
 */
export const InvitationCreated = defineEvent({
  name: 'invitation.created',
  source: 'samverkan.events',
  detailType: 'InvitationCreated',
  version: 1,
  schema: z.object({
    tenantId: tenantIdField,
    eventId: meetingId,
    contactId,
    organisationId: z.string().min(1),
    at: z.iso.datetime({ offset: true }),
  }),
});

/**
 * An invitee opened their RSVP page for the first time (the link in their invitation; no tracking
 * pixel): once per invitation, the funnel's "opened".
 */
export const InvitationOpened = defineEvent({
  name: 'invitation.opened',
  source: 'samverkan.events',
  detailType: 'InvitationOpened',
  version: 1,
  schema: z.object({
    tenantId: tenantIdField,
    eventId: meetingId,
    contactId,
    at: z.iso.datetime({ offset: true }),
  }),
});

/** Staff marked who came (or took a mark back): `attended` is whether anyone of the answer is present now. */
export const AttendanceMarked = defineEvent({
  name: 'invitation.attendance-marked',
  source: 'samverkan.events',
  detailType: 'AttendanceMarked',
  version: 1,
  schema: z.object({
    tenantId: tenantIdField,
    eventId: meetingId,
    contactId,
    organisationId: z.string().min(1),
    attended: z.boolean(),
    at: z.iso.datetime({ offset: true }),
  }),
});

/** Seats came free (a decline, more capacity): the waitlist gets them, first come first served. */
export const SeatsReleased = defineEvent({
  name: 'event.seats-released',
  source: 'samverkan.events',
  detailType: 'SeatsReleased',
  version: 1,
  schema: z.object({
    tenantId: tenantIdField,
    eventId: meetingId,
    seats: z.number().int().positive(),
    actor: actorField,
  }),
});

/** A waitlisted contact got a seat. */
export const WaitlistPromoted = defineEvent({
  name: 'invitation.promoted',
  source: 'samverkan.events',
  detailType: 'WaitlistPromoted',
  version: 1,
  schema: z.object({
    tenantId: tenantIdField,
    eventId: meetingId,
    contactId,
    invitationVersion: z.number().int().positive(),
    seats: z.number().int().positive(),
    actor: actorField,
  }),
});

/**
 * Staff moved a contact one place up or down the waitlist: the two swapped places (and so their
 * order of promotion); each keeps the place number it is now told.
 */
export const WaitlistMoved = defineEvent({
  name: 'invitation.waitlist-moved',
  source: 'samverkan.events',
  detailType: 'WaitlistMoved',
  version: 1,
  schema: z.object({
    tenantId: tenantIdField,
    eventId: meetingId,
    contactId,
    direction: z.enum(['up', 'down']),
    /** The neighbour it swapped places with. */
    swappedWith: contactId,
    actor: actorField,
  }),
});

/** A meeting was published: invitations may go out, reminders and its end are scheduled. */
export const MeetingPublished = defineEvent({
  name: 'event.published',
  source: 'samverkan.events',
  detailType: 'EventPublished',
  version: 1,
  schema: z.object({
    tenantId: tenantIdField,
    eventId: meetingId,
    sequence: z.number().int(),
    actor: actorField,
  }),
});

/**
 * A published meeting changed: what attendees see (time, place, title, agenda; formatted as the
 * mail shows them) and whether its times moved (reminders and its end move with them).
 */
export const MeetingChanged = defineEvent({
  name: 'event.changed',
  source: 'samverkan.events',
  detailType: 'EventChanged',
  version: 1,
  schema: z.object({
    tenantId: tenantIdField,
    eventId: meetingId,
    /** The calendar SEQUENCE after the change. */
    sequence: z.number().int().nonnegative(),
    changes: z.array(
      z.object({
        /** `meeting`: the online meeting's link (told to those with a seat only). */
        field: z.enum(['time', 'place', 'title', 'agenda', 'meeting']),
        before: z.string(),
        after: z.string(),
      }),
    ),
    timesMoved: z.boolean(),
    actor: actorField,
  }),
});

/** A meeting was cancelled; `wasPublished` says whether anyone had been told about it. */
export const MeetingCancelled = defineEvent({
  name: 'event.cancelled',
  source: 'samverkan.events',
  detailType: 'EventCancelled',
  version: 1,
  schema: z.object({
    tenantId: tenantIdField,
    eventId: meetingId,
    wasPublished: z.boolean(),
    message: z.string().max(5000).optional(),
    actor: actorField,
  }),
});

/** A published meeting has ended (a one-time schedule at its end): follow-up can begin. */
export const MeetingEnded = defineEvent({
  name: 'event.ended',
  source: 'samverkan.events',
  detailType: 'EventEnded',
  version: 1,
  schema: z.object({
    tenantId: tenantIdField,
    eventId: meetingId,
    /** The end it was scheduled for: an ended event that moved since is ignored. */
    end: z.iso.datetime({ offset: true }),
  }),
});

/**
 * Open registration: someone registered on an event's public page; the registration waits for
 * its confirmation by mail (no seat yet). Ids only: the address stays on the pending item.
 */
export const RegistrationRequested = defineEvent({
  name: 'registration.requested',
  source: 'samverkan.events',
  detailType: 'RegistrationRequested',
  version: 1,
  schema: z.object({
    tenantId: tenantIdField,
    eventId: meetingId,
    registrationId: z.string().min(1),
    at: z.iso.datetime({ offset: true }),
  }),
});

/**
 * A registration was confirmed from its mail (once): it is now `contactId`'s invitation and
 * answer (InvitationCreated and InvitationAnswered follow as for anyone invited).
 */
export const RegistrationConfirmed = defineEvent({
  name: 'registration.confirmed',
  source: 'samverkan.events',
  detailType: 'RegistrationConfirmed',
  version: 1,
  schema: z.object({
    tenantId: tenantIdField,
    eventId: meetingId,
    registrationId: z.string().min(1),
    contactId,
    /** The contact was made by this registration (not found by its address). */
    newContact: z.boolean(),
    at: z.iso.datetime({ offset: true }),
  }),
});

export const meetingEvents = [
  MeetingReminderDue,
  InvitationAnswered,
  InvitationCreated,
  InvitationOpened,
  AttendanceMarked,
  SeatsReleased,
  WaitlistPromoted,
  WaitlistMoved,
  MeetingPublished,
  MeetingChanged,
  MeetingCancelled,
  MeetingEnded,
  RegistrationRequested,
  RegistrationConfirmed,
] as const;
