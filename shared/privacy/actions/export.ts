import { pendingEvent, writeWithEvents } from '../../platform/bus/outbox.js';
import { signLinkToken, verifyLinkToken } from '../../platform/mail-kit/link-tokens.js';
import { PersonalDataExported } from '../events.js';
import { auditPut, getRequest, type PrivacyRequest } from '../store.js';
import { findPerson } from './find.js';

/** How long an export link works (Decidim's "download your data" keeps its file as long). */
export const EXPORT_LINK_DAYS = 7;

/**
 * Prepares a person's export: counts what is held now, records the export in the audit log (with
 * its event), and signs a link that works for seven days. The link names the request, not the
 * person; what it shows is read when it is opened, so an erasure since then shows in it.
 */
export async function prepareExport(
  request: PrivacyRequest,
  actor: string,
  now = new Date(),
): Promise<{ token: string; count: number }> {
  const found = request.email ? await findPerson(request.tenantId, request.email) : { items: [] };
  const count = found.items.length;
  await writeWithEvents(
    request.tenantId,
    [
      auditPut(
        request.tenantId,
        {
          action: 'export',
          actor,
          what: `${request.kind} request: export link (${EXPORT_LINK_DAYS} days)`,
          count,
          personRef: request.personRef,
          requestId: request.requestId,
        },
        now,
      ),
    ],
    [
      pendingEvent(PersonalDataExported, {
        tenantId: request.tenantId,
        requestId: request.requestId,
        count,
        actor,
      }),
    ],
  );
  const token = await signLinkToken(
    { purpose: 'privacy-export', tenantId: request.tenantId, subject: request.requestId },
    EXPORT_LINK_DAYS * 24 * 3600,
  );
  return { token, count };
}

/**
 * The export behind a link: the request it names (in the link's tenant) and what is held now.
 * Undefined for a tampered, expired or foreign link, or a request that is gone: one answer.
 */
export async function exportOfLink(token: string | undefined) {
  const claims = token ? await verifyLinkToken(token, 'privacy-export') : undefined;
  if (!claims) return undefined;
  const request = await getRequest(claims.tenantId, claims.subject);
  if (!request) return undefined;
  // After an erasure the request no longer names the person: nothing is found, the kept items are listed.
  const found = request.email ? await findPerson(request.tenantId, request.email) : { items: [] };
  return { request, items: found.items };
}
