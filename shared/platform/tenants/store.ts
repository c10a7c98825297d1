import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../aws/clients.js';
import { tableName, tenantPk, withoutKeys } from '../table/table.js';
import type { Language } from '../texts/language.js';

export interface Tenant {
  tenantId: string;
  name: string;
  language: Language;
  /** IANA zone; event times are entered and shown in it. */
  timeZone: string;
}

export async function getTenant(tenantId: string, client = documentClient): Promise<Tenant | undefined> {
  const { Item } = await client.send(
    new GetCommand({ TableName: tableName(), Key: { pk: tenantPk(tenantId), sk: 'TENANT' } }),
  );
  return Item ? (withoutKeys(Item) as unknown as Tenant) : undefined;
}
