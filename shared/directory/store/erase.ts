import { documentClient } from '../../platform/aws/clients.js';
import type { ErasureOutcome, ErasureSubject } from '../../platform/privacy/personal-data.js';
import { getContact } from './contacts.js';
import {
  plannedContactsHolding,
  removePlannedContacts,
  removeRowsLeftOut,
  rowsLeftOutHolding,
} from './imports.js';
import { deleteContact } from './organisations.js';

/**
 * Erases a person from the directory: their rows left out of recent imports and their contact in
 * previews not yet committed, then the contact and its email guard (deleteContact). After the
 * mail step has put the address on the erased list; before insight, whose markers are written
 * only while the contact exists. A repeat finds no row and no contact, and does nothing.
 */
export async function eraseDirectoryPerson(
  subject: ErasureSubject,
  client = documentClient,
): Promise<ErasureOutcome> {
  let erased = 0;
  for (const found of await rowsLeftOutHolding(subject.tenantId, subject.email, client)) {
    if (await removeRowsLeftOut(subject.tenantId, found.importId, subject.email, client))
      erased += found.rows.length;
  }
  for (const found of await plannedContactsHolding(subject.tenantId, subject.email, client)) {
    if (await removePlannedContacts(subject.tenantId, found.importId, subject.email, client))
      erased += found.contacts.length;
  }
  const contact = subject.contactId
    ? await getContact(subject.tenantId, subject.contactId, client)
    : undefined;
  if (!contact) return { erased, kept: [] };
  await deleteContact(subject.tenantId, contact, client);
  return { erased: erased + 1, kept: [] };
}
