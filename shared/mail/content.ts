import * as z from 'zod';
import { httpsUrlSchema, singleLineText, systemUrlSchema } from './fields.js';
import { defineMessage, messageSet } from './message.js';

/**
 * The mail capability's own message kinds (announcements, their test send, the double opt-in)
 * and the schemas of their `data` (built from the field schemas in `fields.ts`).
 * Their templates are in `templates.tsx`; every capability's kinds together are in
 * `shared/message-kinds.ts`.
 */

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

/** The mail capability's kinds. */
export const mailMessages = messageSet(
  /** Bulk, and what staff compose as a campaign. */
  defineMessage({ kind: 'announcement', schema: announcementDataSchema, bulk: true, staffComposable: true }),
  /**
   * An announcement sent to staff first; the subject gets a "[TEST]" prefix. Not a campaign staff
   * compose for an audience: it goes to staff.
   */
  defineMessage({ kind: 'test-send', schema: announcementDataSchema, bulk: true }),
  /** Transactional: the double opt-in of a subscription. */
  defineMessage({
    kind: 'subscription-confirmation',
    schema: subscriptionConfirmationDataSchema,
    bulk: false,
  }),
);
