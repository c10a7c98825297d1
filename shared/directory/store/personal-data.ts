import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../platform/aws/clients.js';
import { itemRef, type PersonalDataItem } from '../../platform/privacy/personal-data.js';
import { tableName } from '../../platform/table/table.js';
import { type Contact, contactKey, getContact, organisations } from './contacts.js';
import { getImport, plannedContactsHolding, rowsLeftOutHolding } from './imports.js';
import { emailGuardKey } from './organisations.js';

/**
 * What the directory holds about an address: the contact (found through its email guard, one
 * GetItem, no Scan) and the import it came from, with the lawful basis recorded for it; and, with
 * or without a contact, the rows of recent imports that were left out and hold the address, and
 * the contacts with the address that previews not yet committed would create.
 */
export async function directoryPersonalData(
  tenantId: string,
  email: string,
  client = documentClient,
): Promise<{ contact?: Contact; items: PersonalDataItem[] }> {
  const { Item: guard } = await client.send(
    new GetCommand({ TableName: tableName(), Key: emailGuardKey(tenantId, email), ConsistentRead: true }),
  );
  const leftOut: PersonalDataItem[] = (await rowsLeftOutHolding(tenantId, email, client)).flatMap((found) =>
    found.rows.map((row) => ({
      capability: 'directory' as const,
      category: 'import-rows-left-out' as const,
      // A row inside the import's left-out parts: their key's stem and the row's number in the file.
      ref: `${itemRef({ pk: `T#${tenantId}`, sk: `IMPORT#${found.importId}#REJECTED` })}#ROW#${row.row}`,
      // Kept a day so that staff can correct the row and import it again.
      lawfulBasis: 'legitimate-interest' as const,
      source: `csv-import:${found.importId}`,
      recordedAt: found.createdAt,
      data: Object.fromEntries(found.header.map((column, i) => [column || `#${i + 1}`, row.cells[i] ?? ''])),
    })),
  );
  const planned = (await plannedContactsHolding(tenantId, email, client)).flatMap((found) =>
    found.contacts.map((contact) => ({
      capability: 'directory' as const,
      category: 'import-planned-contact' as const,
      // A contact inside the preview's plan: the plan's key stem and the row's number in the file.
      ref: `${itemRef({ pk: `T#${tenantId}`, sk: `IMPORT#${found.importId}#PART` })}#ROW#${contact.row}`,
      lawfulBasis: 'legitimate-interest' as const,
      source: `csv-import:${found.importId}`,
      recordedAt: found.createdAt,
      data: { ...contact.data },
    })),
  );
  leftOut.push(...planned);
  if (!guard?.contactId) return { items: leftOut };
  const contact = await getContact(tenantId, String(guard.contactId), client);
  if (!contact) return { items: leftOut };
  const organisation = contact.organisationId
    ? (await organisations(tenantId, client)).get(contact.organisationId)
    : undefined;
  const items: PersonalDataItem[] = [
    {
      capability: 'directory',
      category: 'contact',
      ref: itemRef(contactKey(tenantId, contact.contactId)),
      lawfulBasis: contact.lawfulBasis?.basis ?? 'legitimate-interest',
      source: contact.lawfulBasis?.source ?? contact.source ?? 'console',
      recordedAt: contact.createdAt,
      data: {
        name: contact.name,
        email: contact.email,
        role: contact.role,
        language: contact.language,
        tags: contact.tags,
        organisation: organisation?.name,
        unsubscribed: contact.unsubscribed,
        lawfulBasis: contact.lawfulBasis,
        createdAt: contact.createdAt,
        updatedAt: contact.updatedAt,
        // The retention rule's clock: when they last engaged, and when they were told of removal.
        lastEngagedAt: contact.lastEngagedAt,
        noticedAt: contact.noticedAt,
      },
    },
  ];
  const importId = /^csv-import:(.+)$/.exec(contact.source ?? '')?.[1];
  const imported = importId ? await getImport(tenantId, importId, client) : undefined;
  if (imported) {
    items.push({
      capability: 'directory',
      category: 'import',
      ref: itemRef({ pk: `T#${tenantId}`, sk: `IMPORT#${imported.importId}` }),
      lawfulBasis: imported.lawfulBasis ?? contact.lawfulBasis?.basis ?? 'legitimate-interest',
      source: `csv-import:${imported.importId}`,
      recordedAt: imported.createdAt,
      data: { importId: imported.importId, importedAt: imported.result?.committedAt ?? imported.createdAt },
    });
  }
  items.push(...leftOut);
  return { contact, items };
}
