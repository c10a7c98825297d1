import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.js';
import type { Wiring } from '../../infra/wiring/types.js';
import { wiring } from '../../infra/wiring.js';
import { contactKey } from '../../shared/directory/store/contacts.js';
import { documentClient } from '../../shared/platform/aws/clients.js';
import { crashes } from '../fixtures/crashing-sender.js';
import { staffClient, waitFor } from '../helpers.js';
import { announcement, mailbox, recipientOf } from '../mail-helpers.js';

/** The real wiring with the sender wrapped so that one batch crashes half-way. */
const faultyWiring: Wiring = wiring.map((fn) =>
  fn.name === 'mail-sender' ? { ...fn, entry: 'tests/fixtures/crashing-sender.ts' } : fn,
);

const RECIPIENTS = 500;
let runtime: LocalRuntime;

beforeAll(async () => {
  runtime = await startLocalRuntime({
    wiring: faultyWiring,
    seed: true,
    log: () => {},
    sesSendRate: 300,
    visibilityTimeoutOverrideSeconds: 3,
    faultInjection: true,
  });
});
afterAll(async () => {
  await runtime?.stop();
});

describe('a campaign under faults', () => {
  it('mails every recipient exactly once with 10% SES throttling, 5% DynamoDB write failures and a crashed batch', async () => {
    // Prepare: 500 contacts (setup, before any fault is switched on).
    const tagName = `faults-${Date.now()}`;
    const items = Array.from({ length: RECIPIENTS }, (_, i) => ({
      ...contactKey('hassleholm', `f${i}`),
      type: 'contact',
      tenantId: 'hassleholm',
      contactId: `f${i}`,
      name: `Företag ${i}`,
      email: `kontakt${i}.${tagName}@foretag.example`,
      language: 'sv',
      tags: [tagName],
    }));
    for (let i = 0; i < items.length; i += 25) {
      await documentClient.send(
        new BatchWriteCommand({
          RequestItems: {
            [runtime.tableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
          },
        }),
      );
    }
    const staff = await staffClient(runtime, 'staff-hlm-anna');
    const created = await staff.call('POST', '/api/campaigns', {
      name: 'Under faults',
      content: announcement('Inbjudan'),
      audience: { kind: 'tags', tags: [tagName] },
    });
    expect(created.status).toBe(201);
    const id = created.json.campaignId as string;

    // Act: faults on, then send.
    runtime.faults.sesThrottleRate = 0.1;
    runtime.faults.dynamoWriteFailureRate = 0.05;
    const sent = await staff.call('POST', `/api/campaigns/${id}/send`);
    expect([202, 500]).toContain(sent.status);
    if (sent.status === 500) expect((await staff.call('POST', `/api/campaigns/${id}/send`)).status).toBe(202);

    // Assess: every recipient's mail is in the mailbox…
    const ours = async () => (await mailbox(runtime)).filter((m) => recipientOf(m).includes(tagName));
    await waitFor(
      async () => {
        const distinct = new Set((await ours()).map(recipientOf));
        return distinct.size === RECIPIENTS ? true : undefined;
      },
      150_000,
      'every recipient to be mailed',
    );
    runtime.faults.sesThrottleRate = 0;
    runtime.faults.dynamoWriteFailureRate = 0;
    // …and stays there exactly once after every retry has had its chance.
    await new Promise((r) => setTimeout(r, 8000));
    const mails = await ours();
    const perRecipient = new Map<string, number>();
    for (const mail of mails)
      perRecipient.set(recipientOf(mail), (perRecipient.get(recipientOf(mail)) ?? 0) + 1);
    const duplicates = [...perRecipient].filter(([, n]) => n > 1);
    expect(duplicates).toEqual([]);
    expect(mails).toHaveLength(RECIPIENTS);
    expect(crashes.count).toBe(1);
    // The faults really happened (about 10% of ~550 sends, 5% of ~2,000 writes), and were absorbed.
    expect(runtime.faults.injected.sesThrottled).toBeGreaterThan(15);
    expect(runtime.faults.injected.dynamoFailedBefore).toBeGreaterThan(5);
    expect(runtime.faults.injected.dynamoFailedAfter).toBeGreaterThan(5);
  }, 240_000);
});
