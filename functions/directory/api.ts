import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod';
import {
  API_PAGE_SIZE,
  contactSearchFields,
  matchesSearch,
  organisationSearchFields,
  pageByName,
} from '../../shared/directory/address-book.js';
import {
  CSV_MAX_BYTES,
  CsvImportError,
  commitRequestSchema,
  type RowDefaults,
} from '../../shared/directory/csv-import.js';
import {
  contactInputSchema,
  contactListQuerySchema,
  contactUpdateSchema,
  organisationInputSchema,
  organisationListQuerySchema,
  organisationUpdateSchema,
  tenantCountry,
} from '../../shared/directory/schemas.js';
import { commitImport, previewImport } from '../../shared/directory/store/imports.js';
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
import { HttpError, notFound } from '../../shared/platform/http/errors.js';
import { jsonApi, staffRoute } from '../../shared/platform/http/json-api.js';
import { header, idParam, parseJsonBody, validate } from '../../shared/platform/http/request.js';
import { getTenant } from '../../shared/platform/tenants/store.js';

const organisationPath = z.object({ organisationId: idParam });
const contactPath = z.object({ contactId: idParam });
const importPath = z.object({ importId: idParam });

/** The tenant's country and language: what an organisation or contact gets when none is given. */
export async function tenantDefaults(tenantId: string): Promise<RowDefaults> {
  const tenant = await getTenant(tenantId);
  return { country: tenantCountry(tenant), language: tenant?.language ?? 'sv' };
}

const previewJsonSchema = z.union([
  z.object({ csv: z.string().min(1, 'Required'), filename: z.string().max(255).optional() }).strict(),
  z
    .object({
      csvBase64: z.base64('Not valid base64').min(1, 'Required'),
      filename: z.string().max(255).optional(),
    })
    .strict(),
]);

const RAW_CSV_TYPES =
  /^(text\/(csv|plain|tab-separated-values)|application\/(csv|vnd\.ms-excel|octet-stream))\b/i;

/**
 * The file of a preview request: JSON `{ csv }` (text) or `{ csvBase64 }` (bytes, for files that
 * are not UTF-8), or the file itself as `text/csv` / `application/octet-stream`.
 */
export function csvFromRequest(event: APIGatewayProxyEventV2): Uint8Array | string {
  const body = event.body ?? '';
  // Base64 is 4/3 of the bytes; JSON escaping adds a little: refuse what cannot fit before parsing.
  const approxBytes = event.isBase64Encoded ? (body.length * 3) / 4 : Buffer.byteLength(body);
  if (approxBytes > CSV_MAX_BYTES * 1.5) {
    throw new HttpError(413, `The file is larger than ${CSV_MAX_BYTES / 1024 / 1024} MB`, [
      { field: 'body.csv', message: 'Too large' },
    ]);
  }
  const type = header(event, 'content-type') ?? '';
  if (RAW_CSV_TYPES.test(type)) {
    if (body === '')
      throw new HttpError(400, 'Request body is required', [{ field: 'body', message: 'Required' }]);
    return event.isBase64Encoded ? Buffer.from(body, 'base64') : Buffer.from(body, 'utf8');
  }
  if (/^application\/([a-z.+-]*\+)?json\b/i.test(type)) {
    const input = validate('body', previewJsonSchema, parseJsonBody(event));
    return 'csv' in input ? input.csv : Buffer.from(input.csvBase64, 'base64');
  }
  throw new HttpError(415, 'Content-Type must be application/json or text/csv', [
    { field: 'headers.content-type', message: 'Expected application/json or text/csv' },
  ]);
}

export function csvError(error: unknown): never {
  if (error instanceof CsvImportError) {
    throw new HttpError(error.status, error.message, [{ field: 'body.csv', message: error.message }]);
  }
  throw error;
}

export const handler = jsonApi({
  /* ---------- organisations ---------- */

  'GET /api/organisations': staffRoute(
    { query: organisationListQuerySchema },
    async ({ identity, query }) => {
      const [organisations, counts] = await Promise.all([
        listOrganisations(identity.tenantId),
        contactCounts(identity.tenantId),
      ]);
      const found = organisations.filter((o) => matchesSearch(organisationSearchFields(o), query.q));
      const page = pageByName(
        found,
        (o) => ({ name: o.name, id: o.organisationId }),
        query.cursor,
        query.limit ?? API_PAGE_SIZE,
      );
      return {
        body: {
          items: page.items.map((o) => ({ ...o, contactCount: counts.get(o.organisationId) ?? 0 })),
          total: page.total,
          ...(page.cursor ? { cursor: page.cursor } : {}),
        },
      };
    },
  ),

  'POST /api/organisations': staffRoute({ body: organisationInputSchema }, async ({ identity, body }) => {
    const country = body.country ?? (await tenantDefaults(identity.tenantId)).country;
    const { organisation } = await createOrganisation(
      identity.tenantId,
      { ...body, country },
      { actor: identity.staffId, source: 'staff-api' },
    );
    return {
      status: 201,
      body: organisation,
      headers: { location: `/api/organisations/${organisation.organisationId}` },
    };
  }),

  'GET /api/organisations/{organisationId}': staffRoute(
    { path: organisationPath },
    async ({ identity, path }) => {
      const organisation = await getOrganisation(identity.tenantId, path.organisationId);
      if (!organisation) throw notFound();
      return { body: organisation };
    },
  ),

  'PUT /api/organisations/{organisationId}': staffRoute(
    { path: organisationPath, body: organisationUpdateSchema },
    async ({ identity, path, body }) => {
      const before = await getOrganisation(identity.tenantId, path.organisationId);
      if (!before) throw notFound();
      const country = body.country ?? before.country ?? (await tenantDefaults(identity.tenantId)).country;
      const after = await updateOrganisation(
        { ...before, tenantId: identity.tenantId },
        { ...body, country },
        { actor: identity.staffId, source: 'staff-api' },
      );
      return { body: after };
    },
  ),

  'DELETE /api/organisations/{organisationId}': staffRoute(
    { role: 'admin', path: organisationPath },
    async ({ identity, path }) => {
      const organisation = await getOrganisation(identity.tenantId, path.organisationId);
      if (!organisation) throw notFound();
      await deleteOrganisation(identity.tenantId, organisation);
      return { status: 204 };
    },
  ),

  /* ---------- contacts ---------- */

  'GET /api/contacts': staffRoute({ query: contactListQuerySchema }, async ({ identity, query }) => {
    const { q, cursor, limit, ...filter } = query;
    const [contacts, organisations] = await Promise.all([
      listContacts(identity.tenantId, filter),
      q ? listOrganisations(identity.tenantId) : [],
    ]);
    const names = new Map(organisations.map((o) => [o.organisationId, o.name]));
    const found = contacts.filter((c) => matchesSearch(contactSearchFields(c, names), q));
    const page = pageByName(
      found,
      (c) => ({ name: c.name, id: c.contactId }),
      cursor,
      limit ?? API_PAGE_SIZE,
    );
    return {
      body: { items: page.items, total: page.total, ...(page.cursor ? { cursor: page.cursor } : {}) },
    };
  }),

  'POST /api/contacts': staffRoute({ body: contactInputSchema }, async ({ identity, body }) => {
    const language = body.language ?? (await tenantDefaults(identity.tenantId)).language;
    const recordedAt = new Date().toISOString();
    const { contact } = await createContact(
      identity.tenantId,
      {
        ...body,
        language,
        lawfulBasis: {
          basis: body.lawfulBasis.basis,
          source: body.lawfulBasis.source || 'staff-api',
          recordedAt,
          recordedBy: identity.staffId,
        },
      },
      { actor: identity.staffId, source: 'staff-api', now: recordedAt },
    );
    return { status: 201, body: contact, headers: { location: `/api/contacts/${contact.contactId}` } };
  }),

  'GET /api/contacts/{contactId}': staffRoute({ path: contactPath }, async ({ identity, path }) => {
    const contact = await getDirectoryContact(identity.tenantId, path.contactId);
    if (!contact) throw notFound();
    return { body: contact };
  }),

  'PUT /api/contacts/{contactId}': staffRoute(
    { path: contactPath, body: contactUpdateSchema },
    async ({ identity, path, body }) => {
      const before = await getDirectoryContact(identity.tenantId, path.contactId);
      if (!before) throw notFound();
      const recordedAt = new Date().toISOString();
      const after = await updateContact(
        before,
        {
          ...body,
          language: body.language ?? before.language,
          lawfulBasis: body.lawfulBasis
            ? {
                basis: body.lawfulBasis.basis,
                source: body.lawfulBasis.source || 'staff-api',
                recordedAt,
                recordedBy: identity.staffId,
              }
            : undefined,
        },
        { actor: identity.staffId, source: 'staff-api', now: recordedAt },
      );
      return { body: after };
    },
  ),

  'DELETE /api/contacts/{contactId}': staffRoute(
    { role: 'admin', path: contactPath },
    async ({ identity, path }) => {
      const contact = await getDirectoryContact(identity.tenantId, path.contactId);
      if (!contact) throw notFound();
      await deleteContact(identity.tenantId, contact);
      return { status: 204 };
    },
  ),

  /* ---------- CSV import ---------- */

  'POST /api/imports/preview': staffRoute({}, async ({ identity, event }) => {
    const csv = csvFromRequest(event);
    const defaults = await tenantDefaults(identity.tenantId);
    const { importId, expiresAt, preview } = await previewImport(
      identity.tenantId,
      csv,
      defaults,
      identity.staffId,
    ).catch(csvError);
    return {
      body: {
        importId,
        expiresAt,
        commit: `/api/imports/${importId}/commit`,
        summary: preview.summary,
        // The row errors as the API has always given them (pages word `issue` in the reader's language).
        rows: preview.rows.map((row) => ({
          ...row,
          errors: row.errors.map(({ issue: _, ...error }) => error),
          warnings: row.warnings.map(({ issue: _, ...warning }) => warning),
        })),
      },
    };
  }),

  'POST /api/imports/{importId}/commit': staffRoute(
    { path: importPath, body: commitRequestSchema },
    async ({ identity, path, body }) => {
      const result = await commitImport(identity.tenantId, path.importId, body.lawfulBasis, identity.staffId);
      return { body: result };
    },
  ),
});
