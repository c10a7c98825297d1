import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.js';
import { createCampaign, getCampaign } from '../../shared/mail/store/campaigns.js';
import { claimDelivery, createDelivery, settleDelivery } from '../../shared/mail/store/deliveries.js';

/**
 * A campaign's counters under concurrency: each delivery move is a transaction with a counter
 * shard, and transactions that touch the same shard at once conflict (DynamoDB cancels one with
 * TransactionConflict, writing nothing). None of that may fail a delivery or skew a count.
 */

let runtime: LocalRuntime;
beforeAll(async () => {
  runtime = await startLocalRuntime({ log: () => {} });
});
afterAll(async () => {
  await runtime?.stop();
});

describe('campaign counters under concurrency', () => {
  it('creates and settles 200 deliveries of one campaign, 50 at a time, and counts each once', async () => {
    const campaign = await createCampaign({
      tenantId: 'hassleholm',
      name: 'Samtidigt',
      kind: 'announcement',
      content: { subject: 'x', markdownBody: 'x' },
      audience: { kind: 'all' },
      bulk: true,
      createdBy: 'test',
    });
    const ids = Array.from({ length: 200 }, (_, i) => `k${i}`);
    const inBatches = async (fn: (id: string) => Promise<unknown>) => {
      for (let i = 0; i < ids.length; i += 50) await Promise.all(ids.slice(i, i + 50).map(fn));
    };
    const of = (contactId: string) => ({
      tenantId: 'hassleholm',
      campaignId: campaign.campaignId,
      contactId,
    });

    await inBatches((id) => createDelivery({ ...of(id), language: 'sv', status: 'queued' }));
    await inBatches(async (id) => {
      expect(await claimDelivery(of(id), `token-${id}`, 90)).toBe('claimed');
      expect(await settleDelivery(of(id), `token-${id}`, { status: 'sent', sesMessageId: `m-${id}` })).toBe(
        true,
      );
    });

    const counted = await getCampaign('hassleholm', campaign.campaignId, undefined, { consistent: true });
    expect(counted?.counters).toMatchObject({ queued: 200, settled: 200, sent: 200 });
  }, 60_000);
});
