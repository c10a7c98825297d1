import { performance } from 'node:perf_hooks';
import { DynamoDBClient, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import { SESv2Client, SendEmailCommand } from '@aws-sdk/client-sesv2';
import { BatchWriteCommand, DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { LocalRuntime } from '../infra/local/runtime.js';
import { ENV } from '../infra/wiring/types.js';
import { contactKey } from '../shared/directory/store/contacts.js';
import { MAIL_QUEUE } from '../shared/mail/queues.js';
import { getCampaign } from '../shared/mail/store/campaigns.js';
import { deliveryKey } from '../shared/mail/store/deliveries.js';
import { checkLogo, LOGO_MAX_BYTES } from '../shared/platform/tenants/logo.js';
import { getTenant, setLogo } from '../shared/platform/tenants/store.js';
import { noisyPng } from '../tests/helpers.js';
import { AwsMeter, type CallStats, type Invocation } from './aws-meter.js';
import {
  type Cost,
  costPer,
  lambdaGbSeconds,
  maxPerCalendarSecond,
  PRICES,
  percentile,
  sesAttachmentCost,
  type Usage,
} from './pricing.js';
import { cpuBetween, cpuSnapshot, MAIN_PROCESS } from './process-cpu.js';
import type { BenchContext, BenchResult, BenchTable } from './section.js';

/**
 * `npm run bench -- --only campaign [--recipients N]`: one campaign of N recipients through the
 * local runtime (the wiring's real functions, DynamoDB Local, the SES and SQS emulators), timed
 * from `POST /api/campaigns/{id}/send` until every delivery is `sent`, against a floor measured
 * in the same run: N raw SendEmail calls to the SES emulator plus N raw conditional UpdateItem
 * calls to DynamoDB Local, at the sender's concurrency. Also: AWS requests and capacity per
 * recipient (aws-meter.ts), cost per 10,000 recipients (pricing.ts), the busiest second of SES
 * sends against the configured rate, and a second, smaller campaign at a low rate.
 * docs/benchmarks.md explains every figure.
 */

/** SES rate of the timed campaign: high enough that pacing is not what limits it. */
export const SEND_RATE = 500;
/** The rate check: a smaller campaign at a low rate, set through the environment between campaigns. */
export const LOW_RATE = 20;
export const LOW_RATE_RECIPIENTS = 300;
/** Local pollers sleep this long after an empty receive (Lambda's pollers long-poll instead). */
const POLL_MS = 100;
const WARM_UP_RECIPIENTS = 20;
const TENANT = 'hassleholm';
const ADMIN = 'staff-hlm-anna';
/** The sender's concurrency, which the floor uses too. */
const CONCURRENCY = MAIL_QUEUE.maxConcurrency;
const COST_PER = 10_000;
/** The SES sending quota a new production account starts with, for the Lambda projection. */
const TYPICAL_ACCOUNT_RATE = 14;
const LOCAL = { region: 'eu-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };

const seconds = (ms: number) => (ms / 1000).toFixed(2);
const fixed = (value: number, digits = 2) => value.toFixed(digits);
const usd = (value: number) => `$${value.toFixed(value < 0.01 ? 5 : 4)}`;
const pct = (value: number) => `${(value * 100).toFixed(2)} %`;
const round = (value: number, digits = 3) => Number(value.toFixed(digits));
const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A campaign whose counters do not move for this long has stalled (a bug, not slowness). */
const STALL_MS = 45_000;

/**
 * Polls `probe` every POLL_MS until it answers; fails after `timeoutMs`, or when `progress`
 * (a signature of the counters) has not changed for STALL_MS.
 */
async function pollUntil<T>(
  probe: () => Promise<{ done: T | undefined; progress: string }>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  let lastChange = Date.now();
  for (;;) {
    const { done, progress } = await probe();
    if (done !== undefined) return done;
    if (progress !== last) {
      last = progress;
      lastChange = Date.now();
    }
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${seconds(timeoutMs)} s waiting for ${what} (${last})`);
    if (Date.now() - lastChange > STALL_MS)
      throw new Error(`No progress for ${seconds(STALL_MS)} s waiting for ${what} (${last})`);
    await sleep(POLL_MS);
  }
}

const signature = (s: CampaignState) =>
  `queued ${s.queued}, sent ${s.sent}, failed ${s.failed}, skipped ${s.skipped}, delivered ${s.delivered}, expansion ${s.expansionDone ? 'done' : 'running'}`;

/** Runs `task(0..n-1)` with `concurrency` workers; wall time and each call's latency. */
async function pool(
  n: number,
  concurrency: number,
  task: (i: number) => Promise<unknown>,
): Promise<{ wallMs: number; latenciesMs: number[] }> {
  const latenciesMs: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let i = next++; i < n; i = next++) {
        const t = performance.now();
        await task(i);
        latenciesMs.push(performance.now() - t);
      }
    }),
  );
  return { wallMs: performance.now() - started, latenciesMs };
}

type Api = (method: string, path: string, body?: unknown) => Promise<{ status: number; json: unknown }>;

function staffApi(runtime: LocalRuntime, token: string): Api {
  return async (method, path, body) => {
    const response = await fetch(`${runtime.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, json: text ? (JSON.parse(text) as unknown) : undefined };
  };
}

/** Contacts written straight into the table, 25 per BatchWriteItem, 4 requests at a time (setup). */
async function insertContacts(doc: DynamoDBDocumentClient, table: string, tag: string, n: number) {
  const now = new Date().toISOString();
  const items = Array.from({ length: n }, (_, i) => {
    const contactId = `${tag}-${String(i).padStart(6, '0')}`;
    return {
      ...contactKey(TENANT, contactId),
      type: 'contact',
      tenantId: TENANT,
      contactId,
      name: `Kontakt ${i}`,
      email: `r${i}.${tag}@foretag.example`,
      language: 'sv',
      tags: [tag],
      createdAt: now,
    };
  });
  await batchWrite(doc, table, items);
}

async function batchWrite(doc: DynamoDBDocumentClient, table: string, items: Record<string, unknown>[]) {
  const chunks: Record<string, unknown>[][] = [];
  for (let i = 0; i < items.length; i += 25) chunks.push(items.slice(i, i + 25));
  await pool(chunks.length, 4, async (i) => {
    let requests = (chunks[i] ?? []).map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; requests.length > 0; attempt++) {
      if (attempt > 8) throw new Error('BatchWriteItem kept leaving items unprocessed');
      if (attempt > 0) await sleep(50 * 2 ** attempt);
      const result = await doc.send(new BatchWriteCommand({ RequestItems: { [table]: requests } }));
      requests = (result.UnprocessedItems?.[table] ?? []) as typeof requests;
    }
  });
}

interface CampaignState {
  queued: number;
  sent: number;
  skipped: number;
  failed: number;
  delivered: number;
  bounced: number;
  complained: number;
  expansionDone: boolean;
}

async function readCampaign(doc: DynamoDBDocumentClient, _table: string, id: string): Promise<CampaignState> {
  // The campaign with its counter shards (one Query), on the bench's own uninstrumented client.
  const campaign = await getCampaign(TENANT, id, doc, { consistent: true });
  const c = campaign?.counters;
  return {
    queued: c?.queued ?? 0,
    sent: c?.sent ?? 0,
    skipped: c?.skipped ?? 0,
    failed: c?.failed ?? 0,
    delivered: c?.delivered ?? 0,
    bounced: c?.bounced ?? 0,
    complained: c?.complained ?? 0,
    expansionDone: Boolean(campaign?.expansion.done),
  };
}

interface CampaignRun {
  id: string;
  tag: string;
  /** Epoch ms. */
  sendCalledAt: number;
  sendAnsweredAt: number;
  /** When polling first saw `expansion.done` and every delivery finished (sent, skipped or failed). */
  expansionSeenAt: number;
  allSentAt: number;
  allDeliveredAt: number | undefined;
  final: CampaignState;
}

/** Creates a campaign for one tag (untimed), sends it, and polls its counters until done. */
async function runCampaign(
  api: Api,
  doc: DynamoDBDocumentClient,
  table: string,
  tag: string,
  recipients: number,
  options: { untilDelivered: boolean; beforeSend?: () => void; onSent?: () => void },
): Promise<CampaignRun> {
  const subject = `Bench ${tag}`;
  const created = await api('POST', '/api/campaigns', {
    name: subject,
    content: {
      kind: 'announcement',
      data: {
        subject,
        markdownBody:
          'Välkommen till **dialoglunch** om kompetensförsörjning.\n\n- Tid: 11.30\n- Plats: Rådhuset',
      },
    },
    audience: { kind: 'tags', tags: [tag] },
  });
  const id = (created.json as { campaignId?: string } | undefined)?.campaignId;
  if (created.status !== 201 || !id) throw new Error(`POST /api/campaigns answered ${created.status}`);

  options.beforeSend?.();
  const sendCalledAt = Date.now();
  const sent = await api('POST', `/api/campaigns/${id}/send`);
  const sendAnsweredAt = Date.now();
  if (sent.status !== 202) throw new Error(`POST /api/campaigns/${id}/send answered ${sent.status}`);

  let expansionSeenAt: number | undefined;
  const timeoutMs = 60_000 + recipients * 60;
  const final = await pollUntil(
    async () => {
      const state = await readCampaign(doc, table, id);
      if (state.expansionDone) expansionSeenAt ??= Date.now();
      const finished = state.sent + state.failed >= state.queued;
      return { done: state.expansionDone && finished ? state : undefined, progress: signature(state) };
    },
    timeoutMs,
    `campaign ${tag} (${recipients} recipients) to be sent`,
  );
  const allSentAt = Date.now();
  options.onSent?.();
  let allDeliveredAt: number | undefined;
  let last = final;
  if (options.untilDelivered) {
    last = await pollUntil(
      async () => {
        const state = await readCampaign(doc, table, id);
        // Every delivery queued and not failed has its delivery event (our addresses never bounce).
        const settled = state.delivered + state.bounced + state.complained >= state.queued - state.failed;
        return { done: settled ? state : undefined, progress: signature(state) };
      },
      30_000 + recipients * 20,
      `the delivery events of campaign ${tag}`,
    );
    allDeliveredAt = Date.now();
  }
  return {
    id,
    tag,
    sendCalledAt,
    sendAnsweredAt,
    expansionSeenAt: expansionSeenAt ?? allSentAt,
    allSentAt,
    allDeliveredAt,
    final: last,
  };
}

interface Floor {
  sesMs: number;
  dynamoMs: number;
  totalMs: number;
  sesCallMs: number;
  dynamoCallMs: number;
  /** CPU seconds of this process and the emulators during the timed part. */
  cpuSeconds: number;
}

const floorMail = (i: number, from: string) =>
  new SendEmailCommand({
    FromEmailAddress: from,
    Destination: { ToAddresses: [`floor-${i}@foretag.example`] },
    Content: {
      Simple: {
        Subject: { Data: `Floor ${i}`, Charset: 'UTF-8' },
        Body: { Text: { Data: 'Hej! Välkommen till dialoglunch.', Charset: 'UTF-8' } },
      },
    },
  });

/** How many of a campaign's deliveries are in each status (the bench's own client, not counted). */
async function deliveryStatuses(doc: DynamoDBDocumentClient, table: string, campaignId: string) {
  const counts: Record<string, number> = {};
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await doc.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': deliveryKey(TENANT, campaignId, '-').pk },
        ExpressionAttributeNames: { '#status': 'status' },
        ProjectionExpression: '#status',
        ExclusiveStartKey: cursor,
      }),
    );
    for (const item of page.Items ?? []) counts[String(item.status)] = (counts[String(item.status)] ?? 0) + 1;
    cursor = page.LastEvaluatedKey;
  } while (cursor);
  return counts;
}

/**
 * The floor: the least work N deliveries take against these emulators, at the sender's
 * concurrency: N SendEmail calls straight to the SES emulator (no runtime proxy), then N
 * conditional UpdateItem calls (the sender's claim: status queued → sending with a token and a
 * lease) on throwaway items of a delivery's size. Neither client is instrumented.
 */
export async function measureFloor(runtime: LocalRuntime, n: number, label: string): Promise<Floor> {
  const ses = new SESv2Client({ ...LOCAL, endpoint: runtime.endpoints.ses });
  const dynamo = new DynamoDBClient({ ...LOCAL, endpoint: runtime.endpoints.dynamodb });
  const doc = DynamoDBDocumentClient.from(dynamo);
  try {
    const pk = `BENCH#floor#${label}#${Date.now()}`;
    const campaignId = crypto.randomUUID();
    await batchWrite(
      doc,
      runtime.tableName,
      Array.from({ length: n + 10 }, (_, i) => ({
        pk,
        sk: `DELIVERY#c${String(i).padStart(6, '0')}`,
        type: 'delivery',
        tenantId: TENANT,
        campaignId,
        contactId: `c${String(i).padStart(6, '0')}`,
        deliveryId: `${campaignId}_c${String(i).padStart(6, '0')}`,
        status: 'queued',
        language: 'sv',
        queuedAt: new Date().toISOString(),
      })),
    );
    const claim = (i: number) => {
      const now = Date.now();
      return dynamo.send(
        new UpdateItemCommand({
          TableName: runtime.tableName,
          Key: { pk: { S: pk }, sk: { S: `DELIVERY#c${String(i).padStart(6, '0')}` } },
          UpdateExpression:
            'SET #status = :sending, claimToken = :token, claimUntil = :until ADD attempts :one',
          ConditionExpression: '#status = :queued OR (#status = :sending AND claimUntil < :now)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: {
            ':sending': { S: 'sending' },
            ':queued': { S: 'queued' },
            ':token': { S: crypto.randomUUID() },
            ':until': { N: String(now + 90_000) },
            ':now': { N: String(now) },
            ':one': { N: '1' },
          },
        }),
      );
    };
    const from = 'Hässleholms kommun <no-reply@samverkan.example>';
    // Warm connections (untimed): the last 10 throwaway items, 10 mails.
    await pool(10, CONCURRENCY, (i) => Promise.all([claim(n + i), ses.send(floorMail(-1 - i, from))]));
    const cpuStart = cpuSnapshot();
    const mails = await pool(n, CONCURRENCY, (i) => ses.send(floorMail(i, from)));
    const writes = await pool(n, CONCURRENCY, (i) => claim(i));
    const cpu = cpuBetween(cpuStart, cpuSnapshot());
    return {
      cpuSeconds: sum(Object.values(cpu.byProcess)),
      sesMs: mails.wallMs,
      dynamoMs: writes.wallMs,
      totalMs: mails.wallMs + writes.wallMs,
      sesCallMs: sum(mails.latenciesMs) / n,
      dynamoCallMs: sum(writes.latenciesMs) / n,
    };
  } finally {
    ses.destroy();
    dynamo.destroy();
  }
}

/**
 * The SES hop through the runtime (`/_aws/ses`: the proxy that records the send and emits SES's
 * events) against the emulator directly: m mails of the size the sender sends, each way.
 */
async function measureSesHop(runtime: LocalRuntime, m: number, htmlBytes: number) {
  const direct = new SESv2Client({ ...LOCAL, endpoint: runtime.endpoints.ses });
  const proxied = new SESv2Client({ ...LOCAL, endpoint: `${runtime.url}/_aws/ses` });
  const html = `<html><body>${'<p>Välkommen till dialoglunch om kompetensförsörjning.</p>'.repeat(
    Math.max(1, Math.round(htmlBytes / 60)),
  )}</body></html>`;
  const mail = (i: number, kind: string) =>
    new SendEmailCommand({
      FromEmailAddress: 'Hässleholms kommun <no-reply@samverkan.example>',
      Destination: { ToAddresses: [`hop-${kind}-${i}@foretag.example`] },
      Content: {
        Simple: {
          Subject: { Data: `Hop ${i}`, Charset: 'UTF-8' },
          Body: { Html: { Data: html, Charset: 'UTF-8' }, Text: { Data: 'Hej!', Charset: 'UTF-8' } },
        },
      },
    });
  try {
    await pool(5, CONCURRENCY, (i) =>
      Promise.all([direct.send(mail(i, 'warm')), proxied.send(mail(i, 'warm'))]),
    );
    const viaDirect = await pool(m, CONCURRENCY, (i) => direct.send(mail(i, 'direct')));
    const viaProxy = await pool(m, CONCURRENCY, (i) => proxied.send(mail(i, 'proxy')));
    return {
      mails: m,
      directCallMs: sum(viaDirect.latenciesMs) / m,
      proxyCallMs: sum(viaProxy.latenciesMs) / m,
      directWallMs: viaDirect.wallMs,
      proxyWallMs: viaProxy.wallMs,
    };
  } finally {
    direct.destroy();
    proxied.destroy();
  }
}

interface ServiceTotals {
  requests: number;
  billed: number;
  rru: number;
  wru: number;
}

function stageProfile(
  run: CampaignRun,
  invocations: readonly Invocation[],
  calls: readonly CallStats[],
  recipients: number,
) {
  const of = (fn: string) => invocations.filter((i) => i.fn === fn).sort((a, b) => a.startedAt - b.startedAt);
  const span = (list: readonly Invocation[]) => {
    const first = list[0];
    if (!first) return { startedAt: run.sendCalledAt, endedAt: run.sendCalledAt, busyMs: 0 };
    return {
      startedAt: first.startedAt,
      endedAt: Math.max(...list.map((i) => i.startedAt + i.durationMs)),
      busyMs: sum(list.map((i) => i.durationMs)),
    };
  };
  const pages = of('campaign-expander');
  const expansion = span(pages);
  const hops = pages.slice(1).map((page, i) => {
    const previous = pages[i] as Invocation;
    return page.startedAt - (previous.startedAt + previous.durationMs);
  });
  const senders = of('mail-sender');
  const sending = span(senders);
  const waits = senders.flatMap((i) => i.queueWaitsMs);
  const latencyOf = (caller: string, filter: (c: CallStats) => boolean) =>
    sum(calls.filter((c) => c.caller === caller && filter(c)).map((c) => c.latencyMs));
  const senderSes = latencyOf('mail-sender', (c) => c.service === 'ses');
  const senderUpdates = latencyOf('mail-sender', (c) => c.operation === 'UpdateItem');
  const senderBatchGets = latencyOf('mail-sender', (c) => c.operation === 'BatchGetItem');
  const senderOther = latencyOf(
    'mail-sender',
    (c) => c.service !== 'ses' && c.operation !== 'UpdateItem' && c.operation !== 'BatchGetItem',
  );
  const senderAws = senderSes + senderUpdates + senderBatchGets + senderOther;
  const senderWindowMs = sending.endedAt - sending.startedAt;
  return {
    sendAnswerMs: run.sendAnsweredAt - run.sendCalledAt,
    toFirstPageMs: (pages[0]?.startedAt ?? run.sendCalledAt) - run.sendCalledAt,
    expansion: {
      pages: pages.length,
      spanMs: expansion.endedAt - expansion.startedAt,
      busyMs: expansion.busyMs,
      endsAfterSendCallMs: expansion.endedAt - run.sendCalledAt,
      putItemMs: latencyOf('campaign-expander', (c) => c.operation === 'PutItem'),
      queryMs: latencyOf('campaign-expander', (c) => c.operation === 'Query'),
      sqsMs: latencyOf('campaign-expander', (c) => c.service === 'sqs'),
      hopsMs: sum(hops),
      meanHopMs: hops.length > 0 ? sum(hops) / hops.length : 0,
    },
    sender: {
      invocations: senders.length,
      meanBatch: senders.length > 0 ? sum(senders.map((i) => i.records)) / senders.length : 0,
      firstStartAfterSendCallMs: sending.startedAt - run.sendCalledAt,
      windowMs: senderWindowMs,
      busyMs: sending.busyMs,
      utilisation: senderWindowMs > 0 ? sending.busyMs / (CONCURRENCY * senderWindowMs) : 0,
      perDeliveryMs: {
        total: sending.busyMs / recipients,
        sesSendEmail: senderSes / recipients,
        updateItem: senderUpdates / recipients,
        batchGetItem: senderBatchGets / recipients,
        otherAws: senderOther / recipients,
        outsideAws: (sending.busyMs - senderAws) / recipients,
      },
      queueWaitMs: { p50: percentile(waits, 50), p90: percentile(waits, 90), max: percentile(waits, 100) },
    },
    events: { invocations: of('mail-events').length, busyMs: span(of('mail-events')).busyMs },
  };
}

/** A 200×80 logo (27 KB of noise, a realistic size for SES's attachment bytes) for the bench tenant. */
async function withLogo(doc: DynamoDBDocumentClient) {
  const bytes = noisyPng(200, 80);
  const checked = checkLogo(bytes);
  const tenant = await getTenant(TENANT, doc);
  if ('problem' in checked || !tenant) throw new Error('bench logo not set');
  await setLogo(tenant, checked, bytes, 'bench', doc);
}

export async function campaign({ recipients, progress }: BenchContext): Promise<BenchResult> {
  if (!Number.isInteger(recipients) || recipients < 1) throw new Error('--recipients must be ≥ 1');
  const { startLocalRuntime } = await import('../infra/local/runtime.js');
  const handlerClients = await import('../shared/platform/aws/clients.js');
  const logLines: string[] = [];

  progress(`starting the local runtime (seed, SES rate ${SEND_RATE}/s)…`);
  const runtime = await startLocalRuntime({
    seed: true,
    sesSendRate: SEND_RATE,
    logLevel: 'ERROR',
    log: (line) => logLines.push(line),
  });
  const ownDynamo = new DynamoDBClient({ ...LOCAL, endpoint: runtime.endpoints.dynamodb });
  const doc = DynamoDBDocumentClient.from(ownDynamo);
  const meter = new AwsMeter();
  try {
    meter.attach(runtime, handlerClients);
    const api = staffApi(runtime, await runtime.identity.idToken(ADMIN));
    const stamp = Date.now().toString(36);

    progress(`warm-up campaign (${WARM_UP_RECIPIENTS} recipients: loads every handler module)…`);
    const warmTag = `bench-warm-${stamp}`;
    await insertContacts(doc, runtime.tableName, warmTag, WARM_UP_RECIPIENTS);
    await runCampaign(api, doc, runtime.tableName, warmTag, WARM_UP_RECIPIENTS, { untilDelivered: true });

    // The municipality has a logo, as most will: every mail carries it as an inline part. Set
    // after the warm-up, so the measured campaign includes the sender's one read of its bytes.
    await withLogo(doc);

    progress(`inserting ${recipients} contacts (BatchWriteItem, untimed)…`);
    const tag = `bench-${stamp}`;
    await insertContacts(doc, runtime.tableName, tag, recipients);
    await runtime.bus.drain();

    // DynamoDB Local's JVM compiles its hot paths under the first sustained load: without this
    // the first floor ran up to twice as long as the second.
    progress('warming up the JVM of DynamoDB Local (an untimed floor of 1,000)…');
    await measureFloor(runtime, Math.min(recipients, 1000), 'jvm-warm-up');
    progress(`floor before: ${recipients} SendEmail + ${recipients} UpdateItem, ${CONCURRENCY} at a time…`);
    const floorBefore = await measureFloor(runtime, recipients, 'before');

    progress(`campaign of ${recipients} recipients…`);
    let cpuStart = cpuSnapshot();
    let eluStart = performance.eventLoopUtilization();
    let cpuSent = cpuStart;
    let eluSent = eluStart;
    const main = await runCampaign(api, doc, runtime.tableName, tag, recipients, {
      untilDelivered: true,
      beforeSend: () => {
        meter.reset();
        meter.enabled = true;
        cpuStart = cpuSnapshot();
        eluStart = performance.eventLoopUtilization();
      },
      onSent: () => {
        cpuSent = cpuSnapshot();
        eluSent = performance.eventLoopUtilization();
        progress('  every delivery sent; waiting for the delivery events…');
      },
    });
    await sleep(1000); // the last batches' deletes, and the tail of the events queue
    meter.enabled = false;
    const calls = [...meter.calls.values()];
    const invocations = [...meter.invocations];
    const statuses = await deliveryStatuses(doc, runtime.tableName, main.id);
    const cpu = cpuBetween(cpuStart, cpuSent);
    const elu = performance.eventLoopUtilization(eluSent, eluStart);

    progress('floor after…');
    const floorAfter = await measureFloor(runtime, recipients, 'after');

    const sesPayload = meanSesBytes(calls);
    const hopMails = Math.min(recipients, 500);
    progress(`SES hop: ${hopMails} mails straight to the emulator, ${hopMails} through the runtime…`);
    const hop = await measureSesHop(runtime, hopMails, sesPayload);

    progress(`rate check: ${LOW_RATE_RECIPIENTS} recipients at ${LOW_RATE}/s…`);
    const lowTag = `bench-low-${stamp}`;
    await insertContacts(doc, runtime.tableName, lowTag, LOW_RATE_RECIPIENTS);
    const previousRate = process.env[ENV.sendRate];
    process.env[ENV.sendRate] = String(LOW_RATE);
    let low: CampaignRun;
    try {
      low = await runCampaign(api, doc, runtime.tableName, lowTag, LOW_RATE_RECIPIENTS, {
        untilDelivered: false,
      });
    } finally {
      process.env[ENV.sendRate] = previousRate ?? String(SEND_RATE);
    }

    return report({
      recipients,
      main,
      low,
      floorBefore,
      floorAfter,
      hop,
      calls,
      invocations,
      runtime,
      cpu,
      eventLoopUtilisation: elu.utilization,
      logLines,
      statuses,
    });
  } finally {
    meter.enabled = false;
    meter.release();
    ownDynamo.destroy();
    progress('stopping the runtime…');
    await runtime.stop();
  }
}

/** Mean request size of the sender's SendEmail calls (bytes), from the meter. */
function meanSesBytes(calls: readonly CallStats[]): number {
  const ses = calls.filter((c) => c.service === 'ses' && c.operation === 'SendEmail');
  const attempts = sum(ses.map((c) => c.attempts));
  return attempts > 0 ? sum(ses.map((c) => c.bytes)) / attempts : 4000;
}

function sendsOf(runtime: LocalRuntime, tag: string) {
  return runtime.sesSends.filter((s) => s.to.some((address) => address.includes(`.${tag}@`)));
}

interface ReportInput {
  recipients: number;
  main: CampaignRun;
  low: CampaignRun;
  floorBefore: Floor;
  floorAfter: Floor;
  hop: Awaited<ReturnType<typeof measureSesHop>>;
  calls: CallStats[];
  invocations: Invocation[];
  runtime: LocalRuntime;
  cpu: ReturnType<typeof cpuBetween>;
  eventLoopUtilisation: number;
  logLines: string[];
  /** Deliveries of the timed campaign by status, at the end. */
  statuses: Record<string, number>;
}

function report(input: ReportInput): BenchResult {
  const { recipients: n, main, low, floorBefore, floorAfter, hop, calls, invocations, runtime } = input;
  const pipelineMs = main.allSentAt - main.sendCalledAt;
  const floorMs = (floorBefore.totalMs + floorAfter.totalMs) / 2;
  const ratio = pipelineMs / floorMs;

  const mainSends = sendsOf(runtime, main.tag);
  const lowSends = sendsOf(runtime, low.tag);
  const mainBusiest = maxPerCalendarSecond(mainSends.map((s) => s.at));
  const lowBusiest = maxPerCalendarSecond(lowSends.map((s) => s.at));
  const firstSend = Math.min(...mainSends.map((s) => s.at));
  const lastSend = Math.max(...mainSends.map((s) => s.at));
  const lowSpanS = (Math.max(...lowSends.map((s) => s.at)) - Math.min(...lowSends.map((s) => s.at))) / 1000;

  // Requests by service and operation (callers merged); empty receives apart (local short polling).
  const byOperation = new Map<string, CallStats & { callers: Set<string> }>();
  for (const c of calls) {
    const key = `${c.service}|${c.operation}`;
    const merged = byOperation.get(key) ?? { ...c, callers: new Set<string>(), attempts: 0, errors: 0 };
    if (!byOperation.has(key)) {
      for (const field of [
        'latencyMs',
        'billed',
        'emptyReceives',
        'entries',
        'rru',
        'wru',
        'estimatedRru',
        'estimatedWru',
        'ruleRru',
        'ruleWru',
        'customEvents',
        'bytes',
        'attachmentBytes',
      ] as const)
        merged[field] = 0;
      byOperation.set(key, merged);
    }
    merged.callers.add(c.caller);
    merged.attempts += c.attempts;
    merged.errors += c.errors;
    merged.latencyMs += c.latencyMs;
    merged.billed += c.billed;
    merged.emptyReceives += c.emptyReceives;
    merged.entries += c.entries;
    merged.rru += c.rru;
    merged.wru += c.wru;
    merged.estimatedRru += c.estimatedRru;
    merged.estimatedWru += c.estimatedWru;
    merged.ruleRru += c.ruleRru;
    merged.ruleWru += c.ruleWru;
    merged.customEvents += c.customEvents;
    merged.bytes += c.bytes;
    merged.attachmentBytes += c.attachmentBytes;
  }
  const operations = [...byOperation.values()].sort(
    (a, b) => a.service.localeCompare(b.service) || b.attempts - a.attempts,
  );
  const services = new Map<string, ServiceTotals>();
  for (const o of operations) {
    const t = services.get(o.service) ?? { requests: 0, billed: 0, rru: 0, wru: 0 };
    t.requests += o.attempts - o.emptyReceives;
    t.billed += o.billed - o.emptyReceives;
    const costed = costedCapacity(o);
    t.rru += costed.rru;
    t.wru += costed.wru;
    services.set(o.service, t);
  }
  const emptyReceives = sum(operations.map((o) => o.emptyReceives));
  const reportedWru = sum(operations.map((o) => o.wru));
  const reportedRru = sum(operations.map((o) => o.rru));
  const estimatedWru = sum(operations.map((o) => o.estimatedWru));
  const estimatedRru = sum(operations.map((o) => o.estimatedRru));
  const ruleWru = sum(operations.map((o) => o.ruleWru));
  const ruleRru = sum(operations.map((o) => o.ruleRru));

  // Lambda: every invocation in the window (the timed campaign and its delivery events).
  const memoryOf = (fn: string) => runtime.functions.get(fn)?.spec.memoryMb ?? 512;
  const functions = [...new Set(invocations.map((i) => i.fn))].sort().map((fn) => {
    const list = invocations.filter((i) => i.fn === fn);
    const durations = list.map((i) => i.durationMs);
    return {
      fn,
      invocations: list.length,
      failed: list.filter((i) => i.failed).length,
      records: sum(list.map((i) => i.records)),
      meanMs: sum(durations) / list.length,
      p90Ms: percentile(durations, 90),
      totalMs: sum(durations),
      memoryMb: memoryOf(fn),
      gbSeconds: lambdaGbSeconds(durations, memoryOf(fn)),
    };
  });
  const usage: Usage = {
    recipients: n,
    sesMails: services.get('ses')?.requests ?? 0,
    sesAttachmentBytes: sum(operations.map((o) => o.attachmentBytes)),
    wru: services.get('dynamodb')?.wru ?? 0,
    rru: services.get('dynamodb')?.rru ?? 0,
    sqsRequests: services.get('sqs')?.billed ?? 0,
    customEvents: sum(operations.map((o) => o.customEvents)),
    lambdaInvocations: sum(functions.map((f) => f.invocations)),
    lambdaGbSeconds: sum(functions.map((f) => f.gbSeconds)),
  };
  const cost = costPer(usage, COST_PER);
  // At a real account's rate the sender mostly waits for its pacer, and Lambda bills the wait.
  const senderMemory = memoryOf('mail-sender');
  const projectedSenderGbS = (CONCURRENCY * (COST_PER / TYPICAL_ACCOUNT_RATE) * senderMemory) / 1024;
  const measuredSenderGbS = ((functions.find((f) => f.fn === 'mail-sender')?.gbSeconds ?? 0) * COST_PER) / n;
  const projectedCost = costPer(
    {
      ...usage,
      recipients: COST_PER,
      sesMails: (usage.sesMails * COST_PER) / n,
      sesAttachmentBytes: ((usage.sesAttachmentBytes ?? 0) * COST_PER) / n,
      wru: (usage.wru * COST_PER) / n,
      rru: (usage.rru * COST_PER) / n,
      sqsRequests: (usage.sqsRequests * COST_PER) / n,
      customEvents: (usage.customEvents * COST_PER) / n,
      lambdaInvocations: (usage.lambdaInvocations * COST_PER) / n,
      lambdaGbSeconds: (usage.lambdaGbSeconds * COST_PER) / n - measuredSenderGbS + projectedSenderGbS,
    },
    COST_PER,
  );

  const perRcpt = (value: number) => value / n;
  const profile = stageProfile(main, invocations, calls, n);
  // What the floor would be if it made as many DynamoDB requests per recipient as the pipeline does.
  const dynamoPerRecipient = perRcpt(services.get('dynamodb')?.requests ?? 0);
  const floorSesMs = (floorBefore.sesMs + floorAfter.sesMs) / 2;
  const floorDynamoMs = (floorBefore.dynamoMs + floorAfter.dynamoMs) / 2;
  const scaledFloorMs = floorSesMs + dynamoPerRecipient * floorDynamoMs;
  const pipelineCpu = sum(Object.values(input.cpu.byProcess));
  const floorCpu = (floorBefore.cpuSeconds + floorAfter.cpuSeconds) / 2;

  const f = main.final;
  const statusText = Object.entries(input.statuses)
    .map(([status, count]) => `${status} ${count}`)
    .join(', ');
  const consistent = f.sent === f.queued && (input.statuses.delivered ?? 0) === f.queued;
  const rows: string[][] = [
    ['recipients', String(n), `tag ${main.tag}`],
    [
      'counters | delivery items at the end',
      `sent ${f.sent}, delivered ${f.delivered}`,
      `queued ${f.queued}, failed ${f.failed}; items: ${statusText}${consistent ? '' : ' (INCONSISTENT: see docs)'}`,
    ],
    ['pipeline: send call → every delivery sent', `${seconds(pipelineMs)} s`, 'counters polled every 100 ms'],
    ['  send call → last mail accepted by SES', `${seconds(lastSend - main.sendCalledAt)} s`, ''],
    [
      `floor before: ${n} SendEmail | ${n} UpdateItem`,
      `${seconds(floorBefore.totalMs)} s`,
      `${seconds(floorBefore.sesMs)} s + ${seconds(floorBefore.dynamoMs)} s`,
    ],
    [
      'floor after',
      `${seconds(floorAfter.totalMs)} s`,
      `${seconds(floorAfter.sesMs)} s + ${seconds(floorAfter.dynamoMs)} s`,
    ],
    ['floor (mean)', `${seconds(floorMs)} s`, `${CONCURRENCY} at a time, like the sender`],
    ['ratio pipeline / floor', `${fixed(ratio)}×`, `target ≤ 2 ${ratio <= 2 ? '(met)' : '(NOT met)'}`],
    [
      '  floor for the pipeline’s request count',
      `${seconds(scaledFloorMs)} s`,
      `${fixed(dynamoPerRecipient)} DynamoDB req/recipient at floor speed + SES floor: pipeline ${fixed(
        pipelineMs / scaledFloorMs,
      )}× that`,
    ],
    [
      'CPU per recipient: pipeline | floor',
      `${fixed((pipelineCpu * 1000) / n)} ms`,
      `${fixed((floorCpu * 1000) / n)} ms (this process + emulators; ${fixed(pipelineCpu / floorCpu)}×)`,
    ],
    [
      'throughput, first to last SES send',
      `${fixed(n / Math.max(0.001, (lastSend - firstSend) / 1000), 0)} mails/s`,
      `configured rate ${SEND_RATE}/s`,
    ],
    [
      `busiest second at ${SEND_RATE}/s`,
      String(mainBusiest.max),
      mainBusiest.max <= SEND_RATE ? `≤ ${SEND_RATE} (ok)` : `> ${SEND_RATE} (OVER)`,
    ],
    [
      `busiest second at ${LOW_RATE}/s (${LOW_RATE_RECIPIENTS} recipients)`,
      String(lowBusiest.max),
      `${lowBusiest.max <= LOW_RATE ? `≤ ${LOW_RATE} (ok)` : `> ${LOW_RATE} (OVER)`}; mean ${fixed(
        LOW_RATE_RECIPIENTS / Math.max(0.001, lowSpanS),
        1,
      )}/s over ${fixed(lowSpanS, 1)} s`,
    ],
    [
      'AWS requests per recipient',
      fixed(perRcpt(sum([...services.values()].map((s) => s.requests)))),
      [...services].map(([service, t]) => `${service} ${fixed(perRcpt(t.requests))}`).join(', '),
    ],
    [
      'DynamoDB capacity per recipient',
      `${fixed(perRcpt(usage.wru))} WRU, ${fixed(perRcpt(usage.rru))} RRU`,
      `reported ${fixed(perRcpt(reportedWru))} / ${fixed(perRcpt(reportedRru))} (+ ${fixed(
        estimatedWru + estimatedRru,
        0,
      )} RU est. for failed conditions); rule of thumb ${fixed(perRcpt(ruleWru))} / ${fixed(perRcpt(ruleRru))}`,
    ],
    [
      `cost per ${COST_PER.toLocaleString('en')} recipients`,
      usd(cost.total),
      `SES ${usd(cost.ses)} + everything else ${usd(cost.rest)}`,
    ],
    [
      'everything but SES / SES',
      pct(cost.restShareOfSes),
      `target ≤ 5 % ${cost.restShareOfSes <= 0.05 ? '(met)' : '(NOT met)'}; at ${TYPICAL_ACCOUNT_RATE}/s: ${pct(
        projectedCost.restShareOfSes,
      )}`,
    ],
  ];

  const requestsTable: BenchTable = {
    title: 'AWS requests during the campaign (send call until every delivery event is applied)',
    columns: [
      { header: 'service', align: 'left' },
      { header: 'operation', align: 'left' },
      { header: 'callers', align: 'left' },
      { header: 'requests', align: 'right' },
      { header: 'per rcpt', align: 'right' },
      { header: 'billed', align: 'right' },
      { header: 'billed/rcpt', align: 'right' },
      { header: 'mean ms', align: 'right' },
    ],
    rows: [
      ...operations.flatMap((o) => {
        const billedText = billedOf(o);
        const row = [
          o.service,
          o.operation,
          [...o.callers].join(', '),
          String(o.attempts - o.emptyReceives),
          fixed(perRcpt(o.attempts - o.emptyReceives), 3),
          billedText.text,
          fixed(perRcpt(billedText.units), 3),
          fixed(o.latencyMs / Math.max(1, o.attempts), 1),
        ];
        if (o.emptyReceives === 0) return [row];
        return [
          row,
          [
            o.service,
            `${o.operation} (empty)`,
            'local short polling',
            String(o.emptyReceives),
            fixed(perRcpt(o.emptyReceives), 3),
            'not costed',
            '',
            '',
          ],
        ];
      }),
      ...[...services].map(([service, t]) => [
        service,
        'TOTAL',
        '',
        String(t.requests),
        fixed(perRcpt(t.requests), 3),
        service === 'dynamodb' ? `${fixed(t.wru, 1)} WRU ${fixed(t.rru, 1)} RRU` : String(t.billed),
        service === 'dynamodb' ? fixed(perRcpt(t.wru + t.rru), 3) : fixed(perRcpt(t.billed), 3),
        '',
      ]),
    ],
  };

  const costTable: BenchTable = {
    title: `Cost per ${COST_PER.toLocaleString('en')} recipients (${PRICES.region} list prices of ${PRICES.asOf})`,
    columns: [
      { header: 'component', align: 'left' },
      { header: 'units', align: 'left' },
      { header: 'USD', align: 'right' },
      { header: 'of SES', align: 'right' },
    ],
    rows: costRows(cost, usage, n),
  };

  const lambdaTable: BenchTable = {
    title: 'Lambda invocations in the window (local durations: a rough proxy for Lambda’s)',
    columns: [
      { header: 'function', align: 'left' },
      { header: 'invocations', align: 'right' },
      { header: 'records', align: 'right' },
      { header: 'mean ms', align: 'right' },
      { header: 'p90 ms', align: 'right' },
      { header: 'total s', align: 'right' },
      { header: 'MB', align: 'right' },
      { header: 'GB-s', align: 'right' },
    ],
    rows: functions.map((f) => [
      f.fn,
      `${f.invocations}${f.failed > 0 ? ` (${f.failed} failed)` : ''}`,
      String(f.records),
      fixed(f.meanMs, 1),
      fixed(f.p90Ms, 1),
      seconds(f.totalMs),
      String(f.memoryMb),
      fixed(f.gbSeconds, 3),
    ]),
  };

  const p = profile;
  const d = p.sender.perDeliveryMs;
  const cpuRows = Object.entries(input.cpu.byProcess)
    .sort(([, a], [, b]) => b - a)
    .map(([label, s]) => [
      `  CPU: ${label}`,
      `${fixed(s)} s`,
      `${pct(s / input.cpu.wallSeconds)} of one vCPU${
        label === MAIN_PROCESS ? `; event loop busy ${pct(input.eventLoopUtilisation)}` : ''
      }`,
    ]);
  const stagesTable: BenchTable = {
    title: 'Where the time goes (timed campaign)',
    columns: [
      { header: 'stage', align: 'left' },
      { header: 'value', align: 'right' },
      { header: 'detail', align: 'left' },
    ],
    rows: [
      ['send call → 202', `${fixed(p.sendAnswerMs, 0)} ms`, 'mail-api: mark sending, PutEvents'],
      [
        'send call → first expansion page starts',
        `${fixed(p.toFirstPageMs, 0)} ms`,
        'event → rule → SQS → poller',
      ],
      [
        'expansion: first page start → last page end',
        `${seconds(p.expansion.spanMs)} s`,
        `${p.expansion.pages} pages, busy ${seconds(p.expansion.busyMs)} s; ends ${seconds(
          p.expansion.endsAfterSendCallMs,
        )} s after the send call`,
      ],
      [
        '  PutItem (createDelivery, one at a time)',
        `${seconds(p.expansion.putItemMs)} s`,
        `${fixed(p.expansion.putItemMs / n, 2)} ms per recipient`,
      ],
      [
        '  Query (contacts pages + organisations)',
        `${seconds(p.expansion.queryMs)} s`,
        `SQS SendMessageBatch ${seconds(p.expansion.sqsMs)} s`,
      ],
      [
        '  queue hops between pages',
        `${seconds(p.expansion.hopsMs)} s`,
        `${fixed(p.expansion.meanHopMs, 0)} ms per hop`,
      ],
      [
        'send call → first sender invocation',
        `${fixed(p.sender.firstStartAfterSendCallMs, 0)} ms`,
        `first SES send after ${fixed(firstSend - main.sendCalledAt, 0)} ms`,
      ],
      [
        'sender: first start → last end',
        `${seconds(p.sender.windowMs)} s`,
        `${p.sender.invocations} batches of ${fixed(p.sender.meanBatch, 1)}; busy ${seconds(
          p.sender.busyMs,
        )} s = ${pct(p.sender.utilisation)} of ${CONCURRENCY} workers`,
      ],
      ['  per delivery (worker time)', `${fixed(d.total)} ms`, `${fixed(1000 / d.total, 0)}/s per worker`],
      [
        '    SES SendEmail via the runtime proxy',
        `${fixed(d.sesSendEmail)} ms`,
        `floor (direct): ${fixed((floorBefore.sesCallMs + floorAfter.sesCallMs) / 2)} ms`,
      ],
      [
        '    UpdateItem (claim + settle + stats)',
        `${fixed(d.updateItem)} ms`,
        `floor: ${fixed((floorBefore.dynamoCallMs + floorAfter.dynamoCallMs) / 2)} ms per write`,
      ],
      ['    BatchGetItem (2 per batch)', `${fixed(d.batchGetItem)} ms`, ''],
      ['    other AWS (counters)', `${fixed(d.otherAws)} ms`, ''],
      d.outsideAws >= 0
        ? ['    outside AWS calls', `${fixed(d.outsideAws)} ms`, 'render, sign, pacer, event-loop waits']
        : [
            '    outside AWS calls',
            'n/a',
            'the sender’s AWS calls overlap: their latencies add up past its busy time',
          ],
      [
        '  mail queue wait p50 / p90 / max',
        `${fixed(p.sender.queueWaitMs.p50, 0)} ms`,
        `${fixed(p.sender.queueWaitMs.p90, 0)} / ${fixed(p.sender.queueWaitMs.max, 0)} ms`,
      ],
      [
        'SES hop: direct → via runtime proxy',
        `+${fixed(hop.proxyCallMs - hop.directCallMs)} ms`,
        `${fixed(hop.directCallMs)} → ${fixed(hop.proxyCallMs)} ms per call (${hop.mails} mails, ${CONCURRENCY} at a time)`,
      ],
      [
        'mail-events (delivery events)',
        `${seconds(p.events.busyMs)} s busy`,
        `${p.events.invocations} batches; all delivered ${seconds(
          (main.allDeliveredAt ?? main.allSentAt) - main.sendCalledAt,
        )} s after the send call`,
      ],
      [
        'CPU, send call → every delivery sent',
        `${fixed(sum(Object.values(input.cpu.byProcess)))} s`,
        `of ${fixed(2 * input.cpu.wallSeconds)} vCPU-s on 2 vCPUs; other processes ${
          input.cpu.others === undefined ? 'n/a' : `${fixed(input.cpu.others)} s`
        }`,
      ],
      ...cpuRows,
    ],
  };

  const logLines = input.logLines.filter((line) => !line.startsWith('seeded demo tenant'));
  const notes = [
    `Floor: ${n} SendEmail straight to the SES emulator, then ${n} conditional UpdateItem (the claim) on throwaway items, ${CONCURRENCY} at a time, before and after the campaign; pipeline/floor uses their mean.`,
    `SQS: ${emptyReceives} empty ReceiveMessage calls of the local pollers (long polling, 1 s) are not costed; Lambda's event source mapping long-polls (20 s), so its empty receives depend on time, not on recipients (a few per minute per poller). Its non-empty receives and deletes are billed as SQS requests like any other and are costed here.`,
    'EventBridge: SES events to the default bus are free and not PutEvents calls of ours; the rule → SQS deliveries are SQS SendMessage requests and are counted as SQS.',
    `Lambda at ${TYPICAL_ACCOUNT_RATE}/s (a new production account's SES quota): the sender waits for its pacer and Lambda bills the wait, ≈ ${CONCURRENCY} × ${COST_PER}/${TYPICAL_ACCOUNT_RATE} s × ${senderMemory} MB = ${fixed(projectedSenderGbS, 0)} GB-s per ${COST_PER.toLocaleString('en')}: everything but SES ${pct(projectedCost.restShareOfSes)} of SES.`,
    ...(logLines.length > 0
      ? [`Runtime log (${logLines.length} lines), first: ${logLines.slice(0, 3).join(' | ')}`]
      : []),
  ];

  return {
    title: `Campaign: ${n} recipients through the local pipeline against the raw-emulator floor`,
    columns: [
      { header: 'figure', align: 'left' },
      { header: 'value', align: 'right' },
      { header: 'detail', align: 'left' },
    ],
    rows,
    tables: [stagesTable, requestsTable, lambdaTable, costTable],
    notes,
    data: {
      config: {
        recipients: n,
        sesSendRate: SEND_RATE,
        concurrency: CONCURRENCY,
        pollMs: POLL_MS,
        lowRate: { rate: LOW_RATE, recipients: LOW_RATE_RECIPIENTS },
        prices: PRICES,
      },
      pipelineMs: round(pipelineMs, 0),
      lastSesSendMs: lastSend - main.sendCalledAt,
      allDeliveredMs: main.allDeliveredAt === undefined ? null : main.allDeliveredAt - main.sendCalledAt,
      floor: {
        before: roundFloor(floorBefore),
        after: roundFloor(floorAfter),
        meanMs: round(floorMs, 0),
      },
      ratio: round(ratio, 3),
      floorForPipelineRequestsMs: round(scaledFloorMs, 0),
      cpuMsPerRecipient: {
        pipeline: round((pipelineCpu * 1000) / n, 2),
        floor: round((floorCpu * 1000) / n, 2),
      },
      ratioToFloorForPipelineRequests: round(pipelineMs / scaledFloorMs, 3),
      throughputPerSecond: round(n / Math.max(0.001, (lastSend - firstSend) / 1000), 1),
      rate: {
        configured: SEND_RATE,
        busiestSecond: mainBusiest.max,
        low: {
          configured: LOW_RATE,
          recipients: LOW_RATE_RECIPIENTS,
          busiestSecond: lowBusiest.max,
          spanSeconds: round(lowSpanS, 2),
          sent: low.final.sent,
        },
      },
      requestsPerRecipient: Object.fromEntries(
        [...services].map(([s, t]) => [s, round(perRcpt(t.requests), 4)]),
      ),
      operations: operations.map((o) => ({
        service: o.service,
        operation: o.operation,
        callers: [...o.callers],
        requests: o.attempts - o.emptyReceives,
        emptyReceives: o.emptyReceives,
        errors: o.errors,
        billed: o.billed - o.emptyReceives,
        entries: o.entries,
        rru: round(o.rru, 2),
        wru: round(o.wru, 2),
        estimatedRru: round(o.estimatedRru, 2),
        estimatedWru: round(o.estimatedWru, 2),
        ruleRru: round(o.ruleRru, 2),
        ruleWru: round(o.ruleWru, 2),
        meanMs: round(o.latencyMs / Math.max(1, o.attempts), 2),
      })),
      capacityPerRecipient: { wru: round(perRcpt(usage.wru), 4), rru: round(perRcpt(usage.rru), 4) },
      lambda: functions.map((f) => ({
        ...f,
        meanMs: round(f.meanMs, 1),
        p90Ms: round(f.p90Ms, 1),
        totalMs: round(f.totalMs, 0),
        gbSeconds: round(f.gbSeconds, 4),
      })),
      costPer10k: roundCost(cost),
      costPer10kAtTypicalRate: { rate: TYPICAL_ACCOUNT_RATE, ...roundCost(projectedCost) },
      profile: JSON.parse(JSON.stringify(profile, (_k, v) => (typeof v === 'number' ? round(v, 2) : v))),
      sesHop: {
        mails: hop.mails,
        directCallMs: round(hop.directCallMs, 2),
        proxyCallMs: round(hop.proxyCallMs, 2),
      },
      cpuSeconds: Object.fromEntries(Object.entries(input.cpu.byProcess).map(([k, v]) => [k, round(v, 2)])),
      otherProcessesCpuSeconds: input.cpu.others === undefined ? null : round(input.cpu.others, 2),
      eventLoopUtilisation: round(input.eventLoopUtilisation, 3),
      runtimeLogLines: logLines.length,
      counters: main.final,
      deliveryStatuses: input.statuses,
      consistent,
    },
  };
}

/**
 * The capacity a DynamoDB operation is costed at: what DynamoDB (Local) reported plus estimates
 * where it reported nothing, or the rule of thumb when that is higher (DynamoDB Local does not
 * charge a BatchGetItem's missing keys; DynamoDB does).
 */
function costedCapacity(o: CallStats): { rru: number; wru: number; byRule: boolean } {
  const rru = o.rru + o.estimatedRru;
  const wru = o.wru + o.estimatedWru;
  return {
    rru: Math.max(rru, o.ruleRru),
    wru: Math.max(wru, o.ruleWru),
    byRule: o.ruleRru > rru || o.ruleWru > wru,
  };
}

function billedOf(o: CallStats): { text: string; units: number } {
  switch (o.service) {
    case 'dynamodb': {
      const { rru, wru, byRule } = costedCapacity(o);
      const note = byRule ? ' (rule)' : o.estimatedWru + o.estimatedRru > 0 ? ' (part est.)' : '';
      return wru > 0
        ? { text: `${fixed(wru, 1)} WRU${note}`, units: wru }
        : { text: `${fixed(rru, 1)} RRU${note}`, units: rru };
    }
    case 'sqs':
      return { text: `${o.billed - o.emptyReceives} req`, units: o.billed - o.emptyReceives };
    case 'eventbridge':
      return { text: `${o.customEvents} custom events`, units: o.customEvents };
    default:
      return { text: `${o.attempts} mails`, units: o.attempts };
  }
}

function costRows(cost: Cost, usage: Usage, n: number): string[][] {
  const per = (value: number) => fixed((value * COST_PER) / n, 0);
  const mib = (bytes: number) => fixed((bytes * COST_PER) / n / 2 ** 20, 1);
  const share = (value: number) => pct(value / cost.ses);
  const attached = (sesAttachmentCost(usage.sesAttachmentBytes ?? 0) * COST_PER) / n;
  const largest = (sesAttachmentCost(usage.sesMails * LOGO_MAX_BYTES) * COST_PER) / n;
  return [
    // SES bills the mails and the bytes of their attachments: here the bench tenant's logo, inline
    // in every mail. The row after it: the same with the largest logo the settings take.
    ['SES', `${per(usage.sesMails)} mails`, usd(cost.ses - attached), ''],
    [
      'SES attachments',
      `${mib(usage.sesAttachmentBytes ?? 0)} MiB (the logo in every mail)`,
      usd(attached),
      `${pct(attached / (cost.ses - attached))} of the mails`,
    ],
    [
      'SES attachments, 200 KB logo',
      `${mib(usage.sesMails * LOGO_MAX_BYTES)} MiB (the largest allowed)`,
      usd(largest),
      `${pct(largest / (cost.ses - attached))} of the mails`,
    ],
    [
      'DynamoDB on-demand',
      `${per(usage.wru)} WRU, ${per(usage.rru)} RRU`,
      usd(cost.dynamodb),
      share(cost.dynamodb),
    ],
    ['SQS', `${per(usage.sqsRequests)} requests`, usd(cost.sqs), share(cost.sqs)],
    [
      'EventBridge',
      `${per(usage.customEvents)} custom events`,
      usd(cost.eventBridge),
      share(cost.eventBridge),
    ],
    [
      'Lambda arm64',
      `${per(usage.lambdaInvocations)} invocations, ${fixed((usage.lambdaGbSeconds * COST_PER) / n, 1)} GB-s`,
      usd(cost.lambda),
      share(cost.lambda),
    ],
    ['everything but SES', '', usd(cost.rest), share(cost.rest)],
    ['total', '', usd(cost.total), ''],
  ];
}

const roundFloor = (f: Floor) => ({
  sesMs: round(f.sesMs, 0),
  dynamoMs: round(f.dynamoMs, 0),
  totalMs: round(f.totalMs, 0),
  sesCallMs: round(f.sesCallMs, 2),
  dynamoCallMs: round(f.dynamoCallMs, 2),
  cpuSeconds: round(f.cpuSeconds, 2),
});

const roundCost = (c: Cost) => ({
  ses: round(c.ses, 5),
  dynamodb: round(c.dynamodb, 5),
  sqs: round(c.sqs, 5),
  eventBridge: round(c.eventBridge, 6),
  lambda: round(c.lambda, 5),
  rest: round(c.rest, 5),
  total: round(c.total, 5),
  restShareOfSes: round(c.restShareOfSes, 4),
});
