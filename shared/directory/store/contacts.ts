import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../platform/aws/clients.js';
import { getItem, getItems } from '../../platform/table/get-item.js';
import { tableName, tenantPk } from '../../platform/table/table.js';
import type { Language } from '../../platform/texts/language.js';
import type { Country } from '../org-number.js';
import type { LawfulBasisRecord, OrganisationSize, OrganisationType } from '../schemas.js';

export interface Contact {
  contactId: string;
  tenantId: string;
  organisationId?: string;
  name: string;
  email: string;
  role?: string;
  language: Language;
  tags?: string[];
  unsubscribed?: { at: string; source: string };
  /** Why the tenant may contact this person (GDPR art. 6), as recorded by the directory. */
  lawfulBasis?: LawfulBasisRecord;
  /** Where the record came from: `staff-api`, `console`, `csv-import:<importId>`, `demo data`. */
  source?: string;
  version?: number;
  createdAt?: string;
  createdBy?: string;
  updatedAt?: string;
  updatedBy?: string;
  /** When the contact last engaged, and when the retention rule noticed them (store/engagement.ts). */
  lastEngagedAt?: string;
  noticedAt?: string;
}

export interface Organisation {
  organisationId: string;
  name: string;
  /** One of `organisationTypes` for records the directory writes; a string for older items. */
  organisationType: OrganisationType | string;
  tags?: string[];
  tenantId?: string;
  /** Normalised: `NNNNNN-NNNN` (SE) or `NNNNNNNN` (DK). */
  organisationNumber?: string;
  country?: Country;
  industry?: string;
  /** Where in the municipality: a town, village or district. */
  area?: string;
  size?: OrganisationSize;
  source?: string;
  version?: number;
  createdAt?: string;
  createdBy?: string;
  updatedAt?: string;
  updatedBy?: string;
}

export interface Page<T> {
  items: T[];
  cursor?: Record<string, unknown>;
}

export async function contactsPage(
  tenantId: string,
  cursor: Record<string, unknown> | undefined,
  limit = 100,
  client = documentClient,
): Promise<Page<Contact>> {
  const page = await client.send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': tenantPk(tenantId), ':prefix': 'CONTACT#' },
      ExclusiveStartKey: cursor,
      Limit: limit,
    }),
  );
  return { items: (page.Items ?? []) as Contact[], cursor: page.LastEvaluatedKey };
}

export async function organisations(
  tenantId: string,
  client = documentClient,
): Promise<Map<string, Organisation>> {
  const all = new Map<string, Organisation>();
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': tenantPk(tenantId), ':prefix': 'ORG#' },
        ExclusiveStartKey: cursor,
      }),
    );
    for (const item of page.Items ?? []) all.set(String(item.organisationId), item as Organisation);
    cursor = page.LastEvaluatedKey;
  } while (cursor);
  return all;
}

/** Reads any number of items by key (each key once, 100 per request: `getItems`). */
export async function batchGet(
  keys: { pk: string; sk: string }[],
  client = documentClient,
): Promise<Record<string, unknown>[]> {
  return getItems(keys, { client });
}

export const contactKey = (tenantId: string, contactId: string) => ({
  pk: tenantPk(tenantId),
  sk: `CONTACT#${contactId}`,
});

export async function getContact(
  tenantId: string,
  contactId: string,
  client = documentClient,
): Promise<Contact | undefined> {
  return (await getItem(contactKey(tenantId, contactId), { client })) as Contact | undefined;
}
