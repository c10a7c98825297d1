import { z } from 'zod';
import { hasControlCharacters, httpsLink } from './headers.js';

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

export const messageKinds = ['announcement', 'test-send', 'subscription-confirmation'] as const;
export type MessageKind = (typeof messageKinds)[number];

export const messageDataSchemas = {
  announcement: announcementDataSchema,
  /** An announcement sent to staff first; the subject gets a "[TEST]" prefix. */
  'test-send': announcementDataSchema,
  'subscription-confirmation': subscriptionConfirmationDataSchema,
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
]);
export type MessageContent = z.output<typeof messageContentSchema>;

/** Compile-time check: `messageContentSchema` has a member for every kind. */
const everyKindHasContent: Exclude<MessageKind, MessageContent['kind']> extends never ? true : never = true;
void everyKindHasContent;
