import { engagementOf, engagementUpdate } from '../../directory/index.js';
import { requireEnv } from '../../platform/aws/env.js';
import { writeWithEvents } from '../../platform/bus/outbox.js';
import { verifyLinkToken } from '../../platform/mail-kit/link-tokens.js';
import { personRef } from '../../platform/privacy/person-ref.js';
import { isConditionalCheckFailed } from '../../platform/table/table.js';
import { getTenant } from '../../platform/tenants/store.js';
import { auditPut } from '../store.js';

/**
 * The contact and tenant of a keep link, or undefined for a tampered, expired or foreign link and
 * for a contact that is gone: one answer, whatever the cause.
 */
export async function keepOfLink(token: string | undefined) {
  const claims = token ? await verifyLinkToken(token, 'keep-contact') : undefined;
  if (!claims) return undefined;
  const [contact, tenant] = await Promise.all([
    engagementOf(claims.tenantId, claims.subject),
    getTenant(claims.tenantId),
  ]);
  if (!contact || !tenant) return undefined;
  return { contact, tenant };
}

/**
 * The person wants to stay: their engagement now, and an audit entry (a keyed hash, never the
 * address), in one transaction. The retention run sees the engagement after the notice and keeps
 * them. A contact changed meanwhile is read again.
 */
export async function keepContact(
  found: NonNullable<Awaited<ReturnType<typeof keepOfLink>>>,
  now = new Date(),
) {
  const { tenantId } = found.tenant;
  let contact: typeof found.contact | undefined = found.contact;
  for (let attempt = 0; contact && attempt < 3; attempt++) {
    const update = engagementUpdate(tenantId, contact, now.toISOString());
    if (!update) return;
    try {
      await writeWithEvents(
        tenantId,
        [
          update,
          auditPut(
            tenantId,
            {
              action: 'contact-kept',
              actor: 'contact:keep-link',
              what: 'retention notice: the contact chose to stay',
              count: 1,
              personRef: personRef(tenantId, contact.email, requireEnv('LINK_SIGNING_SECRET')),
            },
            now,
          ),
        ],
        [],
      );
      return;
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
      contact = await engagementOf(tenantId, contact.contactId);
    }
  }
}
