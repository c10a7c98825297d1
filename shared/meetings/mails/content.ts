import * as z from 'zod';
import { defineMessage, messageSet, systemUrlSchema } from '../../mail/index.js';
import { dietaryCategories, eventKinds, meetingUrlSchema } from '../meeting.js';

/**
 * The mails an event sends (invitations and everything after them) as message kinds of the mail
 * pipeline: the schemas of their `data` and whether each is bulk. Light on purpose (no
 * templates), so the functions that only queue these mails do not bundle the renderer; the
 * templates are in `templates.tsx`, the texts in `texts.ts`.
 */

/*
 * Event mails (invitations and everything after them). Their data comes from stored records
 * (the event, the invitation, the tenant), which were validated when they were saved: text is
 * cleaned here (control characters and white space runs become one space) rather than refused,
 * so a mail never fails over a value the event model accepted.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const controlOrSpaceRun = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\s]+/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const controlsExceptNewline = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;

/** One line for display: control characters and white space runs become one space; 1..max characters. */
const displayLine = (max: number) =>
  z
    .string()
    .transform((value) => value.replace(controlOrSpaceRun, ' ').trim())
    .pipe(z.string().min(1, 'Required').max(max, `At most ${max} characters`));

/**
 * Text that may have line breaks (an address, a note): LF line breaks only, no other control
 * characters, each line trimmed, at most one empty line in a row; '' when nothing is left.
 */
const displayText = (max: number) =>
  z
    .string()
    .transform((value) =>
      value
        .replace(/\r\n?|[\u2028\u2029]/g, '\n')
        .replace(controlsExceptNewline, (c) => (c === '\t' ? ' ' : ''))
        .split('\n')
        .map((line) => line.replace(/\s+/g, ' ').trim())
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim(),
    )
    .pipe(z.string().max(max, `At most ${max} characters`));

/** Optional free text: absent when empty after cleaning. */
const optionalDisplayText = (max: number) =>
  displayText(max)
    .transform((value) => (value === '' ? undefined : value))
    .optional();

/** An instant: ISO 8601 with an offset (`Z` or `+01:00`). */
const instantSchema = z.iso.datetime({ offset: true });

/** Whether `zone` is a time zone this runtime knows (IANA name, e.g. `Europe/Stockholm`). */
export function isTimeZone(zone: string): boolean {
  if (typeof zone !== 'string' || zone === '' || zone.length > 100) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The tenant's IANA time zone: every date and time in an event mail is shown in it. */
export const timeZoneSchema = z
  .string()
  .refine(isTimeZone, 'Must be an IANA time zone, e.g. Europe/Stockholm');

/** Staff-written markdown (sanitised when rendered); absent when blank. */
const optionalMarkdown = z
  .string()
  .max(20_000, 'At most 20000 characters')
  .transform((value) => (value.trim() === '' ? undefined : value))
  .optional();

/**
 * The event facts every event mail shows: the fields of the same names in the event model
 * (`shared/meetings/meeting.ts`), so a stored event can be passed as it is (other fields
 * are dropped).
 */
export const mailEventSchema = z
  .object({
    kind: z.enum(eventKinds),
    title: displayLine(200),
    start: instantSchema,
    end: instantSchema,
    place: z.object({ name: displayLine(200), address: displayText(300).default('') }),
    /** Times as typed, in the tenant's time zone. */
    agenda: z
      .array(z.object({ time: z.string().regex(/^\d{2}:\d{2}$/, 'HH:MM'), title: displayLine(200) }))
      .max(30)
      .default([]),
    rsvpDeadline: instantSchema,
  })
  .refine((e) => Date.parse(e.start) < Date.parse(e.end), { message: 'Must be after start', path: ['end'] });

/** What every event mail has: the event, the tenant's zone and who organises it. */
const eventMailBase = {
  event: mailEventSchema,
  timeZone: timeZoneSchema,
  /** Shown as the organiser, e.g. "Näringslivskontoret, Hässleholms kommun". */
  organiserName: displayLine(200),
};

/** The recipient's signed RSVP page (answer, or change the answer). */
const rsvpUrl = systemUrlSchema;

/** The recipient's own link to the event's open feedback form, when it has one. */
const feedbackUrl = systemUrlSchema.optional();

const seatsSchema = z.number().int().min(1).max(100);

/**
 * The online meeting's link: only in the data of mails to those with a seat (the invitation and
 * the waitlist's mails have no such field, so a link passed to them is dropped).
 */
const meetingUrl = meetingUrlSchema.optional();

/** The place on OpenStreetMap (a link; nothing is loaded from it). */
const mapUrl = z
  .url({ protocol: /^https$/ })
  .startsWith('https://www.openstreetmap.org/')
  .optional();

export const invitationDataSchema = z.object({
  ...eventMailBase,
  rsvpUrl,
  feedbackUrl,
  /** Staff's own words before the facts. */
  markdownIntro: optionalMarkdown,
  /** The event's description (staff markdown, sanitised when rendered), after the intro. */
  description: optionalMarkdown,
  /** Who sent this invitation on (a colleague's own invitation), shown first. */
  forwardedBy: displayLine(200).optional(),
  mapUrl,
});

export const invitationReminderDataSchema = z.object({ ...eventMailBase, rsvpUrl, feedbackUrl });

export const attendeeReminderDataSchema = z.object({
  ...eventMailBase,
  rsvpUrl,
  feedbackUrl,
  /** The seats held, shown when given. */
  seats: seatsSchema.optional(),
  meetingUrl,
});

/** The recipient's answer as it stands now. */
export const rsvpOutcomeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('attending'), seats: seatsSchema }),
  z.object({
    status: z.literal('waitlisted'),
    seats: seatsSchema,
    /** 1 = next in line. */
    position: z.number().int().min(1).max(100_000),
  }),
  z.object({
    status: z.literal('declined'),
    /** Staff took the contact off the waitlist (not their own decline). */
    removedFromWaitlist: z.boolean().optional(),
  }),
]);

export const rsvpConfirmationDataSchema = z.object({
  ...eventMailBase,
  rsvpUrl,
  answer: rsvpOutcomeSchema,
  /** The answers given (the fields of the same names in the invitation); empty ones are not shown. */
  names: z
    .array(z.string().max(500))
    .max(100)
    .default([])
    .transform((names) => names.map((n) => n.replace(controlOrSpaceRun, ' ').trim()).filter(Boolean)),
  dietary: z.array(z.enum(dietaryCategories)).max(dietaryCategories.length).default([]),
  dietaryOther: optionalDisplayText(300),
  accessibility: optionalDisplayText(500),
  note: optionalDisplayText(1000),
  /** Only when the answer is attending. */
  meetingUrl,
  mapUrl,
  /**
   * The console's check-in of this contact (`/console/events/<event>/check-in?contact=<id>`): an
   * attendee's mail carries it as an inline QR code. A path, so no site address is stored.
   */
  checkInPath: z
    .string()
    .regex(/^\/console\/events\/[\w%-]{1,200}\/check-in\?contact=[\w%-]{1,200}$/)
    .optional(),
});

export const waitlistPromotedDataSchema = z.object({
  ...eventMailBase,
  rsvpUrl,
  /** The seats the recipient now holds. */
  seats: seatsSchema,
  meetingUrl,
});

export const eventChangeFields = ['time', 'place', 'title', 'agenda', 'meeting'] as const;
export type EventChangeField = (typeof eventChangeFields)[number];

/** One change as the recipient reads it: "Tid: före → efter" (before/after already formatted). */
export const eventChangeSchema = z.object({
  field: z.enum(eventChangeFields),
  before: displayText(2000),
  after: displayText(2000),
});

export const eventUpdatedDataSchema = z.object({
  ...eventMailBase,
  rsvpUrl,
  changes: z
    .array(eventChangeSchema)
    .min(1, 'At least one change')
    .max(eventChangeFields.length)
    .refine(
      (changes) => new Set(changes.map((c) => c.field)).size === changes.length,
      'One change per field',
    ),
  /** To the waitlist: the change, and that they still wait (no calendar entry goes with it). */
  waitlisted: z.boolean().optional(),
  /** To those with a seat only. */
  meetingUrl,
});

export const eventCancelledDataSchema = z.object({
  ...eventMailBase,
  /** Staff's own words about the cancellation. */
  markdownMessage: optionalMarkdown,
});

/**
 * Open registration's "confirm your registration": to the address a visitor typed on the event's
 * public page (a pending registration, not yet a contact). No RSVP link, no meeting link.
 */
export const registrationConfirmationDataSchema = z.object({
  ...eventMailBase,
  /** The signed, expiring link to the confirm page (its button takes the seat, never the GET). */
  confirmUrl: systemUrlSchema,
});

/** The meeting mails: their kinds, data schemas and whether each is bulk. */
export const meetingMessages = messageSet(
  /** Bulk: the invitation with the RSVP button. */
  defineMessage({ kind: 'invitation', schema: invitationDataSchema, bulk: true }),
  /** Bulk: to those who have not answered yet. */
  defineMessage({ kind: 'invitation-reminder', schema: invitationReminderDataSchema, bulk: true }),
  /** Transactional: to attendees, the day before. */
  defineMessage({ kind: 'attendee-reminder', schema: attendeeReminderDataSchema, bulk: false }),
  /** Transactional: after every answer (the .ics goes with it when attending). */
  defineMessage({ kind: 'rsvp-confirmation', schema: rsvpConfirmationDataSchema, bulk: false }),
  /** Transactional: a seat opened up for someone on the waitlist. */
  defineMessage({ kind: 'waitlist-promoted', schema: waitlistPromotedDataSchema, bulk: false }),
  /** Transactional: time, place, title or agenda changed. */
  defineMessage({ kind: 'event-updated', schema: eventUpdatedDataSchema, bulk: false }),
  /** Transactional: the event is cancelled. */
  defineMessage({ kind: 'event-cancelled', schema: eventCancelledDataSchema, bulk: false }),
  /** Transactional: open registration's confirmation link, before any seat is taken. */
  defineMessage({
    kind: 'registration-confirmation',
    schema: registrationConfirmationDataSchema,
    bulk: false,
  }),
);

/** The kinds about an event (their data has `event`, `timeZone` and `organiserName`). */
export type EventMessageKind = keyof typeof meetingMessages;
export const eventMessageKinds = Object.keys(meetingMessages) as EventMessageKind[];
