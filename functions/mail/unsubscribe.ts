import { h } from 'preact';
import { getContact } from '../../shared/directory/store/contacts.js';
import { UnsubscribePage } from '../../shared/mail/pages/unsubscribe.js';
import { unsubscribe } from '../../shared/mail/store/suppressions.js';
import { htmlPages, tokenPage } from '../../shared/platform/http/html-pages.js';
import { verifyLinkToken } from '../../shared/platform/mail-kit/link-tokens.js';
import { logger } from '../../shared/platform/observability/logger.js';
import { getTenant } from '../../shared/platform/tenants/store.js';
import { pageBrand } from '../../shared/platform/ui/brand.js';
import { ErrorPage } from '../../shared/platform/ui/error-page.js';

/**
 * Unsubscribing from bulk mail. GET shows a confirm button (link scanners that follow every
 * URL must not unsubscribe anyone); POST unsubscribes: both the page's button and the RFC 8058
 * one-click POST a mail client makes (`List-Unsubscribe=One-Click`, no cookies). The signed,
 * expiring token in the URL is the only credential; a bad one gets one answer, whatever the cause.
 */
async function resolve(token: string | undefined) {
  const claims = token ? await verifyLinkToken(token, 'unsubscribe') : undefined;
  if (!claims) return undefined;
  const [contact, tenant] = await Promise.all([
    getContact(claims.tenantId, claims.subject),
    getTenant(claims.tenantId),
  ]);
  if (!contact || !tenant) return undefined;
  return { claims, contact, tenant };
}

export const handler = htmlPages(
  {
    'GET /unsubscribe/{token}': tokenPage(async ({ event, language }) => {
      const found = await resolve(event.pathParameters?.token);
      if (!found)
        return { kind: 'page', status: 404, body: h(UnsubscribePage, { language, state: 'invalid' }) };
      const lang = found.contact.language ?? language;
      if (found.contact.unsubscribed) {
        return {
          kind: 'page',
          body: h(UnsubscribePage, {
            language: lang,
            state: 'done',
            tenantName: found.tenant.name,
            brand: pageBrand(found.tenant),
          }),
        };
      }
      return {
        kind: 'page',
        body: h(UnsubscribePage, {
          language: lang,
          state: 'confirm',
          tenantName: found.tenant.name,
          brand: pageBrand(found.tenant),
          action: event.rawPath,
        }),
      };
    }),

    'POST /unsubscribe/{token}': tokenPage(async ({ event, language, form }) => {
      const found = await resolve(event.pathParameters?.token);
      if (!found)
        return { kind: 'page', status: 404, body: h(UnsubscribePage, { language, state: 'invalid' }) };
      const oneClick = form['List-Unsubscribe'] === 'One-Click';
      await unsubscribe(found.claims.tenantId, found.contact.email, {
        at: new Date().toISOString(),
        source: oneClick
          ? `one-click:${found.claims.campaignId ?? ''}`
          : `page:${found.claims.campaignId ?? ''}`,
        contactId: found.contact.contactId,
      });
      logger.info('unsubscribed', {
        tenantId: found.claims.tenantId,
        contactId: found.contact.contactId,
        oneClick,
      });
      return {
        kind: 'page',
        body: h(UnsubscribePage, {
          language: found.contact.language ?? language,
          state: 'done',
          tenantName: found.tenant.name,
          brand: pageBrand(found.tenant),
        }),
      };
    }),
  },
  (status, message, language) => h(ErrorPage, { status, message, language }),
);
