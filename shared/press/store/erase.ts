import { DeleteCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../platform/aws/clients.js';
import { type ErasureOutcome, type ErasureSubject, itemRef } from '../../platform/privacy/personal-data.js';
import { queryAll, tableName, tenantPk } from '../../platform/table/table.js';
import { subscriberIdOf } from '../subscription.js';
import { getPressSettings } from './settings.js';
import { leave } from './subscribers.js';

/**
 * Erases a person from the press room: the subscription ends as leaving does (counters moved,
 * `Unsubscribed` written), then its consent log goes. Repeating it finds nothing and does
 * nothing. A press contact of the municipality is the municipality's own entry (staff edit it
 * in the press-room settings): kept, and listed.
 */
export async function erasePressPerson(
  subject: ErasureSubject,
  client = documentClient,
): Promise<ErasureOutcome> {
  const { tenantId, email } = subject;
  const subscriberId = subscriberIdOf(email);
  let erased = (await leave(tenantId, subscriberId, 'erasure')) ? 1 : 0;
  const consents = await queryAll(`${tenantPk(tenantId)}#SUBSCRIBER#${subscriberId}`, 'CONSENT#', client);
  for (const consent of consents) {
    await client.send(new DeleteCommand({ TableName: tableName(), Key: { pk: consent.pk, sk: consent.sk } }));
    erased++;
  }
  const wanted = email.trim().toLowerCase();
  const contacts = (await getPressSettings(tenantId, client)).contacts.filter(
    (c) => c.email.trim().toLowerCase() === wanted,
  );
  return {
    erased,
    kept: contacts.map((c) => ({
      capability: 'press' as const,
      category: 'press-contact' as const,
      ref: itemRef({ pk: tenantPk(tenantId), sk: `PRESS#SETTINGS#CONTACT#${c.id}` }),
      reason: 'press-contact' as const,
      pseudonymised: false,
    })),
  };
}
