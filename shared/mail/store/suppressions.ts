import { DeleteCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { contactKey } from '../../directory/index.js';
import { documentClient } from '../../platform/aws/clients.js';
import { requireEnv } from '../../platform/aws/env.js';
import { personRef } from '../../platform/privacy/person-ref.js';
import { queryAll, tableName, tenantPk } from '../../platform/table/table.js';
import { addressKey } from '../campaign.js';

/**
 * The tenant's suppression list (hard bounces, complaints, staff entries) and unsubscribes.
 * Keys hold a hash of the address; the record keeps the reason and when, as consent law asks.
 */
/** `objected`: the person objected to the processing (GDPR Art. 21); they are not erased. */
export type SuppressionReason = 'bounce' | 'complaint' | 'manual' | 'objected';

export const suppressionKey = (tenantId: string, email: string) => ({
  pk: tenantPk(tenantId),
  sk: `SUPPRESSION#${addressKey(email)}`,
});
export const unsubscribeKey = (tenantId: string, email: string) => ({
  pk: tenantPk(tenantId),
  sk: `UNSUBSCRIBED#${addressKey(email)}`,
});

/**
 * An erased person's address (GDPR Art. 17): kept only as a keyed, per-tenant hash, so that a
 * later import or subscription cannot mail them again without new consent. The unsalted
 * `addressKey` of the other records could be reversed by hashing guessed addresses; this cannot
 * without the deployment's secret.
 */
export const erasedKey = (tenantId: string, email: string, secret = requireEnv('LINK_SIGNING_SECRET')) => ({
  pk: tenantPk(tenantId),
  sk: `ERASED#${personRef(tenantId, email, secret)}`,
});

export async function suppress(
  tenantId: string,
  email: string,
  reason: SuppressionReason,
  detail: { at: string; source: string },
  client = documentClient,
): Promise<void> {
  await client.send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...suppressionKey(tenantId, email),
        type: 'suppression',
        addressKey: addressKey(email),
        reason,
        ...detail,
      },
    }),
  );
}

/**
 * A person's objection (Art. 21(2)–(3)), acted on: no more mail to the address, from any
 * mailing; the person stays in the directory. Repeating it writes the same entry.
 */
export function suppressForObjection(
  tenantId: string,
  email: string,
  detail: { at: string; source: string },
  client = documentClient,
): Promise<void> {
  return suppress(tenantId, email, 'objected', detail, client);
}

export async function removeSuppression(
  tenantId: string,
  key: string,
  client = documentClient,
): Promise<boolean> {
  const result = await client.send(
    new DeleteCommand({
      TableName: tableName(),
      Key: { pk: tenantPk(tenantId), sk: `SUPPRESSION#${key}` },
      ReturnValues: 'ALL_OLD',
    }),
  );
  return Boolean(result.Attributes);
}

export async function listSuppressions(tenantId: string, client = documentClient) {
  const items = await queryAll(tenantPk(tenantId), 'SUPPRESSION#', client);
  return items.map((item) => ({
    addressKey: String(item.addressKey),
    reason: item.reason as SuppressionReason,
    at: String(item.at),
    source: String(item.source),
  }));
}

/** Unsubscribes the address from the tenant's bulk mail, and marks the contact when there is one. */
export async function unsubscribe(
  tenantId: string,
  email: string,
  detail: { at: string; source: string; contactId?: string },
  client = documentClient,
): Promise<void> {
  await client.send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...unsubscribeKey(tenantId, email), type: 'unsubscribe', at: detail.at, source: detail.source },
    }),
  );
  if (detail.contactId) {
    await client
      .send(
        new UpdateCommand({
          TableName: tableName(),
          Key: contactKey(tenantId, detail.contactId),
          UpdateExpression: 'SET unsubscribed = :u',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':u': { at: detail.at, source: detail.source } },
        }),
      )
      .catch((error: { name?: string }) => {
        if (error.name !== 'ConditionalCheckFailedException') throw error;
      });
  }
}

/** The tenant's unsubscribes (one per address, keyed by its hash), with when and through what. */
export async function listUnsubscribes(tenantId: string, client = documentClient) {
  const items = await queryAll(tenantPk(tenantId), 'UNSUBSCRIBED#', client);
  return items.map((item) => ({
    addressKey: String(item.sk).slice('UNSUBSCRIBED#'.length),
    at: String(item.at),
    source: String(item.source),
  }));
}
