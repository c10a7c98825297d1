import * as z from 'zod';
import { type Language, languages } from '../texts/language.js';

/**
 * What an admin sets for their municipality. Pure: the schema and how a page reads a setting.
 * Each text is optional per language; a page falls back to Samverkan's own wording.
 */

/** At most this long: a notice is a paragraph, not a policy document (link to that instead). */
export const NOTICE_MAX = 1500;

const localizedNotice = z
  .object(
    Object.fromEntries(
      languages.map((l) => [
        l,
        z.string().trim().max(NOTICE_MAX, `At most ${NOTICE_MAX} characters`).optional(),
      ]),
    ) as Record<Language, z.ZodOptional<z.ZodString>>,
  )
  .strict()
  .transform(
    (value) =>
      Object.fromEntries(Object.entries(value).filter(([, v]) => v)) as Partial<Record<Language, string>>,
  );

export const tenantSettingsSchema = z
  .object({
    /**
     * What the feedback form tells someone answering with their name: that the answer becomes a
     * public document (offentlighetsprincipen; in Denmark aktindsigt), in the municipality's words.
     */
    publicRecordsNotice: localizedNotice.default({}),
    /** Whether mail counts opens and clicks (a pixel, links through SES); on unless switched off. */
    mailTracking: z.boolean().default(true),
    /**
     * The municipality's archive rules (the Swedish Archives Act and its gallringsbeslut, the
     * Danish journaliseringspligt): what an erasure must keep as an official document. Set on the
     * privacy page; absent until an admin sets it (then nothing is kept).
     */
    archive: z
      .object({
        /** Attributed feedback answers are official documents: an erasure keeps them, pseudonymised. */
        feedbackAnswersAreOfficial: z.boolean(),
      })
      .strict()
      .optional(),
    /**
     * Retention rules, run every night: months after which delivery records of finished mailings
     * are deleted, and attributed feedback answers lose the link to the person (the tenant's
     * disposal decision). Absent: kept. Unconfirmed press subscriptions always go after 7 days.
     */
    retention: z
      .object({
        deliveryMonths: z.number().int().min(1).max(120).optional(),
        feedbackAttributionMonths: z.number().int().min(1).max(120).optional(),
      })
      .strict()
      .optional(),
  })
  .strict();
export type TenantSettings = z.output<typeof tenantSettingsSchema>;

/** The tenant's own text in `language`, if it wrote one; else undefined (the page's standard wording). */
export function settingIn(text: Partial<Record<Language, string>> | undefined, language: Language) {
  return text?.[language] || undefined;
}
