import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { startLocalRuntime } from '../infra/local/runtime.js';
import { createCampaign } from '../shared/mail/store/campaigns.js';
import { counterShardSk } from '../shared/mail/store/counters.js';
import { deliveryKey } from '../shared/mail/store/deliveries.js';
import * as clients from '../shared/platform/aws/clients.js';
import { tenantPk } from '../shared/platform/table/table.js';
import { AwsMeter } from './aws-meter.js';
import type { BenchContext, BenchResult } from './section.js';

/**
 * `npm run bench -- --only reconciler`: what one run of the mail reconciler costs (its
 * DynamoDB requests and read capacity), for a deployment whose finished mail amounts to
 * 100 deliveries, then 10,000 — which must cost the same, since it reads only the campaigns
 * being sent (a sparse index) — and with one campaign being sent, the cost of each open one.
 */
const TENANT = 'bench-reconciler';

/** A finished campaign of `n` delivered mails, as the pipeline leaves it (written in bulk: setup). */
async function finishedCampaign(n: number, table: string): Promise<void> {
  const campaign = await createCampaign({
    tenantId: TENANT,
    name: `Avslutat utskick (${n})`,
    kind: 'announcement',
    content: { subject: 'x', markdownBody: 'x' },
    audience: { kind: 'all' },
    bulk: true,
    createdBy: 'bench',
  });
  const now = new Date().toISOString();
  const items: Record<string, unknown>[] = [
    {
      pk: tenantPk(TENANT),
      sk: counterShardSk(campaign.campaignId, 0),
      type: 'campaign-counts',
      updatedAt: now,
      count_queued: n,
      count_settled: n,
      count_sent: n,
      count_delivered: n,
    },
  ];
  for (let i = 0; i < n; i++) {
    const contactId = `c${i}`;
    items.push({
      ...deliveryKey(TENANT, campaign.campaignId, contactId),
      type: 'delivery',
      tenantId: TENANT,
      campaignId: campaign.campaignId,
      contactId,
      deliveryId: `${campaign.campaignId}_${contactId}`,
      status: 'delivered',
      language: 'sv',
      queuedAt: now,
      sentAt: now,
    });
  }
  for (let i = 0; i < items.length; i += 25) {
    await clients.documentClient.send(
      new BatchWriteCommand({
        RequestItems: { [table]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
      }),
    );
  }
  await clients.documentClient.send(
    new BatchWriteCommand({
      RequestItems: {
        [table]: [
          {
            PutRequest: {
              Item: {
                pk: tenantPk(TENANT),
                sk: `CAMPAIGN#${campaign.campaignId}`,
                type: 'campaign',
                ...campaign,
                counters: undefined,
                status: 'sent',
                expansion: { pages: Math.ceil(n / 100), done: true, updatedAt: now },
                sendRequestedAt: now,
                finishedAt: now,
              },
            },
          },
        ],
      },
    }),
  );
}

export async function reconciler({ progress }: BenchContext): Promise<BenchResult> {
  const runtime = await startLocalRuntime({ log: () => {} });
  const meter = new AwsMeter();
  meter.attach(runtime, clients);
  const reconcile = runtime.functions.get('mail-reconciler');
  if (!reconcile) throw new Error('no mail-reconciler in the wiring');
  try {
    const measure = async (label: string) => {
      meter.reset();
      meter.enabled = true;
      const started = performance.now();
      await reconcile.invoke({
        'detail-type': 'Scheduled Event',
        source: 'aws.events',
        time: new Date().toISOString(),
      });
      const ms = performance.now() - started;
      meter.enabled = false;
      const dynamo = [...meter.calls.values()].filter((c) => c.service === 'dynamodb');
      return {
        label,
        requests: dynamo.reduce((n, c) => n + c.attempts, 0),
        rru: dynamo.reduce((n, c) => n + c.rru + c.estimatedRru, 0),
        ms,
      };
    };
    progress('reconciler: 100 finished deliveries…');
    await finishedCampaign(100, runtime.tableName);
    const small = await measure('100 finished deliveries');
    progress('reconciler: 10,000 finished deliveries…');
    await finishedCampaign(9_900, runtime.tableName);
    const large = await measure('10,000 finished deliveries');
    progress('reconciler: and one campaign being sent…');
    // An open campaign that moved a moment ago: read, judged moving, left alone.
    await createCampaign({
      tenantId: TENANT,
      campaignId: randomUUID(),
      name: 'Pågående',
      kind: 'announcement',
      content: { subject: 'x', markdownBody: 'x' },
      audience: { kind: 'contacts', contactIds: ['nobody'] },
      bulk: true,
      createdBy: 'bench',
      status: 'sending',
    });
    const withOpen = await measure('10,000 finished + 1 being sent');
    const rows = [small, large, withOpen];
    const equal = small.requests === large.requests && small.rru === large.rru;
    return {
      title: 'Mail reconciler: DynamoDB cost of one run',
      columns: [
        { header: 'table holds', align: 'left' },
        { header: 'requests', align: 'right' },
        { header: 'read units', align: 'right' },
        { header: 'ms', align: 'right' },
      ],
      rows: rows.map((r) => [r.label, String(r.requests), r.rru.toFixed(1), r.ms.toFixed(1)]),
      notes: [
        `100 vs 10,000 finished deliveries: ${equal ? 'equal cost' : 'COST DIFFERS'} (${small.requests} vs ${large.requests} requests, ${small.rru.toFixed(1)} vs ${large.rru.toFixed(1)} RRU).`,
        `Each campaign being sent adds ${withOpen.requests - large.requests} requests (its item and counters in one Query, the tenant's pause switch).`,
      ],
      data: { runs: rows, equal },
    };
  } finally {
    meter.release();
    await runtime.stop();
  }
}
