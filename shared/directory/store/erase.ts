import { documentClient } from '../../platform/aws/clients.js';
import type { ErasureOutcome, ErasureSubject } from '../../platform/privacy/personal-data.js';
import { getContact } from './contacts.js';
import { deleteContact } from './organisations.js';

/**
 * Erases a contact from the directory: the contact and its email guard (deleteContact). Last of
 * the capabilities, because the others find the person's items by the contact's id. A repeat
 * finds no contact and does nothing.
 */
export async function eraseDirectoryPerson(
  subject: ErasureSubject,
  client = documentClient,
): Promise<ErasureOutcome> {
  if (!subject.contactId) return { erased: 0, kept: [] };
  const contact = await getContact(subject.tenantId, subject.contactId, client);
  if (!contact) return { erased: 0, kept: [] };
  await deleteContact(subject.tenantId, contact, client);
  return { erased: 1, kept: [] };
}
