import { Template } from 'aws-cdk-lib/assertions';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { LAMBDA_BUILD_OPTIONS, PROJECT_ROOT } from '../../bench/bundle.js';
import { buildApp } from '../../infra/aws/build-app.js';
import { isRuntimeVariable } from '../../infra/local/sandbox.js';
import { environmentNames } from '../../infra/wiring/environment.js';
import { type GrantResource, grantsOf } from '../../infra/wiring/grants.js';
import { ENV, type FunctionSpec } from '../../infra/wiring/types.js';
import { wiring } from '../../infra/wiring.js';

/**
 * A function's environment and its table permissions are exactly what its code uses. The
 * environment variables a function's code reads are in its deployed environment (a missing one
 * is a 500 in AWS, however the local runtime behaves), and nothing else is (least privilege: no
 * settings a function has no use for). Its role may make the DynamoDB calls its code makes, and
 * no others: no Scan, an index only where the code queries it, BatchWriteItem only where it
 * batches writes. Each function is bundled as CDK bundles it (bench/bundle.ts), unminified, so
 * tree shaking leaves only the code that can run and esbuild's `// <path>` comments say which
 * module each part comes from; the reads and SDK commands in our own modules are then compared
 * with the synthesized template (and with infra/wiring/grants.ts, which tests/infra/grants.test.ts
 * proves equal to the template's roles).
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

/** `new GetCommand(…)`: the SDK commands our modules send (esbuild may suffix a renamed import: `GetCommand2`). */
const COMMAND = /\bnew\s+([A-Z][A-Za-z0-9]*Command)\d*\s*\(/g;
/** `IndexName: "gsi1"`; anything but a literal is a name the analysis cannot know. */
const INDEX_NAME = /\bIndexName\s*:\s*(?:"([^"]*)"|'([^']*)'|(\S))/g;

/**
 * The IAM actions on the table each DynamoDB command needs (the document client's and the low-level
 * client's names). A transaction's items may be any of Put, Update, Delete and ConditionCheck.
 */
const TABLE_ACTIONS_OF: Record<string, readonly string[]> = {
  GetCommand: ['dynamodb:GetItem'],
  GetItemCommand: ['dynamodb:GetItem'],
  BatchGetCommand: ['dynamodb:BatchGetItem'],
  BatchGetItemCommand: ['dynamodb:BatchGetItem'],
  QueryCommand: ['dynamodb:Query'],
  ScanCommand: ['dynamodb:Scan'],
  PutCommand: ['dynamodb:PutItem'],
  PutItemCommand: ['dynamodb:PutItem'],
  UpdateCommand: ['dynamodb:UpdateItem'],
  UpdateItemCommand: ['dynamodb:UpdateItem'],
  DeleteCommand: ['dynamodb:DeleteItem'],
  DeleteItemCommand: ['dynamodb:DeleteItem'],
  BatchWriteCommand: ['dynamodb:BatchWriteItem'],
  BatchWriteItemCommand: ['dynamodb:BatchWriteItem'],
  TransactGetCommand: ['dynamodb:GetItem'],
  TransactGetItemsCommand: ['dynamodb:GetItem'],
  TransactWriteCommand: [
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:ConditionCheckItem',
  ],
  TransactWriteItemsCommand: [
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:ConditionCheckItem',
  ],
};
const TABLE_WRITES = new Set([
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:BatchWriteItem',
]);
/** The other services' commands our code sends, and what each needs (checked where a grant depends on it). */
const OTHER_COMMANDS: Record<string, readonly string[]> = {
  SendEmailCommand: ['ses:SendEmail'],
  PutEventsCommand: ['events:PutEvents'],
  SendMessageCommand: ['sqs:SendMessage'],
  SendMessageBatchCommand: ['sqs:SendMessage'],
  ReceiveMessageCommand: ['sqs:ReceiveMessage'],
  DeleteMessageCommand: ['sqs:DeleteMessage'],
  DeleteMessageBatchCommand: ['sqs:DeleteMessage'],
  GetQueueAttributesCommand: ['sqs:GetQueueAttributes'],
  GetObjectCommand: ['s3:GetObject'],
  HeadObjectCommand: ['s3:GetObject'],
  PutObjectCommand: ['s3:PutObject'],
  DeleteObjectCommand: ['s3:DeleteObject'],
};
const S3_WRITES = new Set(['s3:PutObject', 's3:DeleteObject']);

interface Analysis {
  /** Variable → the modules that read it. */
  reads: Map<string, Set<string>>;
  /** Computed reads outside the helpers (the analysis cannot name them). */
  computed: string[];
  /** SDK command → the modules that send it. */
  commands: Map<string, Set<string>>;
  /** Table indexes the code names in a query. */
  indexes: Set<string>;
  /** `IndexName`s that are not a literal (the analysis cannot name them). */
  computedIndexes: string[];
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
  const commands = new Map<string, Set<string>>();
  const indexes = new Set<string>();
  const computedIndexes: string[] = [];
  // esbuild starts each module's code with a `// <path relative to the working directory>` line.
  const sections = code.split(/^\/\/ (\S+\.(?:[cm]?[jt]sx?|json))$/m);
  for (let i = 1; i < sections.length; i += 2) {
    const file = sections[i] as string;
    const text = sections[i + 1] ?? '';
    if (file.split('/').includes('node_modules')) continue;
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
    for (const match of text.matchAll(COMMAND)) {
      const command = match[1] as string;
      if (!commands.has(command)) commands.set(command, new Set());
      commands.get(command)?.add(file);
    }
    for (const match of text.matchAll(INDEX_NAME)) {
      const literal = match[1] ?? match[2];
      if (literal === undefined) computedIndexes.push(`${file}: ${match[0]}`);
      else indexes.add(literal);
    }
  }
  return { reads, computed, commands, indexes, computedIndexes };
}

/** What a function's role allows, as `<action> on <resource>` (infra/wiring/grants.ts, equal to the template). */
function granted(spec: FunctionSpec): Set<string> {
  const key = (resource: GrantResource) =>
    resource.kind === 'tableIndex' ? `tableIndex:${resource.index}` : resource.kind;
  return new Set(
    grantsOf(spec).flatMap((grant) => grant.actions.map((action) => `${action} on ${key(grant.resource)}`)),
  );
}

describe('a function has the environment and table permissions its code uses, and no others', () => {
  const analyses = new Map<string, Analysis>();
  const templateEnvironment = new Map<string, Record<string, unknown>>();

  beforeAll(async () => {
    const built = buildApp({
      context: { 'aws:cdk:bundling-stacks': [], mailDomain: 'example.org' },
      nag: false,
    });
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

  it('finds the reads and the calls (the analysis is not blind)', () => {
    const rsvp = analyses.get('rsvp');
    expect([...(rsvp?.reads.keys() ?? [])]).toEqual(
      expect.arrayContaining([ENV.table, ENV.linkSecret, ENV.authIssuer]),
    );
    expect([...(analyses.get('mail-api')?.reads.keys() ?? [])]).toEqual(
      expect.arrayContaining([ENV.queueUrl('mail'), ENV.deadLetterQueueUrl('mail')]),
    );
    expect([...(analyses.get('mail-sender')?.reads.keys() ?? [])]).toEqual(
      expect.arrayContaining([ENV.sendRate, ENV.unsubscribeMailbox, ENV.publicBaseUrl]),
    );
    expect([...(analyses.get('auth-session')?.reads.keys() ?? [])]).toEqual(
      expect.arrayContaining([ENV.authDomain, ENV.authClientId, ENV.publicBaseUrl]),
    );
    expect([...(analyses.get('schedule-dispatcher')?.indexes ?? [])]).toEqual(['gsi1']);
    expect([...(analyses.get('mail-reconciler')?.indexes ?? [])]).toEqual(['gsi1']);
    expect([...(analyses.get('outbox-sweeper')?.indexes ?? [])]).toEqual(['gsi1']);
    expect([...(analyses.get('directory-api')?.commands.keys() ?? [])]).toEqual(
      expect.arrayContaining(['BatchWriteCommand', 'TransactWriteCommand', 'QueryCommand']),
    );
    expect([...(analyses.get('mail-events')?.commands.keys() ?? [])]).toEqual(
      // Each SES event's move and its counters are one transaction.
      expect.arrayContaining(['BatchGetCommand', 'TransactWriteCommand']),
    );
  });

  it.each(wiring.map((spec) => [spec.name, spec as FunctionSpec] as const))(
    '%s reads only what it has',
    (name) => {
      const analysis = analyses.get(name) as Analysis;
      expect(analysis.computed, 'environment reads whose name the analysis cannot know').toEqual([]);
      const deployed = new Set(Object.keys(templateEnvironment.get(name) ?? {}));
      const missing = [...analysis.reads]
        .filter(([variable]) => !deployed.has(variable) && !isRuntimeVariable(variable))
        .map(([variable, files]) => `${variable} (read in ${[...files].join(', ')})`);
      expect(missing, `${name} reads variables its Lambda function does not have`).toEqual([]);
    },
  );

  it.each(wiring.map((spec) => [spec.name, spec as FunctionSpec] as const))(
    '%s has only what it reads',
    (name) => {
      const analysis = analyses.get(name) as Analysis;
      // NODE_OPTIONS (source maps) and POWERTOOLS_SERVICE_NAME are for the runtime, not the code.
      const unread = Object.keys(templateEnvironment.get(name) ?? {}).filter(
        (variable) => !analysis.reads.has(variable) && !isRuntimeVariable(variable),
      );
      expect(unread, `${name} has variables its code never reads`).toEqual([]);
    },
  );

  it.each(wiring.map((spec) => [spec.name, spec as FunctionSpec] as const))(
    '%s may make the table calls its code makes, and no others',
    (name, spec) => {
      const analysis = analyses.get(name) as Analysis;
      expect(analysis.computedIndexes, 'index names the analysis cannot know').toEqual([]);
      const commands = [...analysis.commands.keys()];
      const unknown = commands.filter((c) => !(c in TABLE_ACTIONS_OF) && !(c in OTHER_COMMANDS));
      expect(unknown, 'SDK commands this test does not know yet: add them above').toEqual([]);
      const needed = new Set(commands.flatMap((c) => TABLE_ACTIONS_OF[c] ?? []));
      const allowed = granted(spec);
      const onTable = [...allowed]
        .filter((g) => g.endsWith(' on table'))
        .map((g) => g.replace(' on table', ''));

      // Every call the code makes is allowed: AWS would refuse it otherwise.
      for (const action of needed) expect(allowed.has(`${action} on table`), action).toBe(true);
      for (const index of analysis.indexes)
        expect(allowed.has(`dynamodb:Query on tableIndex:${index}`), index).toBe(true);
      // No more than the code needs: table access only with table calls, writes only with writes,
      // batch writes only with BatchWriteItem, an index only where the code queries it, never Scan.
      expect(spec.access.table !== undefined, 'table access').toBe(needed.size > 0);
      expect(spec.access.table === 'readwrite', 'table writes').toBe(
        [...needed].some((action) => TABLE_WRITES.has(action)),
      );
      expect(onTable.includes('dynamodb:BatchWriteItem'), 'BatchWriteItem').toBe(
        needed.has('dynamodb:BatchWriteItem'),
      );
      expect([...allowed].filter((g) => g.includes(' on tableIndex:')).sort()).toEqual(
        [...analysis.indexes].map((index) => `dynamodb:Query on tableIndex:${index}`).sort(),
      );
      expect([...allowed].filter((g) => g.startsWith('dynamodb:Scan '))).toEqual([]);
      // Mail and the bus, likewise.
      expect(allowed.has('ses:SendEmail on configurationSet'), 'ses:SendEmail').toBe(
        analysis.commands.has('SendEmailCommand'),
      );
      expect(allowed.has('events:PutEvents on bus'), 'events:PutEvents').toBe(
        analysis.commands.has('PutEventsCommand'),
      );
      // The bucket: every object call allowed; access only with object calls, writes only with writes.
      const s3Needed = commands
        .filter((c) => OTHER_COMMANDS[c]?.[0]?.startsWith('s3:'))
        .flatMap((c) => OTHER_COMMANDS[c] ?? []);
      for (const action of s3Needed) expect(allowed.has(`${action} on bucketObjects`), action).toBe(true);
      expect(spec.access.bucket !== undefined, 'bucket access').toBe(s3Needed.length > 0);
      expect(spec.access.bucket === 'readwrite', 'bucket writes').toBe(
        s3Needed.some((a) => S3_WRITES.has(a)),
      );
    },
  );

  it.each(wiring.map((spec) => [spec.name, spec as FunctionSpec] as const))(
    '%s: the local runtime gives the same names as the template',
    (name, spec) => {
      const deployed = Object.keys(templateEnvironment.get(name) ?? {}).filter((v) => v !== 'NODE_OPTIONS');
      expect(environmentNames(spec).sort()).toEqual(deployed.sort());
    },
  );
});
