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

/** WCAG 2 relative luminance of a `#rrggbb` colour. */
function luminance(hex: string): number {
  const [r = 0, g = 0, b = 0] = [1, 3, 5].map((i) => {
    const c = Number.parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const [hi = 0, lo = 0] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** WCAG AA for normal text: the brand colour carries white text (header, buttons). */
export const BRAND_MIN_CONTRAST = 4.5;

/**
 * The municipality's colour as `#rrggbb`. Refused (not darkened for the admin) when white text on
 * it would fall below 4.5:1: a shade we derived would be a colour they never chose, and they see
 * the message and pick their own darker one.
 */
export const brandColourSchema = z
  .string()
  .trim()
  .transform((v) => v.toLowerCase())
  .pipe(z.string().regex(/^#[0-9a-f]{6}$/, 'A colour like #0a5866'))
  .refine(
    (v) => contrastRatio(v, '#ffffff') >= BRAND_MIN_CONTRAST,
    'Too light: white text on it must reach 4.5:1 contrast',
  );

/** What the settings keep of an uploaded logo (its bytes are an item of their own, `store.ts`). */
export const logoRefSchema = z
  .object({
    /** A hash of the bytes: the logo's URL and the mail sender's cache key change with it. */
    version: z.string().regex(/^[0-9a-f]{16,64}$/),
    contentType: z.enum(['image/png', 'image/jpeg']),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    bytes: z.number().int().positive(),
  })
  .strict();

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
     * disposal decision), and contacts without engagement are noticed, then erased. Absent: kept.
     * Unconfirmed press subscriptions always go after 7 days.
     */
    retention: z
      .object({
        deliveryMonths: z.number().int().min(1).max(120).optional(),
        feedbackAttributionMonths: z.number().int().min(1).max(120).optional(),
        /**
         * Contacts without any engagement for this many months get a notice mail with a keep
         * link, and are erased 30 days later unless they engaged. At least 6: an invitation cycle.
         */
        inactiveContactMonths: z.number().int().min(6).max(120).optional(),
      })
      .strict()
      .optional(),
    /** The municipality's colour on its public pages and in its mails (absent: Samverkan's own). */
    brandColour: brandColourSchema.optional(),
    /** The municipality's logo (set by upload on the settings page, never through this schema's form). */
    logo: logoRefSchema.optional(),
  })
  .strict();
export type TenantSettings = z.output<typeof tenantSettingsSchema>;

/** The tenant's own text in `language`, if it wrote one; else undefined (the page's standard wording). */
export function settingIn(text: Partial<Record<Language, string>> | undefined, language: Language) {
  return text?.[language] || undefined;
}

/**
 * A change to some settings: each section given replaces that section, the others are left as
 * they are (`null` removes an optional one). Two admins changing different sections therefore
 * both keep their change, whatever each of them last read. Not the archive and retention rules:
 * a change to those is audited (GDPR), so only the privacy pages change them, each change with
 * its audit entry in the same transaction.
 */
export const tenantSettingsPatchSchema = z
  .object({
    publicRecordsNotice: tenantSettingsSchema.shape.publicRecordsNotice.unwrap().optional(),
    mailTracking: z.boolean().optional(),
    brandColour: brandColourSchema.nullable().optional(),
  })
  .strict();
/** Sections to set; a section `undefined` here is removed. */
export type TenantSettingsPatch = { [K in keyof TenantSettings]?: TenantSettings[K] | undefined };
