import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ReceiveMessageCommand, SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.js';
import type { Wiring } from '../../infra/wiring/types.js';
import { wiring } from '../../infra/wiring.js';
import { emit, pendingEvent } from '../../shared/platform/bus/outbox.js';
import { ProgrammeCreated } from '../../shared/programmes/events.js';
import { staffClient, waitFor } from '../helpers.js';

/** The real wiring plus a flaky consumer, with short timeouts so redelivery happens in seconds. */
const testWiring: Wiring = [
  ...wiring,
  {
    name: 'flaky-consumer',
    entry: 'tests/fixtures/flaky-consumer.ts',
    description: 'test fixture',
    queue: { name: 'flaky', batchSize: 5, maxConcurrency: 2, maxReceives: 3, visibilityTimeoutSeconds: 1 },
    access: {},
  },
  {
    name: 'always-failing-subscriber',
    entry: 'tests/fixtures/flaky-consumer.ts',
    description: 'test fixture: a direct subscription whose every invocation fails',
    subscriptions: [{ event: ProgrammeCreated, detail: { name: [{ prefix: 'CRASH' }] } }],
    access: {},
  },
];

describe('queues with Lambda event-source semantics', () => {
  let runtime: LocalRuntime;
  let sqs: SQSClient;
  beforeAll(async () => {
    runtime = await startLocalRuntime({
      wiring: testWiring,
      log: () => {},
      eventRetryDelaysMs: [50, 50],
    });
    sqs = new SQSClient({
      region: 'eu-north-1',
      endpoint: runtime.endpoints.sqs,
      credentials: { accessKeyId: 'l', secretAccessKey: 'l' },
    });
  });
  afterAll(async () => {
    await runtime?.stop();
  });

  const send = (body: unknown) =>
    sqs.send(
      new SendMessageCommand({
        QueueUrl: runtime.queues.get('flaky')?.url,
        MessageBody: JSON.stringify(body),
      }),
    );

  it('moves a message that keeps failing to the DLQ after maxReceives, and keeps the rest of its batch', async () => {
    const { seen } = await import('../fixtures/flaky-consumer.js');
    const poison = `poison-${Date.now()}`;
    await send({ id: poison, fail: true });
    for (let i = 0; i < 4; i++) await send({ id: `ok-${i}` });

    const dlqUrl = runtime.queues.get('flaky')?.dlqUrl;
    const deadLettered = await waitFor(
      async () => {
        const { Messages } = await sqs.send(
          new ReceiveMessageCommand({ QueueUrl: dlqUrl, MaxNumberOfMessages: 10, WaitTimeSeconds: 0 }),
        );
        return Messages?.find((m) => m.Body?.includes(poison));
      },
      20_000,
      'the poison message in the DLQ',
    );
    expect(deadLettered).toBeDefined();
    const receives = seen.filter((s) => s.body.includes(poison)).map((s) => s.receiveCount);
    expect(receives).toEqual([1, 2, 3]);
    // The good messages were each handled once: a partial failure does not redo the batch.
    for (let i = 0; i < 4; i++) expect(seen.filter((s) => s.body.includes(`"ok-${i}"`))).toHaveLength(1);
  });

  it('redelivers a whole batch when the handler throws, and never runs more than maxConcurrency batches', async () => {
    const { seen } = await import('../fixtures/flaky-consumer.js');
    const crashId = `crash-${Date.now()}`;
    await send({ id: crashId, crash: true });
    for (let i = 0; i < 12; i++) await send({ id: `slow-${i}`, slowMs: 200 });
    await waitFor(
      () => seen.filter((s) => s.body.includes(crashId)).length >= 2,
      20_000,
      'a redelivery of the crashed batch',
    );
    const poller = runtime.pollers.get('flaky');
    expect(poller?.stats.maxActive).toBeLessThanOrEqual(2);
    expect(poller?.stats.maxActive).toBeGreaterThanOrEqual(1);
  });

  it('retries a failing direct subscriber, then dead-letters the event', async () => {
    // Through the outbox, as every producer does: stream → relay → bus → the failing subscriber.
    await emit('hassleholm', [
      pendingEvent(ProgrammeCreated, {
        tenantId: 'hassleholm',
        programmeId: 'p1',
        name: 'CRASH me',
        themeCount: 0,
        actor: 'test',
      }),
      pendingEvent(ProgrammeCreated, {
        tenantId: 'hassleholm',
        programmeId: 'p2',
        name: 'Calm',
        themeCount: 0,
        actor: 'test',
      }),
    ]);
    const dead = await waitFor(
      () =>
        runtime.bus.deadLetters.find((d) => (d.event.detail as { programmeId: string }).programmeId === 'p1'),
      10_000,
      'a dead letter',
    );
    expect(dead.rule).toMatch(/^always-failing-subscriber/);
    // The detail filter kept the other event away from the failing subscriber.
    expect(
      runtime.bus.deadLetters.some((d) => (d.event.detail as { programmeId: string }).programmeId === 'p2'),
    ).toBe(false);
  });
});

describe('one-time schedules survive a restart', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'samverkan-restart-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('fires a reminder set before the restart, after it', async () => {
    // Prepare: the first run sets a reminder due in two seconds, then stops before it is due.
    const first = await startLocalRuntime({ dataDir, log: () => {}, scheduleIntervalMs: 60_000 });
    const staff = await staffClient(first, 'staff-hlm-anna');
    const dueAt = new Date(Date.now() + 2000).toISOString();
    const created = await staff.call('POST', '/api/reminders', {
      dueAt,
      subject: 'Skicka påminnelse om dialoglunchen',
    });
    expect(created.status).toBe(201);
    expect(first.scheduler.firings).toHaveLength(0);
    await first.stop();

    // Act: a new runtime on the same data, whose scheduler ticks every half second.
    const second = await startLocalRuntime({ dataDir, log: () => {}, scheduleIntervalMs: 500 });
    try {
      const again = await staffClient(second, 'staff-hlm-anna');
      // Assess: the reminder fired (not before it was due) and reached the activity feed.
      const entry = await waitFor(
        async () => {
          const items = (await again.call('GET', '/api/activity')).json.items as {
            kind: string;
            subjectId: string;
          }[];
          return items.find((i) => i.kind === 'reminder.due' && i.subjectId === created.json.scheduleId);
        },
        20_000,
        'the reminder in the activity feed',
      );
      expect(entry).toBeDefined();
      const fired = second.bus.published.find((e) => e['detail-type'] === 'ReminderDue');
      expect(Date.parse(fired?.time ?? '')).toBeGreaterThanOrEqual(Date.parse(dueAt) - 1000);
      // Fired once: later ticks find nothing pending.
      await new Promise((r) => setTimeout(r, 1200));
      expect(second.bus.published.filter((e) => e['detail-type'] === 'ReminderDue')).toHaveLength(1);
    } finally {
      await second.stop();
    }
  });

  it('refuses a reminder in the past, naming the field', async () => {
    const runtime = await startLocalRuntime({ log: () => {} });
    try {
      const staff = await staffClient(runtime, 'staff-hlm-anna');
      const response = await staff.call('POST', '/api/reminders', {
        dueAt: '2020-01-01T00:00:00Z',
        subject: 'x',
      });
      expect(response.status).toBe(422);
      expect(response.json.details).toEqual([expect.objectContaining({ field: 'body.dueAt' })]);
    } finally {
      await runtime.stop();
    }
  });
});
