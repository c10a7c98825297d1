import { documentClient } from '../../platform/aws/clients.js';
import type { Language } from '../../platform/texts/language.js';
import type { LawfulBasisRecord } from '../schemas.js';
import { type Contact, getContact } from './contacts.js';
import { createContact, UniqueConflict } from './organisations.js';

/**
 * A person who registered themselves (open registration on an event's public page, confirmed
 * from their own mailbox): the contact with that address, or a new one with the lawful basis
 * they gave. An existing contact keeps its own record and basis: the registration adds none.
 * Two confirmations at once find the same contact (the email guard lets one create it).
 */
export async function findOrAddRegistrant(
  tenantId: string,
  person: { name: string; email: string; language: Language },
  lawfulBasis: LawfulBasisRecord,
  meta: { actor: string; source: string },
  client = documentClient,
): Promise<{ contact: Contact; created: boolean }> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const { contact, created } = await createContact(
        tenantId,
        { name: person.name, email: person.email, language: person.language, tags: [], lawfulBasis },
        meta,
        {},
        client,
      );
      return { contact, created };
    } catch (error) {
      if (!(error instanceof UniqueConflict)) throw error;
      // The address is taken: its contact (read again if the guard's owner was not yet visible).
      const existing = error.existingId ? await getContact(tenantId, error.existingId, client) : undefined;
      if (existing) return { contact: existing, created: false };
    }
  }
  throw new Error('registrant: the address is taken but its contact cannot be read');
}
