import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { InvokeStore, InvokeStoreBase } from '@aws/lambda-invoke-store';
import type { Context } from 'aws-lambda';
import type { FunctionSpec } from '../wiring/types.js';
import { type FunctionSandbox, runInSandbox } from './sandbox.js';

type Handler = (event: unknown, context: Context) => Promise<unknown>;

export interface LocalFunction {
  spec: FunctionSpec;
  /**
   * Values of the function's own, over the runtime's (infra/local/sandbox.ts): set one to
   * reconfigure this function alone, `undefined` removes it.
   */
  environment: Record<string, string | undefined>;
  invoke(event: unknown): Promise<unknown>;
}

/** What the local Lambda service did, for `/health` and for tests. */
export interface InvocationStats {
  invocations: number;
  errors: number;
}

/**
 * Every function of the local runtime shares one process, and invocations overlap, as on
 * Lambda's managed instances (several invocations at once per process). Lambda's invoke store
 * (per-invocation context, an AsyncLocalStorage) is how the runtime keeps each one's own:
 * Powertools' logger keeps the function name, request id and appended keys of an invocation
 * there when `AWS_LAMBDA_MAX_CONCURRENCY` says invocations run at once. Without it, the one
 * logger of the process labelled an invocation's lines with whichever function began last.
 */
const invokeStore = InvokeStore.getInstanceAsync(true);
const REQUEST_ID = InvokeStoreBase.PROTECTED_KEYS.REQUEST_ID;

/**
 * Loads a function's module (once, like a warm container) and invokes its `handler` with a
 * Lambda-shaped context and the function's timeout. Both run in the function's sandbox: its own
 * environment, its own grants (infra/local/sandbox.ts), each invocation in a context of its own.
 */
export function localFunction(sandbox: FunctionSandbox, root: string, stats: InvocationStats): LocalFunction {
  const { spec } = sandbox;
  let loaded: Promise<Handler> | undefined;
  const load = () => {
    loaded ??= import(pathToFileURL(resolve(root, spec.entry)).href).then((module: { handler?: Handler }) => {
      if (typeof module.handler !== 'function') throw new Error(`${spec.entry} does not export a handler`);
      return module.handler;
    });
    return loaded;
  };
  const timeoutMs = (spec.timeoutSeconds ?? 10) * 1000;
  sandbox.environment.AWS_LAMBDA_MAX_CONCURRENCY ??= '64';
  return {
    spec,
    environment: sandbox.environment,
    invoke: async (event) => {
      const store = await invokeStore;
      const requestId = randomUUID();
      return runInSandbox(sandbox, () =>
        store.run({ [REQUEST_ID]: requestId }, () => invoke(event, requestId)),
      );
    },
  };

  async function invoke(event: unknown, requestId: string): Promise<unknown> {
    const handler = await load();
    const started = Date.now();
    const context: Context = {
      callbackWaitsForEmptyEventLoop: false,
      functionName: `samverkan-local-${spec.name}`,
      functionVersion: '$LATEST',
      invokedFunctionArn: `arn:aws:lambda:eu-north-1:000000000000:function:samverkan-local-${spec.name}`,
      memoryLimitInMB: String(spec.memoryMb ?? 512),
      awsRequestId: requestId,
      logGroupName: `/aws/lambda/samverkan-local-${spec.name}`,
      logStreamName: 'local',
      getRemainingTimeInMillis: () => Math.max(0, timeoutMs - (Date.now() - started)),
      done: () => undefined,
      fail: () => undefined,
      succeed: () => undefined,
    };
    stats.invocations += 1;
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        handler(event, context),
        new Promise((_, reject) => {
          timer = setTimeout(
            () => reject(new Error(`${spec.name} timed out after ${timeoutMs} ms`)),
            timeoutMs,
          );
        }),
      ]);
    } catch (error) {
      stats.errors += 1;
      throw error;
    } finally {
      clearTimeout(timer);
    }
  }
}
