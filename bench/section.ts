/** What the runner (bench/run.ts) hands a section, and what a section hands back. */

export interface BenchContext {
  /** Measurements per timed figure (`--runs`). */
  runs: number;
  /** Audience size of the campaign section (`--recipients`). */
  recipients: number;
  /** A directory of the section's own under bench/out/. */
  outDir: string;
  /** Progress output (stderr, so stdout stays the report). */
  progress: (message: string) => void;
}

export interface Column {
  header: string;
  align: 'left' | 'right';
}

export interface BenchTable {
  title: string;
  columns: Column[];
  rows: string[][];
}

export interface BenchResult {
  title: string;
  columns: Column[];
  rows: string[][];
  /** Further tables, printed after the first one. */
  tables?: BenchTable[];
  /** Lines printed under the table(s). */
  notes: string[];
  /** The section's figures in the JSON summary. */
  data: unknown;
}

export interface Benchmark {
  name: string;
  run: (context: BenchContext) => Promise<BenchResult>;
}
