import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../platform/aws/clients.js';
import { itemRef, type PersonalDataItem } from '../../platform/privacy/personal-data.js';
import { tableName, withoutKeys } from '../../platform/table/table.js';
import { getCampaign } from './campaigns.js';
import { deliveryKey, recipientDeliveries } from './deliveries.js';
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

/**
 * The mail sent to a person (Art. 15): each delivery to any of their recipient ids (as a contact,
 * as a press subscriber), with the mailing's name and subject, when it was queued and sent, and
 * its outcome. Found through the recipients' index, not by reading every campaign.
 */
export async function deliveryPersonalData(
  tenantId: string,
  recipientIds: readonly string[],
  client = documentClient,
): Promise<PersonalDataItem[]> {
  const deliveries = (
    await Promise.all(recipientIds.map((id) => recipientDeliveries(tenantId, id, client)))
  ).flat();
  const campaigns = new Map(
    await Promise.all(
      [...new Set(deliveries.map((d) => d.campaignId))].map(
        async (id) => [id, await getCampaign(tenantId, id, client)] as const,
      ),
    ),
  );
  return deliveries.map((delivery) => {
    const campaign = campaigns.get(delivery.campaignId);
    return {
      capability: 'mail' as const,
      category: 'mail-delivery' as const,
      ref: itemRef(deliveryKey(tenantId, delivery.campaignId, delivery.contactId)),
      // Sent as part of the office's work with the programme; the record shows it was sent.
      lawfulBasis: 'public-task' as const,
      source: 'mail',
      recordedAt: delivery.queuedAt,
      data: {
        mailing: campaign?.name,
        subject: typeof campaign?.content.subject === 'string' ? campaign.content.subject : undefined,
        status: delivery.status,
        queuedAt: delivery.queuedAt,
        sentAt: delivery.sentAt,
        reason: delivery.reason,
      },
    };
  });
}
