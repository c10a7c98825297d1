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
import * as clients from '../shared/platform/aws/clients.js';
import { signLinkToken } from '../shared/platform/mail-kit/link-tokens.js';
import { tenantPk } from '../shared/platform/table/table.js';
import { AwsMeter } from './aws-meter.js';
import { percentile } from './pricing.js';
import type { BenchContext, BenchResult } from './section.js';

/**
 * `npm run bench -- --only feedback`: the two figures the feedback issue asks for.
 *
 * 1. The analysis overview (`GET /api/forms/{id}/analysis`) with 100 and with 10,000 answers:
 *    DynamoDB requests, items and read capacity per read (the form, its counters item and the
 *    programme). They must be equal.
 * 2. An attributed answer through the local HTTP server (`POST /feedback/{token}`: token check,
 *    reads, the answer transaction with its counters, the form's count, the one-per-contact guard
 *    and the outbox event), median and p99, against a raw TransactWriteItems of the same five
 *    writes sent straight to DynamoDB Local in the same run.
 */
const TENANT = 'hassleholm';
const ADMIN = 'staff-hlm-anna';
const SIZES = [100, 10_000] as const;
const LOCAL = { region: 'eu-north-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };

export async function feedback({ runs, progress }: BenchContext): Promise<BenchResult> {
  const runtime = await startLocalRuntime({
    seed: true,
    log: () => {},
    sesSendRate: 500,
  });
  const meter = new AwsMeter();
  meter.attach(runtime, clients);
  const token = await runtime.identity.idToken(ADMIN);
  const api = async (method: string, path: string, body?: unknown) => {
    const response = await fetch(`${runtime.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
  try {
    const programme = (
      (await api('GET', '/api/programmes')).json.items as { programmeId: string; themes: { id: string }[] }[]
    )[0];
    if (!programme) throw new Error('no demo programme');
    const newForm = async () => {
      const created = await api('POST', '/api/forms', {
        programmeId: programme.programmeId,
        title: { sv: 'Benchmark' },
        language: 'sv',
        questions: [
          {
            id: 'betyg',
            type: 'rating',
            label: { sv: 'Betyg' },
            themeId: programme.themes[0]?.id,
            required: true,
          },
          { id: 'rang', type: 'ranking', label: { sv: 'Rangordna' } },
          { id: 'fritt', type: 'long-text', label: { sv: 'Fritt' }, themeId: programme.themes[4]?.id },
        ],
      });
      if (created.status !== 201) throw new Error(`form: ${created.status}`);
      return created.json.formId as string;
    };

    // 1. The overview's read cost for 100 and 10,000 answers (answers and counters written in bulk: setup).
    const reads: { answers: number; requests: number; items: number; rru: number; ms: number }[] = [];
    for (const size of SIZES) {
      progress(`analysis: writing ${size} answers…`);
      const formId = await newForm();
      const pk = `${tenantPk(TENANT)}#FORM#${formId}`;
      const now = new Date().toISOString();
      const items = Array.from({ length: size }, (_, i) => ({
        pk,
        sk: `ANSWER#${now}#${randomUUID()}`,
        type: 'feedback-answer',
        tenantId: TENANT,
        formId,
        answerId: randomUUID(),
        questionsVersion: 1,
        answers: { betyg: (i % 5) + 1, fritt: `Svar ${i}` },
        attributed: false,
        createdAt: now,
        updatedAt: now,
        revision: 1,
      }));
      for (let i = 0; i < items.length; i += 25) {
        await clients.documentClient.send(
          new BatchWriteCommand({
            RequestItems: {
              [runtime.tableName]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
            },
          }),
        );
      }
      const perValue = size / 5;
      await clients.documentClient.send(
        new UpdateCommand({
          TableName: runtime.tableName,
          Key: { pk, sk: 'COUNTERS' },
          UpdateExpression:
            'SET answers = :n, anonymous = :n, #a = :n, #b = :n, #f = :n, #v1 = :v, #v2 = :v, #v3 = :v, #v4 = :v, #v5 = :v',
          ExpressionAttributeNames: {
            '#a': 'q#betyg#n',
            '#b': 'attributed',
            '#f': 'q#fritt#n',
            '#v1': 'q#betyg#v#1',
            '#v2': 'q#betyg#v#2',
            '#v3': 'q#betyg#v#3',
            '#v4': 'q#betyg#v#4',
            '#v5': 'q#betyg#v#5',
          },
          ExpressionAttributeValues: { ':n': size, ':v': perValue },
        }),
      );
      const get = () =>
        fetch(`${runtime.url}/api/forms/${formId}/analysis`, {
          headers: { authorization: `Bearer ${token}` },
        });
      await (await get()).arrayBuffer(); // warm
      meter.reset();
      meter.enabled = true;
      const started = performance.now();
      const body = (await (await get()).json()) as { answers?: number };
      const ms = performance.now() - started;
      meter.enabled = false;
      if (body.answers !== size) throw new Error(`expected ${size} answers, got ${body.answers}`);
      const dynamo = [...meter.calls.values()].filter((c) => c.service === 'dynamodb');
      reads.push({
        answers: size,
        requests: dynamo.reduce((n, c) => n + c.attempts, 0),
        items: dynamo.reduce((n, c) => n + (c.entries > 0 ? c.entries : c.attempts), 0),
        rru: dynamo.reduce((n, c) => n + c.rru + c.estimatedRru, 0),
        ms,
      });
    }

    // 2. Attributed answers through the HTTP server against the raw transaction, interleaved.
    const n = Math.max(50, runs * 10);
    progress(`answers: ${n} through HTTP and ${n} raw transactions, interleaved…`);
    const formId = await newForm();
    const contacts = Array.from({ length: n }, (_, i) => `fb-bench-${i}`);
    const contactItems = contacts.map((contactId) => ({
      ...contactKey(TENANT, contactId),
      type: 'contact',
      tenantId: TENANT,
      contactId,
      name: `Kontakt ${contactId}`,
      email: `${contactId}@bench.example`,
      language: 'sv',
      tags: [],
    }));
    for (let i = 0; i < contactItems.length; i += 25) {
      await clients.documentClient.send(
        new BatchWriteCommand({
          RequestItems: {
            [runtime.tableName]: contactItems.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
          },
        }),
      );
    }
    const tokens = await Promise.all(
      contacts.map((id) =>
        signLinkToken({ purpose: 'feedback', tenantId: TENANT, subject: id, campaignId: formId }, 86_400),
      ),
    );
    // A browser's form token: the signed cookie the first page sets, and the same value in its form.
    const first = await fetch(`${runtime.url}/feedback/${tokens[0]}`);
    const csrf = decodeURIComponent(
      /samverkan_csrf=([^;]+)/.exec(first.headers.get('set-cookie') ?? '')?.[1] ?? '',
    );
    await first.arrayBuffer();
    const raw = DynamoDBDocumentClient.from(
      new DynamoDBClient({ ...LOCAL, endpoint: runtime.endpoints.dynamodb }),
    );
    const rawPk = `${tenantPk(TENANT)}#BENCH#${randomUUID()}`;
    await raw.send(
      new UpdateCommand({
        TableName: runtime.tableName,
        Key: { pk: rawPk, sk: 'FORM' },
        UpdateExpression: 'SET questionsVersion = :one, #s = :open, answerCount = :zero',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':one': 1, ':open': 'open', ':zero': 0 },
      }),
    );
    const httpMs: number[] = [];
    const rawMs: number[] = [];
    for (let i = 0; i < n; i++) {
      let t = performance.now();
      const response = await fetch(`${runtime.url}/feedback/${tokens[i]}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          cookie: `samverkan_csrf=${encodeURIComponent(csrf)}`,
        },
        body: new URLSearchParams({
          _csrf: csrf,
          _revision: '0',
          betyg: String((i % 5) + 1),
          [`rang.${programme.themes[1]?.id}`]: '1',
          fritt: 'Bättre pendling och fler praktikplatser.',
        }),
      });
      await response.arrayBuffer();
      httpMs.push(performance.now() - t);
      if (response.status !== 200) throw new Error(`answer ${i} answered ${response.status}`);
      t = performance.now();
      const now = new Date().toISOString();
      await raw.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Put: {
                TableName: runtime.tableName,
                Item: { pk: rawPk, sk: `ANSWER#${now}#${i}`, answers: { betyg: 3, fritt: 'x' }, revision: 1 },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Update: {
                TableName: runtime.tableName,
                Key: { pk: rawPk, sk: 'COUNTERS' },
                UpdateExpression: 'ADD answers :one, #v :one',
                ExpressionAttributeNames: { '#v': 'q#betyg#v#3' },
                ExpressionAttributeValues: { ':one': 1 },
              },
            },
            {
              Update: {
                TableName: runtime.tableName,
                Key: { pk: rawPk, sk: 'FORM' },
                UpdateExpression: 'ADD answerCount :one',
                ConditionExpression: 'questionsVersion = :v AND #s = :open',
                ExpressionAttributeNames: { '#s': 'status' },
                ExpressionAttributeValues: { ':one': 1, ':v': 1, ':open': 'open' },
              },
            },
            {
              Put: {
                TableName: runtime.tableName,
                Item: { pk: rawPk, sk: `CONTACT#${i}`, answerSk: `ANSWER#${now}#${i}` },
                ConditionExpression: 'attribute_not_exists(pk)',
              },
            },
            {
              Put: {
                TableName: runtime.tableName,
                Item: { pk: `${rawPk}#OUTBOX`, sk: randomUUID(), type: 'bench-outbox', detail: '{}' },
              },
            },
          ],
        }),
      );
      rawMs.push(performance.now() - t);
    }
    const med = (v: number[]) => percentile(v, 50);
    const p99 = (v: number[]) => percentile(v, 99);
    const equal = reads[0]?.rru === reads[1]?.rru && reads[0]?.items === reads[1]?.items;
    return {
      title: 'Feedback: analysis overview read cost, and answer latency',
      columns: [
        { header: 'figure', align: 'left' },
        { header: '100 answers', align: 'right' },
        { header: '10,000 answers', align: 'right' },
      ],
      rows: [
        ['DynamoDB requests per overview read', String(reads[0]?.requests), String(reads[1]?.requests)],
        ['items read', String(reads[0]?.items), String(reads[1]?.items)],
        ['read capacity units', String(reads[0]?.rru), String(reads[1]?.rru)],
        ['read time (ms, one read)', (reads[0]?.ms ?? 0).toFixed(1), (reads[1]?.ms ?? 0).toFixed(1)],
      ],
      tables: [
        {
          title: `Attributed answers (${n}, one at a time)`,
          columns: [
            { header: '', align: 'left' },
            { header: 'median ms', align: 'right' },
            { header: 'p99 ms', align: 'right' },
          ],
          rows: [
            [
              'POST /feedback/{token} through the local HTTP server',
              med(httpMs).toFixed(1),
              p99(httpMs).toFixed(1),
            ],
            ['raw TransactWriteItems, same five writes', med(rawMs).toFixed(1), p99(rawMs).toFixed(1)],
            [
              'ratio',
              `${(med(httpMs) / med(rawMs)).toFixed(2)}×`,
              `${(p99(httpMs) / p99(rawMs)).toFixed(2)}×`,
            ],
          ],
        },
      ],
      notes: [
        `The overview costs ${equal ? 'the same' : 'NOT the same'} for 100 and 10,000 answers (the form, its counters item and the programme).`,
        'The answer path also verifies the signed token and the form token, reads the form, tenant, programme, contact, the contact’s earlier answer and organisation, validates the answer against the form version and renders the page.',
      ],
      data: {
        overview: reads,
        answer: {
          answers: n,
          httpMedianMs: med(httpMs),
          httpP99Ms: p99(httpMs),
          rawMedianMs: med(rawMs),
          rawP99Ms: p99(rawMs),
          medianRatio: med(httpMs) / med(rawMs),
          p99Ratio: p99(httpMs) / p99(rawMs),
        },
        equalReadCost: equal,
      },
    };
  } finally {
    meter.release();
    await runtime.stop();
  }
}
