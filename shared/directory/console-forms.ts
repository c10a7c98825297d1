import type * as z from 'zod';
import type { HttpError } from '../platform/http/errors.js';
import { issueOf, issueText } from '../platform/texts/issues.js';
import type { Language } from '../platform/texts/language.js';
import { addressBookTexts } from './address-book-texts.js';
import type { Contact, Organisation } from './store/contacts.js';
import { directoryIssueWording } from './texts.js';

/**
 * The address book's console forms: stored records to form fields and back, and refusals to
 * messages on the fields, in the reader's language. The same schemas as the JSON API check
 * what is posted, so a form cannot save what the API would refuse.
 */

const text = (value: string | undefined) => value?.trim() ?? '';
const optional = (value: string | undefined) => (text(value) === '' ? undefined : text(value));
const tagList = (value: string | undefined) =>
  text(value)
    .split(/[,;]/)
    .map((t) => t.trim())
    .filter(Boolean);

export function contactFormValues(contact: Contact): Record<string, string> {
  return {
    name: contact.name,
    email: contact.email,
    role: contact.role ?? '',
    language: contact.language,
    organisationId: contact.organisationId ?? '',
    tags: (contact.tags ?? []).join(', '),
    lawfulBasis: '',
    expectedVersion: String(contact.version ?? ''),
  };
}

export function organisationFormValues(organisation: Organisation): Record<string, string> {
  return {
    name: organisation.name,
    organisationNumber: organisation.organisationNumber ?? '',
    country: organisation.country ?? '',
    organisationType: organisation.organisationType,
    size: organisation.size ?? '',
    industry: organisation.industry ?? '',
    area: organisation.area ?? '',
    tags: (organisation.tags ?? []).join(', '),
    expectedVersion: String(organisation.version ?? ''),
  };
}

/** What the contact form posted, shaped for `contactInputSchema` / `contactUpdateSchema`. */
export function contactInputFromForm(form: Record<string, string | undefined>, update: boolean) {
  const basis = optional(form.lawfulBasis);
  const version = Number(form.expectedVersion);
  return {
    name: text(form.name),
    email: text(form.email),
    role: optional(form.role),
    language: optional(form.language),
    organisationId: optional(form.organisationId),
    tags: tagList(form.tags),
    ...(basis ? { lawfulBasis: { basis, source: 'console' } } : update ? {} : { lawfulBasis: undefined }),
    ...(update && Number.isInteger(version) && version > 0 ? { expectedVersion: version } : {}),
  };
}

/** What the organisation form posted, shaped for `organisationInputSchema` / `organisationUpdateSchema`. */
export function organisationInputFromForm(form: Record<string, string | undefined>, update: boolean) {
  const version = Number(form.expectedVersion);
  return {
    name: text(form.name),
    organisationNumber: optional(form.organisationNumber),
    country: optional(form.country),
    organisationType: optional(form.organisationType),
    size: optional(form.size),
    industry: optional(form.industry),
    area: optional(form.area),
    tags: tagList(form.tags),
    ...(update && Number.isInteger(version) && version > 0 ? { expectedVersion: version } : {}),
  };
}

/** A refusal of the schema as messages by form field (`tags.3` → `tags`, `lawfulBasis.basis` → `lawfulBasis`). */
export function fieldErrors(error: z.ZodError, input: unknown, language: Language): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const zodIssue of error.issues) {
    const field = String(zodIssue.path[0] ?? 'name');
    errors[field] ??= issueText(issueOf(zodIssue, input), language, directoryIssueWording);
  }
  return errors;
}

/**
 * A refusal of the store (another record has the address or number, the organisation is gone,
 * someone saved in between) as a message on its field; undefined for anything else.
 */
export function storeRefusal(error: HttpError, language: Language): Record<string, string> | undefined {
  const b = addressBookTexts(language);
  const field = error.details[0]?.field;
  switch (field) {
    case 'body.email':
      return { email: b.emailTaken };
    case 'body.organisationNumber':
      return { organisationNumber: b.numberTaken };
    case 'body.organisationId':
      return { organisationId: b.noSuchOrganisation };
    case 'body.expectedVersion':
      return { name: b.changedMeanwhile };
    case 'path.organisationId':
      return error.statusCode === 409 ? { name: b.hasContacts } : undefined;
    default:
      return undefined;
  }
}
