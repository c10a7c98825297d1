import { createHash } from 'node:crypto';
import * as z from 'zod';
import { hasControlCharacters, isValidEmail } from '../platform/mail-kit/headers.js';
import { type Language, languageSchema } from '../platform/texts/language.js';
import { listPagingFields } from './address-book.js';
import { type Country, countries, parseOrganisationNumber } from './org-number.js';

/**
 * Organisations and contacts: the companies and organisations a business office invites, and
 * the people there. Contacts are personal data, so each records its lawful basis (GDPR art. 6).
 */

export const organisationTypes = [
  'company',
  'business-association',
  'public-partner',
  'education',
  'other',
] as const;
export type OrganisationType = (typeof organisationTypes)[number];

/** Employees, in the EU's SME bands (micro, small, medium, large). */
export const organisationSizes = ['1-9', '10-49', '50-249', '250+'] as const;
export type OrganisationSize = (typeof organisationSizes)[number];

/** GDPR art. 6(1): (f) legitimate interest, (a) consent, (e) a task in the public interest. */
export const lawfulBases = ['legitimate-interest', 'consent', 'public-task'] as const;
export type LawfulBasis = (typeof lawfulBases)[number];
export const lawfulBasisSchema = z.enum(lawfulBases);

/** The lawful basis as recorded on a contact: what, when, from where and by whom. */
export interface LawfulBasisRecord {
  basis: LawfulBasis;
  /** `staff-api`, `console`, `csv-import:<importId>`, … */
  source: string;
  recordedAt: string;
  /** The staff member who recorded it. */
  recordedBy?: string;
  /** The words the person agreed to, as shown to them (a public form's consent line). */
  text?: string;
}

export const countrySchema = z.enum(countries);

const trimmed = (max: number) => z.string().trim().min(1, 'Required').max(max, `At most ${max} characters`);
/**
 * A person's or an organisation's name: one line, refused where it enters with CR, LF, NUL or
 * any other control character. A contact's name is the display name of every mail to them (a
 * header, which refuses such characters), so a name that got in would fail all their mail.
 */
const nameText = (max: number) =>
  trimmed(max).refine((value) => !hasControlCharacters(value), {
    message: 'Must be a single line without control characters',
    params: { reason: 'controlCharacters' },
  });
const optionalText = (max: number) => z.string().trim().max(max, `At most ${max} characters`).optional();

/** One tag: trimmed, inner whitespace collapsed, lower case (so filters match as people expect). */
export const normaliseTag = (tag: string) => tag.trim().replace(/\s+/g, ' ').toLowerCase();

export const tagsSchema = z
  .array(z.string().max(40, 'At most 40 characters'))
  .max(20, 'At most 20 tags')
  .default([])
  .transform((tags) => [...new Set(tags.map(normaliseTag).filter((t) => t !== ''))]);

/** Email as stored: trimmed, domain in lower case (the local part is kept as written). */
export function normaliseEmail(email: string): string {
  const trimmedEmail = email.trim();
  const at = trimmedEmail.lastIndexOf('@');
  return at < 0 ? trimmedEmail : `${trimmedEmail.slice(0, at)}@${trimmedEmail.slice(at + 1).toLowerCase()}`;
}

export const emailSchema = z
  .string()
  .trim()
  .max(254, 'At most 254 characters')
  .refine(isValidEmail, { message: 'Not a valid email address', params: { reason: 'email' } })
  .transform(normaliseEmail);

/**
 * The organisation number, validated against the organisation's country when one is given (else
 * the number's own format) and normalised. Errors land on `organisationNumber`.
 */
function withOrganisationNumber<T extends { organisationNumber?: string; country?: Country }>(
  value: T,
  ctx: z.RefinementCtx,
): T {
  if (value.organisationNumber === undefined || value.organisationNumber === '') {
    return { ...value, organisationNumber: undefined };
  }
  const parsed = parseOrganisationNumber(value.organisationNumber, value.country);
  if (!parsed.ok) {
    const { ok: _, problem, message, ...params } = parsed;
    ctx.addIssue({
      code: 'custom',
      path: ['organisationNumber'],
      message,
      params: { reason: `organisationNumber.${problem}`, ...params },
    });
    return z.NEVER;
  }
  return { ...value, organisationNumber: parsed.value, country: parsed.country };
}

const organisationFields = {
  name: nameText(200),
  organisationNumber: z.string().max(40, 'At most 40 characters').optional(),
  /** SE or DK; inferred from the number, else from the tenant, when absent. */
  country: countrySchema.optional(),
  industry: optionalText(120),
  /** Where in the municipality (a town, village or district), for planning who has been reached. */
  area: optionalText(80),
  size: z.enum(organisationSizes).optional(),
  organisationType: z.enum(organisationTypes).default('company'),
  tags: tagsSchema,
};

export const organisationInputSchema = z
  .object(organisationFields)
  .strict()
  .transform(withOrganisationNumber);
export type OrganisationInput = z.output<typeof organisationInputSchema>;

/** A full replacement of the editable fields; `expectedVersion`, when given, must be current. */
export const organisationUpdateSchema = z
  .object({ ...organisationFields, expectedVersion: z.number().int().positive().optional() })
  .strict()
  .transform(withOrganisationNumber);
export type OrganisationUpdate = z.output<typeof organisationUpdateSchema>;

export const lawfulBasisInputSchema = z
  .object({
    basis: lawfulBasisSchema,
    /** Where the basis comes from (a form, a meeting, …); defaults to the channel used. */
    source: optionalText(200),
  })
  .strict();

const idSchema = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a valid id');

const contactFields = {
  name: nameText(200),
  email: emailSchema,
  role: optionalText(120),
  /** Defaults to the tenant's language. */
  language: languageSchema.optional(),
  organisationId: idSchema.optional(),
  tags: tagsSchema,
};

export const contactInputSchema = z
  .object({ ...contactFields, lawfulBasis: lawfulBasisInputSchema })
  .strict();
export type ContactInput = z.output<typeof contactInputSchema>;

/**
 * A person's rectification (GDPR Art. 16) as the privacy page takes it: their name, address and
 * organisation; the rest of the contact stays. No organisation: the contact has none.
 */
export const rectificationSchema = z
  .object({
    name: contactFields.name,
    email: contactFields.email,
    organisationId: contactFields.organisationId,
  })
  .strict();
export type Rectification = z.output<typeof rectificationSchema>;

/** The fields a rectification changes on a contact (names, never values). */
export function rectificationChanges(
  contact: Partial<Record<'name' | 'email' | 'organisationId', string>>,
  input: Rectification,
): ('name' | 'email' | 'organisationId')[] {
  return (['name', 'email', 'organisationId'] as const).filter(
    (field) => (contact[field] ?? '') !== (input[field] ?? ''),
  );
}

/** A full replacement; the lawful basis is kept unless a new one is given. */
export const contactUpdateSchema = z
  .object({
    ...contactFields,
    lawfulBasis: lawfulBasisInputSchema.optional(),
    expectedVersion: z.number().int().positive().optional(),
  })
  .strict();
export type ContactUpdate = z.output<typeof contactUpdateSchema>;

export const contactListQuerySchema = z
  .object({
    organisationId: idSchema.optional(),
    tag: z.string().max(40).transform(normaliseTag).optional(),
    ...listPagingFields,
  })
  .strict();

export const organisationListQuerySchema = z.object(listPagingFields).strict();

/** The country a tenant's organisations are in unless told otherwise. */
export function tenantCountry(tenant: { language: Language; timeZone?: string } | undefined): Country {
  if (tenant?.timeZone === 'Europe/Copenhagen' || tenant?.language === 'da') return 'DK';
  return 'SE';
}

/** Uniqueness keys: hashes of the normalised value, so keys never carry the address itself. */
export const hashKey = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 32);
export const emailKey = (email: string) => hashKey(email.trim().toLowerCase());
export const organisationNumberKey = (country: Country, organisationNumber: string) =>
  hashKey(`${country}#${organisationNumber.replace(/\D/g, '')}`);

/** A UUID-shaped id derived from a key: the same key always gives the same record. */
export function idFromKey(key: string): string {
  const hex = createHash('sha256').update(key).digest('hex');
  const variant = ((Number.parseInt(hex[16] ?? '0', 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
