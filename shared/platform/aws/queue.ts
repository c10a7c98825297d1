import {
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
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

/** What one redrive call did. */
export interface RedriveResult {
  /** Messages moved back into the queue by this call. */
  moved: number;
  /**
   * Whether the DLQ may still hold messages: the call stopped at its limit or its time, or SQS
   * still counts some. Call again until it is false.
   */
  more: boolean;
}

export interface RedriveOptions {
  /** Moves at most this many messages per call. */
  limit?: number;
  /**
   * The time the caller has left, in milliseconds (a Lambda context's `getRemainingTimeInMillis`):
   * no round (receive, send, delete) starts with less than `reserveMs` left.
   */
  remainingMs?: () => number;
  /** What one round may take at worst (SQS retries included), kept in hand for it. */
  reserveMs?: number;
  client?: SQSClient;
}

/** Per call: 30 rounds of 10, about 2 s in AWS, well inside an API function's time. */
export const REDRIVE_LIMIT = 300;
const REDRIVE_RESERVE_MS = 3000;

/**
 * Moves messages from a DLQ back into its queue, a bounded amount per call: at most `limit`, and
 * only while `remainingMs` allows another round, so a large DLQ never outlives the caller's
 * timeout; `more` says whether to call again. Send first, then delete, so a crash in between
 * duplicates a message rather than losing it (consumers are idempotent). Works the same on SQS and
 * on the local emulator, which has no StartMessageMoveTask.
 */
export async function redrive(
  fromUrl: string,
  toUrl: string,
  options: RedriveOptions = {},
): Promise<RedriveResult> {
  const {
    limit = REDRIVE_LIMIT,
    remainingMs = () => Number.POSITIVE_INFINITY,
    reserveMs = REDRIVE_RESERVE_MS,
    client = sqs,
  } = options;
  let moved = 0;
  for (;;) {
    if (moved >= limit || remainingMs() < reserveMs) return { moved, more: true };
    const { Messages } = await client.send(
      new ReceiveMessageCommand({
        QueueUrl: fromUrl,
        MaxNumberOfMessages: Math.min(10, limit - moved),
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
  // A short-polling receive may answer empty while messages remain (SQS samples its hosts).
  const { Attributes } = await client.send(
    new GetQueueAttributesCommand({ QueueUrl: fromUrl, AttributeNames: ['ApproximateNumberOfMessages'] }),
  );
  return { moved, more: Number(Attributes?.ApproximateNumberOfMessages ?? 0) > 0 };
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

/** As sendAll, each message hidden for its own delay first (SQS allows up to 15 minutes). */
export async function sendAllDelayed(
  url: string,
  messages: { body: unknown; delaySeconds: number }[],
  client: SQSClient = sqs,
): Promise<void> {
  await sendEntries(
    url,
    messages.map((m) => ({
      MessageBody: JSON.stringify(m.body),
      DelaySeconds: Math.min(900, Math.max(0, Math.ceil(m.delaySeconds))),
    })),
    client,
  );
}

/** As sendAll, for bodies that are already text (a re-driven message is moved as it is). */
export async function sendRawBodies(url: string, bodies: string[], client: SQSClient = sqs): Promise<void> {
  await sendEntries(
    url,
    bodies.map((body) => ({ MessageBody: body })),
    client,
  );
}

/** Ten to a call; what SQS refuses is sent again, a few times, then it throws. */
async function sendEntries(
  url: string,
  messages: { MessageBody: string; DelaySeconds?: number }[],
  client: SQSClient,
): Promise<void> {
  for (let i = 0; i < messages.length; i += 10) {
    let entries = messages.slice(i, i + 10).map((m, j) => ({ Id: String(j), ...m }));
    for (let attempt = 0; entries.length > 0; attempt++) {
      if (attempt > 5) throw new Error(`SQS kept refusing ${entries.length} messages`);
      if (attempt > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
      const result = await client.send(new SendMessageBatchCommand({ QueueUrl: url, Entries: entries }));
      const failed = new Set((result.Failed ?? []).map((f) => f.Id));
      entries = entries.filter((e) => failed.has(e.Id));
    }
  }
}
