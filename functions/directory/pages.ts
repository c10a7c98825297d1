import { h } from 'preact';
import * as z from 'zod';
import { CsvImportError } from '../../shared/directory/csv-import.js';
import { ImportPage, type ImportPageProps } from '../../shared/directory/pages/directory.js';
import { rejectedRowsCsv, rejectedRowsFileName } from '../../shared/directory/rejected-rows.js';
import { lawfulBasisSchema, tenantCountry } from '../../shared/directory/schemas.js';
import {
  commitImport,
  getImport,
  getRejectedRows,
  previewImport,
} from '../../shared/directory/store/imports.js';
import { csvFileProblemText, directoryTexts } from '../../shared/directory/texts.js';
import { notFound } from '../../shared/platform/http/errors.js';
import {
  consolePage,
  htmlPages,
  type PageRequest,
  type PageResult,
} from '../../shared/platform/http/html-pages.js';
import { idParam, validate } from '../../shared/platform/http/request.js';
import { requireRole, type StaffIdentity } from '../../shared/platform/identity/staff.js';
import { recordBulkExport } from '../../shared/platform/privacy/bulk-export.js';
import { ErrorPage } from '../../shared/platform/ui/error-page.js';
import { inConsole as page, type SignedIn as Signed, signedIn } from '../console/shell.js';
import { addressBookRoutes } from './address-book-pages.js';

const canWrite = (identity: StaffIdentity) => identity.role !== 'viewer';

const _contactsQuery = z.object({ tag: z.string().max(40).optional() });
const resultQuery = z.object({ result: idParam.optional() });
const commitForm = z.object({ lawfulBasis: lawfulBasisSchema });

async function importPage(
  request: PageRequest,
  signed: Signed,
  props: Omit<ImportPageProps, 'language' | 'csrfToken' | 'canImport'>,
  status = 200,
): Promise<PageResult> {
  const { language, identity } = signed;
  return page(
    request,
    signed,
    directoryTexts(language).import.title,
    h(ImportPage, { language, csrfToken: request.csrfToken, canImport: canWrite(identity), ...props }),
    status,
  );
}

export const handler = htmlPages(
  {
    ...addressBookRoutes,

    'GET /console/imports': consolePage(async (request) => {
      const signed = await signedIn(request);
      const query = resultQuery.safeParse(request.event.queryStringParameters ?? {});
      const importId = query.success ? query.data.result : undefined;
      const draft = importId ? await getImport(signed.identity.tenantId, importId) : undefined;
      return importPage(request, signed, draft?.result ? { result: draft.result } : {});
    }),

    'GET /console/imports/{importId}/rejected.csv': consolePage(async (request) => {
      const id = idParam.safeParse(request.event.pathParameters?.importId);
      if (!id.success) throw notFound();
      const signed = await signedIn(request);
      requireRole(signed.identity, 'editor');
      const [draft, rejected] = await Promise.all([
        getImport(signed.identity.tenantId, id.data),
        getRejectedRows(signed.identity.tenantId, id.data),
      ]);
      if (!draft || !rejected) throw notFound();
      // The rows hold people's names and addresses: the audit log records who took them.
      await recordBulkExport({
        tenantId: signed.identity.tenantId,
        kind: 'import-rows-left-out',
        subjectId: id.data,
        count: rejected.rows.length,
        actor: signed.identity.staffId,
      });
      return {
        kind: 'file',
        contentType: 'text/csv; charset=utf-8',
        fileName: rejectedRowsFileName(draft.createdAt),
        body: Buffer.from(rejectedRowsCsv(rejected, signed.language), 'utf8'),
      };
    }),

    'POST /console/imports/preview': consolePage(async (request) => {
      const signed = await signedIn(request);
      requireRole(signed.identity, 'editor');
      const file = request.files?.file;
      const text = request.form.csv ?? '';
      const input = file && file.bytes.length > 0 ? file.bytes : text;
      const texts = directoryTexts(signed.language).import;
      if (typeof input === 'string' && input.trim() === '') {
        return importPage(request, signed, { error: texts.fileHint }, 422);
      }
      try {
        const { importId, preview } = await previewImport(
          signed.identity.tenantId,
          input,
          { country: tenantCountry(signed.tenant), language: signed.tenant.language },
          signed.identity.staffId,
        );
        return importPage(request, signed, {
          preview: { importId, summary: preview.summary, rows: preview.rows },
        });
      } catch (error) {
        if (!(error instanceof CsvImportError)) throw error;
        return importPage(
          request,
          signed,
          { error: csvFileProblemText(error, signed.language), csvText: text },
          error.status,
        );
      }
    }),

    'POST /console/imports/{importId}/commit': consolePage(async (request) => {
      const id = idParam.safeParse(request.event.pathParameters?.importId);
      if (!id.success) throw notFound();
      const signed = await signedIn(request);
      requireRole(signed.identity, 'editor');
      const { lawfulBasis } = validate('body', commitForm, request.form, (language) => ({
        lawfulBasis: directoryTexts(language).import.result.basis,
      }));
      await commitImport(signed.identity.tenantId, id.data, lawfulBasis, signed.identity.staffId);
      // Post/redirect/get: a reload shows the result and commits nothing again.
      return { kind: 'redirect', location: `/console/imports?result=${encodeURIComponent(id.data)}` };
    }),
  },
  (status, message, language) => h(ErrorPage, { status, message, language }),
);
