import './environment.js';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { wiring } from '../infra/wiring.js';
import {
  BENCH_OUT,
  budgetFor,
  bundleBaseline,
  bundleFunction,
  loadBudgets,
  PROJECT_ROOT,
  suggestedBudget,
} from './bundle.js';
import { campaign } from './campaign.js';
import { feedback } from './feedback.js';
import { insight } from './insight.js';
import { type LoadStats, loadTimes } from './load-time.js';
import { press } from './press.js';
import { pressDistribution } from './press-distribution.js';
import { reconciler } from './reconciler.js';
import { rsvp } from './rsvp.js';
import type { BenchContext, Benchmark, BenchResult, Column } from './section.js';
import { startup } from './startup.js';

/**
 * `npm run bench [-- --runs N] [-- --only name[,name]] [-- --recipients N]`: runs the benchmark
 * sections, prints the tables of each section, then `BENCH_JSON {…}` (one line) and writes the
 * same to bench/out/summary.json.
 *
 * A section is a named function returning a BenchResult (bench/section.ts); add new ones to
 * `benchmarks` below.
 */

const kib = (bytes: number) => (bytes / 1024).toFixed(1);
const ms = (value: number) => value.toFixed(1);
const ratio = (value: number) => `${value.toFixed(2)}×`;
const round = (value: number, digits: number) => Number(value.toFixed(digits));
const roundStats = (stats: LoadStats) => ({
  medianMs: round(stats.medianMs, 1),
  p90Ms: round(stats.p90Ms, 1),
  minMs: round(stats.minMs, 1),
});
const relative = (file: string) => path.relative(PROJECT_ROOT, file);

/** Bundle size and module-load time of every wiring function, against an SDK-clients-only baseline. */
async function bundles({ runs, outDir, progress }: BenchContext): Promise<BenchResult> {
  const budgets = await loadBudgets();

  progress('bundling the baseline and every wiring function…');
  const baseline = await bundleBaseline(path.join(outDir, '_baseline'));
  const built = [];
  for (const spec of wiring) {
    built.push({ spec, bundle: await bundleFunction(spec.entry, path.join(outDir, spec.name)) });
  }

  const files = [baseline.file, ...built.map(({ bundle }) => bundle.file)];
  progress(`measuring module load: ${runs} rounds × ${files.length} bundles, one fresh node each…`);
  let done = 0;
  const times = await loadTimes(files, runs, {
    onSample: () => {
      done++;
      if (done % files.length === 0) progress(`  round ${done / files.length}/${runs}`);
    },
  });
  const timesOf = (file: string): LoadStats => {
    const stats = times.get(file);
    if (stats === undefined) throw new Error(`No load times for ${file}`);
    return stats;
  };

  const baseLoad = timesOf(baseline.file);
  const functions = built.map(({ spec, bundle }) => {
    const load = timesOf(bundle.file);
    const budget = budgetFor(budgets, spec.name);
    return {
      name: spec.name,
      entry: spec.entry,
      bytes: bundle.bytes,
      gzipBytes: bundle.gzipBytes,
      sizeRatio: round(bundle.bytes / baseline.bytes, 3),
      gzipRatio: round(bundle.gzipBytes / baseline.gzipBytes, 3),
      load: roundStats(load),
      loadRatio: round(load.medianMs / baseLoad.medianMs, 3),
      budgetBytes: budget,
      budgetUsed: round(bundle.bytes / budget, 3),
      withinBudget: bundle.bytes <= budget,
      suggestedBudgetBytes: suggestedBudget(bundle.bytes),
    };
  });

  const rows = [
    [
      '(baseline: SDK clients)',
      kib(baseline.bytes),
      kib(baseline.gzipBytes),
      ratio(1),
      ms(baseLoad.medianMs),
      ms(baseLoad.p90Ms),
      ratio(1),
      '',
      '',
    ],
    ...functions.map((f) => [
      f.name,
      kib(f.bytes),
      kib(f.gzipBytes),
      ratio(f.sizeRatio),
      ms(f.load.medianMs),
      ms(f.load.p90Ms),
      ratio(f.loadRatio),
      kib(f.budgetBytes),
      `${Math.round(f.budgetUsed * 100)}%${f.withinBudget ? '' : ' OVER'}`,
    ]),
  ];
  const over = functions.filter((f) => !f.withinBudget).map((f) => f.name);

  return {
    title: `Bundles: minified index.mjs as deployed, module load in a fresh node (${runs} runs)`,
    columns: [
      { header: 'function', align: 'left' },
      { header: 'KiB', align: 'right' },
      { header: 'gzip KiB', align: 'right' },
      { header: 'size/base', align: 'right' },
      { header: 'load ms', align: 'right' },
      { header: 'p90 ms', align: 'right' },
      { header: 'load/base', align: 'right' },
      { header: 'budget KiB', align: 'right' },
      { header: 'used', align: 'right' },
    ],
    rows,
    notes: [
      'load ms: median time of `await import(bundle)`; absolute times are noisy, compare the ratios.',
      over.length === 0
        ? 'All functions are within their size budgets (bench/budgets.json).'
        : `OVER BUDGET: ${over.join(', ')} (bench/budgets.json).`,
    ],
    data: {
      baseline: {
        file: relative(baseline.file),
        bytes: baseline.bytes,
        gzipBytes: baseline.gzipBytes,
        load: roundStats(baseLoad),
      },
      functions,
    },
  };
}

const benchmarks: readonly Benchmark[] = [
  { name: 'bundles', run: bundles },
  { name: 'campaign', run: campaign },
  { name: 'rsvp', run: rsvp },
  { name: 'reconciler', run: reconciler },
  { name: 'press', run: press },
  { name: 'press-distribution', run: pressDistribution },
  { name: 'feedback', run: feedback },
  { name: 'insight', run: insight },
  { name: 'startup', run: startup },
];

function formatTable(columns: readonly Column[], rows: readonly string[][]): string {
  const widths = columns.map((column, i) =>
    Math.max(column.header.length, ...rows.map((row) => (row[i] ?? '').length)),
  );
  const line = (cells: readonly string[]) =>
    columns
      .map((column, i) => {
        const cell = cells[i] ?? '';
        const width = widths[i] ?? 0;
        return column.align === 'left' ? cell.padEnd(width) : cell.padStart(width);
      })
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  return [line(columns.map((column) => column.header)), rule, ...rows.map(line)].join('\n');
}

function parseOptions(argv: string[]): { runs: number; recipients: number; only: Benchmark[] } {
  const { values } = parseArgs({
    args: argv,
    options: {
      runs: { type: 'string' },
      only: { type: 'string', multiple: true },
      recipients: { type: 'string' },
    },
    strict: true,
  });
  const runs = values.runs === undefined ? 15 : Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1)
    throw new Error(`--runs must be a positive integer, got ${values.runs}`);
  const recipients = values.recipients === undefined ? 2000 : Number(values.recipients);
  if (!Number.isInteger(recipients) || recipients < 1)
    throw new Error(`--recipients must be a positive integer, got ${values.recipients}`);
  const names = (values.only ?? []).flatMap((value) => value.split(',')).filter((name) => name !== '');
  const unknown = names.filter((name) => !benchmarks.some((benchmark) => benchmark.name === name));
  if (unknown.length > 0) {
    const known = benchmarks.map((benchmark) => benchmark.name).join(', ');
    throw new Error(`Unknown benchmark ${unknown.join(', ')}; available: ${known}`);
  }
  const only = names.length === 0 ? [...benchmarks] : benchmarks.filter((b) => names.includes(b.name));
  return { runs, recipients, only };
}

async function main(): Promise<void> {
  const { runs, recipients, only } = parseOptions(process.argv.slice(2));
  const started = performance.now();
  const sections: Record<string, unknown> = {};

  for (const benchmark of only) {
    const outDir = path.join(BENCH_OUT, benchmark.name);
    await mkdir(outDir, { recursive: true });
    const sectionStarted = performance.now();
    const result = await benchmark.run({
      runs,
      recipients,
      outDir,
      progress: (message) => process.stderr.write(`[${benchmark.name}] ${message}\n`),
    });
    const seconds = (performance.now() - sectionStarted) / 1000;
    console.log(`\n## ${result.title}\n`);
    console.log(formatTable(result.columns, result.rows));
    console.log('');
    for (const table of result.tables ?? []) {
      console.log(`### ${table.title}\n`);
      console.log(formatTable(table.columns, table.rows));
      console.log('');
    }
    for (const note of result.notes) console.log(note);
    console.log(`(${benchmark.name}: ${seconds.toFixed(1)} s)`);
    sections[benchmark.name] = result.data;
  }

  const cpus = os.cpus();
  const summary = {
    date: new Date().toISOString(),
    machine: {
      node: process.version,
      platform: `${os.platform()} ${os.release()}`,
      arch: os.arch(),
      cpus: cpus.length,
      cpuModel: cpus[0]?.model.trim() ?? 'unknown',
      memoryGiB: round(os.totalmem() / 1024 ** 3, 1),
    },
    runs,
    recipients,
    durationSeconds: round((performance.now() - started) / 1000, 1),
    sections,
  };
  const json = JSON.stringify(summary);
  console.log(`\nBENCH_JSON ${json}`);
  await mkdir(BENCH_OUT, { recursive: true });
  await writeFile(path.join(BENCH_OUT, 'summary.json'), `${JSON.stringify(summary, null, 2)}\n`);
}

await main();
