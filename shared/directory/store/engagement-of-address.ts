import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../platform/aws/clients.js';
import { tableName } from '../../platform/table/table.js';
import { recordEngagement } from './engagement.js';
import { emailGuardKey } from './organisations.js';

/**
 * Records an engagement of the contact with this address (a press subscription confirmed by a
 * journalist who is also a contact), for the retention rule: the
 * contact its address guard names, if any (one GetItem; nothing for an address not in the book).
 */
export async function recordEngagementOfAddress(
  tenantId: string,
  email: string,
  at: string,
  client = documentClient,
): Promise<void> {
  const { Item } = await client.send(
    new GetCommand({ TableName: tableName(), Key: emailGuardKey(tenantId, email) }),
  );
  if (typeof Item?.contactId === 'string') await recordEngagement(tenantId, Item.contactId, at, client);
}
