import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.js';
import { MAIL_QUEUE } from '../../shared/mail/queues.js';
import { staffClient, waitFor } from '../helpers.js';
import { addContacts, announcement } from '../mail-helpers.js';

let runtime: LocalRuntime;

beforeAll(async () => {
  // The SES sandbox's rate: 1 mail a second for the whole account, with two sender invocations.
  runtime = await startLocalRuntime({ seed: true, log: () => {}, sesSendRate: 1 });
});
afterAll(async () => {
  await runtime?.stop();
});

/** One batch and a few more: two invocations at once. */
const MAILS = MAIL_QUEUE.batchSize + 4;

describe('sending at the SES sandbox rate', () => {
  it('sends at 1 a second in all, though two sender invocations run at once', async () => {
    const tag = `sandbox-${Date.now()}`;
    await addContacts(
      runtime,
      'hassleholm',
      Array.from({ length: MAILS }, (_, i) => ({
        contactId: `${tag}-${i}`,
        email: `k${i}.${tag}@foretag.example`,
        tags: [tag],
      })),
    );
    const staff = await staffClient(runtime, 'staff-hlm-anna');
    const created = await staff.call('POST', '/api/campaigns', {
      name: 'Sandlådan',
      content: announcement('Välkommen'),
      audience: { kind: 'tags', tags: [tag] },
    });
    expect((await staff.call('POST', `/api/campaigns/${created.json.campaignId}/send`)).status).toBe(202);

    const ours = () => runtime.sesSends.filter((s) => s.to.some((to) => to.includes(tag)));
    await waitFor(() => ours().length === MAILS, 60_000, `${MAILS} mails`);
    // More than one batch, so two invocations send side by side, each claiming its slots from the
    // shared counter in the table (the pacer's own spacing is proven in
    // tests/unit/send-rate.test.ts): n mails take n distinct seconds, so they span at least n − 1
    // seconds of slots (the times are when the sender asked SES).
    const times = ours().map((s) => s.at);
    expect(Math.max(...times) - Math.min(...times)).toBeGreaterThanOrEqual((MAILS - 3) * 1000);
    expect(runtime.pollers.get('mail')?.stats.maxActive).toBe(2);
  }, 90_000);
});
