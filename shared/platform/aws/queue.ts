import {
  DeleteMessageBatchCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { sqs } from './clients.js';
import { requireEnv } from './env.js';

/** The URL of a wired queue, from `QUEUE_URL_<NAME>` (see ENV.queueUrl in the wiring types). */
export const queueUrl = (name: string) =>
  requireEnv(`QUEUE_URL_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`);
export const deadLetterQueueUrl = (name: string) =>
  requireEnv(`DLQ_URL_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`);

/**
 * Moves up to `limit` messages from a DLQ back into its queue (send first, then delete, so a
 * crash in between duplicates a message rather than losing it; consumers are idempotent).
 * Works the same on SQS and on the local emulator, which has no StartMessageMoveTask.
 */
export async function redrive(
  fromUrl: string,
  toUrl: string,
  limit = 1000,
  client: SQSClient = sqs,
): Promise<number> {
  let moved = 0;
  while (moved < limit) {
    const { Messages } = await client.send(
      new ReceiveMessageCommand({
        QueueUrl: fromUrl,
        MaxNumberOfMessages: 10,
        WaitTimeSeconds: 0,
        VisibilityTimeout: 60,
      }),
    );
    if (!Messages?.length) break;
    await sendRawBodies(
      toUrl,
      Messages.map((m) => m.Body ?? ''),
      client,
    );
    await client.send(
      new DeleteMessageBatchCommand({
        QueueUrl: fromUrl,
        Entries: Messages.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle })),
      }),
    );
    moved += Messages.length;
  }
  return moved;
}

/**
 * Sends any number of JSON messages, 10 per request, resending entries SQS reports as failed
 * (SendMessageBatch answers 200 even when some entries were not accepted).
 */
export async function sendAll(url: string, bodies: unknown[], client: SQSClient = sqs): Promise<void> {
  await sendRawBodies(
    url,
    bodies.map((body) => JSON.stringify(body)),
    client,
  );
}

/** As sendAll, for bodies that are already text (a re-driven message is moved as it is). */
export async function sendRawBodies(url: string, bodies: string[], client: SQSClient = sqs): Promise<void> {
  for (let i = 0; i < bodies.length; i += 10) {
    let entries = bodies.slice(i, i + 10).map((body, j) => ({ Id: String(j), MessageBody: body }));
    for (let attempt = 0; entries.length > 0; attempt++) {
      if (attempt > 5) throw new Error(`SQS kept refusing ${entries.length} messages`);
      if (attempt > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
      const result = await client.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: entries }));
      const failed = new Set((result.Failed ?? []).map((f) => f.Id));
      entries = entries.filter((e) => failed.has(e.Id));
    }
  }
}
