import { h } from 'preact';
import * as z from 'zod';
import {
  CONSOLE_PAGE_SIZE,
  contactSearchFields,
  matchesSearch,
  organisationSearchFields,
  pageByName,
} from '../../shared/directory/address-book.js';
import { addressBookTexts } from '../../shared/directory/address-book-texts.js';
import {
  contactFormValues,
  contactInputFromForm,
  fieldErrors,
  organisationFormValues,
  organisationInputFromForm,
  storeRefusal,
} from '../../shared/directory/console-forms.js';
import { ContactFormPage, OrganisationFormPage } from '../../shared/directory/pages/address-book.js';
import { ContactsPage, OrganisationPage, OrganisationsPage } from '../../shared/directory/pages/directory.js';
import {
  contactInputSchema,
  contactUpdateSchema,
  normaliseTag,
  organisationInputSchema,
  organisationUpdateSchema,
  tenantCountry,
} from '../../shared/directory/schemas.js';
import {
  contactCounts,
  createContact,
  createOrganisation,
  deleteContact,
  deleteOrganisation,
  getDirectoryContact,
  getOrganisation,
  listContacts,
  listOrganisations,
  updateContact,
  updateOrganisation,
} from '../../shared/directory/store/organisations.js';
import { directoryTexts } from '../../shared/directory/texts.js';
import { HttpError, notFound } from '../../shared/platform/http/errors.js';
import {
  consolePage,
  type PageRequest,
  type PageResult,
  type PageRoute,
} from '../../shared/platform/http/html-pages.js';
import { idParam, validate } from '../../shared/platform/http/request.js';
import { requireRole } from '../../shared/platform/identity/staff.js';
import { inConsole as page, type SignedIn, signedIn } from '../console/shell.js';

/**
 * The address book in the console: contacts and organisations searched and paged, added, edited
 * and deleted one at a time. Writes go through the same store and schemas as the staff API; the
 * channel recorded on each change is `console`.
 */

const listQuery = z.object({
  q: z.string().trim().max(100).optional(),
  tag: z.string().trim().max(40).optional(),
  cursor: z.string().max(2000).optional(),
  organisationId: idParam.optional(),
  saved: z.literal('1').optional(),
  deleted: z.literal('1').optional(),
});

const query = (request: PageRequest) =>
  validate('query', listQuery, request.event.queryStringParameters ?? {}, (language) => ({
    q: addressBookTexts(language).searchLabel,
    tag: addressBookTexts(language).tagLabel,
  }));

const pathId = (request: PageRequest, name: 'contactId' | 'organisationId') => {
  const id = idParam.safeParse(request.event.pathParameters?.[name]);
  if (!id.success) throw notFound();
  return id.data;
};

const meta = (who: SignedIn) => ({ actor: who.identity.staffId, source: 'console' });
const redirect = (location: string): PageResult => ({ kind: 'redirect', location });

/** A store refusal the form can show on a field; anything else goes on to the error page. */
function refusalOrThrow(error: unknown, who: SignedIn): Record<string, string> {
  if (error instanceof HttpError) {
    const errors = storeRefusal(error, who.language);
    if (errors) return errors;
  }
  throw error;
}

async function contactForm(
  request: PageRequest,
  who: SignedIn,
  props: {
    contactId?: string;
    values: Record<string, string>;
    errors: Record<string, string>;
    currentBasis?: 'legitimate-interest' | 'consent' | 'public-task';
    saved?: boolean;
  },
): Promise<PageResult> {
  const organisations = await listOrganisations(who.identity.tenantId);
  const b = addressBookTexts(who.language);
  return page(
    request,
    who,
    props.contactId ? props.values.name || b.contactTitle.edit : b.contactTitle.create,
    h(ContactFormPage, {
      language: who.language,
      csrfToken: request.csrfToken,
      organisations,
      canEdit: who.canEdit,
      canDelete: who.identity.role === 'admin',
      ...props,
    }),
    Object.keys(props.errors).length > 0 ? 422 : 200,
  );
}

function organisationForm(
  request: PageRequest,
  who: SignedIn,
  props: { organisationId?: string; values: Record<string, string>; errors: Record<string, string> },
): PageResult {
  const b = addressBookTexts(who.language);
  return page(
    request,
    who,
    props.organisationId ? b.organisationTitle.edit : b.organisationTitle.create,
    h(OrganisationFormPage, {
      language: who.language,
      csrfToken: request.csrfToken,
      canDelete: who.identity.role === 'admin',
      ...props,
    }),
    Object.keys(props.errors).length > 0 ? 422 : 200,
  );
}

export const addressBookRoutes: Record<string, PageRoute> = {
  /* ---------- contacts ---------- */

  'GET /console/contacts': consolePage(async (request) => {
    const who = await signedIn(request);
    const { q, tag, cursor, deleted } = query(request);
    const normalisedTag = tag ? normaliseTag(tag) : undefined;
    const [contacts, organisations] = await Promise.all([
      listContacts(who.identity.tenantId, normalisedTag ? { tag: normalisedTag } : {}),
      listOrganisations(who.identity.tenantId),
    ]);
    const names = new Map(organisations.map((o) => [o.organisationId, o.name]));
    const found = contacts.filter((c) => matchesSearch(contactSearchFields(c, names), q));
    const shown = pageByName(found, (c) => ({ name: c.name, id: c.contactId }), cursor, CONSOLE_PAGE_SIZE);
    return page(
      request,
      who,
      directoryTexts(who.language).contacts.title,
      h(ContactsPage, {
        language: who.language,
        contacts: shown.items,
        organisationNames: names,
        canEdit: who.canEdit,
        deleted: deleted === '1',
        position: {
          q,
          tag,
          offset: shown.offset,
          shown: shown.items.length,
          total: shown.total,
          cursor: shown.cursor,
        },
      }),
    );
  }),

  'GET /console/contacts/new': consolePage(async (request) => {
    const who = await signedIn(request);
    requireRole(who.identity, 'editor');
    const { organisationId } = query(request);
    return contactForm(request, who, {
      values: { language: who.tenant.language, organisationId: organisationId ?? '' },
      errors: {},
    });
  }),

  'POST /console/contacts': consolePage(async (request) => {
    const who = await signedIn(request);
    requireRole(who.identity, 'editor');
    const input = contactInputFromForm(request.form, false);
    const parsed = contactInputSchema.safeParse(input);
    if (!parsed.success) {
      return contactForm(request, who, {
        values: request.form as Record<string, string>,
        errors: fieldErrors(parsed.error, input, who.language),
      });
    }
    const recordedAt = new Date().toISOString();
    try {
      const { contact } = await createContact(
        who.identity.tenantId,
        {
          ...parsed.data,
          language: parsed.data.language ?? who.tenant.language,
          lawfulBasis: {
            basis: parsed.data.lawfulBasis.basis,
            source: 'console',
            recordedAt,
            recordedBy: who.identity.staffId,
          },
        },
        { ...meta(who), now: recordedAt },
      );
      return redirect(`/console/contacts/${encodeURIComponent(contact.contactId)}?saved=1`);
    } catch (error) {
      return contactForm(request, who, {
        values: request.form as Record<string, string>,
        errors: refusalOrThrow(error, who),
      });
    }
  }),

  'GET /console/contacts/{contactId}': consolePage(async (request) => {
    const contactId = pathId(request, 'contactId');
    const who = await signedIn(request);
    const { saved } = query(request);
    // Read with the signed-in tenant: another tenant's contact is simply not found.
    const contact = await getDirectoryContact(who.identity.tenantId, contactId);
    if (!contact) throw notFound();
    return contactForm(request, who, {
      contactId,
      values: contactFormValues(contact),
      errors: {},
      currentBasis: contact.lawfulBasis?.basis,
      saved: saved === '1',
    });
  }),

  'POST /console/contacts/{contactId}': consolePage(async (request) => {
    const contactId = pathId(request, 'contactId');
    const who = await signedIn(request);
    requireRole(who.identity, 'editor');
    const before = await getDirectoryContact(who.identity.tenantId, contactId);
    if (!before) throw notFound();
    const values = { ...(request.form as Record<string, string>) };
    const retry = (errors: Record<string, string>) =>
      contactForm(request, who, { contactId, values, errors, currentBasis: before.lawfulBasis?.basis });
    const input = contactInputFromForm(request.form, true);
    const parsed = contactUpdateSchema.safeParse(input);
    if (!parsed.success) return retry(fieldErrors(parsed.error, input, who.language));
    const recordedAt = new Date().toISOString();
    try {
      await updateContact(
        before,
        {
          ...parsed.data,
          language: parsed.data.language ?? before.language,
          lawfulBasis: parsed.data.lawfulBasis
            ? {
                basis: parsed.data.lawfulBasis.basis,
                source: 'console',
                recordedAt,
                recordedBy: who.identity.staffId,
              }
            : undefined,
        },
        { ...meta(who), now: recordedAt },
      );
    } catch (error) {
      return retry(refusalOrThrow(error, who));
    }
    return redirect(`/console/contacts/${encodeURIComponent(contactId)}?saved=1`);
  }),

  'POST /console/contacts/{contactId}/delete': consolePage(async (request) => {
    const contactId = pathId(request, 'contactId');
    const who = await signedIn(request);
    requireRole(who.identity, 'admin');
    const contact = await getDirectoryContact(who.identity.tenantId, contactId);
    if (!contact) throw notFound();
    await deleteContact(who.identity.tenantId, contact);
    return redirect('/console/contacts?deleted=1');
  }),

  /* ---------- organisations ---------- */

  'GET /console/organisations': consolePage(async (request) => {
    const who = await signedIn(request);
    const { q, cursor } = query(request);
    const [organisations, counts] = await Promise.all([
      listOrganisations(who.identity.tenantId),
      contactCounts(who.identity.tenantId),
    ]);
    const found = organisations.filter((o) => matchesSearch(organisationSearchFields(o), q));
    const shown = pageByName(
      found,
      (o) => ({ name: o.name, id: o.organisationId }),
      cursor,
      CONSOLE_PAGE_SIZE,
    );
    return page(
      request,
      who,
      directoryTexts(who.language).organisations.title,
      h(OrganisationsPage, {
        language: who.language,
        organisations: shown.items.map((o) => ({ ...o, contactCount: counts.get(o.organisationId) ?? 0 })),
        canImport: who.canEdit,
        position: {
          q,
          offset: shown.offset,
          shown: shown.items.length,
          total: shown.total,
          cursor: shown.cursor,
        },
      }),
    );
  }),

  'GET /console/organisations/new': consolePage(async (request) => {
    const who = await signedIn(request);
    requireRole(who.identity, 'editor');
    return organisationForm(request, who, {
      values: { country: tenantCountry(who.tenant), organisationType: 'company' },
      errors: {},
    });
  }),

  'POST /console/organisations': consolePage(async (request) => {
    const who = await signedIn(request);
    requireRole(who.identity, 'editor');
    const values = request.form as Record<string, string>;
    const input = organisationInputFromForm(request.form, false);
    const parsed = organisationInputSchema.safeParse(input);
    if (!parsed.success)
      return organisationForm(request, who, {
        values,
        errors: fieldErrors(parsed.error, input, who.language),
      });
    try {
      const { organisation } = await createOrganisation(
        who.identity.tenantId,
        { ...parsed.data, country: parsed.data.country ?? tenantCountry(who.tenant) },
        meta(who),
      );
      return redirect(`/console/organisations/${encodeURIComponent(organisation.organisationId)}?saved=1`);
    } catch (error) {
      return organisationForm(request, who, { values, errors: refusalOrThrow(error, who) });
    }
  }),

  'GET /console/organisations/{organisationId}': consolePage(async (request) => {
    const organisationId = pathId(request, 'organisationId');
    const who = await signedIn(request);
    const { saved } = query(request);
    // Read with the signed-in tenant: another tenant's organisation is simply not found.
    const [organisation, contacts] = await Promise.all([
      getOrganisation(who.identity.tenantId, organisationId),
      listContacts(who.identity.tenantId, { organisationId }),
    ]);
    if (!organisation) throw notFound();
    return page(
      request,
      who,
      organisation.name,
      h(OrganisationPage, {
        language: who.language,
        organisation,
        contacts,
        canEdit: who.canEdit,
        saved: saved === '1',
      }),
    );
  }),

  'GET /console/organisations/{organisationId}/edit': consolePage(async (request) => {
    const organisationId = pathId(request, 'organisationId');
    const who = await signedIn(request);
    requireRole(who.identity, 'editor');
    const organisation = await getOrganisation(who.identity.tenantId, organisationId);
    if (!organisation) throw notFound();
    return organisationForm(request, who, {
      organisationId,
      values: organisationFormValues(organisation),
      errors: {},
    });
  }),

  'POST /console/organisations/{organisationId}': consolePage(async (request) => {
    const organisationId = pathId(request, 'organisationId');
    const who = await signedIn(request);
    requireRole(who.identity, 'editor');
    const before = await getOrganisation(who.identity.tenantId, organisationId);
    if (!before) throw notFound();
    const values = request.form as Record<string, string>;
    const input = organisationInputFromForm(request.form, true);
    const parsed = organisationUpdateSchema.safeParse(input);
    if (!parsed.success)
      return organisationForm(request, who, {
        organisationId,
        values,
        errors: fieldErrors(parsed.error, input, who.language),
      });
    try {
      await updateOrganisation(
        { ...before, tenantId: who.identity.tenantId },
        { ...parsed.data, country: parsed.data.country ?? before.country ?? tenantCountry(who.tenant) },
        meta(who),
      );
    } catch (error) {
      return organisationForm(request, who, { organisationId, values, errors: refusalOrThrow(error, who) });
    }
    return redirect(`/console/organisations/${encodeURIComponent(organisationId)}?saved=1`);
  }),

  'POST /console/organisations/{organisationId}/delete': consolePage(async (request) => {
    const organisationId = pathId(request, 'organisationId');
    const who = await signedIn(request);
    requireRole(who.identity, 'admin');
    const organisation = await getOrganisation(who.identity.tenantId, organisationId);
    if (!organisation) throw notFound();
    try {
      await deleteOrganisation(who.identity.tenantId, organisation);
    } catch (error) {
      return organisationForm(request, who, {
        organisationId,
        values: organisationFormValues(organisation),
        errors: refusalOrThrow(error, who),
      });
    }
    return redirect('/console/organisations?deleted=1');
  }),
};
