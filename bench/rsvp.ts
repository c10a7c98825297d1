import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  DynamoDBDocumentClient,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { startLocalRuntime } from '../infra/local/runtime.js';
import { contactKey } from '../shared/directory/store/contacts.js';
import type { EventInput, Meeting } from '../shared/meetings/meeting.js';
import {
  countersKey,
  createEvent,
  getEvent,
  invitationKey,
  saveEvent,
  waitlist,
} from '../shared/meetings/store.js';
import * as clients from '../shared/platform/aws/clients.js';
import { signLinkToken } from '../shared/platform/mail-kit/link-tokens.js';
import { tenantPk } from '../shared/platform/table/table.js';
import { rsvpFormToken } from '../tests/event-helpers.js';
import { AwsMeter } from './aws-meter.js';
import { percentile } from './pricing.js';
import type { BenchContext, BenchResult } from './section.js';

/**
 * `npm run bench -- --only rsvp`: the two figures the invitations issue asks for.
 *
 * 1. The cost of reading an event's staff view for 100 and for 10,000 invitations: DynamoDB
 *    requests, items and read capacity per read of `GET /api/events/{id}` (the event and its
 *    counters item), counted by the same SDK meter as the campaign section. They must be equal.
 * 2. An RSVP through the local HTTP server (`POST /rsvp/{token}`: token check, reads, the seat
 *    transaction, the confirmation mail queued), median and p99, against a raw
 *    TransactWriteItems of the same three writes (invitation, counters with the capacity
 *    condition, the organisation's seats) sent straight to DynamoDB Local in the same run.
 * 3. A burst: BURST answers posted at once to one event of BURST_CAPACITY seats (each contact
 *    of its own organisation), p50/p99 per answer and the ratio to a single answer's p99 of 2.,
 *    the DynamoDB transactions tried and cancelled, and whether each waitlisted contact was told
 *    their true place (the place in the promotion order, no number twice).
 */
const TENANT = 'hassleholm';
const ADMIN = 'staff-hlm-anna';
const SIZES = [100, 10_000] as const;
const BURST = 60;
const BURST_CAPACITY = 20;
const LOCAL = { region: 'eu-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };

function input(capacity: number): EventInput {
  const start = Date.now() + 14 * 86_400_000;
  return {
    kind: 'dialogue-lunch',
    title: 'Dialoglunch (benchmark)',
    description: '',
    agenda: [],
    place: { name: 'Rådhuset', address: '' },
    start: new Date(start).toISOString(),
    end: new Date(start + 7_200_000).toISOString(),
    capacity,
    seatLimitPerOrganisation: 2,
    rsvpDeadline: new Date(start - 86_400_000).toISOString(),
    questions: { headcount: true, names: true, dietary: true, accessibility: true, note: true },
    language: 'sv',
    reminders: { attendeesDayBefore: false },
  };
}

async function published(capacity: number): Promise<Meeting> {
  const event = await createEvent(TENANT, input(capacity));
  await saveEvent({ ...event, status: 'published', version: event.version + 1 }, event.version);
  return (await getEvent(TENANT, event.eventId)) as Meeting;
}

/** Invitations (and their contacts) written in bulk: setup, not measured. */
async function invite(event: Meeting, count: number, prefix: string, table: string): Promise<string[]> {
  const ids = Array.from({ length: count }, (_, i) => `${prefix}${i}`);
  const items = ids.flatMap((contactId) => [
    {
      ...contactKey(TENANT, contactId),
      type: 'contact',
      tenantId: TENANT,
      contactId,
      organisationId: `o-${contactId}`,
      name: `Kontakt ${contactId}`,
      email: `${contactId}@bench.example`,
      language: 'sv',
      tags: [],
    },
    {
      ...invitationKey(TENANT, event.eventId, contactId),
      type: 'invitation',
      tenantId: TENANT,
      eventId: event.eventId,
      contactId,
      organisationId: `o-${contactId}`,
      organisationType: 'company',
      status: 'invited',
      seats: 0,
      names: [],
      dietary: [],
      invitedAt: new Date().toISOString(),
      version: 1,
    },
  ]);
  for (let i = 0; i < items.length; i += 25) {
    await clients.documentClient.send(
      new BatchWriteCommand({
        RequestItems: { [table]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
      }),
    );
  }
  await clients.documentClient.send(
    new UpdateCommand({
      TableName: table,
      Key: countersKey(TENANT, event.eventId),
      UpdateExpression: 'ADD invited :n',
      ExpressionAttributeValues: { ':n': count },
    }),
  );
  return ids;
}

export async function rsvp({ runs, progress }: BenchContext): Promise<BenchResult> {
  const runtime = await startLocalRuntime({
    seed: true,
    log: () => {},
    sesSendRate: 500,
  });
  const meter = new AwsMeter();
  meter.attach(runtime, clients);
  try {
    const token = await runtime.identity.idToken(ADMIN);
    // 1. The staff view's read cost, for 100 and 10,000 invitations.
    const reads: { invitations: number; requests: number; items: number; rru: number; ms: number }[] = [];
    for (const size of SIZES) {
      progress(`dashboard: writing ${size} invitations…`);
      const event = await published(size);
      await invite(event, size, `d${size}-`, runtime.tableName);
      const get = () =>
        fetch(`${runtime.url}/api/events/${event.eventId}`, {
          headers: { authorization: `Bearer ${token}` },
        });
      await (await get()).arrayBuffer(); // warm
      meter.reset();
      meter.enabled = true;
      const started = performance.now();
      const body = (await (await get()).json()) as { counters?: { invited?: number } };
      const ms = performance.now() - started;
      meter.enabled = false;
      if (body.counters?.invited !== size)
        throw new Error(`expected ${size} invited, got ${body.counters?.invited}`);
      // The API function's own requests (background consumers of the runtime are not the read).
      const dynamo = [...meter.calls.values()].filter(
        (c) => c.service === 'dynamodb' && c.caller === 'meetings-api',
      );
      reads.push({
        invitations: size,
        requests: dynamo.reduce((n, c) => n + c.attempts, 0),
        // A GetItem reads one item; a batch or query request reports its entries.
        items: dynamo.reduce((n, c) => n + (c.entries > 0 ? c.entries : c.attempts), 0),
        rru: dynamo.reduce((n, c) => n + c.rru + c.estimatedRru, 0),
        ms,
      });
    }

    // 2. RSVP latency through the HTTP server against the raw transaction, interleaved.
    const n = Math.max(50, runs * 10);
    progress(`rsvp: ${n} answers through HTTP and ${n} raw transactions, interleaved…`);
    const event = await published(n * 2);
    const contacts = await invite(event, n, 'r-', runtime.tableName);
    const tokens = await Promise.all(
      contacts.map((id) =>
        signLinkToken({ purpose: 'rsvp', tenantId: TENANT, subject: id, campaignId: event.eventId }, 86_400),
      ),
    );
    const raw = DynamoDBDocumentClient.from(
      new DynamoDBClient({ ...LOCAL, endpoint: runtime.endpoints.dynamodb }),
    );
    const rawPk = `${tenantPk(TENANT)}#BENCH#${randomUUID()}`;
    await raw.send(
      new UpdateCommand({
        TableName: runtime.tableName,
        Key: { pk: rawPk, sk: 'COUNTERS' },
        UpdateExpression: 'SET attendingSeats = :z',
        ExpressionAttributeValues: { ':z': 0 },
      }),
    );
    // The form token a browser gets from the page (signed, so a made-up one is refused).
    const csrf = encodeURIComponent(await rsvpFormToken(runtime, tokens[0] as string));
    const httpMs: number[] = [];
    const rawMs: number[] = [];
    for (let i = 0; i < n; i++) {
      let t = performance.now();
      const response = await fetch(`${runtime.url}/rsvp/${tokens[i]}`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `samverkan_csrf=${csrf}` },
        body: new URLSearchParams({
          _csrf: decodeURIComponent(csrf),
          answer: 'attend',
          seats: '1',
          dietary: 'vegetarian',
        }),
      });
      await response.arrayBuffer();
      httpMs.push(performance.now() - t);
      if (response.status !== 200) throw new Error(`RSVP answered ${response.status}`);
      t = performance.now();
      await raw.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: runtime.tableName,
                Item: { pk: rawPk, sk: `INVITE#${i}`, status: 'attending', seats: 1, version: 2 },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Update: {
                TableName: runtime.tableName,
                Key: { pk: rawPk, sk: 'COUNTERS' },
                UpdateExpression: 'ADD attendingSeats :one, attending :one',
                ConditionExpression: 'attendingSeats <= :left',
                ExpressionAttributeValues: { ':one': 1, ':left': n * 2 - 1 },
              },
            },
            {
              Update: {
                TableName: runtime.tableName,
                Key: { pk: rawPk, sk: `ORGSEATS#${i}` },
                UpdateExpression: 'ADD seats :one',
                ExpressionAttributeValues: { ':one': 1 },
              },
            },
          ],
        }),
      );
      rawMs.push(performance.now() - t);
    }
    const med = (v: number[]) => percentile(v, 50);
    const p99 = (v: number[]) => percentile(v, 99);

    // 3. The burst: every answer at once, as when an invitation lands.
    progress(`burst: ${BURST} answers at once to an event of ${BURST_CAPACITY} seats…`);
    const burstEvent = await published(BURST_CAPACITY);
    const burstContacts = await invite(burstEvent, BURST, 'b-', runtime.tableName);
    const burstTokens = await Promise.all(
      burstContacts.map((id) =>
        signLinkToken(
          { purpose: 'rsvp', tenantId: TENANT, subject: id, campaignId: burstEvent.eventId },
          86_400,
        ),
      ),
    );
    meter.reset();
    meter.enabled = true;
    const burstStarted = performance.now();
    const cpuBefore = process.cpuUsage();
    const burst = await Promise.all(
      burstTokens.map(async (token, i) => {
        const t = performance.now();
        const response = await fetch(`${runtime.url}/rsvp/${token}`, {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `samverkan_csrf=${csrf}` },
          body: new URLSearchParams({ _csrf: decodeURIComponent(csrf), answer: 'attend', seats: '1' }),
        });
        const html = await response.text();
        if (response.status !== 200) throw new Error(`RSVP answered ${response.status}`);
        const told = /(?:nummer|number) (\d+)/.exec(html)?.[1];
        return {
          contactId: burstContacts[i] as string,
          ms: performance.now() - t,
          told: told ? Number(told) : undefined,
        };
      }),
    );
    const burstWallMs = performance.now() - burstStarted;
    const cpu = process.cpuUsage(cpuBefore);
    // The local runtime runs every handler in this one process: its CPU time bounds a burst here
    // (in Lambda each answer has its own instance).
    const burstCpuMs = (cpu.user + cpu.system) / 1000;
    meter.enabled = false;
    const transactions = [...meter.calls.values()].filter(
      (c) => c.service === 'dynamodb' && c.operation === 'TransactWriteItems',
    );
    const tried = transactions.reduce((n, c) => n + c.attempts, 0);
    const cancelled = transactions.reduce((n, c) => n + c.errors, 0);
    const transactionMs = transactions.reduce((n, c) => n + c.latencyMs, 0) / Math.max(1, tried);
    const burstMs = burst.map((b) => b.ms);
    // Requests on the answer path (the RSVP function), and everything else the runtime asked of
    // DynamoDB meanwhile (the answers' reactions: confirmation mails, counters, insight).
    const dynamoRequests = (answerPath: boolean) =>
      [...meter.calls.values()]
        .filter((c) => c.service === 'dynamodb' && (c.caller === 'rsvp') === answerPath)
        .reduce((sum, c) => sum + c.attempts, 0);
    const answerPathRequests = dynamoRequests(true);
    const reactionRequests = dynamoRequests(false);
    // The same burst's floor: BURST raw seat transactions at once, straight to DynamoDB Local
    // (which runs transactions one at a time, so this is its queue for them).
    const rawBurstPk = `${tenantPk(TENANT)}#BENCH#${randomUUID()}`;
    const rawBurstMs = await Promise.all(
      Array.from({ length: BURST }, async (_, i) => {
        const t = performance.now();
        await raw.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: runtime.tableName,
                  Item: { pk: rawBurstPk, sk: `INVITE#${i}`, status: 'attending', seats: 1, version: 2 },
                  ConditionExpression: 'attribute_not_exists(pk)',
                },
              },
              {
                Update: {
                  TableName: runtime.tableName,
                  Key: { pk: rawBurstPk, sk: 'COUNTERS' },
                  UpdateExpression: 'ADD attendingSeats :one, attending :one',
                  ExpressionAttributeValues: { ':one': 1 },
                },
              },
              {
                Update: {
                  TableName: runtime.tableName,
                  Key: { pk: rawBurstPk, sk: `ORGSEATS#${i}` },
                  UpdateExpression: 'ADD seats :one',
                  ExpressionAttributeValues: { ':one': 1 },
                },
              },
            ],
          }),
        );
        return performance.now() - t;
      }),
    );
    const order = (await waitlist(TENANT, burstEvent.eventId, BURST)).map((w) => w.contactId);
    const toldWrong = burst.filter(
      (b) => b.told !== undefined && order.indexOf(b.contactId) + 1 !== b.told,
    ).length;
    const waitlistedTold = burst.filter((b) => b.told !== undefined).length;
    const equal = reads[0]?.rru === reads[1]?.rru && reads[0]?.items === reads[1]?.items;
    return {
      title: 'Invitations: staff view read cost, and RSVP latency',
      columns: [
        { header: 'figure', align: 'left' },
        { header: '100 inv.', align: 'right' },
        { header: '10,000 inv.', align: 'right' },
      ],
      rows: [
        ['DynamoDB requests per staff-view read', String(reads[0]?.requests), String(reads[1]?.requests)],
        ['items read', String(reads[0]?.items), String(reads[1]?.items)],
        ['read capacity units', String(reads[0]?.rru), String(reads[1]?.rru)],
        ['read time (ms, one read)', (reads[0]?.ms ?? 0).toFixed(1), (reads[1]?.ms ?? 0).toFixed(1)],
      ],
      tables: [
        {
          title: `RSVP (${n} answers, one at a time)`,
          columns: [
            { header: '', align: 'left' },
            { header: 'median ms', align: 'right' },
            { header: 'p99 ms', align: 'right' },
          ],
          rows: [
            [
              'POST /rsvp/{token} through the local HTTP server',
              med(httpMs).toFixed(1),
              p99(httpMs).toFixed(1),
            ],
            ['raw TransactWriteItems, same three writes', med(rawMs).toFixed(1), p99(rawMs).toFixed(1)],
            [
              'ratio',
              `${(med(httpMs) / med(rawMs)).toFixed(2)}×`,
              `${(p99(httpMs) / p99(rawMs)).toFixed(2)}×`,
            ],
          ],
        },
        {
          title: `Burst: ${BURST} answers at once, ${BURST_CAPACITY} seats`,
          columns: [
            { header: 'figure', align: 'left' },
            { header: 'value', align: 'right' },
          ],
          rows: [
            ['p50 per answer (ms)', med(burstMs).toFixed(1)],
            ['p99 per answer (ms)', p99(burstMs).toFixed(1)],
            ['burst p99 ÷ single answer p99', `${(p99(burstMs) / p99(httpMs)).toFixed(2)}×`],
            ['whole burst (ms)', burstWallMs.toFixed(1)],
            [
              `floor: ${BURST} raw seat transactions at once, p50 / p99 (ms)`,
              `${med(rawBurstMs).toFixed(1)} / ${p99(rawBurstMs).toFixed(1)}`,
            ],
            ['burst p99 ÷ floor p99', `${(p99(burstMs) / p99(rawBurstMs)).toFixed(2)}×`],
            [
              'DynamoDB requests per answer: answer path / the rest',
              `${(answerPathRequests / BURST).toFixed(2)} / ${(reactionRequests / BURST).toFixed(2)}`,
            ],
            ['TransactWriteItems tried / cancelled', `${tried} / ${cancelled}`],
            ['TransactWriteItems mean latency (ms)', transactionMs.toFixed(1)],
            ['CPU of the runtime process per answer (ms)', (burstCpuMs / BURST).toFixed(1)],
            ['waitlisted told a wrong place', `${toldWrong} of ${waitlistedTold}`],
          ],
        },
      ],
      notes: [
        `Staff view cost is ${equal ? 'the same' : 'NOT the same'} for 100 and 10,000 invitations (it reads the event and its counters item only).`,
        'The RSVP path also verifies the signed token, reads the event, invitation, contact and tenant, and queues the confirmation mail (a campaign item and an event).',
      ],
      data: {
        staffView: reads,
        rsvp: {
          answers: n,
          httpMedianMs: med(httpMs),
          httpP99Ms: p99(httpMs),
          rawMedianMs: med(rawMs),
          rawP99Ms: p99(rawMs),
          medianRatio: med(httpMs) / med(rawMs),
          p99Ratio: p99(httpMs) / p99(rawMs),
        },
        burst: {
          answers: BURST,
          capacity: BURST_CAPACITY,
          p50Ms: med(burstMs),
          p99Ms: p99(burstMs),
          p99RatioToSingle: p99(burstMs) / p99(httpMs),
          wallMs: burstWallMs,
          rawBurstP50Ms: med(rawBurstMs),
          rawBurstP99Ms: p99(rawBurstMs),
          p99RatioToRawBurst: p99(burstMs) / p99(rawBurstMs),
          answerPathRequestsPerAnswer: answerPathRequests / BURST,
          otherRequestsPerAnswer: reactionRequests / BURST,
          transactionsTried: tried,
          transactionsCancelled: cancelled,
          transactionMeanMs: transactionMs,
          runtimeCpuMsPerAnswer: burstCpuMs / BURST,
          waitlistedTold,
          toldWrongPlace: toldWrong,
        },
        equalReadCost: equal,
      },
    };
  } finally {
    meter.release();
    await runtime.stop();
  }
}
