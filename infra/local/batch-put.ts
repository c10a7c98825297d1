import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../shared/platform/aws/clients.js';

/** Writes items 25 at a time (BatchWriteItem's limit), the batches side by side, until none is left unprocessed. */
export async function batchPut(table: string, items: Record<string, unknown>[]): Promise<void> {
  const batches: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) batches.push(items.slice(i, i + 25));
  await Promise.all(
    batches.map(async (batch) => {
      let requests: { PutRequest: { Item: Record<string, unknown> } }[] | undefined = batch.map((Item) => ({
        PutRequest: { Item },
      }));
      for (let attempt = 0; requests?.length; attempt++) {
        if (attempt > 0) await new Promise((r) => setTimeout(r, 50 * attempt));
        const { UnprocessedItems } = await documentClient.send(
          new BatchWriteCommand({ RequestItems: { [table]: requests } }),
        );
        requests = UnprocessedItems?.[table] as typeof requests;
      }
    }),
  );
}
