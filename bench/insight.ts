import { performance } from 'node:perf_hooks';
import { BatchWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { startLocalRuntime } from '../infra/local/runtime.js';
import { programmeOverview } from '../shared/insight/actions/overview.js';
import {
  answerDeltas,
  type Counters,
  organisationDeltas,
  personDeltas,
  type Stage,
} from '../shared/insight/engagement.js';
import { organisationMarker, personMarker } from '../shared/insight/store.js';
import * as clients from '../shared/platform/aws/clients.js';
import { tenantPk } from '../shared/platform/table/table.js';
import { createProgramme } from '../shared/programmes/store.js';
import { AwsMeter } from './aws-meter.js';
import { percentile } from './pricing.js';
import type { BenchContext, BenchResult } from './section.js';

/**
 * `npm run bench -- --only insight`: the programme overview (its figures: the programme and its
 * counters item) for a programme with 100 and with 10,000 engaged organisations. DynamoDB
 * requests, items and read capacity per read must be equal; the median time of a read beside.
 *
 * The engagements are written by the bulk path equivalent to the recorder: each organisation's
 * and person's marker per stage it reached (BatchWriteItem), and the counters summed from the
 * recorder's own deltas (`organisationDeltas`, `personDeltas`, `answerDeltas`) in one update.
 */
const TENANT = 'bench-insight';
const SIZES = [100, 10_000] as const;
const industries = [
  'Tillverkning',
  'Handel',
  'Bygg',
  'Livsmedel',
  'Besöksnäring',
  'Transport',
  'IT',
  'Lantbruk',
];
const types = [
  'company',
  'company',
  'company',
  'business-association',
  'education',
  'public-partner',
  'other',
];
const sizes = ['1-9', '10-49', '50-249', '250+'];

export async function insight({ runs, progress }: BenchContext): Promise<BenchResult> {
  const runtime = await startLocalRuntime({ log: () => {} });
  const meter = new AwsMeter();
  meter.attach(runtime, clients);
  try {
    const reads: {
      organisations: number;
      programmeId: string;
      requests: number;
      items: number;
      rru: number;
      medianMs: number;
    }[] = [];
    for (const size of SIZES) {
      progress(`insight: ${size} engaged organisations…`);
      const programme = await createProgramme(
        TENANT,
        {
          name: `Benchmark ${size}`,
          description: '',
          language: 'sv',
          startsOn: '2024-01-01',
          endsOn: '2024-12-31',
          themes: Array.from({ length: 8 }, (_, i) => ({ title: `Tema ${i + 1}` })),
        },
        'bench',
      );
      const pk = `${tenantPk(TENANT)}#INSIGHT#${programme.programmeId}`;
      const counters: Counters = {};
      const add = (deltas: Counters) => {
        for (const [name, by] of Object.entries(deltas)) counters[name] = (counters[name] ?? 0) + by;
      };
      const markers: Record<string, unknown>[] = [];
      for (let i = 0; i < size; i++) {
        const organisationId = `bench-org-${i}`;
        const contactId = `bench-contact-${i}`;
        const profile = {
          type: types[i % types.length],
          industry: industries[i % industries.length],
          size: sizes[i % sizes.length],
        };
        // Everyone invited; 4 in 5 answered, 3 in 5 came, 1 in 3 gave feedback; spread over the year.
        const reached: Stage[] = ['invited'];
        if (i % 5 !== 0) reached.push('answered');
        if (i % 5 > 1) reached.push('attended');
        if (i % 3 === 0 && i % 5 !== 0) reached.push('feedback');
        const at = `2024-${String(1 + (i % 12)).padStart(2, '0')}-15T09:00:00.000Z`;
        for (const stage of reached) {
          add(organisationDeltas(stage, profile, at));
          add(personDeltas(stage));
          markers.push({
            pk,
            sk: `SEEN#${organisationMarker(stage, organisationId)}`,
            type: 'insight-marker',
            at,
          });
          markers.push({ pk, sk: `SEEN#${personMarker(stage, contactId)}`, type: 'insight-marker', at });
          if (stage === 'feedback') {
            add(
              answerDeltas([programme.themes[i % 8]?.id ?? '', programme.themes[(i + 3) % 8]?.id ?? ''], at),
            );
          }
        }
      }
      for (let i = 0; i < markers.length; i += 25) {
        await clients.documentClient.send(
          new BatchWriteCommand({
            RequestItems: {
              [runtime.tableName]: markers.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })),
            },
          }),
        );
      }
      const names = Object.keys(counters);
      await clients.documentClient.send(
        new UpdateCommand({
          TableName: runtime.tableName,
          Key: { pk, sk: 'COUNTS' },
          UpdateExpression: `SET ${names.map((_, i) => `#n${i} = :v${i}`).join(', ')}`,
          ExpressionAttributeNames: Object.fromEntries(names.map((name, i) => [`#n${i}`, name])),
          ExpressionAttributeValues: Object.fromEntries(names.map((name, i) => [`:v${i}`, counters[name]])),
        }),
      );

      await programmeOverview(TENANT, programme.programmeId); // warm
      meter.reset();
      meter.enabled = true;
      const found = await programmeOverview(TENANT, programme.programmeId);
      meter.enabled = false;
      if (found?.overview.organisations.invited !== size)
        throw new Error(`expected ${size} invited, got ${found?.overview.organisations.invited}`);
      const dynamo = [...meter.calls.values()].filter((c) => c.service === 'dynamodb');
      reads.push({
        organisations: size,
        programmeId: programme.programmeId,
        requests: dynamo.reduce((n, c) => n + c.attempts, 0),
        items: dynamo.reduce((n, c) => n + (c.entries > 0 ? c.entries : c.attempts), 0),
        rru: dynamo.reduce((n, c) => n + c.rru + c.estimatedRru, 0),
        medianMs: 0,
      });
    }
    // Read times interleaved (one read of each size in turn), so both see the same load.
    const samples = Math.max(50, runs * 20);
    progress(`insight: ${samples} timed reads of each size, interleaved…`);
    const times = reads.map(() => [] as number[]);
    for (let r = 0; r < samples; r++) {
      for (const [i, read] of reads.entries()) {
        const started = performance.now();
        await programmeOverview(TENANT, read.programmeId);
        times[i]?.push(performance.now() - started);
      }
    }
    for (const [i, read] of reads.entries()) read.medianMs = percentile(times[i] ?? [], 50);
    const [small, large] = reads as [(typeof reads)[number], (typeof reads)[number]];
    const equal = small.requests === large.requests && small.items === large.items && small.rru === large.rru;
    const ratio = (a: number, b: number) => (a === 0 ? '–' : `${(b / a).toFixed(2)}×`);
    return {
      title: 'Insight: programme overview read cost (100 vs 10,000 engaged organisations)',
      columns: [
        { header: 'figure', align: 'left' },
        { header: '100 organisations', align: 'right' },
        { header: '10,000 organisations', align: 'right' },
        { header: 'ratio', align: 'right' },
      ],
      rows: [
        [
          'DynamoDB requests per read',
          String(small.requests),
          String(large.requests),
          ratio(small.requests, large.requests),
        ],
        ['items read', String(small.items), String(large.items), ratio(small.items, large.items)],
        ['read capacity units', String(small.rru), String(large.rru), ratio(small.rru, large.rru)],
        [
          'median read time (ms)',
          small.medianMs.toFixed(1),
          large.medianMs.toFixed(1),
          ratio(small.medianMs, large.medianMs),
        ],
      ],
      notes: [
        `The overview costs ${equal ? 'the same' : 'NOT the same'} for 100 and 10,000 organisations: the programme and its counters item (two GetItems) and its outcomes (one Query of at most 80).`,
        'Engagements written in bulk with the recorder’s own deltas and markers (setup, not timed).',
      ],
      data: { reads, equalReadCost: equal },
    };
  } finally {
    meter.release();
    await runtime.stop();
  }
}
