import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
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
 * Loads a function's module (once, like a warm container) and invokes its `handler` with a
 * Lambda-shaped context and the function's timeout. Both run in the function's sandbox: its own
 * environment, its own grants (infra/local/sandbox.ts).
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
  return {
    spec,
    environment: sandbox.environment,
    invoke: (event) => runInSandbox(sandbox, () => invoke(event)),
  };

  async function invoke(event: unknown): Promise<unknown> {
    const handler = await load();
    const started = Date.now();
    const requestId = randomUUID();
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
