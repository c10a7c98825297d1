import * as z from 'zod';
import { defineMessage, messageSet, systemUrlSchema } from '../../mail/index.js';
import { hasControlCharacters } from '../../platform/mail-kit/headers.js';
import { languageSchema } from '../../platform/texts/language.js';

/**
 * The press room's mail: a release to its subscribers. Bulk (one-click unsubscribe, and leaving
 * stops it), composed by the press room itself when a release is published or sent under
 * embargo, never by staff as a campaign. Light (no template) so the distributor does not bundle
 * the renderer.
 */

const line = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((value) => !hasControlCharacters(value), 'Must be one line');

export const releaseMailData = z.object({
  releaseId: z.string().min(1).max(64),
  headline: line(200),
  lead: z.string().max(600).default(''),
  /** Markdown, rendered through the sanitising renderer. */
  body: z.string().max(20_000).default(''),
  /** The release's own language (its text is not translated). */
  releaseLanguage: languageSchema,
  /** Under embargo: not to be published before this time. */
  embargoUntil: z.iso.datetime({ offset: true }).optional(),
  timeZone: line(64),
  pageUrl: systemUrlSchema,
  downloads: z
    .array(z.object({ name: line(200), url: systemUrlSchema }))
    .max(30)
    .default([]),
  /** The recipient's own preference centre (added per recipient by the sender). */
  preferencesUrl: systemUrlSchema.optional(),
});

export const pressMessages = messageSet(
  defineMessage({ kind: 'press-release', schema: releaseMailData, bulk: true }),
);
