import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.js';
import { createCampaign, getCampaign } from '../../shared/mail/store/campaigns.js';
import {
  advanceDeliveries,
  claimDelivery,
  createDeliveries,
  createDelivery,
  listDeliveries,
  settleDelivery,
} from '../../shared/mail/store/deliveries.js';
import { documentClient } from '../../shared/platform/aws/clients.js';

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

/** A bulk announcement of the demo tenant. */
const bulkCampaign = (name: string) =>
  createCampaign({
    tenantId: 'hassleholm',
    name,
    kind: 'announcement',
    content: { subject: 'x', markdownBody: 'x' },
    audience: { kind: 'all' },
    bulk: true,
    createdBy: 'test',
  });

describe('campaign counters under concurrency', () => {
  it('creates and settles 200 deliveries of one campaign, 50 at a time, and counts each once', async () => {
    const campaign = await bulkCampaign('Samtidigt');
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

  it('creates deliveries and applies SES events in batches, concurrently and twice over, and counts each once', async () => {
    const campaign = await bulkCampaign('Satsvis');
    const of = (contactId: string) => ({
      tenantId: 'hassleholm',
      campaignId: campaign.campaignId,
      contactId,
    });
    const ids = Array.from({ length: 200 }, (_, i) => `b${i}`);
    const chunks = (size: number, of = ids) =>
      Array.from({ length: Math.ceil(of.length / size) }, (_, i) => of.slice(i * size, (i + 1) * size));
    const create = (chunk: string[]) =>
      createDeliveries(
        chunk.map((id, i) => ({
          ...of(id),
          language: 'sv' as const,
          status: i === 0 ? ('skipped' as const) : ('queued' as const),
          ...(i === 0 ? { reason: 'invalid address' } : {}),
        })),
      );
    const delivered = (chunk: string[]) =>
      advanceDeliveries(
        chunk.map((id) => ({
          ...of(id),
          to: 'delivered' as const,
          detail: { at: new Date().toISOString(), sesMessageId: `m-${id}` },
        })),
      );

    // Act: every chunk at once, then every chunk again (an expansion page run twice).
    const first = await Promise.all(chunks(25).map(create));
    const again = await Promise.all(chunks(25).map(create));
    const queued = ids.filter((_, i) => i % 25 !== 0);
    for (const id of queued) {
      expect(await claimDelivery(of(id), `t-${id}`, 90)).toBe('claimed');
      expect(await settleDelivery(of(id), `t-${id}`, { status: 'sent', sesMessageId: `m-${id}` })).toBe(true);
    }
    // Delivery events in batches of 10 at once, the same batches again (SQS redelivers), and a
    // batch holding one delivery's event twice.
    const moved = await Promise.all([
      ...chunks(10, queued).map(delivered),
      ...chunks(10, queued).map(delivered),
    ]);
    const twice = await delivered([queued[0] as string, queued[0] as string]);

    // Assess
    expect(first.flat().every((r) => r.created)).toBe(true);
    expect(again.flat().some((r) => r.created)).toBe(false);
    const movedFrom = moved.flat().filter((from) => from !== undefined);
    expect(movedFrom).toHaveLength(queued.length);
    expect(movedFrom.every((from) => from === 'sent')).toBe(true);
    expect(twice).toEqual([undefined, undefined]);
    const counted = await getCampaign('hassleholm', campaign.campaignId, undefined, { consistent: true });
    expect(counted?.counters).toMatchObject({
      queued: queued.length,
      skipped: 8,
      settled: queued.length,
      sent: queued.length,
      delivered: queued.length,
    });
    const items = (await listDeliveries('hassleholm', campaign.campaignId, { limit: 500 })).items;
    expect(items.filter((d) => d.status === 'delivered')).toHaveLength(queued.length);
  }, 60_000);

  it('applies a batch of delivery events together but for the one the sender has not yet recorded as sent', async () => {
    // Prepare: ten deliveries, nine recorded as sent, one still being sent (SES's Delivered can
    // overtake the sender's own record).
    const campaign = await bulkCampaign('Omkörd');
    const of = (contactId: string) => ({
      tenantId: 'hassleholm',
      campaignId: campaign.campaignId,
      contactId,
    });
    const ids = Array.from({ length: 10 }, (_, i) => `o${i}`);
    await createDeliveries(
      ids.map((id) => ({ ...of(id), language: 'sv' as const, status: 'queued' as const })),
    );
    for (const id of ids) expect(await claimDelivery(of(id), `t-${id}`, 90)).toBe('claimed');
    for (const id of ids.slice(1))
      await settleDelivery(of(id), `t-${id}`, { status: 'sent', sesMessageId: `m-${id}` });
    const transactions: string[] = [];
    documentClient.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'TransactWriteItemsCommand') transactions.push('tx');
        return next(args);
      },
      { step: 'initialize', name: 'countTransactions' },
    );

    // Act
    let from: (string | undefined)[];
    try {
      from = await advanceDeliveries(
        ids.map((id) => ({
          ...of(id),
          to: 'delivered' as const,
          detail: { at: new Date().toISOString(), sesMessageId: `m-${id}` },
        })),
      );
    } finally {
      documentClient.middlewareStack.remove('countTransactions');
    }

    // Assess: the batch refused, the nine again together, the one alone (its usual move refused,
    // then the move from where it is): four transactions, not one and ten one by one.
    expect(from).toEqual(['sending', ...Array(9).fill('sent')]);
    expect(transactions).toHaveLength(4);
    const counted = await getCampaign('hassleholm', campaign.campaignId, undefined, { consistent: true });
    expect(counted?.counters).toMatchObject({ queued: 10, delivered: 10, settled: 10 });
  }, 30_000);
});
