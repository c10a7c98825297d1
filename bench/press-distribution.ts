import { performance } from 'node:perf_hooks';
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import { startLocalRuntime } from '../infra/local/runtime.js';
import { getCampaign } from '../shared/mail/store/campaigns.js';
import * as clients from '../shared/platform/aws/clients.js';
import { tenantPk } from '../shared/platform/table/table.js';
import { releaseCampaignId } from '../shared/press/actions/distribute.js';
import { releaseInputSchema } from '../shared/press/release.js';
import { createRelease, publishNow } from '../shared/press/store/releases.js';
import { subscriberIdOf } from '../shared/press/subscription.js';
import { AwsMeter } from './aws-meter.js';
import { measureFloor } from './campaign.js';
import { setUpBenchPressRoom, TENANT } from './press.js';
import { costPer, lambdaGbSeconds } from './pricing.js';
import type { BenchContext, BenchResult } from './section.js';

/**
 * `npm run bench -- --only press-distribution [--recipients N]` (5,000 by default in the run):
 * one release published to N confirmed subscribers of its topic, through the local runtime (the
 * distributor, the campaign expander, the sender, SES events), timed from the publish until
 * every mail is sent, against the campaign section's floor measured in the same run (N raw
 * SendEmail calls plus N raw conditional UpdateItem calls, at the sender's concurrency). AWS
 * requests and capacity per recipient come from the same SDK meter as the other sections.
 */
const SEND_RATE = 500;
const ACTOR = 'bench';

async function insertSubscribers(table: string, n: number) {
  const at = new Date(Date.now() - 3_600_000).toISOString();
  const items = Array.from({ length: n }, (_, i) => {
    const email = `journalist-${i}@bench-press.example`;
    const subscriberId = subscriberIdOf(email);
    return {
      pk: tenantPk(TENANT),
      sk: `SUBSCRIBER#${subscriberId}`,
      type: 'subscriber',
      subscriberId,
      tenantId: TENANT,
      email,
      name: `Journalist ${i}`,
      topics: ['naringsliv'],
      regions: [],
      language: 'sv',
      status: 'confirmed',
      paused: false,
      consent: { at, source: 'bench', language: 'sv', text: 'bench' },
      createdAt: at,
      confirmedAt: at,
      version: 2,
    };
  });
  const chunks: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) chunks.push(items.slice(i, i + 25));
  for (let i = 0; i < chunks.length; i += 4)
    await Promise.all(
      chunks.slice(i, i + 4).map(async (chunk) => {
        let pending: Record<string, unknown>[] = chunk;
        while (pending.length) {
          const out = await clients.documentClient.send(
            new BatchWriteCommand({
              RequestItems: { [table]: pending.map((Item) => ({ PutRequest: { Item } })) },
            }),
          );
          pending = (out.UnprocessedItems?.[table] ?? []).map(
            (r) => r.PutRequest?.Item as Record<string, unknown>,
          );
        }
      }),
    );
}

async function publishOne(headline: string): Promise<string> {
  const input = releaseInputSchema.parse({
    headline,
    lead: 'Kommunen bjuder in företagen att sätta framtidens agenda.',
    body: `## Bakgrund\n\nEtt **program** för näringslivet.\n\n${'Text om näringslivet. '.repeat(40)}`,
    language: 'sv',
    topics: ['naringsliv'],
    regions: ['skane'],
  });
  const draft = await createRelease(TENANT, input, ACTOR);
  await publishNow(draft, draft.version, ACTOR);
  return draft.releaseId;
}

async function untilSent(releaseId: string, n: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const id = releaseCampaignId(TENANT, releaseId);
  while (Date.now() < deadline) {
    const campaign = await getCampaign(TENANT, id);
    if (campaign && campaign.counters.sent >= n) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`release ${releaseId} not sent to ${n} subscribers in time`);
}

export async function pressDistribution({ recipients, progress }: BenchContext): Promise<BenchResult> {
  const runtime = await startLocalRuntime({
    sesSendRate: SEND_RATE,
    logLevel: 'ERROR',
    log: () => {},
  });
  const meter = new AwsMeter();
  meter.attach(runtime, clients);
  try {
    await setUpBenchPressRoom(runtime.tableName);
    progress('press-distribution: a warm-up release to 20 subscribers…');
    await insertSubscribers(runtime.tableName, 20);
    await untilSent(await publishOne('Uppvärmning'), 20, 120_000);
    progress(`press-distribution: ${recipients} confirmed subscribers (BatchWriteItem, untimed)…`);
    await insertSubscribers(runtime.tableName, recipients);
    progress('press-distribution: warming up DynamoDB Local, then the floor…');
    await measureFloor(runtime, Math.min(recipients, 1000), 'press-jvm-warm-up');
    const floorBefore = await measureFloor(runtime, recipients, 'press-before');

    progress(`press-distribution: one release to ${recipients} subscribers…`);
    meter.reset();
    meter.enabled = true;
    const started = performance.now();
    const releaseId = await publishOne('Företagen bjuds in att sätta framtidens agenda');
    await untilSent(releaseId, recipients, 20 * 60_000);
    const pipelineMs = performance.now() - started;
    await new Promise((r) => setTimeout(r, 1000));
    meter.enabled = false;
    const floorAfter = await measureFloor(runtime, recipients, 'press-after');
    const floorMs = (floorBefore.totalMs + floorAfter.totalMs) / 2;

    const calls = [...meter.calls.values()];
    const of = (service: string) => calls.filter((c) => c.service === service);
    const attempts = (service: string) => of(service).reduce((n, c) => n + c.attempts, 0);
    const billed = (service: string) => of(service).reduce((n, c) => n + c.billed, 0);
    const dynamo = of('dynamodb');
    const wru = dynamo.reduce((n, c) => n + c.wru + c.estimatedWru, 0);
    const rru = dynamo.reduce((n, c) => n + c.rru + c.estimatedRru, 0);
    const invocations = [...meter.invocations];
    const usage = {
      recipients,
      sesMails: of('ses')
        .filter((c) => c.operation === 'SendEmail')
        .reduce((n, c) => n + c.attempts, 0),
      wru,
      rru,
      sqsRequests: billed('sqs'),
      customEvents: billed('eventbridge'),
      lambdaInvocations: invocations.length,
      lambdaGbSeconds: lambdaGbSeconds(
        invocations.map((i) => i.durationMs),
        1024,
      ),
    };
    const cost = costPer(usage, 10_000);
    const per = (value: number) => (value / recipients).toFixed(2);
    const campaign = await getCampaign(TENANT, releaseCampaignId(TENANT, releaseId));
    const rows = [
      ['recipients (mails sent)', String(campaign?.counters.sent ?? 0)],
      ['pipeline, publish → every mail sent', `${(pipelineMs / 1000).toFixed(2)} s`],
      ['floor (mean of before and after)', `${(floorMs / 1000).toFixed(2)} s`],
      ['ratio pipeline / floor', (pipelineMs / floorMs).toFixed(2)],
      ['DynamoDB requests per recipient', per(attempts('dynamodb'))],
      ['DynamoDB WRU / RRU per recipient', `${per(wru)} / ${per(rru)}`],
      ['SQS requests per recipient (billed)', per(billed('sqs'))],
      ['SES requests per recipient', per(attempts('ses'))],
      ['EventBridge events per recipient', per(billed('eventbridge'))],
      ['Lambda invocations per recipient', per(invocations.length)],
      [
        'cost per 10,000 recipients: SES / rest / total',
        `$${cost.ses.toFixed(4)} / $${cost.rest.toFixed(4)} / $${cost.total.toFixed(4)}`,
      ],
    ];
    return {
      title: `Press room: one release to ${recipients} subscribers, against the raw emulator floor`,
      columns: [
        { header: 'figure', align: 'left' },
        { header: 'value', align: 'right' },
      ],
      rows,
      notes: [
        'Timed from the publish (the release and its ReleasePublished outbox item in one transaction) until the campaign counters say every mail is sent: the outbox relay, the distributor, the expander reading subscribers 100 at a time, the sender.',
        `Floor: ${recipients} SendEmail calls straight to the SES emulator plus ${recipients} conditional UpdateItem calls to DynamoDB Local, at the sender's concurrency (the campaign section's).`,
        'Requests and capacity: every AWS SDK call of the handlers while timed (SES events included), from the same meter as the campaign section; cost with bench/pricing.ts prices.',
      ],
      data: { recipients, pipelineMs, floorBefore, floorAfter, usage, cost },
    };
  } finally {
    meter.enabled = false;
    meter.release();
    await runtime.stop();
  }
}
