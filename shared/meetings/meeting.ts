import * as z from 'zod';
import { languageSchema } from '../platform/texts/language.js';
import { customQuestionsSchema, type QuestionAnswers, questionAnswersSchema } from './questions.js';

/**
 * Events staff invite companies to: workshops, dialogue lunches, breakfast meetings, seminars,
 * study visits. Times are entered and shown in the tenant's time zone and stored as instants
 * (ISO 8601 with offset, normalised to UTC).
 */
export const eventKinds = [
  'workshop',
  'dialogue-lunch',
  'breakfast-meeting',
  'seminar',
  'study-visit',
] as const;
export type EventKind = (typeof eventKinds)[number];

/** Dietary needs are categories (so the caterer's summary is a set of counters) plus free text. */
export const dietaryCategories = [
  'vegetarian',
  'vegan',
  'gluten-free',
  'lactose-free',
  'nut-allergy',
  'halal',
  'other',
] as const;
export type DietaryCategory = (typeof dietaryCategories)[number];

/** In person at the place, online only, or both. */
export const meetingFormats = ['in-person', 'online', 'hybrid'] as const;
export type MeetingFormat = (typeof meetingFormats)[number];

/** An online meeting's link: https only, at most 500 characters (no space or line break fits a URL). */
export const meetingUrlSchema = z
  .url({ protocol: /^https$/, hostname: z.regexes.domain, error: 'An https:// link' })
  .max(500, 'At most 500 characters')
  .regex(/^\S+$/, 'No spaces');

const line = (max: number) => z.string().trim().min(1, 'Required').max(max, `At most ${max} characters`);
const instant = z.iso.datetime({ offset: true });

export const eventQuestionsSchema = z
  .object({
    /** Ask how many people come (up to the per-organisation seat limit). */
    headcount: z.boolean().default(true),
    names: z.boolean().default(true),
    dietary: z.boolean().default(true),
    accessibility: z.boolean().default(true),
    note: z.boolean().default(true),
  })
  .strict();

export const eventInputSchema = z
  .object({
    programmeId: z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,64}$/)
      .optional(),
    kind: z.enum(eventKinds),
    title: line(200),
    description: z.string().trim().max(10_000).default(''),
    agenda: z
      .array(z.object({ time: z.string().regex(/^\d{2}:\d{2}$/, 'HH:MM'), title: line(200) }).strict())
      .max(30)
      .default([]),
    place: z.object({ name: line(200), address: z.string().trim().max(300).default('') }).strict(),
    /** In person when absent. */
    format: z.enum(meetingFormats).optional(),
    /**
     * The online meeting's link (online and hybrid events): shown only to those with a seat (the
     * RSVP page when attending, their mails and calendar entry), never in the invitation.
     */
    meetingUrl: meetingUrlSchema.optional(),
    start: instant,
    end: instant,
    capacity: z.number().int().min(1).max(10_000),
    seatLimitPerOrganisation: z.number().int().min(1).max(100),
    rsvpDeadline: instant,
    questions: eventQuestionsSchema.default({
      headcount: true,
      names: true,
      dietary: true,
      accessibility: true,
      note: true,
    }),
    /** Questions of the event's own, beside the fixed ones (see questions.ts); none when absent. */
    customQuestions: customQuestionsSchema.optional(),
    /**
     * Open registration: a public page where people not in the address book register (confirmed
     * by mail before a seat is taken). Off when absent.
     */
    openRegistration: z.boolean().optional(),
    language: languageSchema,
    reminders: z
      .object({
        /** Remind those who have not answered this many days before the deadline (off when absent). */
        nonRespondersDaysBeforeDeadline: z.number().int().min(1).max(30).optional(),
        /** Remind attendees the day before. */
        attendeesDayBefore: z.boolean().default(true),
      })
      .strict()
      .default({ attendeesDayBefore: true }),
  })
  .strict()
  .refine((e) => Date.parse(e.start) < Date.parse(e.end), { path: ['end'], message: 'Must be after start' })
  .refine((e) => Date.parse(e.rsvpDeadline) <= Date.parse(e.start), {
    path: ['rsvpDeadline'],
    message: 'Must not be after start',
  })
  .refine((e) => (e.format ?? 'in-person') === 'in-person' || e.meetingUrl !== undefined, {
    path: ['meetingUrl'],
    message: 'Required for an online or hybrid event',
  })
  .refine((e) => (e.format ?? 'in-person') !== 'in-person' || e.meetingUrl === undefined, {
    path: ['meetingUrl'],
    message: 'Only for an online or hybrid event',
  })
  .refine((e) => e.seatLimitPerOrganisation <= e.capacity, {
    path: ['seatLimitPerOrganisation'],
    message: 'Must not exceed capacity',
  });
export type EventInput = z.infer<typeof eventInputSchema>;

export type EventStatus = 'draft' | 'published' | 'cancelled';

export interface Meeting extends EventInput {
  eventId: string;
  tenantId: string;
  status: EventStatus;
  /** The calendar SEQUENCE: one more for every change attendees are told about. */
  sequence: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** A contact's invitation to an event, and their answer. */
export type InvitationStatus = 'invited' | 'attending' | 'waitlisted' | 'declined';

export interface Invitation {
  tenantId: string;
  eventId: string;
  contactId: string;
  organisationId: string;
  /** The organisation's type when invited (for the per-type breakdown). */
  organisationType: string;
  status: InvitationStatus;
  /** Seats held (attending) or asked for (waitlisted). */
  seats: number;
  names: string[];
  dietary: DietaryCategory[];
  dietaryOther?: string;
  accessibility?: string;
  note?: string;
  /** Answers to the event's custom questions, by question id (see questions.ts). */
  answers?: QuestionAnswers;
  invitedAt: string;
  respondedAt?: string;
  /** Order on the waitlist. */
  waitlistedAt?: string;
  /** Staff who took the contact off the waitlist (declined by staff, not by the contact). */
  removedBy?: string;
  /** Anyone of the answer present on the day. */
  attended?: boolean;
  /** Who of the answer is present (0-based, below `seats`, in the order of `names`). */
  present?: number[];
  /** Set when a colleague was sent in this contact's place. */
  forwardedFrom?: string;
  /** Came through open registration: when, and the organisation as the registrant typed it. */
  registered?: { at: string; organisation?: string };
  opened?: boolean;
  version: number;
}

/** The event's counters item: the staff view reads only this, whatever the audience size. */
export interface EventCounters {
  invited: number;
  opened: number;
  /** Responses (organisations' contacts) attending, and the seats they hold. */
  attending: number;
  attendingSeats: number;
  declined: number;
  waitlisted: number;
  waitlistedSeats: number;
  /** Answers with anyone present. */
  attended: number;
  /** People present. */
  present: number;
  /** `<counter>#<organisation type>` → n, e.g. `attending#company`. */
  byType: Record<string, number>;
  /** Dietary category → people. */
  dietary: Record<string, number>;
  /** `<question id>.<option id>` → answers of those attending that chose it. */
  choices: Record<string, number>;
}

/** An event's counters before anything is counted. */
export const emptyEventCounters = (): EventCounters => ({
  invited: 0,
  opened: 0,
  attending: 0,
  attendingSeats: 0,
  declined: 0,
  waitlisted: 0,
  waitlistedSeats: 0,
  attended: 0,
  present: 0,
  byType: {},
  dietary: {},
  choices: {},
});

export const rsvpAnswerSchema = z
  .object({
    answer: z.enum(['attend', 'decline']),
    seats: z.coerce.number().int().min(1).max(100).default(1),
    names: z.array(z.string().trim().max(120)).max(100).default([]),
    dietary: z.array(z.enum(dietaryCategories)).max(dietaryCategories.length).default([]),
    dietaryOther: z.string().trim().max(300).optional(),
    accessibility: z.string().trim().max(500).optional(),
    note: z.string().trim().max(1000).optional(),
    /** Custom questions' answers, already checked against the event's questions (checkAnswers). */
    answers: questionAnswersSchema.optional(),
  })
  .strict();
export type RsvpAnswer = z.infer<typeof rsvpAnswerSchema>;

/** The meeting link of an event, for someone with a seat: absent for an event in person. */
export const meetingUrlOf = (event: Pick<EventInput, 'format' | 'meetingUrl'>): string | undefined =>
  (event.format ?? 'in-person') === 'in-person' ? undefined : event.meetingUrl;

/**
 * The place on OpenStreetMap (a link, nothing loaded from it): for an event with a place to go
 * to and an address to look up.
 */
export const mapUrl = (event: Pick<EventInput, 'format' | 'place'>): string | undefined =>
  event.format === 'online' || !event.place.address
    ? undefined
    : `https://www.openstreetmap.org/search?query=${encodeURIComponent(event.place.address)}`;

/** The LOCATION of the calendar entry of one with a seat: the place, and the meeting link. */
export const calendarLocation = (event: Pick<EventInput, 'format' | 'meetingUrl' | 'place'>): string =>
  [...(event.format === 'online' ? [] : [event.place.name, event.place.address]), meetingUrlOf(event)]
    .filter(Boolean)
    .join(', ');
