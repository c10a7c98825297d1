import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../platform/aws/clients.js';
import { itemRef, type PersonalDataItem } from '../../platform/privacy/personal-data.js';
import { tableName, withoutKeys } from '../../platform/table/table.js';
import { suppressionKey, unsubscribeKey } from './suppressions.js';

/**
 * What the mail pipeline holds about an address, by key: its entry on the suppression list
 * (bounce, complaint, staff) and its unsubscribe record. Both are kept so that no more mail is
 * sent: a legal obligation (Art. 21(3), and the marketing laws).
 */
export async function mailPersonalData(
  tenantId: string,
  email: string,
  client = documentClient,
): Promise<PersonalDataItem[]> {
  const keys = [
    { category: 'suppression' as const, key: suppressionKey(tenantId, email) },
    { category: 'unsubscribe' as const, key: unsubscribeKey(tenantId, email) },
  ];
  const found = await Promise.all(
    keys.map(async ({ category, key }) => ({
      category,
      key,
      item: (await client.send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true })))
        .Item,
    })),
  );
  return found.flatMap(({ category, key, item }) => {
    if (!item) return [];
    const { type: _t, ...data } = withoutKeys(item);
    return [
      {
        capability: 'mail' as const,
        category,
        ref: itemRef(key),
        lawfulBasis: 'legal-obligation' as const,
        source: String(item.source ?? 'mail'),
        recordedAt: typeof item.at === 'string' ? item.at : undefined,
        data,
      },
    ];
  });
}
