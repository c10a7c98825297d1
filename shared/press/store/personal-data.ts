import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../platform/aws/clients.js';
import { itemRef, type PersonalDataItem } from '../../platform/privacy/personal-data.js';
import { queryAll, tableName, tenantPk, withoutKeys } from '../../platform/table/table.js';
import { recipientIdOf, subscriberIdOf } from '../subscription.js';
import { getPressSettings } from './settings.js';

/**
 * What the press room holds about an address: the subscription (its key is the address's hash),
 * the consent log beside it (what was agreed to, in which words, when), and a press contact
 * entry when the address is one of the tenant's press contacts. All by key.
 */
/** The id under which the mail pipeline records what it sent to the address as a subscriber. */
export const pressRecipientIdOf = (email: string) => recipientIdOf(subscriberIdOf(email));

export async function pressPersonalData(
  tenantId: string,
  email: string,
  client = documentClient,
): Promise<{ recipientId: string; items: PersonalDataItem[] }> {
  const subscriberId = subscriberIdOf(email);
  const subscriberKey = { pk: tenantPk(tenantId), sk: `SUBSCRIBER#${subscriberId}` };
  const consentPk = `${tenantPk(tenantId)}#SUBSCRIBER#${subscriberId}`;
  const [{ Item: subscriber }, consents, settings] = await Promise.all([
    client.send(new GetCommand({ TableName: tableName(), Key: subscriberKey, ConsistentRead: true })),
    queryAll(consentPk, 'CONSENT#', client),
    getPressSettings(tenantId, client),
  ]);
  const items: PersonalDataItem[] = [];
  if (subscriber) {
    const { type: _t, ...data } = withoutKeys(subscriber);
    items.push({
      capability: 'press',
      category: 'press-subscription',
      ref: itemRef(subscriberKey),
      lawfulBasis: 'consent',
      source: String((subscriber.consent as { source?: string } | undefined)?.source ?? 'subscription form'),
      recordedAt: String(subscriber.createdAt),
      data,
    });
  }
  for (const consent of consents) {
    const { type: _t, ...data } = withoutKeys(consent);
    items.push({
      capability: 'press',
      category: 'press-consent',
      ref: itemRef({ pk: String(consent.pk), sk: String(consent.sk) }),
      // Keeping proof of a consent and of its withdrawal is a legal obligation (Art. 7(1)).
      lawfulBasis: 'legal-obligation',
      source: String(consent.source ?? 'subscription form'),
      recordedAt: String(consent.at),
      data,
    });
  }
  const wanted = email.trim().toLowerCase();
  for (const contact of settings.contacts.filter((c) => c.email.trim().toLowerCase() === wanted)) {
    items.push({
      capability: 'press',
      category: 'press-contact',
      ref: itemRef({ pk: tenantPk(tenantId), sk: `PRESS#SETTINGS#CONTACT#${contact.id}` }),
      lawfulBasis: 'public-task',
      source: 'press room settings',
      data: { ...contact },
    });
  }
  return { recipientId: recipientIdOf(subscriberId), items };
}
