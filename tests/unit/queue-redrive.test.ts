import {
  DeleteMessageBatchCommand,
  GetQueueAttributesCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  type SQSClient,
} from '@aws-sdk/client-sqs';
import { describe, expect, it } from 'vitest';
import { REDRIVE_LIMIT, redrive } from '../../shared/platform/aws/queue.js';

/**
 * A DLQ re-drive runs inside an API request (mail-api, 10 s): each call moves a bounded amount,
 * starts no round it may not finish in the time left, and says whether more remain.
 */

/** An SQS stand-in with a DLQ of `count` messages; every call advances a clock by `callMs`. */
function fakeSqs(count: number, options: { callMs?: number; emptyReceives?: number } = {}) {
  const dlq = Array.from({ length: count }, (_, i) => `message-${i}`);
  const inFlight = new Map<string, string>();
  const queue: string[] = [];
  const calls: string[] = [];
  let emptyReceives = options.emptyReceives ?? 0;
  const state = { now: 0, dlq, queue, calls };
  const client = {
    send: async (command: unknown) => {
      state.now += options.callMs ?? 0;
      if (command instanceof ReceiveMessageCommand) {
        calls.push('receive');
        const max = command.input.MaxNumberOfMessages ?? 1;
        expect(max).toBeLessThanOrEqual(10);
        // Short polling: SQS may answer empty although messages wait.
        if (emptyReceives > 0) {
          emptyReceives -= 1;
          return { Messages: [] };
        }
        const taken = dlq.splice(0, max);
        return {
          Messages: taken.map((body) => {
            const handle = `handle-${body}`;
            inFlight.set(handle, body);
            return { Body: body, ReceiptHandle: handle };
          }),
        };
      }
      if (command instanceof SendMessageBatchCommand) {
        calls.push('send');
        queue.push(...(command.input.Entries ?? []).map((e) => e.MessageBody ?? ''));
        return { Successful: command.input.Entries, Failed: [] };
      }
      if (command instanceof DeleteMessageBatchCommand) {
        calls.push('delete');
        for (const entry of command.input.Entries ?? []) inFlight.delete(entry.ReceiptHandle ?? '');
        return {};
      }
      if (command instanceof GetQueueAttributesCommand) {
        calls.push('attributes');
        return { Attributes: { ApproximateNumberOfMessages: String(dlq.length) } };
      }
      throw new Error(`unexpected ${String(command)}`);
    },
  } as unknown as SQSClient;
  return { client, state, inFlight };
}

describe('redrive moves a bounded amount per call', () => {
  it('at most its limit, and says more remain', async () => {
    const { client, state, inFlight } = fakeSqs(1000);
    const first = await redrive('dlq', 'queue', { client });
    expect(first).toEqual({ moved: REDRIVE_LIMIT, more: true });
    expect(REDRIVE_LIMIT).toBeLessThan(1000);
    expect(state.queue).toHaveLength(REDRIVE_LIMIT);
    expect(state.dlq).toHaveLength(1000 - REDRIVE_LIMIT);
    // Nothing received is left hanging: every message taken was sent on and deleted.
    expect(inFlight.size).toBe(0);
  });

  it('calls until `more` is false move everything, once', async () => {
    const { client, state } = fakeSqs(1000);
    let total = 0;
    let calls = 0;
    for (let more = true; more; calls++) {
      const result = await redrive('dlq', 'queue', { client, limit: 300 });
      total += result.moved;
      more = result.more;
    }
    expect(total).toBe(1000);
    expect(calls).toBe(4);
    expect(new Set(state.queue).size).toBe(1000);
  });

  it('starts no round with less than the reserve left', async () => {
    // 100 ms per SQS call, 10 s for the request: a round (receive, send, delete) takes 300 ms.
    const { client, state } = fakeSqs(1000, { callMs: 100 });
    const result = await redrive('dlq', 'queue', {
      client,
      limit: 1000,
      remainingMs: () => 10_000 - state.now,
      reserveMs: 3000,
    });
    expect(result.more).toBe(true);
    expect(result.moved).toBeGreaterThan(0);
    expect(result.moved).toBeLessThan(1000);
    // The last round started with at least 3 s left, so the call ended inside the 10 s.
    expect(state.now).toBeLessThanOrEqual(10_000 - 3000 + 300);
    expect(state.calls.at(-1)).toBe('delete');
  });

  it('an empty DLQ answers more: false; an empty short poll with messages waiting answers more: true', async () => {
    const empty = fakeSqs(0);
    await expect(redrive('dlq', 'queue', { client: empty.client })).resolves.toEqual({
      moved: 0,
      more: false,
    });
    const sampled = fakeSqs(5, { emptyReceives: 1 });
    await expect(redrive('dlq', 'queue', { client: sampled.client })).resolves.toEqual({
      moved: 0,
      more: true,
    });
    await expect(redrive('dlq', 'queue', { client: sampled.client })).resolves.toEqual({
      moved: 5,
      more: false,
    });
  });
});
