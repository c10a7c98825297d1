import { execFile } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/**
 * The environment of the measuring processes. `NODE_OPTIONS` is the one SamverkanFunction gives
 * every Lambda function (and it replaces whatever the parent had, e.g. tsx or vitest loaders); with
 * it, Node also reads the bundle's source map at load, as in Lambda.
 */
const CHILD_ENV: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_OPTIONS: '--enable-source-maps',
  AWS_REGION: process.env.AWS_REGION ?? 'eu-north-1',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  POWERTOOLS_LOG_LEVEL: 'SILENT',
};

const MARKER = 'LOAD_MS ';

/**
 * Imports `file` in a fresh Node.js process and returns how long the import took (module load:
 * read, parse, compile, evaluate the top level), in milliseconds. Process start-up is not included.
 */
export async function loadMsOnce(file: string): Promise<number> {
  const script =
    `const t = performance.now(); await import(${JSON.stringify(pathToFileURL(file).href)}); ` +
    `const ms = performance.now() - t; process.stdout.write(${JSON.stringify(MARKER)} + ms + '\\n', () => process.exit(0));`;
  const { stdout } = await execFileAsync(process.execPath, ['--input-type=module', '-e', script], {
    env: CHILD_ENV,
    timeout: 60_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  const line = stdout
    .split('\n')
    .reverse()
    .find((candidate) => candidate.startsWith(MARKER));
  const ms = Number(line?.slice(MARKER.length));
  if (line === undefined || !Number.isFinite(ms)) throw new Error(`No load time from ${file}:\n${stdout}`);
  return ms;
}

export interface LoadStats {
  medianMs: number;
  p90Ms: number;
  minMs: number;
  /** Every measurement, in the order taken. */
  samples: number[];
}

/** Nearest-rank percentile (p in 0..100) of already sorted numbers; the median averages the middle two. */
function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) throw new Error('No samples');
  if (p === 50 && sorted.length % 2 === 0) {
    const upper = sorted.length / 2;
    return ((sorted[upper - 1] ?? 0) + (sorted[upper] ?? 0)) / 2;
  }
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? 0;
}

export function loadStats(samples: readonly number[]): LoadStats {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    medianMs: percentile(sorted, 50),
    p90Ms: percentile(sorted, 90),
    minMs: sorted[0] ?? Number.NaN,
    samples: [...samples],
  };
}

export interface LoadTimeOptions {
  /** Untimed rounds first (file cache, CPU frequency); default 1. */
  warmupRounds?: number;
  /** Called after every measurement, for progress output. */
  onSample?: (file: string, round: number, ms: number) => void;
}

/**
 * Load times of several bundles, measured round-robin: each round imports every file once (in a
 * rotating order, one process at a time), so that noise on the machine affects all files alike.
 */
export async function loadTimes(
  files: readonly string[],
  runs: number,
  options: LoadTimeOptions = {},
): Promise<Map<string, LoadStats>> {
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`runs must be a positive integer, got ${runs}`);
  const samples = new Map<string, number[]>(files.map((file) => [file, []]));
  const warmup = options.warmupRounds ?? 1;
  for (let round = -warmup; round < runs; round++) {
    for (let i = 0; i < files.length; i++) {
      const file = files[(i + Math.max(round, 0)) % files.length];
      if (file === undefined) continue;
      const ms = await loadMsOnce(file);
      if (round < 0) continue;
      samples.get(file)?.push(ms);
      options.onSample?.(file, round, ms);
    }
  }
  return new Map([...samples].map(([file, values]) => [file, loadStats(values)]));
}
