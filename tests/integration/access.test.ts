import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type LocalRuntime, startLocalRuntime } from '../../infra/local/runtime.js';
import { environmentNames } from '../../infra/wiring/environment.js';
import { ENV, type FunctionSpec, type Wiring } from '../../infra/wiring/types.js';
import { documentClient } from '../../shared/platform/aws/clients.js';
import { logger } from '../../shared/platform/observability/logger.js';
import type { ProbeEvent } from '../fixtures/access-probe.js';

/**
 * The local runtime is as strict as AWS: a function sees only the environment its access gives it
 * (what the template sets), and an AWS call its execution role would not allow fails with
 * AccessDeniedException, as IAM would answer it.
 */
const probe = (
  name: string,
  access: FunctionSpec['access'],
  extra: Partial<FunctionSpec> = {},
): FunctionSpec => ({
  name,
  entry: 'tests/fixtures/access-probe.ts',
  description: 'test fixture: does what the event asks',
  access,
  ...extra,
});
const testWiring: Wiring = [
  probe('reader', { table: 'read' }),
  probe('indexer', { table: 'read', tableIndexes: ['gsi1'] }),
  probe(
    'writer',
    { table: 'readwrite', publish: true, sendToQueues: ['probe'], linkSecret: true },
    {
      queue: { name: 'probe', batchSize: 1, maxConcurrency: 2, maxReceives: 1, visibilityTimeoutSeconds: 10 },
    },
  ),
  probe('mute', {}),
  probe('auditor', { table: 'readwrite', auditWriter: true }),
];

let runtime: LocalRuntime;
beforeAll(async () => {
  runtime = await startLocalRuntime({ wiring: testWiring, log: () => {} });
});
afterAll(async () => {
  await runtime?.stop();
});

const invoke = (name: string, event: ProbeEvent) => {
  const fn = runtime.functions.get(name);
  if (!fn) throw new Error(`no function ${name}`);
  return fn.invoke(event);
};
const key = (id: string) => ({ pk: 'PROBE', sk: `${id}-${Date.now()}-${Math.random()}` });
const role = (fn: string) =>
  `arn:aws:sts::000000000000:assumed-role/samverkan-local-${fn}/samverkan-local-${fn}`;

/** What AWS would answer, as the SDK throws it. */
const accessDenied = (fn: string, action: string, resource: string) =>
  expect.objectContaining({
    name: 'AccessDeniedException',
    $fault: 'client',
    $metadata: expect.objectContaining({ httpStatusCode: 400 }),
    message: expect.stringContaining(
      `User: ${role(fn)} is not authorized to perform: ${action} on resource: ${resource}`,
    ),
  });

describe('a function sees only the environment its access gives it', () => {
  it('at module load and in the handler, as in its template', async () => {
    // First invocation of the shared fixture module: it loads inside the reader's sandbox.
    const reader = (await invoke('reader', { action: 'env' })) as Record<string, unknown> & {
      keys: string[];
      atLoad: Record<string, unknown>;
    };
    expect(reader.atLoad).toEqual({
      tableName: runtime.tableName,
      linkSecret: undefined,
      serviceName: 'reader',
    });
    expect(reader.tableName).toBe(runtime.tableName);
    expect(reader.serviceName).toBe('reader');
    expect(reader.linkSecret).toBeUndefined();
    expect(reader.hasLinkSecret).toBe(false);
    // What every Lambda process has is there: region, credentials, the SDK's endpoints.
    expect(reader.region).toBe('eu-north-1');
    const readerSpec = testWiring[0] as FunctionSpec;
    const ownVariables = reader.keys.filter(
      (name) => !/^(AWS_|_|POWERTOOLS_(?!SERVICE)|NODE_|VITEST)/.test(name),
    );
    expect(ownVariables.sort()).toEqual(
      expect.arrayContaining(environmentNames(readerSpec).filter((name) => name !== ENV.serviceName)),
    );
    for (const name of [ENV.linkSecret, ENV.bus, ENV.queueUrl('probe'), ENV.fromAddress]) {
      expect(reader.keys, name).not.toContain(name);
    }

    const writer = (await invoke('writer', { action: 'env' })) as Record<string, unknown> & {
      keys: string[];
    };
    expect(writer.linkSecret).toBe(process.env.LINK_SIGNING_SECRET);
    expect(writer.serviceName).toBe('writer');
    expect(writer.keys).toEqual(expect.arrayContaining([ENV.bus, ENV.queueUrl('probe'), ENV.linkSecret]));
  });

  it('outside any invocation, the runtime has every value (tests and benches call handlers directly)', () => {
    expect(process.env[ENV.linkSecret]).toBeDefined();
    expect(process.env[ENV.queueUrl('probe')]).toBe(runtime.queues.get('probe')?.url);
    expect(process.env[ENV.serviceName]).toBeUndefined();
  });

  it('a value changed in the runtime’s environment reaches the functions that have the variable', async () => {
    const previous = process.env[ENV.linkSecret];
    process.env[ENV.linkSecret] = 'changed-for-a-test';
    try {
      await expect(invoke('writer', { action: 'env' })).resolves.toMatchObject({
        linkSecret: 'changed-for-a-test',
      });
      await expect(invoke('reader', { action: 'env' })).resolves.toMatchObject({ hasLinkSecret: false });
    } finally {
      process.env[ENV.linkSecret] = previous;
    }
  });

  it('a function’s environment is its configuration: change it, and only that function sees the change', async () => {
    const writer = runtime.functions.get('writer');
    if (!writer) throw new Error('no writer');
    writer.environment[ENV.bus] = 'no-such-bus';
    try {
      await expect(invoke('writer', { action: 'env' })).resolves.toMatchObject({ bus: 'no-such-bus' });
      await expect(invoke('writer', { action: 'publish', busName: 'no-such-bus' })).rejects.toEqual(
        accessDenied(
          'writer',
          'events:PutEvents',
          'arn:aws:events:eu-north-1:000000000000:event-bus/no-such-bus',
        ),
      );
      expect(process.env[ENV.bus]).toBe('samverkan-local');
    } finally {
      delete writer.environment[ENV.bus];
    }
    await expect(invoke('writer', { action: 'env' })).resolves.toMatchObject({ bus: 'samverkan-local' });
  });
});

describe('an AWS call outside the function’s grants fails as AccessDenied would', () => {
  it('table: read may read, not write (not even in a transaction)', async () => {
    const item = key('reader');
    const table = `arn:aws:dynamodb:eu-north-1:000000000000:table/${runtime.tableName}`;
    await expect(
      invoke('reader', { action: 'put', tableName: runtime.tableName, key: item }),
    ).rejects.toEqual(accessDenied('reader', 'dynamodb:PutItem', table));
    await expect(
      invoke('reader', { action: 'transact', tableName: runtime.tableName, key: item }),
    ).rejects.toEqual(accessDenied('reader', 'dynamodb:PutItem', table));
    // Nothing was written; the function may read the table (its indexes are another grant).
    await expect(
      invoke('reader', { action: 'get', tableName: runtime.tableName, key: item }),
    ).resolves.toBeNull();
    await expect(invoke('reader', { action: 'query', tableName: runtime.tableName })).resolves.toBe(
      'queried',
    );
    await expect(
      invoke('reader', { action: 'query', tableName: runtime.tableName, indexName: 'gsi1' }),
    ).rejects.toEqual(accessDenied('reader', 'dynamodb:Query', `${table}/index/gsi1`));
    // Another table is not ours to read.
    await expect(invoke('reader', { action: 'get', tableName: 'someone-elses', key: item })).rejects.toEqual(
      accessDenied(
        'reader',
        'dynamodb:GetItem',
        'arn:aws:dynamodb:eu-north-1:000000000000:table/someone-elses',
      ),
    );
  });

  it('table indexes: only the ones the access names, with Query; no Scan anywhere', async () => {
    const table = `arn:aws:dynamodb:eu-north-1:000000000000:table/${runtime.tableName}`;
    await expect(
      invoke('indexer', { action: 'query', tableName: runtime.tableName, indexName: 'gsi1' }),
    ).resolves.toBe('queried');
    await expect(
      invoke('indexer', { action: 'scan', tableName: runtime.tableName, indexName: 'gsi1' }),
    ).rejects.toEqual(accessDenied('indexer', 'dynamodb:Scan', `${table}/index/gsi1`));
    await expect(invoke('writer', { action: 'scan', tableName: runtime.tableName })).rejects.toEqual(
      accessDenied('writer', 'dynamodb:Scan', table),
    );
  });

  it('table: readwrite writes; calls outside any invocation are not checked', async () => {
    const item = key('writer');
    await expect(invoke('writer', { action: 'put', tableName: runtime.tableName, key: item })).resolves.toBe(
      'written',
    );
    const { Item } = await documentClient.send(new GetCommand({ TableName: runtime.tableName, Key: item }));
    expect(Item).toMatchObject({ by: 'probe' });
    // The test's own write, with the same client, outside any function.
    const own = key('test');
    await documentClient.send(new PutCommand({ TableName: runtime.tableName, Item: { ...own, by: 'test' } }));
    await expect(
      invoke('writer', { action: 'get', tableName: runtime.tableName, key: own }),
    ).resolves.toMatchObject({
      by: 'test',
    });
  });

  it('the audit log: only an audit writer may write its items, a writer of everything else is denied explicitly', async () => {
    const table = `arn:aws:dynamodb:eu-north-1:000000000000:table/${runtime.tableName}`;
    const entry = { pk: 'T#probe#AUDIT', sk: `${new Date().toISOString()}#${Math.random()}` };
    const explicitDeny = (action: string) =>
      expect.objectContaining({
        name: 'AccessDeniedException',
        message: expect.stringContaining(
          `User: ${role('writer')} is not authorized to perform: ${action} on resource: ${table} with an explicit deny`,
        ),
      });
    // Prepare: the audit writer appends an entry.
    await expect(
      invoke('auditor', { action: 'put', tableName: runtime.tableName, key: entry }),
    ).resolves.toBe('written');
    // Act + Assess: a function that may write the table can neither add, overwrite (alone or in
    // a transaction) nor delete an entry; its other writes go through.
    await expect(
      invoke('writer', { action: 'put', tableName: runtime.tableName, key: entry }),
    ).rejects.toEqual(explicitDeny('dynamodb:PutItem'));
    await expect(
      invoke('writer', { action: 'transact', tableName: runtime.tableName, key: { ...entry, sk: 'new' } }),
    ).rejects.toEqual(explicitDeny('dynamodb:PutItem'));
    await expect(
      invoke('writer', { action: 'delete', tableName: runtime.tableName, key: entry }),
    ).rejects.toEqual(explicitDeny('dynamodb:DeleteItem'));
    const { Item } = await documentClient.send(new GetCommand({ TableName: runtime.tableName, Key: entry }));
    expect(Item).toMatchObject({ by: 'probe' });
    expect(
      (
        await documentClient.send(
          new GetCommand({ TableName: runtime.tableName, Key: { ...entry, sk: 'new' } }),
        )
      ).Item,
    ).toBeUndefined();
    // Reading the log is not a write; a partition that only looks like it is not the log.
    await expect(
      invoke('writer', { action: 'get', tableName: runtime.tableName, key: entry }),
    ).resolves.toMatchObject({ by: 'probe' });
    await expect(
      invoke('writer', {
        action: 'put',
        tableName: runtime.tableName,
        key: { pk: 'T#probe#AUDITS', sk: 'x' },
      }),
    ).resolves.toBe('written');
    await expect(
      invoke('auditor', { action: 'delete', tableName: runtime.tableName, key: entry }),
    ).resolves.toBe('deleted');
  });

  it('publish: only functions that may, and only to the app bus', async () => {
    const bus = runtime.bus.published.length;
    await expect(invoke('reader', { action: 'publish', busName: 'samverkan-local' })).rejects.toEqual(
      accessDenied(
        'reader',
        'events:PutEvents',
        'arn:aws:events:eu-north-1:000000000000:event-bus/samverkan-local',
      ),
    );
    await expect(invoke('writer', { action: 'publish', busName: 'default' })).rejects.toEqual(
      accessDenied('writer', 'events:PutEvents', 'arn:aws:events:eu-north-1:000000000000:event-bus/default'),
    );
    expect(runtime.bus.published.length).toBe(bus);
    await expect(invoke('writer', { action: 'publish', busName: 'samverkan-local' })).resolves.toBe(
      'published',
    );
  });

  it('queues: only the ones the function sends to', async () => {
    const queueUrl = runtime.queues.get('probe')?.url ?? '';
    await expect(invoke('mute', { action: 'send', queueUrl })).rejects.toEqual(
      accessDenied('mute', 'sqs:SendMessage', 'arn:aws:sqs:eu-north-1:000000000000:samverkan-local-probe'),
    );
    await expect(invoke('writer', { action: 'send', queueUrl })).resolves.toBe('sent');
    // Not its DLQ: sending there is not part of sendToQueues.
    const dlqUrl = runtime.queues.get('probe')?.dlqUrl ?? '';
    await expect(invoke('writer', { action: 'send', queueUrl: dlqUrl })).rejects.toEqual(
      accessDenied(
        'writer',
        'sqs:SendMessage',
        'arn:aws:sqs:eu-north-1:000000000000:samverkan-local-probe-dlq',
      ),
    );
  });

  it('reads side by side go as one BatchGetItem, within one function only (as in Lambda)', async () => {
    const [a, b, missing] = [key('together-a'), key('together-b'), key('together-missing')];
    for (const item of [a, b])
      await documentClient.send(
        new PutCommand({ TableName: runtime.tableName, Item: { ...item, by: item.sk } }),
      );
    const batches: string[] = [];
    documentClient.middlewareStack.add(
      (next, context) => async (args) => {
        if (context.commandName === 'BatchGetItemCommand') batches.push(context.commandName);
        return next(args);
      },
      { step: 'initialize', name: 'countBatches' },
    );
    try {
      // Each caller gets its own item (or nothing), a key asked twice included: one request.
      await expect(invoke('reader', { action: 'get-together', keys: [a, missing, b, a] })).resolves.toEqual([
        { ...a, by: a.sk },
        null,
        { ...b, by: b.sk },
        { ...a, by: a.sk },
      ]);
      expect(batches).toHaveLength(1);
      // Three functions reading at the same moment: three requests, each checked against its
      // own function's grants, never one riding on another's.
      batches.length = 0;
      const results = await Promise.all(
        ['reader', 'indexer', 'writer'].map((fn) => invoke(fn, { action: 'get-together', keys: [a, b] })),
      );
      expect(results).toEqual(
        Array(3).fill([
          { ...a, by: a.sk },
          { ...b, by: b.sk },
        ]),
      );
      expect(batches).toHaveLength(3);
    } finally {
      documentClient.middlewareStack.remove('countBatches');
    }
  });

  it("labels each invocation's log lines with its own function and request, when invocations overlap", async () => {
    // Prepare: the handlers' logger at INFO, its lines caught.
    const lines: string[] = [];
    const write = process.stdout.write.bind(process.stdout);
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk, ...rest) => {
      if (String(chunk).includes('"message":"probe-')) lines.push(String(chunk));
      else return write(chunk as string, ...(rest as []));
      return true;
    });
    const level = logger.getLevelName();
    logger.setLogLevel('INFO');
    try {
      // Act: the reader starts first and logs last; the writer starts while it waits.
      const first = invoke('reader', { action: 'log', waitMs: 300, message: 'probe-reader' });
      await new Promise((resolve) => setTimeout(resolve, 50));
      await invoke('writer', { action: 'log', waitMs: 0, message: 'probe-writer' });
      await first;
    } finally {
      logger.setLogLevel(level);
      spy.mockRestore();
    }

    // Assess: each line names the function that wrote it, and the two requests differ.
    const entries = lines.map(
      (line) => JSON.parse(line) as { message: string; function_name?: string; function_request_id?: string },
    );
    expect(entries.map((e) => [e.message, e.function_name])).toEqual([
      ['probe-writer', 'samverkan-local-writer'],
      ['probe-reader', 'samverkan-local-reader'],
    ]);
    expect(entries[0]?.function_request_id).not.toEqual(entries[1]?.function_request_id);
  });

  it('names the function and its access in the message', async () => {
    const error = await invoke('mute', {
      action: 'get',
      tableName: runtime.tableName,
      key: key('mute'),
    }).catch((e: unknown) => e as Error);
    expect((error as Error).message).toContain(`function 'mute' has access {} in the wiring`);
  });
});
