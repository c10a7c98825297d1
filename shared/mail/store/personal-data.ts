import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../platform/aws/clients.js';
import { itemRef, type PersonalDataItem } from '../../platform/privacy/personal-data.js';
import { tableName, withoutKeys } from '../../platform/table/table.js';
import { segmentsNaming } from './segments.js';
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

/**
 * The hand-picked segments a contact is in: staff chose them by name for a group of mailings.
 * Found by the contact's id (segments hold ids, not addresses).
 */
export async function segmentPersonalData(
  tenantId: string,
  contactId: string,
  client = documentClient,
): Promise<PersonalDataItem[]> {
  return (await segmentsNaming(tenantId, contactId, client)).map((segment) => ({
    capability: 'mail' as const,
    category: 'segment' as const,
    ref: itemRef({ pk: `T#${tenantId}`, sk: `SEGMENT#${segment.segmentId}` }),
    // Chosen for the office's mailings, as the contact is kept for them.
    lawfulBasis: 'legitimate-interest' as const,
    source: `segment by ${segment.createdBy}`,
    recordedAt: segment.createdAt,
    data: { segment: segment.name },
  }));
}
