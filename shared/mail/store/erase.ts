import { DeleteCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../platform/aws/clients.js';
import type { ErasureOutcome, ErasureSubject } from '../../platform/privacy/personal-data.js';
import { tableName } from '../../platform/table/table.js';
import { deleteDelivery, recipientDeliveries } from './deliveries.js';
import { removeFromSegment, segmentsNaming } from './segments.js';
import { erasedKey, suppressionKey, unsubscribeKey } from './suppressions.js';

/**
 * Erases an address from the mail pipeline: it goes on the erased list as a keyed hash only
 * (`erasedKey`), which the sender checks before every mail, and its suppression and unsubscribe
 * records (unsalted hashes) go; the delivery records to them (as a contact or as a press
 * subscriber, found through the recipients' index) are deleted, the campaigns' counters keep
 * counting them; and the contact leaves the hand-picked segments that name them (a segment left
 * empty reaches no one). The erased entry is written first: at no moment is the address mailable,
 * and a delivery still queued finds its record gone and sends nothing. Repeating it writes the
 * same state.
 */
export async function eraseMailPerson(
  subject: ErasureSubject & { requestId: string; recipientId?: string },
  client = documentClient,
): Promise<ErasureOutcome> {
  const { tenantId, email } = subject;
  await client
    .send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...erasedKey(tenantId, email), type: 'erased-address', requestId: subject.requestId },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    )
    .catch((error: { name?: string }) => {
      if (error.name !== 'ConditionalCheckFailedException') throw error;
    });
  let erased = 0;
  for (const key of [suppressionKey(tenantId, email), unsubscribeKey(tenantId, email)]) {
    const { Attributes } = await client.send(
      new DeleteCommand({ TableName: tableName(), Key: key, ReturnValues: 'ALL_OLD' }),
    );
    if (Attributes) erased++;
  }
  for (const recipientId of [subject.contactId, subject.recipientId]) {
    if (!recipientId) continue;
    for (const delivery of await recipientDeliveries(tenantId, recipientId, client)) {
      if (await deleteDelivery(delivery, client)) erased++;
    }
  }
  if (subject.contactId) {
    for (const segment of await segmentsNaming(tenantId, subject.contactId, client)) {
      if (await removeFromSegment(tenantId, segment.segmentId, subject.contactId, client)) erased++;
    }
  }
  return { erased, kept: [] };
}
