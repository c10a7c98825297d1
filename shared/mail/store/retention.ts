import { BatchWriteCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../platform/aws/clients.js';
import { tableName, tenantPk } from '../../platform/table/table.js';
import { campaignKey, listCampaigns } from './campaigns.js';

/**
 * Retention of delivery records (who was sent what, and what became of it): the deliveries of
 * campaigns that finished before `cutoff` are deleted. The campaign and its counters stay (the
 * figures are no one's personal data), marked so a later run skips it. Returns how many went.
 */
export async function purgeDeliveries(
  tenantId: string,
  cutoff: string,
  client = documentClient,
): Promise<number> {
  let deleted = 0;
  const due = (await listCampaigns(tenantId, client)).filter(
    (c) =>
      c.finishedAt !== undefined &&
      c.finishedAt < cutoff &&
      !(c as { deliveriesPurgedAt?: string }).deliveriesPurgedAt,
  );
  for (const campaign of due) {
    const pk = `${tenantPk(tenantId)}#CAMPAIGN#${campaign.campaignId}`;
    let cursor: Record<string, unknown> | undefined;
    do {
      const page = await client.send(
        new QueryCommand({
          TableName: tableName(),
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
          ExpressionAttributeValues: { ':pk': pk, ':prefix': 'DELIVERY#' },
          ProjectionExpression: 'pk, sk',
          ExclusiveStartKey: cursor,
          Limit: 25,
        }),
      );
      const keys = (page.Items ?? []).map((item) => ({ pk: item.pk, sk: item.sk }));
      let requests: Record<string, unknown>[] | undefined = keys.map((Key) => ({ DeleteRequest: { Key } }));
      for (let attempt = 0; requests && requests.length > 0; attempt++) {
        if (attempt > 8) throw new Error('BatchWriteItem kept leaving deletes unprocessed');
        const result = await client.send(
          new BatchWriteCommand({ RequestItems: { [tableName()]: requests as never } }),
        );
        requests = result.UnprocessedItems?.[tableName()] as Record<string, unknown>[] | undefined;
      }
      deleted += keys.length;
      cursor = page.LastEvaluatedKey;
    } while (cursor);
    await client.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: campaignKey(tenantId, campaign.campaignId),
        UpdateExpression: 'SET deliveriesPurgedAt = :now',
        ExpressionAttributeValues: { ':now': new Date().toISOString() },
      }),
    );
  }
  return deleted;
}
