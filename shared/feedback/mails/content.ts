import * as z from 'zod';
import { defineMessage, messageSet, systemUrlSchema } from '../../mail/index.js';
import { languageSchema } from '../../platform/texts/language.js';

/**
 * The follow-up mails after an event, as message kinds of the mail pipeline. Light (no
 * templates) so the function that queues them does not bundle the renderer. Both are bulk: an
 * unsubscribed contact gets neither, and both carry an unsubscribe link.
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const controlOrSpaceRun = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\s]+/g;
const line = (max: number) =>
  z
    .string()
    .transform((v) => v.replace(controlOrSpaceRun, ' ').trim())
    .pipe(z.string().min(1).max(max));

/** A text in each language staff wrote it in; the template picks the recipient's. */
const localized = (max: number) => z.partialRecord(languageSchema, z.string().max(max));

const followUpData = z.object({
  /** The event's title, as staff wrote it. */
  eventTitle: line(200),
  /** The form's title in its languages. */
  formTitle: localized(200),
  formLanguage: languageSchema,
  /** The recipient's own signed link to the form. */
  feedbackUrl: systemUrlSchema,
  /** Staff's own words for this mail, in their languages; the standard text when absent. */
  staffText: localized(2000).optional(),
  organiserName: line(200),
});

/** What came of a theme: its statuses, as the programmes capability names them. */
export const hearBackStatuses = ['planned', 'in-progress', 'done', 'not-pursued'] as const;

const hearBackData = z.object({
  /** An outcome recorded on the theme, or a press release tagged with it. */
  about: z.enum(['outcome', 'release']),
  programmeName: line(200),
  /** The theme (or themes, for a release) the recipient gave views on. */
  themeTitle: line(400),
  /** The outcome's title or the release's headline, in the programme's or release's language. */
  title: line(300),
  contentLanguage: languageSchema,
  status: z.enum(hearBackStatuses).optional(),
  /** The public programme page (at the theme) or the release's page. */
  url: systemUrlSchema,
  organiserName: line(200),
});

export const feedbackMessages = messageSet(
  /** To those who came: thank you, and your views. */
  defineMessage({ kind: 'feedback-thanks', schema: followUpData, bulk: true }),
  /** To those who said yes but did not come, and those who did not answer: your views still count. */
  defineMessage({ kind: 'feedback-missed-you', schema: followUpData, bulk: true }),
  /**
   * "You said, we did": to those who gave views on a theme and asked to hear back, once per
   * outcome or release. Bulk: an unsubscribed or suppressed contact never gets it.
   */
  defineMessage({ kind: 'feedback-hear-back', schema: hearBackData, bulk: true }),
);
