import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { buildApp, type SamverkanApp } from '../../infra/aws/build-app.js';
import {
  AUDIT_DENIED_ACTIONS,
  AUDIT_LEADING_KEYS,
  denialsOf,
  type GrantResource,
  grantsOf,
} from '../../infra/wiring/grants.js';
import type { FunctionSpec, Wiring } from '../../infra/wiring/types.js';
import { wiring } from '../../infra/wiring.js';

/**
 * infra/wiring/grants.ts is what the local runtime enforces (infra/local/access.ts). It must say
 * exactly what the synthesized execution roles allow: no more (the local runtime would let a call
 * through that AWS refuses), no less (it would refuse one AWS allows).
 */

// biome-ignore lint/suspicious/noExplicitAny: synthesized CloudFormation is untyped JSON
type Json = any;

const asArray = <T>(x: T | T[]): T[] => (Array.isArray(x) ? x : [x]);

const keyOf = (resource: GrantResource): string =>
  'queue' in resource
    ? `${resource.kind}:${resource.queue}`
    : 'index' in resource
      ? `${resource.kind}:${resource.index}`
      : resource.kind;

/** `<action> on <resource kind>` for every statement of each function's role (Lambda's own logs and X-Ray aside). */
function synthesizedGrants(built: SamverkanApp): Map<string, string[]> {
  const stateless = Template.fromStack(built.stateless).toJSON();
  const outputs: Record<string, { Value: Json }> = Template.fromStack(built.stateful).toJSON().Outputs ?? {};
  const statefulId = (construct: { node: { defaultChild?: unknown } }) =>
    built.stateful.getLogicalId(construct.node.defaultChild as never);
  const statelessId = (construct: { node: { defaultChild?: unknown } }) =>
    built.stateless.getLogicalId(construct.node.defaultChild as never);
  const tableId = statefulId(built.stateful.table);
  const busId = statefulId(built.stateful.bus as never);
  const bucketId = statefulId(built.stateful.bucket);
  const queueKinds = new Map<string, string>();
  for (const [name, queue] of built.stateless.queues) queueKinds.set(statelessId(queue), `queue:${name}`);
  for (const [name, queue] of built.stateless.queueDeadLetterQueues)
    queueKinds.set(statelessId(queue), `queueDeadLetterQueue:${name}`);
  for (const [key, queue] of built.stateless.deadLetterQueues) {
    const [fn, kind] = key.split('/');
    if (kind === 'events') queueKinds.set(statelessId(queue), `eventsDeadLetterQueue@${fn}`);
    if (kind === 'table-stream') queueKinds.set(statelessId(queue), `tableStreamDeadLetterQueue@${fn}`);
  }
  // Cross-stack references → the value the stateful stack outputs.
  const resolve = (value: Json): Json => {
    if (Array.isArray(value)) return value.map(resolve);
    if (value && typeof value === 'object') {
      const weak = value['Fn::GetStackOutput'];
      if (weak) return resolve(outputs[weak.OutputName]?.Value);
      const strong = value['Fn::ImportValue'];
      if (strong) return resolve(Object.values(outputs).find((o: Json) => o.Export?.Name === strong)?.Value);
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v)]));
    }
    return value;
  };
  const classify = (fn: string, raw: Json): string => {
    const resource = resolve(raw);
    if (resource === '*') return 'any';
    const text = JSON.stringify(resource);
    const [id, attribute] = (resource?.['Fn::GetAtt'] ?? []) as [string?, string?];
    if (id === tableId) return attribute === 'StreamArn' ? 'tableStream' : 'table';
    if (id === busId) return 'bus';
    const queue = id ? queueKinds.get(id) : undefined;
    if (queue) return queue.replace(`@${fn}`, '');
    const index = /\/index\/([^"]+)"/.exec(text)?.[1];
    if (index && text.includes(tableId)) return `tableIndex:${index}`;
    if (text.includes(':identity/')) return 'mailIdentity';
    if (text.includes(':configuration-set/')) return 'configurationSet';
    // The attachments bucket, by the name the stateful stack outputs.
    if (text.includes(':s3:::') && text.includes(`"${bucketId}"`)) {
      return text.includes('/*') ? 'bucketObjects' : 'bucket';
    }
    return `unknown ${text}`;
  };
  const result = new Map<string, string[]>();
  for (const [name, fn] of built.stateless.functions) {
    const role = stateless.Resources[statelessId(fn)].Properties.Role['Fn::GetAtt'][0];
    const statements = Object.values(stateless.Resources as Record<string, Json>)
      .filter((r) => r.Type === 'AWS::IAM::Policy' && r.Properties.Roles.some((x: Json) => x.Ref === role))
      .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Json[]);
    const pairs = new Set<string>();
    for (const statement of statements) {
      // Explicit denials are checked on their own (below: the audit log).
      if (statement.Effect === 'Deny') continue;
      expect(statement.Effect).toBe('Allow');
      for (const action of asArray(statement.Action as string | string[])) {
        if (action.startsWith('logs:') || action.startsWith('xray:')) continue;
        for (const resource of asArray(statement.Resource))
          pairs.add(`${action} on ${classify(name, resource)}`);
      }
    }
    result.set(name, [...pairs].sort());
  }
  return result;
}

function derivedGrants(spec: FunctionSpec): string[] {
  const pairs = new Set<string>();
  for (const grant of grantsOf(spec)) {
    for (const action of grant.actions) pairs.add(`${action} on ${keyOf(grant.resource)}`);
  }
  return [...pairs].sort();
}

function checkAgainstTemplate(specs: Wiring, built: SamverkanApp) {
  const synthesized = synthesizedGrants(built);
  for (const spec of specs) {
    expect(synthesized.get(spec.name), spec.name).toEqual(derivedGrants(spec));
  }
}

describe('infra/wiring/grants.ts is what the CDK app grants', () => {
  it('for every function of the wiring, statement by statement', () => {
    checkAgainstTemplate(
      wiring,
      buildApp({ context: { 'aws:cdk:bundling-stacks': [], mailDomain: 'example.org' }, nag: false }),
    );
  });

  it("gives the press room's functions exactly the bucket rights they use: the newsroom only reads", () => {
    const synthesized = synthesizedGrants(
      buildApp({ context: { 'aws:cdk:bundling-stacks': [], mailDomain: 'example.org' }, nag: false }),
    );
    const s3 = (name: string) => (synthesized.get(name) ?? []).filter((pair) => pair.startsWith('s3:'));
    expect(s3('press-newsroom')).toEqual(['s3:GetObject on bucketObjects', 's3:ListBucket on bucket']);
    for (const name of ['press-api', 'press-pages']) {
      expect(s3(name), name).toEqual(
        expect.arrayContaining(['s3:PutObject on bucketObjects', 's3:DeleteObject on bucketObjects']),
      );
    }
    // Nothing else of the wiring touches the bucket.
    const holders = [...synthesized]
      .filter(([, pairs]) => pairs.some((p) => p.startsWith('s3:')))
      .map(([n]) => n);
    expect(holders.sort()).toEqual(['press-api', 'press-newsroom', 'press-pages']);
  });

  it('for the access kinds the wiring does not use yet (bucket, a mail domain, table read, more indexes)', () => {
    const specs: Wiring = [
      {
        name: 'mailer',
        entry: 'functions/auth/session.ts',
        description: 'sends mail with attachments',
        queue: {
          name: 'outbox',
          batchSize: 5,
          maxConcurrency: 3,
          maxReceives: 5,
          visibilityTimeoutSeconds: 60,
        },
        access: {
          sendEmail: true,
          bulkSending: true,
          bucket: 'readwrite',
          sendToQueues: ['outbox'],
          redriveQueues: ['outbox'],
          table: 'readwrite',
          tableBatchWrite: true,
          tableIndexes: ['gsi1'],
        },
      },
      {
        name: 'reader',
        entry: 'functions/auth/session.ts',
        description: 'reads',
        schedules: [{ name: 'hourly', expression: 'rate(1 hour)' }],
        access: {
          table: 'read',
          bucket: 'read',
          mailFromAddress: true,
          linkSecret: true,
          staffIdentity: 'sign-in',
          publicBaseUrl: true,
        },
      },
    ];
    const context = {
      'aws:cdk:bundling-stacks': [],
      stage: 'test',
      mailDomain: 'example.se',
      mailFromAddress: 'no-reply@example.se',
    };
    checkAgainstTemplate(specs, buildApp({ context, wiring: specs, nag: false }));
  });
});

describe('the audit log is protected by IAM', () => {
  it('every function that may write the table, except the audit writers, is denied writes to audit items; the writers are not', () => {
    const built = buildApp({
      context: { 'aws:cdk:bundling-stacks': [], mailDomain: 'example.org' },
      nag: false,
    });
    const stateless = Template.fromStack(built.stateless).toJSON();
    const tableId = built.stateful.getLogicalId(built.stateful.table.node.defaultChild as never);
    const denialsIn = (name: string): Json[] => {
      const fn = built.stateless.functions.get(name);
      if (!fn) throw new Error(`no function ${name}`);
      const role =
        stateless.Resources[built.stateless.getLogicalId(fn.node.defaultChild as never)].Properties.Role[
          'Fn::GetAtt'
        ][0];
      return Object.values(stateless.Resources as Record<string, Json>)
        .filter((r) => r.Type === 'AWS::IAM::Policy' && r.Properties.Roles.some((x: Json) => x.Ref === role))
        .flatMap((policy) => policy.Properties.PolicyDocument.Statement as Json[])
        .filter((statement) => statement.Effect === 'Deny');
    };
    const writers = wiring.filter((spec) => spec.access.table === 'readwrite' || spec.access.tableBatchWrite);
    const auditWriters = writers.filter((spec) => spec.access.auditWriter).map((spec) => spec.name);
    // The privacy pages (requests, exports, rule changes, kept contacts) and the privacy eraser
    // (erasures, retention runs, bulk downloads): nothing else writes the log.
    expect(auditWriters.sort()).toEqual(['privacy-eraser', 'privacy-pages']);
    expect(writers.length).toBeGreaterThan(10);
    for (const spec of writers) {
      const denials = denialsIn(spec.name);
      if (spec.access.auditWriter) {
        expect(denials, spec.name).toEqual([]);
        expect(denialsOf(spec)).toEqual([]);
        continue;
      }
      expect(denials, spec.name).toHaveLength(1);
      const [deny] = denials;
      expect([...asArray(deny.Action)].sort(), spec.name).toEqual([...AUDIT_DENIED_ACTIONS].sort());
      expect(JSON.stringify(deny.Resource), spec.name).toContain(tableId);
      expect(JSON.stringify(deny.Resource), spec.name).not.toContain('/index/');
      expect(deny.Condition, spec.name).toEqual({
        'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': [...AUDIT_LEADING_KEYS] },
      });
    }
    // Read-only functions cannot write at all; they carry no Deny.
    for (const spec of wiring.filter((s) => !writers.includes(s)))
      expect(denialsIn(spec.name), spec.name).toEqual([]);
  });
});
