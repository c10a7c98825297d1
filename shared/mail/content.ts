import { z } from 'zod';
import { dietaryCategories, eventKinds } from '../meetings/meeting.js';
import { hasControlCharacters, httpsLink } from '../platform/mail-kit/headers.js';

/**
 * The message kinds and the zod schemas of their `data`. A later capability adds a kind here
 * (a schema in `messageDataSchemas`) and a template in `templates.tsx`; the types make a kind
 * without a template a compile error.
 */

/** One line a person typed: no CR, LF or other control character, trimmed, 1..max characters. */
export const singleLineText = (max: number) =>
  z
    .string()
    .max(max, `At most ${max} characters`)
    .refine((value) => !hasControlCharacters(value), 'Must be a single line without control characters')
    .transform((value) => value.trim())
    .pipe(z.string().min(1, 'Required'));

/** A link staff typed: an absolute https URL, nothing else. */
export const httpsUrlSchema = z
  .string()
  .max(2000, 'At most 2000 characters')
  .refine((value) => httpsLink(value)?.protocol === 'https:', 'Must be an https URL');

/** A link the system built (confirmation, unsubscribe): https, or http on localhost for local runs. */
export const systemUrlSchema = z
  .string()
  .max(2000, 'At most 2000 characters')
  .refine((value) => httpsLink(value) !== undefined, 'Must be an https URL');

/** An event the mail invites to: attached as an `.ics` calendar invitation (METHOD:REQUEST). */
export const calendarEventSchema = z
  .object({
    title: singleLineText(200),
    location: singleLineText(300),
    start: z.iso.datetime({ offset: true }),
    end: z.iso.datetime({ offset: true }),
    description: z.string().max(4000).default(''),
  })
  .refine((e) => Date.parse(e.start) < Date.parse(e.end), { message: 'Must be after start', path: ['end'] });

export const announcementDataSchema = z
  .object({
    subject: singleLineText(200),
    calendar: calendarEventSchema.optional(),
    markdownBody: z
      .string()
      .max(20_000, 'At most 20000 characters')
      .refine((value) => value.trim() !== '', 'Required'),
    ctaLabel: singleLineText(80).optional(),
    ctaUrl: httpsUrlSchema.optional(),
  })
  .refine((data) => (data.ctaLabel === undefined) === (data.ctaUrl === undefined), {
    message: 'A button needs both a label and a URL',
    path: ['ctaUrl'],
  });

export const subscriptionConfirmationDataSchema = z.object({
  confirmUrl: systemUrlSchema,
  /** The names of the topics the address was signed up for (may be empty for "everything"). */
  topics: z.array(singleLineText(200)).max(50),
});

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

const seatsSchema = z.number().int().min(1).max(100);

export const invitationDataSchema = z.object({
  ...eventMailBase,
  rsvpUrl,
  /** Staff's own words before the facts. */
  markdownIntro: optionalMarkdown,
});

export const invitationReminderDataSchema = z.object({ ...eventMailBase, rsvpUrl });

export const attendeeReminderDataSchema = z.object({
  ...eventMailBase,
  rsvpUrl,
  /** The seats held, shown when given. */
  seats: seatsSchema.optional(),
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
  z.object({ status: z.literal('declined') }),
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
});

export const waitlistPromotedDataSchema = z.object({
  ...eventMailBase,
  rsvpUrl,
  /** The seats the recipient now holds. */
  seats: seatsSchema,
});

export const eventChangeFields = ['time', 'place', 'title', 'agenda'] as const;
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
});

export const eventCancelledDataSchema = z.object({
  ...eventMailBase,
  /** Staff's own words about the cancellation. */
  markdownMessage: optionalMarkdown,
});

export const messageKinds = [
  'announcement',
  'test-send',
  'subscription-confirmation',
  'invitation',
  'invitation-reminder',
  'attendee-reminder',
  'rsvp-confirmation',
  'waitlist-promoted',
  'event-updated',
  'event-cancelled',
] as const;
export type MessageKind = (typeof messageKinds)[number];

/**
 * Bulk mail (needs an unsubscribe link and List-Unsubscribe headers; unsubscribing stops it)
 * versus transactional mail (an answer to something the recipient did). Kept here, apart from
 * the templates, so code that only needs to know this does not bundle the renderer.
 */
export const bulkByKind: Record<MessageKind, boolean> = {
  announcement: true,
  'test-send': true,
  'subscription-confirmation': false,
  invitation: true,
  'invitation-reminder': true,
  'attendee-reminder': false,
  'rsvp-confirmation': false,
  'waitlist-promoted': false,
  'event-updated': false,
  'event-cancelled': false,
};

/** Whether mail of this kind is bulk. */
export const isBulkKind = (kind: MessageKind): boolean => bulkByKind[kind];

/** The kinds about an event (their data has `event`, `timeZone` and `organiserName`). */
export const eventMessageKinds = [
  'invitation',
  'invitation-reminder',
  'attendee-reminder',
  'rsvp-confirmation',
  'waitlist-promoted',
  'event-updated',
  'event-cancelled',
] as const satisfies readonly MessageKind[];
export type EventMessageKind = (typeof eventMessageKinds)[number];

export const messageDataSchemas = {
  announcement: announcementDataSchema,
  /** An announcement sent to staff first; the subject gets a "[TEST]" prefix. */
  'test-send': announcementDataSchema,
  'subscription-confirmation': subscriptionConfirmationDataSchema,
  /** Bulk: the invitation with the RSVP button. */
  invitation: invitationDataSchema,
  /** Bulk: to those who have not answered yet. */
  'invitation-reminder': invitationReminderDataSchema,
  /** Transactional: to attendees, the day before. */
  'attendee-reminder': attendeeReminderDataSchema,
  /** Transactional: after every answer (the .ics goes with it when attending). */
  'rsvp-confirmation': rsvpConfirmationDataSchema,
  /** Transactional: a seat opened up for someone on the waitlist. */
  'waitlist-promoted': waitlistPromotedDataSchema,
  /** Transactional: time, place, title or agenda changed. */
  'event-updated': eventUpdatedDataSchema,
  /** Transactional: the event is cancelled. */
  'event-cancelled': eventCancelledDataSchema,
} as const satisfies Record<MessageKind, z.ZodType>;

/** The `data` of kind `K` as it comes in (staff input, before trimming). */
export type MessageDataInput<K extends MessageKind> = z.input<(typeof messageDataSchemas)[K]>;
/** The `data` of kind `K` after validation. */
export type MessageData<K extends MessageKind> = z.output<(typeof messageDataSchemas)[K]>;

/**
 * `{ kind, data }` for every kind: what a campaign stores as its content and what the API
 * validates staff input against.
 */
export const messageContentSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('announcement'), data: messageDataSchemas.announcement }),
  z.object({ kind: z.literal('test-send'), data: messageDataSchemas['test-send'] }),
  z.object({
    kind: z.literal('subscription-confirmation'),
    data: messageDataSchemas['subscription-confirmation'],
  }),
  z.object({ kind: z.literal('invitation'), data: messageDataSchemas.invitation }),
  z.object({ kind: z.literal('invitation-reminder'), data: messageDataSchemas['invitation-reminder'] }),
  z.object({ kind: z.literal('attendee-reminder'), data: messageDataSchemas['attendee-reminder'] }),
  z.object({ kind: z.literal('rsvp-confirmation'), data: messageDataSchemas['rsvp-confirmation'] }),
  z.object({ kind: z.literal('waitlist-promoted'), data: messageDataSchemas['waitlist-promoted'] }),
  z.object({ kind: z.literal('event-updated'), data: messageDataSchemas['event-updated'] }),
  z.object({ kind: z.literal('event-cancelled'), data: messageDataSchemas['event-cancelled'] }),
]);
export type MessageContent = z.output<typeof messageContentSchema>;

/** Compile-time check: `messageContentSchema` has a member for every kind. */
const everyKindHasContent: Exclude<MessageKind, MessageContent['kind']> extends never ? true : never = true;
void everyKindHasContent;
