import {
  DeleteMessageBatchCommand,
  type Message,
  ReceiveMessageCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import type { SQSBatchResponse, SQSEvent, SQSRecord } from 'aws-lambda';
import type { QueueSpec } from '../wiring/types.js';
import type { LocalFunction } from './invoke.js';

/** How long an empty receive waits for a message (Lambda's mapping waits up to 20 s). */
const LONG_POLL_SECONDS = 1;

export interface PollerStats {
  batches: number;
  messages: number;
  failedMessages: number;
  maxActive: number;
}

/**
 * Lambda's SQS event source mapping, locally: receive up to `batchSize` messages (waiting at
 * most the batching window to fill a batch), invoke with at most `maxConcurrency` batches in
 * flight, delete what succeeded. Receives long-poll, as the mapping does: a message is taken the
 * moment it arrives, and an idle queue costs one request a second, not a stream of empty ones
 * (which cost every test file a quarter of a core). A thrown error leaves the whole batch; a `batchItemFailures`
 * answer leaves just those messages. Either way they reappear after the visibility timeout,
 * and the queue's redrive policy moves them to the DLQ after `maxReceives` receives.
 */
export class QueuePoller {
  readonly stats: PollerStats = { batches: 0, messages: 0, failedMessages: 0, maxActive: 0 };
  private active = 0;
  private running = false;
  private loop: Promise<void> | undefined;
  private readonly inFlight = new Set<Promise<void>>();

  constructor(
    private readonly sqs: SQSClient,
    private readonly queueUrl: string,
    private readonly spec: QueueSpec,
    private readonly fn: LocalFunction,
    private readonly options: { log?: (message: string) => void } = {},
  ) {}

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    await Promise.allSettled([...this.inFlight]);
  }

  private async run(): Promise<void> {
    while (this.running) {
      if (this.active >= this.spec.maxConcurrency) {
        await Promise.race([...this.inFlight]);
        continue;
      }
      let messages: Message[] = [];
      try {
        messages = await this.receiveBatch();
      } catch (error) {
        this.options.log?.(`queue ${this.spec.name}: receive failed: ${(error as Error).message}`);
        await new Promise((r) => setTimeout(r, 200));
        continue;
      }
      if (messages.length === 0) continue;
      const batch = this.invoke(messages).finally(() => this.inFlight.delete(batch));
      this.inFlight.add(batch);
    }
  }

  private async receiveBatch(): Promise<Message[]> {
    const messages: Message[] = [];
    const windowEnds = Date.now() + (this.spec.maxBatchingWindowSeconds ?? 0) * 1000;
    do {
      const { Messages } = await this.sqs.send(
        new ReceiveMessageCommand({
          QueueUrl: this.queueUrl,
          MaxNumberOfMessages: Math.min(10, this.spec.batchSize - messages.length),
          // The first receive waits up to a second for a message (stop() waits for it, so no
          // abandoned receive is left to take a message nobody reads); the rest fill the batch.
          WaitTimeSeconds: messages.length === 0 ? LONG_POLL_SECONDS : 0,
          MessageSystemAttributeNames: ['All'],
          AttributeNames: ['All'],
          MessageAttributeNames: ['All'],
        }),
      );
      messages.push(...(Messages ?? []));
      if (!Messages?.length && messages.length > 0) break;
      if (!Messages?.length) return messages;
    } while (messages.length < this.spec.batchSize && Date.now() < windowEnds && this.running);
    return messages;
  }

  private async invoke(messages: Message[]): Promise<void> {
    this.active += 1;
    this.stats.maxActive = Math.max(this.stats.maxActive, this.active);
    this.stats.batches += 1;
    this.stats.messages += messages.length;
    const event: SQSEvent = { Records: messages.map((m) => this.toRecord(m)) };
    let failed = new Set<string>(messages.map((m) => m.MessageId ?? ''));
    try {
      const response = (await this.fn.invoke(event)) as SQSBatchResponse | undefined;
      const failures = response?.batchItemFailures ?? [];
      // Lambda treats an identifier it did not send as a failure of the whole batch.
      const known = new Set(failed);
      failed = failures.every((f) => known.has(f.itemIdentifier))
        ? new Set(failures.map((f) => f.itemIdentifier))
        : failed;
    } catch (error) {
      this.options.log?.(
        `queue ${this.spec.name}: batch of ${messages.length} failed: ${(error as Error).message}`,
      );
    } finally {
      this.active -= 1;
    }
    this.stats.failedMessages += failed.size;
    const done = messages.filter((m) => !failed.has(m.MessageId ?? ''));
    for (let i = 0; i < done.length; i += 10) {
      await this.sqs
        .send(
          new DeleteMessageBatchCommand({
            QueueUrl: this.queueUrl,
            Entries: done.slice(i, i + 10).map((m, j) => ({ Id: String(j), ReceiptHandle: m.ReceiptHandle })),
          }),
        )
        .catch((error) =>
          this.options.log?.(`queue ${this.spec.name}: delete failed: ${(error as Error).message}`),
        );
    }
  }

  private toRecord(message: Message): SQSRecord {
    const attributes = message.Attributes ?? {};
    return {
      messageId: message.MessageId ?? '',
      receiptHandle: message.ReceiptHandle ?? '',
      body: message.Body ?? '',
      attributes: {
        ApproximateReceiveCount: attributes.ApproximateReceiveCount ?? '1',
        SentTimestamp: attributes.SentTimestamp ?? String(Date.now()),
        SenderId: attributes.SenderId ?? 'local',
        ApproximateFirstReceiveTimestamp: attributes.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
      },
      messageAttributes: {},
      md5OfBody: message.MD5OfBody ?? '',
      eventSource: 'aws:sqs',
      eventSourceARN: `arn:aws:sqs:eu-north-1:000000000000:${this.spec.name}`,
      awsRegion: 'eu-north-1',
    };
  }
}
