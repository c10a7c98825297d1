import { h } from 'preact';
import { notFound } from '../../shared/platform/http/errors.js';
import { htmlPages, tokenPage } from '../../shared/platform/http/html-pages.js';
import { getTenant } from '../../shared/platform/tenants/store.js';
import { isKnownTimeZone } from '../../shared/platform/texts/wall-clock.js';
import { pageBrand } from '../../shared/platform/ui/brand.js';
import { ErrorPage } from '../../shared/platform/ui/error-page.js';
import { exportOfLink } from '../../shared/privacy/actions/export.js';
import { ExportPage } from '../../shared/privacy/pages/export.js';

/*
 * A person's export (Art. 15/20) behind the signed link staff sent them: a readable page in the
 * tenant's language and the same data as JSON. A tampered, expired or unknown link, or one whose
 * request is gone, is the same 404 as any unknown address.
 */

async function load(token: string | undefined) {
  const found = await exportOfLink(token);
  const tenant = found ? await getTenant(found.request.tenantId) : undefined;
  if (!found || !tenant) throw notFound();
  return { ...found, tenant };
}

const noStore = { 'cache-control': 'no-store', 'x-robots-tag': 'noindex', 'referrer-policy': 'no-referrer' };

export const handler = htmlPages(
  {
    'GET /privacy-export/{token}': tokenPage(async (request) => {
      const token = request.event.pathParameters?.token;
      const { tenant, items, request: asked } = await load(token);
      return {
        kind: 'page',
        headers: noStore,
        body: h(ExportPage, {
          language: tenant.language,
          tenantName: tenant.name,
          brand: pageBrand(tenant),
          timeZone: isKnownTimeZone(tenant.timeZone) ? tenant.timeZone : 'UTC',
          items,
          jsonHref: `/privacy-export/${token}/json`,
          kept: asked.erasure?.kept,
        }),
      };
    }),

    'GET /privacy-export/{token}/json': tokenPage(async (request) => {
      const { tenant, request: asked, items } = await load(request.event.pathParameters?.token);
      return {
        kind: 'raw',
        contentType: 'application/json; charset=utf-8',
        headers: { ...noStore, 'content-disposition': 'attachment; filename="personal-data.json"' },
        body: JSON.stringify(
          {
            controller: tenant.name,
            generatedAt: new Date().toISOString(),
            request: { kind: asked.kind, receivedOn: asked.receivedOn },
            items,
            ...(asked.erasure ? { keptAfterErasure: asked.erasure.kept } : {}),
          },
          null,
          2,
        ),
      };
    }),
  },
  (status, message, language) => h(ErrorPage, { status, message, language }),
);
