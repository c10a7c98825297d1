import { performance } from 'node:perf_hooks';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { startLocalRuntime } from '../infra/local/runtime.js';
import * as clients from '../shared/platform/aws/clients.js';
import { tenantPk } from '../shared/platform/table/table.js';
import { releaseInputSchema } from '../shared/press/release.js';
import { createRelease, publishNow } from '../shared/press/store/releases.js';
import { putPressSettings } from '../shared/press/store/settings.js';
import { AwsMeter } from './aws-meter.js';
import { percentile } from './pricing.js';
import type { BenchContext, BenchResult } from './section.js';

/**
 * `npm run bench -- --only press`: what the public newsroom costs as a press room grows. The
 * newsroom list, a release page and the RSS feed are read with 100 and with 1,000 published
 * releases: DynamoDB requests, items and capacity per request (counted by the same SDK meter as
 * the other sections; they must not grow with the number of releases), and median and p99
 * latency through the local HTTP server at 1,000 releases.
 */
export const TENANT = 'bench-press';
/** From 100 on, every list and feed page is full: what grows after that is only the index. */
const SIZES = [100, 1000] as const;
const ACTOR = 'bench';

const words = ['näringsliv', 'workshop', 'dialoglunch', 'infrastruktur', 'kompetens', 'etablering', 'turism'];

/** The bench tenant and its press room (also the distribution section's). */
export async function setUpBenchPressRoom(table: string): Promise<void> {
  await clients.documentClient.send(
    new PutCommand({
      TableName: table,
      Item: {
        pk: tenantPk(TENANT),
        sk: 'TENANT',
        type: 'tenant',
        tenantId: TENANT,
        name: 'Benchmarks kommun',
        language: 'sv',
        timeZone: 'Europe/Stockholm',
      },
    }),
  );
  await putPressSettings(
    TENANT,
    {
      boilerplate: { sv: 'Benchmarks kommun är en påhittad kommun.' },
      topics: [
        { id: 'naringsliv', name: 'Näringsliv' },
        { id: 'samverkan', name: 'Samverkan' },
      ],
      tags: [{ id: 'dialog', name: 'Dialog' }],
      regions: [{ id: 'skane', name: 'Skåne' }],
      contacts: [
        {
          id: 'press',
          name: 'Presstjänsten',
          role: 'Kommunikation',
          phone: '+46 451 00 00 00',
          email: 'press@bench.example',
        },
      ],
    },
    ACTOR,
  );
}

/** Published releases, a day apart going back from now, with realistic headline, lead and body. */
async function publish(from: number, to: number): Promise<string> {
  let newest = '';
  const one = async (i: number) => {
    const at = new Date(Date.now() - (i + 1) * 3_600_000 * 6);
    const w = (k: number) => words[(i + k) % words.length];
    const input = releaseInputSchema.parse({
      headline: `Pressmeddelande ${i}: ${w(0)} och ${w(1)} i kommunen`,
      lead: `Kommunen bjuder in till ${w(2)} om ${w(3)}; ${i} företag har redan anmält sig.`,
      body: `## Bakgrund\n\nEtt **program** för ${w(4)} och ${w(5)}.\n\n- punkt ett\n- punkt två\n\n${'Text om näringslivet. '.repeat(40)}`,
      quotes: [
        { text: 'Det här är viktigt för företagen.', name: 'Tina Gunnarsson', role: 'Näringslivschef' },
      ],
      language: 'sv',
      topics: i % 2 ? ['naringsliv'] : ['naringsliv', 'samverkan'],
      tags: ['dialog'],
      regions: ['skane'],
      contactIds: ['press'],
    });
    const draft = await createRelease(TENANT, input, ACTOR, at);
    await publishNow(draft, draft.version, ACTOR, at);
    if (i === 0) newest = draft.releaseId;
  };
  for (let i = from; i < to; i += 4) {
    await Promise.all([i, i + 1, i + 2, i + 3].filter((k) => k < to).map(one));
  }
  return newest;
}

interface Cost {
  requests: number;
  items: number;
  rru: number;
  wru: number;
}

export async function press({ runs, progress }: BenchContext): Promise<BenchResult> {
  const runtime = await startLocalRuntime({ log: () => {} });
  const meter = new AwsMeter();
  meter.attach(runtime, clients);
  // Items a Query returned (the meter counts requests and capacity; a GetItem reads one item).
  let queried = 0;
  clients.dynamoDb.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (meter.enabled && context.commandName === 'QueryCommand')
        queried += (result.output as { Count?: number }).Count ?? 0;
      return result;
    },
    { step: 'initialize', name: 'pressBenchQueriedItems' },
  );
  try {
    await setUpBenchPressRoom(runtime.tableName);
    const paths = (newest: string) => ({
      'newsroom list': `/press/${TENANT}`,
      'newsroom list, topic filter': `/press/${TENANT}?topic=samverkan`,
      'newsroom search': `/press/${TENANT}?q=dialoglunch`,
      'release page': `/press/${TENANT}/releases/${newest}`,
      'RSS feed': `/press/${TENANT}/feed/rss.xml`,
      'topic Atom feed': `/press/${TENANT}/topics/naringsliv/feed/atom.xml`,
    });
    const get = async (path: string) => {
      const response = await fetch(`${runtime.url}${path}`);
      await response.arrayBuffer();
      if (response.status !== 200) throw new Error(`${path} answered ${response.status}`);
    };
    const costs = new Map<string, Cost[]>();
    let newest = '';
    let written = 0;
    for (const size of SIZES) {
      progress(`press: publishing releases up to ${size}…`);
      const first = await publish(written, size);
      if (written === 0) newest = first;
      written = size;
      for (const [name, path] of Object.entries(paths(newest))) {
        await get(path); // warm
        meter.reset();
        queried = 0;
        meter.enabled = true;
        await get(path);
        meter.enabled = false;
        const dynamo = [...meter.calls.values()].filter((c) => c.service === 'dynamodb');
        const cost: Cost = {
          requests: dynamo.reduce((n, c) => n + c.attempts, 0),
          items:
            queried + dynamo.filter((c) => c.operation === 'GetItem').reduce((n, c) => n + c.attempts, 0),
          rru: dynamo.reduce((n, c) => n + c.rru + c.estimatedRru, 0),
          wru: dynamo.reduce((n, c) => n + c.wru + c.estimatedWru, 0),
        };
        costs.set(name, [...(costs.get(name) ?? []), cost]);
      }
    }

    const n = Math.max(50, runs * 10);
    progress(`press: ${n} reads of each page at ${written} releases…`);
    const latency = new Map<string, number[]>();
    for (let i = 0; i < n; i++) {
      for (const [name, path] of Object.entries(paths(newest))) {
        const t = performance.now();
        await get(path);
        latency.set(name, [...(latency.get(name) ?? []), performance.now() - t]);
      }
    }
    const same = [...costs.values()].every(
      ([small, large]) =>
        small?.items === large?.items && small?.rru === large?.rru && small?.requests === large?.requests,
    );
    const fmt = (c: Cost | undefined) => (c ? `${c.requests} / ${c.items} / ${c.rru} / ${c.wru}` : '');
    const rows = [...costs].map(([name, [small, large]]) => {
      const ms = latency.get(name) ?? [];
      return [name, fmt(small), fmt(large), percentile(ms, 50).toFixed(1), percentile(ms, 99).toFixed(1)];
    });
    return {
      title: 'Press room: newsroom cost per request as releases grow, and latency',
      columns: [
        { header: 'request', align: 'left' },
        { header: `${SIZES[0]} releases: req / items / RRU / WRU`, align: 'right' },
        { header: `${SIZES[1]} releases: req / items / RRU / WRU`, align: 'right' },
        { header: 'median ms', align: 'right' },
        { header: 'p99 ms', align: 'right' },
      ],
      rows,
      notes: [
        `DynamoDB cost per request is ${same ? 'the same' : 'NOT the same'} with ${SIZES[0]} and ${SIZES[1]} releases: each page reads one page (20 entries) of one partition of the newsroom index, the release, the tenant and the press room's settings.`,
        'Items: what each Query returned, plus one per GetItem. The release page also writes its view counter (WRU).',
        `Latency: ${n} reads of each, one at a time, through the local HTTP server (DynamoDB Local on this machine), at ${SIZES[1]} releases.`,
      ],
      data: {
        releases: SIZES,
        costs: Object.fromEntries(costs),
        latency: Object.fromEntries(
          [...latency].map(([name, ms]) => [
            name,
            { medianMs: percentile(ms, 50), p99Ms: percentile(ms, 99) },
          ]),
        ),
        equalCost: same,
      },
    };
  } finally {
    meter.release();
    await runtime.stop();
  }
}
