import { documentClient } from '../../platform/aws/clients.js';
import { type Rectification, rectificationChanges } from '../schemas.js';
import { getContact } from './contacts.js';
import { updateContact } from './organisations.js';

/**
 * Corrects a contact's name, address and organisation (GDPR Art. 16), keeping the rest: the
 * directory's own update, so the address guard moves with the address and another contact's
 * address or an unknown organisation is refused (409/422, nothing written). Returns the fields
 * that changed (names, never values); undefined when the contact is gone.
 */
export async function rectifyContact(
  tenantId: string,
  contactId: string,
  input: Rectification,
  actor: string,
  client = documentClient,
): Promise<{ changed: ('name' | 'email' | 'organisationId')[] } | undefined> {
  const before = await getContact(tenantId, contactId, client);
  if (!before) return undefined;
  const changed = rectificationChanges(before, input);
  if (changed.length === 0) return { changed };
  await updateContact(
    before,
    {
      name: input.name,
      email: input.email,
      role: before.role,
      language: before.language,
      organisationId: input.organisationId,
      tags: before.tags ?? [],
    },
    { actor, source: 'privacy-rectification' },
    client,
  );
  return { changed };
}
