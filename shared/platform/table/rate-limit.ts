import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../aws/clients.js';
import { isConditionalCheckFailed, tableName } from './table.js';

/**
 * A fixed-window rate limit kept in the table: one item per key and window
 * (`<pk>` / `RATE#<name>#<window start>`), counted up with a conditional ADD, so concurrent
 * requests never pass more than `limit` in a window. The item expires (TTL) after its window.
 * `name` must not hold personal data (hash an address first).
 */
export async function withinRateLimit(
  input: { pk: string; name: string; limit: number; windowSeconds: number },
  now = new Date(),
  client = documentClient,
): Promise<boolean> {
  const windowMs = input.windowSeconds * 1000;
  const start = Math.floor(now.getTime() / windowMs) * windowMs;
  try {
    await client.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: { pk: input.pk, sk: `RATE#${input.name}#${new Date(start).toISOString()}` },
        UpdateExpression: 'ADD hits :one SET expiresAt = if_not_exists(expiresAt, :exp), #type = :type',
        ConditionExpression: 'attribute_not_exists(hits) OR hits < :limit',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: {
          ':one': 1,
          ':limit': input.limit,
          ':exp': Math.floor((start + windowMs) / 1000) + 60,
          ':type': 'rate',
        },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}
