import { Template } from 'aws-cdk-lib/assertions';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { LAMBDA_BUILD_OPTIONS, PROJECT_ROOT } from '../../bench/bundle.js';
import { buildApp } from '../../infra/aws/build-app.js';
import { isRuntimeVariable } from '../../infra/local/sandbox.js';
import { environmentNames } from '../../infra/wiring/environment.js';
import { ENV, type FunctionSpec } from '../../infra/wiring/types.js';
import { wiring } from '../../infra/wiring.js';

/**
 * The environment variables a function's code reads are in its deployed environment: a missing
 * one is a 500 in AWS, however the local runtime behaves. Each function is bundled as CDK bundles
 * it (bench/bundle.ts), unminified, so tree shaking leaves only the code that can run and
 * esbuild's `// <path>` comments say which module each part comes from; the reads in our own
 * modules are then compared with the synthesized template.
 */

/** Where the code reads its environment: `requireEnv('X')`, `process.env.X`, the queue URL helpers. */
const READS: { pattern: RegExp; name: (match: string) => string }[] = [
  { pattern: /\brequireEnv\d*\(\s*["'`]([A-Z][A-Z0-9_]*)["'`]\s*\)/g, name: (m) => m },
  { pattern: /\bprocess\.env\.([A-Z_][A-Z0-9_]*)/g, name: (m) => m },
  { pattern: /\bprocess\.env\[\s*["'`]([A-Z_][A-Z0-9_]*)["'`]\s*\]/g, name: (m) => m },
  // shared/platform/aws/queue.ts: queueUrl('mail') reads QUEUE_URL_MAIL, deadLetterQueueUrl('mail') DLQ_URL_MAIL.
  { pattern: /\bqueueUrl\d*\(\s*["'`]([a-z0-9-]+)["'`]\s*\)/g, name: (m) => ENV.queueUrl(m) },
  {
    pattern: /\bdeadLetterQueueUrl\d*\(\s*["'`]([a-z0-9-]+)["'`]\s*\)/g,
    name: (m) => ENV.deadLetterQueueUrl(m),
  },
];
/** Reads whose name is computed; allowed only where the helpers above are defined. */
const COMPUTED_READS = [/\brequireEnv\d*\(\s*[^"'`)\s]/g, /\bprocess\.env\[\s*[^"'`\s]/g];
const HELPERS = new Set(['shared/platform/aws/env.ts', 'shared/platform/aws/queue.ts']);

interface Analysis {
  /** Variable → the modules that read it. */
  reads: Map<string, Set<string>>;
  /** Computed reads outside the helpers (the analysis cannot name them). */
  computed: string[];
}

async function analyse(entry: string): Promise<Analysis> {
  const result = await build({
    ...LAMBDA_BUILD_OPTIONS,
    mainFields: [...LAMBDA_BUILD_OPTIONS.mainFields],
    external: [],
    minify: false,
    sourcemap: false,
    write: false,
    absWorkingDir: PROJECT_ROOT,
    entryPoints: [entry],
    outfile: 'index.mjs',
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]?.text ?? '';
  const reads = new Map<string, Set<string>>();
  const computed: string[] = [];
  // esbuild starts each module's code with a `// <path relative to the working directory>` line.
  const sections = code.split(/^\/\/ (\S+\.(?:[cm]?[jt]sx?|json))$/m);
  for (let i = 1; i < sections.length; i += 2) {
    const file = sections[i] as string;
    const text = sections[i + 1] ?? '';
    if (file.startsWith('node_modules/')) continue;
    for (const { pattern, name } of READS) {
      for (const match of text.matchAll(pattern)) {
        const variable = name(match[1] as string);
        if (!reads.has(variable)) reads.set(variable, new Set());
        reads.get(variable)?.add(file);
      }
    }
    if (!HELPERS.has(file)) {
      for (const pattern of COMPUTED_READS) {
        for (const match of text.matchAll(pattern)) computed.push(`${file}: ${match[0]}`);
      }
    }
  }
  return { reads, computed };
}

describe('every variable a function reads is in its template environment', () => {
  const analyses = new Map<string, Analysis>();
  const templateEnvironment = new Map<string, Record<string, unknown>>();

  beforeAll(async () => {
    const built = buildApp({ context: { 'aws:cdk:bundling-stacks': [] }, nag: false });
    const resources = Template.fromStack(built.stateless).toJSON().Resources as Record<
      string,
      { Properties: { Environment?: { Variables?: Record<string, unknown> } } }
    >;
    for (const [name, fn] of built.stateless.functions) {
      const id = built.stateless.getLogicalId(fn.node.defaultChild as never);
      templateEnvironment.set(name, resources[id]?.Properties.Environment?.Variables ?? {});
    }
    for (const spec of wiring) analyses.set(spec.name, await analyse(spec.entry));
  }, 120_000);

  it('finds the reads (the analysis is not blind)', () => {
    const rsvp = analyses.get('rsvp');
    expect([...(rsvp?.reads.keys() ?? [])]).toEqual(
      expect.arrayContaining([ENV.table, ENV.linkSecret, ENV.authIssuer]),
    );
    expect([...(analyses.get('mail-api')?.reads.keys() ?? [])]).toEqual(
      expect.arrayContaining([ENV.queueUrl('mail'), ENV.deadLetterQueueUrl('mail')]),
    );
  });

  it.each(wiring.map((spec) => [spec.name, spec as FunctionSpec] as const))('%s', (name) => {
    const analysis = analyses.get(name) as Analysis;
    expect(analysis.computed, 'environment reads whose name the analysis cannot know').toEqual([]);
    const deployed = new Set(Object.keys(templateEnvironment.get(name) ?? {}));
    const missing = [...analysis.reads]
      .filter(([variable]) => !deployed.has(variable) && !isRuntimeVariable(variable))
      .map(([variable, files]) => `${variable} (read in ${[...files].join(', ')})`);
    expect(missing, `${name} reads variables its Lambda function does not have`).toEqual([]);
  });

  it.each(wiring.map((spec) => [spec.name, spec as FunctionSpec] as const))(
    '%s: the local runtime gives the same names as the template',
    (name, spec) => {
      const deployed = Object.keys(templateEnvironment.get(name) ?? {}).filter((v) => v !== 'NODE_OPTIONS');
      expect(environmentNames(spec).sort()).toEqual(deployed.sort());
    },
  );
});
