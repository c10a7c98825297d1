import { AsyncLocalStorage } from 'node:async_hooks';
import type { Denial, Grant } from '../wiring/grants.js';
import type { FunctionSpec } from '../wiring/types.js';

/**
 * What one function may see and do when the local runtime runs it: what a Lambda function gets
 * from its configuration and its execution role, and nothing else. All functions share one Node
 * process, so the runtime enters the function's sandbox (an AsyncLocalStorage context) around
 * both loading its module and each invocation (infra/local/invoke.ts); what the handler starts
 * from there (awaits, timers, SDK calls) stays in it.
 *
 * - `process.env` answers with the function's own environment (the names infra/wiring/environment.ts
 *   derives from its access) plus the variables every Lambda process has (`isRuntimeVariable`).
 *   Values are the runtime's own (one per resource, as in the template), so a test that changes
 *   one in `process.env` changes it for every function that has it, like a redeploy would; values
 *   of the function's own (its service name, what a test sets in `environment`) win.
 * - The handlers' SDK clients refuse calls `grants` do not allow, as IAM would (infra/local/access.ts).
 *
 * Outside any sandbox (the runtime itself, tests' own setup, a test or bench calling a handler
 * directly) `process.env` is the runtime's own environment, which holds every value, and every
 * call is allowed.
 */
export interface FunctionSandbox {
  readonly spec: FunctionSpec;
  /** The names of its environment. */
  readonly variables: ReadonlySet<string>;
  /**
   * Values of its own, which win over the runtime's: those the derivation gives it differently
   * (its service name), and what a test or the function itself sets (`undefined` removes one).
   */
  readonly environment: Record<string, string | undefined>;
  /** What its execution role allows (infra/wiring/grants.ts). */
  readonly grants: readonly Grant[];
  /** What it is explicitly denied, whatever it is granted (the audit log: infra/wiring/grants.ts). */
  readonly denials?: readonly Denial[];
  /** The local names of what the grants refer to. */
  readonly resources: LocalResources;
  /** Told of every call refused (the runtime logs it: a handler may swallow the error). */
  readonly onAccessDenied?: (error: Error) => void;
}

/** The local runtime's names for the resources grants name by kind. */
export interface LocalResources {
  readonly region: string;
  readonly account: string;
  readonly tableName: string;
  readonly tableIndexes: readonly string[];
  readonly busName: string;
  readonly configurationSet: string;
  /** SES authorizes a send against the sender's identity: this address or its domain. */
  readonly fromAddress: string;
  /** Owned queues by logical name. */
  readonly queues: ReadonlyMap<string, { readonly url: string; readonly dlqUrl: string }>;
  /** The attachments bucket (release images and files). */
  readonly bucketName: string;
}

const sandboxes = new AsyncLocalStorage<FunctionSandbox>();

/** The sandbox of the function whose invocation (or module load) this code runs in, if any. */
export function currentSandbox(): FunctionSandbox | undefined {
  return sandboxes.getStore();
}

/** Runs `body` as `sandbox`'s function: its environment, its grants. */
export function runInSandbox<T>(sandbox: FunctionSandbox, body: () => T): T {
  return sandboxes.run(sandbox, body);
}

/**
 * Variables the Lambda runtime (or, locally, the runtime's process) provides to every function,
 * whatever its configuration: region and credentials, the SDK's endpoints (the emulators, locally),
 * Lambda's own `AWS_LAMBDA_*` and `_X_AMZN_*`, Powertools' log level and metrics switches, Node's
 * options, locale, time zone and paths, and the test runner's own. A function's environment
 * overrides them (its `POWERTOOLS_SERVICE_NAME`).
 */
const RUNTIME_PREFIXES = ['AWS_', '_', 'LAMBDA_', 'POWERTOOLS_', 'NODE_', 'VITEST', 'LC_'];
const RUNTIME_NAMES = new Set([
  'TZ',
  'LANG',
  'LANGUAGE',
  'PATH',
  'HOME',
  'PWD',
  'TMPDIR',
  'LD_LIBRARY_PATH',
  'TERM',
  'FORCE_COLOR',
  'NO_COLOR',
  'CI',
  'TEST',
]);

export function isRuntimeVariable(name: string): boolean {
  return RUNTIME_NAMES.has(name) || RUNTIME_PREFIXES.some((prefix) => name.startsWith(prefix));
}

const ISOLATED = Symbol.for('samverkan.local.isolatedEnvironment');

/**
 * Replaces `process.env` (once per process) with a view that, inside a sandbox, holds only the
 * function's environment and the runtime variables; writes there change the function's own
 * values only. Outside a sandbox it is the process environment as before.
 */
export function isolateEnvironment(): void {
  const current = process.env as NodeJS.ProcessEnv & { [ISOLATED]?: true };
  if (current[ISOLATED]) return;
  const base = current;
  const visible = (sandbox: FunctionSandbox, name: string): string | undefined =>
    Object.hasOwn(sandbox.environment, name)
      ? sandbox.environment[name]
      : sandbox.variables.has(name) || isRuntimeVariable(name)
        ? base[name]
        : undefined;
  const env = new Proxy({} as NodeJS.ProcessEnv, {
    get(_, name) {
      if (name === ISOLATED) return true;
      const sandbox = sandboxes.getStore();
      if (!sandbox || typeof name !== 'string') return Reflect.get(base, name);
      const value = visible(sandbox, name);
      // `process.env.hasOwnProperty(…)` and friends still work.
      return value === undefined && name in Object.prototype ? Reflect.get(base, name) : value;
    },
    has(_, name) {
      const sandbox = sandboxes.getStore();
      if (!sandbox || typeof name !== 'string') return Reflect.has(base, name);
      return visible(sandbox, name) !== undefined;
    },
    set(_, name, value) {
      const sandbox = sandboxes.getStore();
      if (!sandbox || typeof name !== 'string') return Reflect.set(base, name, value);
      sandbox.environment[name] = String(value);
      return true;
    },
    defineProperty(_, name, descriptor) {
      const sandbox = sandboxes.getStore();
      if (!sandbox || typeof name !== 'string') return Reflect.defineProperty(base, name, descriptor);
      sandbox.environment[name] = String(descriptor.value);
      return true;
    },
    deleteProperty(_, name) {
      const sandbox = sandboxes.getStore();
      if (!sandbox || typeof name !== 'string') return Reflect.deleteProperty(base, name);
      sandbox.environment[name] = undefined;
      return true;
    },
    ownKeys() {
      const sandbox = sandboxes.getStore();
      if (!sandbox) return Reflect.ownKeys(base);
      const names = new Set([
        ...Object.keys(base),
        ...sandbox.variables,
        ...Object.keys(sandbox.environment),
      ]);
      return [...names].filter((name) => visible(sandbox, name) !== undefined);
    },
    getOwnPropertyDescriptor(_, name) {
      const sandbox = sandboxes.getStore();
      if (!sandbox || typeof name !== 'string') return Reflect.getOwnPropertyDescriptor(base, name);
      const value = visible(sandbox, name);
      return value === undefined
        ? undefined
        : { value, writable: true, enumerable: true, configurable: true };
    },
  });
  process.env = env;
}
