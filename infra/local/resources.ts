import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ResourceNotFoundException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBStreamsClient } from '@aws-sdk/client-dynamodb-streams';
import { CreateQueueCommand, GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { Wiring } from '../wiring/types.js';

/** The recipients' index (stateful-stack.ts GSI2): sparse, keys only. */
const gsi2 = {
  IndexName: 'gsi2',
  KeySchema: [
    { AttributeName: 'gsi2pk', KeyType: 'HASH' as const },
    { AttributeName: 'gsi2sk', KeyType: 'RANGE' as const },
  ],
  Projection: { ProjectionType: 'KEYS_ONLY' as const },
};

/**
 * The table as the stateful stack declares it: keys, the sparse `gsi1` and `gsi2`, TTL on
 * `expiresAt`, and a stream of new images (the outbox relay reads it).
 */
export async function ensureTable(client: DynamoDBClient, tableName: string): Promise<void> {
  try {
    const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    // A data folder from before the outbox: its table gets the stream now.
    if (!Table?.StreamSpecification?.StreamEnabled) {
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
        }),
      );
    }
    // A data folder from before the recipients' index: its table gets it now.
    if (!Table?.GlobalSecondaryIndexes?.some((index) => index.IndexName === gsi2.IndexName)) {
      await client.send(
        new UpdateTableCommand({
          TableName: tableName,
          AttributeDefinitions: [
            { AttributeName: 'gsi2pk', AttributeType: 'S' },
            { AttributeName: 'gsi2sk', AttributeType: 'S' },
          ],
          GlobalSecondaryIndexUpdates: [{ Create: gsi2 }],
        }),
      );
      // Built from the items already there: queried only once it is ACTIVE.
      for (let attempt = 0; ; attempt++) {
        const { Table: now } = await client.send(new DescribeTableCommand({ TableName: tableName }));
        const status = now?.GlobalSecondaryIndexes?.find((i) => i.IndexName === gsi2.IndexName)?.IndexStatus;
        if (status === 'ACTIVE') break;
        if (attempt >= 300) throw new Error(`Index ${gsi2.IndexName} still ${status} after a minute`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    return;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
      AttributeDefinitions: [
        { AttributeName: 'pk', AttributeType: 'S' },
        { AttributeName: 'sk', AttributeType: 'S' },
        { AttributeName: 'gsi1pk', AttributeType: 'S' },
        { AttributeName: 'gsi1sk', AttributeType: 'S' },
        { AttributeName: 'gsi2pk', AttributeType: 'S' },
        { AttributeName: 'gsi2sk', AttributeType: 'S' },
      ],
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' },
        { AttributeName: 'sk', KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: [
        {
          IndexName: 'gsi1',
          KeySchema: [
            { AttributeName: 'gsi1pk', KeyType: 'HASH' },
            { AttributeName: 'gsi1sk', KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
        gsi2,
      ],
    }),
  );
  // DynamoDB Local accepts the setting but never expires items; nothing here relies on expiry.
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: 'expiresAt', Enabled: true },
    }),
  );
}

export interface LocalQueue {
  name: string;
  url: string;
  dlqUrl: string;
}

/** Each wired queue with its DLQ and redrive policy, as the stateless stack creates them. */
export async function ensureQueues(
  client: SQSClient,
  prefix: string,
  wiring: Wiring,
  visibilityTimeoutOverrideSeconds?: number,
): Promise<Map<string, LocalQueue>> {
  const queues = new Map<string, LocalQueue>();
  for (const fn of wiring) {
    if (!fn.queue) continue;
    const spec = fn.queue;
    const dlq = await client.send(
      new CreateQueueCommand({
        QueueName: `${prefix}-${spec.name}-dlq`,
        Attributes: { MessageRetentionPeriod: String(14 * 24 * 3600) },
      }),
    );
    const dlqUrl = dlq.QueueUrl as string;
    const { Attributes } = await client.send(
      new GetQueueAttributesCommand({ QueueUrl: dlqUrl, AttributeNames: ['QueueArn'] }),
    );
    const queue = await client.send(
      new CreateQueueCommand({
        QueueName: `${prefix}-${spec.name}`,
        Attributes: {
          VisibilityTimeout: String(visibilityTimeoutOverrideSeconds ?? spec.visibilityTimeoutSeconds),
          RedrivePolicy: JSON.stringify({
            deadLetterTargetArn: Attributes?.QueueArn,
            maxReceiveCount: spec.maxReceives,
          }),
        },
      }),
    );
    queues.set(spec.name, { name: spec.name, url: queue.QueueUrl as string, dlqUrl });
  }
  return queues;
}

export function localClients(endpoints: { dynamodb: string; sqs: string }) {
  const common = { region: 'eu-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
  return {
    dynamodb: new DynamoDBClient({ ...common, endpoint: endpoints.dynamodb }),
    sqs: new SQSClient({ ...common, endpoint: endpoints.sqs }),
    // DynamoDB Local serves the Streams API on the same port.
    streams: new DynamoDBStreamsClient({ ...common, endpoint: endpoints.dynamodb }),
  };
}
