import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { PROJECT_ROOT } from './bundle.js';
import { percentile } from './pricing.js';
import { treeCpuSeconds } from './process-cpu.js';
import type { BenchContext, BenchResult } from './section.js';

/**
 * `npm run bench -- --only startup`: how long `npm start` takes until it prints its URLs — on a
 * fresh data folder (the first start: emulators, table, queues, and the demo seed) and again on
 * the same folder (a restart: the data is there) — beside two floors measured in the same run:
 * the runtime without any seed (emulators, table, queues, functions wired) and a bare `node`
 * with tsx (process start and the TypeScript loader). Wall time to the URL block, and the CPU
 * the whole process tree used by then (Linux /proc; the machine's load moves wall time, much
 * less CPU time).
 */

interface Sample {
  wallMs: number;
  cpuMs: number | undefined;
}

/** Runs `args` with node and tsx until a line matches `ready`, then stops the process group. */
async function timeUntil(args: string[], ready: RegExp): Promise<Sample> {
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let output = '';
  const sample = await new Promise<Sample>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += String(chunk);
      if (ready.test(output)) {
        child.stdout?.off('data', onData);
        const cpuSeconds = treeCpuSeconds(child.pid as number);
        resolve({
          wallMs: performance.now() - started,
          cpuMs: cpuSeconds === undefined ? undefined : cpuSeconds * 1000,
        });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk) => {
      output += String(chunk);
    });
    child.once('exit', (code) => reject(new Error(`exited with ${code} before it was ready:\n${output}`)));
  });
  child.removeAllListeners('exit');
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-(child.pid as number), 'SIGINT');
  await exited;
  return sample;
}

export async function startup({ runs, progress }: BenchContext): Promise<BenchResult> {
  const samples = {
    first: [] as Sample[],
    restart: [] as Sample[],
    floor: [] as Sample[],
    node: [] as Sample[],
  };
  const rounds = Math.max(1, Math.min(runs, 5));
  for (let round = 1; round <= rounds; round++) {
    // Interleaved, so every figure of a round sees the same machine.
    progress(`startup: round ${round} of ${rounds}…`);
    const dataDir = mkdtempSync(join(tmpdir(), 'samverkan-bench-start-'));
    try {
      const main = ['infra/local/main.ts', '--port', '0', '--data-dir', dataDir];
      samples.first.push(await timeUntil(main, /Local mailbox/));
      samples.restart.push(await timeUntil(main, /Local mailbox/));
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
    samples.floor.push(await timeUntil(['bench/startup-floor.ts'], /^ready/m));
    samples.node.push(
      await timeUntil(['--eval', 'console.log("ready"); setInterval(() => {}, 1000)'], /ready/),
    );
  }
  const median = (list: Sample[], key: keyof Sample) => {
    const values = list.map((s) => s[key]).filter((v): v is number => v !== undefined);
    return values.length ? percentile(values, 50) : undefined;
  };
  const figure = (list: Sample[]) => ({
    wallMs: median(list, 'wallMs') as number,
    cpuMs: median(list, 'cpuMs'),
  });
  const first = figure(samples.first);
  const restart = figure(samples.restart);
  const floor = figure(samples.floor);
  const node = figure(samples.node);
  const s = (ms: number | undefined) => (ms === undefined ? '–' : (ms / 1000).toFixed(2));
  const x = (a: number | undefined, b: number | undefined) =>
    a === undefined || b === undefined ? '–' : `${(a / b).toFixed(2)}×`;
  const row = (what: string, f: { wallMs: number; cpuMs: number | undefined }) => [
    what,
    s(f.wallMs),
    s(f.cpuMs),
    x(f.wallMs, floor.wallMs),
    x(f.cpuMs, floor.cpuMs),
  ];
  return {
    title: `npm start until the URLs are printed (median of ${rounds}, interleaved)`,
    columns: [
      { header: 'start', align: 'left' },
      { header: 'wall s', align: 'right' },
      { header: 'CPU s (tree)', align: 'right' },
      { header: 'wall ÷ floor', align: 'right' },
      { header: 'CPU ÷ floor', align: 'right' },
    ],
    rows: [
      row('first start (fresh data folder, demo seed)', first),
      row('restart (same data folder)', restart),
      row('floor: runtime without seed', floor),
      row('node + tsx, nothing else', node),
    ],
    notes: [
      'Wall time is from spawning the process to the URL block; CPU is that of the process and every child (emulators included) by then.',
      'Target (issue 11): first start ≤ 5 s on a 2-core machine. On a shared machine compare the ratios, not the seconds.',
    ],
    data: { rounds, first, restart, floor, node },
  };
}
