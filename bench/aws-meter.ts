import { AsyncLocalStorage } from 'node:async_hooks';
import type { LocalRuntime } from '../infra/local/runtime.js';
import { sqsChunks } from './pricing.js';

/**
 * Counts the AWS requests of a running local runtime, by service, operation and caller, with an
 * SDK middleware on every client that talks to AWS:
 *
 * - the handlers' module-level clients (shared/platform/aws/clients.ts: `dynamoDb`, which the document
 *   client shares its middleware stack with, `sesv2`, `sqs`, `eventBridge`);
 * - the runtime's own SQS client (infra/local/resources.ts `localClients`), which the queue pollers
 *   (Lambda's event source mappings) and the event bus's rule targets (EventBridge → SQS) use.
 *
 * A `finalizeRequest` middleware (after the retry middleware) counts every attempt, retries
 * included, with its latency and billed 64 KB chunks. A `serialize` middleware asks DynamoDB for
 * `ReturnConsumedCapacity: 'TOTAL'` and adds up what it reports (transactions corrected to AWS's
 * rate, `asAwsCapacity`); where nothing is reported (a failed conditional write, which AWS still
 * charges for), it estimates (see `estimateCapacity`).
 *
 * The caller is the function whose invocation the request was made in: every LocalFunction's
 * `invoke` is wrapped to run in an AsyncLocalStorage context, which also times each invocation.
 */

export type Service = 'dynamodb' | 'ses' | 'sqs' | 'eventbridge';

/** Callers that are not a function of ours. */
export const EVENT_SOURCE = '(event source mapping)';
export const RULE_TARGET = '(EventBridge rule → SQS)';
export const OUTSIDE = '(outside handlers)';

export interface CallStats {
  caller: string;
  service: Service;
  operation: string;
  /** HTTP attempts, retries included. */
  attempts: number;
  errors: number;
  /** Summed latency of the attempts (send + deserialise), ms. */
  latencyMs: number;
  /** Summed request body sizes, bytes. */
  bytes: number;
  /** Billed requests: SQS and EventBridge bill per 64 KB chunk; otherwise equal to attempts. */
  billed: number;
  /** ReceiveMessage answers without messages. */
  emptyReceives: number;
  /** Entries in batch requests (SendMessageBatch, DeleteMessageBatch, PutEvents, Batch*Item). */
  entries: number;
  /** DynamoDB capacity as reported by DynamoDB (Local), and where not reported, estimated. */
  rru: number;
  wru: number;
  estimatedRru: number;
  estimatedWru: number;
  /**
   * The same by rule of thumb for every call (`estimateCapacity`), reported or not: DynamoDB Local
   * charges nothing for the missing keys of a BatchGetItem, DynamoDB charges each like a GetItem.
   */
  ruleRru: number;
  ruleWru: number;
  /** Custom events (PutEvents entries to a bus other than `default`), in 64 KB chunks. */
  customEvents: number;
  /** SES: the bytes of the mails' attachments (inline images, calendar files), which SES bills. */
  attachmentBytes: number;
}

export interface Invocation {
  fn: string;
  /** Epoch ms. */
  startedAt: number;
  durationMs: number;
  records: number;
  /** For queue events: how long each message waited in its queue (start − SentTimestamp), ms. */
  queueWaitsMs: number[];
  failed: boolean;
}

interface MiddlewareArgs {
  input: Record<string, unknown>;
  request?: unknown;
}
interface MiddlewareOutput {
  output: unknown;
  response: unknown;
}
type Handler = (args: MiddlewareArgs) => Promise<MiddlewareOutput>;
type Middleware = (next: Handler, context: { commandName?: string }) => Handler;
interface MiddlewareOptions {
  step: 'serialize' | 'finalizeRequest';
  priority: 'high' | 'low';
  name: string;
}
/** The part of an SDK v3 client this needs (structural, so one helper fits every client). */
export interface Instrumentable {
  middlewareStack: {
    add(middleware: Middleware, options: MiddlewareOptions): void;
    remove(nameOrMiddleware: string): boolean;
  };
}

const READS = new Set(['GetItem', 'BatchGetItem', 'Query', 'Scan', 'TransactGetItems']);
const WITH_CAPACITY = new Set([
  ...READS,
  'PutItem',
  'UpdateItem',
  'DeleteItem',
  'BatchWriteItem',
  'TransactWriteItems',
]);

interface ConsumedCapacity {
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

/**
 * Request units of a DynamoDB request DynamoDB did not report capacity for, from its type alone,
 * assuming every item is small (≤ 1 KB written, ≤ 4 KB read; Samverkan's are): 1 WRU per item
 * written (a failed condition is still charged), 2 per item in a transaction; 0.5 RRU per
 * eventually consistent read, 1 per strongly consistent one, per item in a batch.
 */
export function estimateCapacity(
  operation: string,
  input: Record<string, unknown>,
): { rru: number; wru: number } {
  const consistent = (value: unknown) => (value === true ? 1 : 0.5);
  switch (operation) {
    case 'GetItem':
      return { rru: consistent(input.ConsistentRead), wru: 0 };
    case 'Query':
    case 'Scan':
      return { rru: consistent(input.ConsistentRead), wru: 0 };
    case 'BatchGetItem': {
      let rru = 0;
      for (const table of Object.values(
        (input.RequestItems ?? {}) as Record<string, Record<string, unknown>>,
      ))
        rru += ((table.Keys as unknown[] | undefined)?.length ?? 0) * consistent(table.ConsistentRead);
      return { rru, wru: 0 };
    }
    case 'TransactGetItems':
      return { rru: 2 * ((input.TransactItems as unknown[] | undefined)?.length ?? 0), wru: 0 };
    case 'PutItem':
    case 'UpdateItem':
    case 'DeleteItem':
      return { rru: 0, wru: 1 };
    case 'BatchWriteItem': {
      let wru = 0;
      for (const requests of Object.values((input.RequestItems ?? {}) as Record<string, unknown[]>))
        wru += requests.length;
      return { rru: 0, wru };
    }
    case 'TransactWriteItems':
      return { rru: 0, wru: 2 * ((input.TransactItems as unknown[] | undefined)?.length ?? 0) };
    default:
      return { rru: 0, wru: 0 };
  }
}

/** Adds up a `ConsumedCapacity` (one object, or one per table for batches and transactions). */
export function reportedCapacity(
  operation: string,
  consumed: unknown,
): { rru: number; wru: number } | undefined {
  if (consumed === undefined || consumed === null) return undefined;
  const list = (Array.isArray(consumed) ? consumed : [consumed]) as ConsumedCapacity[];
  let rru = 0;
  let wru = 0;
  for (const c of list) {
    if (c.ReadCapacityUnits !== undefined || c.WriteCapacityUnits !== undefined) {
      rru += c.ReadCapacityUnits ?? 0;
      wru += c.WriteCapacityUnits ?? 0;
    } else if (READS.has(operation)) rru += c.CapacityUnits ?? 0;
    else wru += c.CapacityUnits ?? 0;
  }
  return { rru, wru };
}

/**
 * DynamoDB Local reports a transaction at 4 units per KB written (measured: a one-item
 * TransactWriteItems on a 100-byte item reports 4 WRU, on a 1.5 KB item 8), where DynamoDB charges
 * 2 (and 2 RRU per 4 KB read): its transaction figures are halved to match AWS.
 */
export const DYNAMODB_LOCAL_TRANSACTION_FACTOR = 2;

/** What DynamoDB would charge for what DynamoDB Local reported. */
export function asAwsCapacity(
  operation: string,
  reported: { rru: number; wru: number },
): { rru: number; wru: number } {
  if (!operation.startsWith('Transact')) return reported;
  return {
    rru: reported.rru / DYNAMODB_LOCAL_TRANSACTION_FACTOR,
    wru: reported.wru / DYNAMODB_LOCAL_TRANSACTION_FACTOR,
  };
}

const operationOf = (commandName: string | undefined) => (commandName ?? 'Unknown').replace(/Command$/, '');
const bodyBytes = (request: unknown) => {
  const body = (request as { body?: unknown } | undefined)?.body;
  return typeof body === 'string'
    ? Buffer.byteLength(body)
    : body instanceof Uint8Array
      ? body.byteLength
      : 0;
};
const entriesOf = (operation: string, input: Record<string, unknown>) => {
  if (Array.isArray(input.Entries)) return input.Entries.length;
  if (operation === 'BatchGetItem' || operation === 'BatchWriteItem') {
    let n = 0;
    for (const value of Object.values((input.RequestItems ?? {}) as Record<string, unknown>))
      n += Array.isArray(value)
        ? value.length
        : (((value as { Keys?: unknown[] }).Keys as unknown[] | undefined)?.length ?? 0);
    return n;
  }
  return 0;
};

export class AwsMeter {
  /** Counting happens only while enabled (the timed campaign); attribution always. */
  enabled = false;
  readonly calls = new Map<string, CallStats>();
  readonly invocations: Invocation[] = [];
  private readonly context = new AsyncLocalStorage<string>();
  private readonly detach: (() => void)[] = [];

  /** The function the current code runs in, if any. */
  caller(): string | undefined {
    return this.context.getStore();
  }

  reset(): void {
    this.calls.clear();
    this.invocations.length = 0;
  }

  /** Instruments the handlers' clients, the runtime's SQS client and every function of `runtime`. */
  attach(
    runtime: LocalRuntime,
    handlerClients: { dynamoDb: unknown; sesv2: unknown; sqs: unknown; eventBridge: unknown },
  ): void {
    this.instrument(handlerClients.dynamoDb as Instrumentable, 'dynamodb', () => this.caller() ?? OUTSIDE);
    this.instrument(handlerClients.sesv2 as Instrumentable, 'ses', () => this.caller() ?? OUTSIDE);
    this.instrument(handlerClients.sqs as Instrumentable, 'sqs', () => this.caller() ?? OUTSIDE);
    this.instrument(
      handlerClients.eventBridge as Instrumentable,
      'eventbridge',
      () => this.caller() ?? OUTSIDE,
    );
    // Pollers and bus share the one client `localClients` made; it is private, so reach in.
    const runtimeSqs = new Set<Instrumentable>();
    for (const poller of runtime.pollers.values())
      runtimeSqs.add((poller as unknown as { sqs: Instrumentable }).sqs);
    const busSqs = (runtime.bus as unknown as { options?: { sqs?: Instrumentable } }).options?.sqs;
    if (busSqs) runtimeSqs.add(busSqs);
    for (const client of runtimeSqs)
      this.instrument(client, 'sqs', (operation) =>
        operation === 'SendMessage' || operation === 'SendMessageBatch' ? RULE_TARGET : EVENT_SOURCE,
      );
    for (const fn of runtime.functions.values()) {
      const original = fn.invoke;
      const name = fn.spec.name;
      fn.invoke = (event: unknown) => {
        if (!this.enabled) return this.context.run(name, () => original.call(fn, event));
        const startedAt = Date.now();
        const started = performance.now();
        const records = (event as { Records?: { attributes?: { SentTimestamp?: string } }[] }).Records;
        const queueWaitsMs = (records ?? [])
          .map((r) => startedAt - Number(r.attributes?.SentTimestamp))
          .filter((wait) => Number.isFinite(wait));
        const record = (failed: boolean) =>
          this.invocations.push({
            fn: name,
            startedAt,
            durationMs: performance.now() - started,
            records: records?.length ?? 1,
            queueWaitsMs,
            failed,
          });
        return this.context
          .run(name, () => original.call(fn, event))
          .then(
            (result) => {
              record(false);
              return result;
            },
            (error: unknown) => {
              record(true);
              throw error;
            },
          );
      };
      this.detach.push(() => {
        fn.invoke = original;
      });
    }
  }

  /** Removes every middleware and wrapper (the runtime keeps running uninstrumented). */
  release(): void {
    for (const undo of this.detach.splice(0)) undo();
  }

  private stats(caller: string, service: Service, operation: string): CallStats {
    const key = `${caller}|${service}|${operation}`;
    let stats = this.calls.get(key);
    if (!stats) {
      stats = {
        caller,
        service,
        operation,
        attempts: 0,
        errors: 0,
        latencyMs: 0,
        bytes: 0,
        billed: 0,
        emptyReceives: 0,
        entries: 0,
        rru: 0,
        wru: 0,
        estimatedRru: 0,
        estimatedWru: 0,
        ruleRru: 0,
        ruleWru: 0,
        customEvents: 0,
        attachmentBytes: 0,
      };
      this.calls.set(key, stats);
    }
    return stats;
  }

  private instrument(
    client: Instrumentable,
    service: Service,
    callerOf: (operation: string) => string,
  ): void {
    const countName = `bench-count-${service}`;
    const capacityName = `bench-capacity-${service}`;
    const stack = client.middlewareStack;
    // Per attempt: after the retry middleware (finalizeRequest, high), before the transport.
    stack.add(
      (next, context) => async (args) => {
        if (!this.enabled) return next(args);
        const operation = operationOf(context.commandName);
        const stats = this.stats(callerOf(operation), service, operation);
        const started = performance.now();
        stats.attempts += 1;
        const payload = bodyBytes(args.request);
        stats.bytes += payload;
        try {
          const result = await next(args);
          stats.latencyMs += performance.now() - started;
          if (service === 'sqs') {
            if (operation === 'ReceiveMessage') {
              const messages = (result.output as { Messages?: { Body?: string }[] }).Messages ?? [];
              if (messages.length === 0) stats.emptyReceives += 1;
              stats.entries += messages.length;
              const received = messages.reduce((n, m) => n + Buffer.byteLength(m.Body ?? ''), 0);
              stats.billed += sqsChunks(Math.max(payload, received));
            } else {
              stats.billed += sqsChunks(payload);
              stats.entries += entriesOf(operation, args.input);
            }
          } else if (service === 'eventbridge') {
            stats.billed += 1;
            const entries = (args.input.Entries ?? []) as { EventBusName?: string }[];
            stats.entries += entries.length;
            for (const entry of entries)
              if (entry.EventBusName !== undefined && entry.EventBusName !== 'default')
                stats.customEvents += sqsChunks(Buffer.byteLength(JSON.stringify(entry)));
          } else {
            stats.billed += 1;
            stats.entries += entriesOf(operation, args.input);
            if (service === 'ses') stats.attachmentBytes += attachmentBytesOf(args.input);
          }
          return result;
        } catch (error) {
          stats.latencyMs += performance.now() - started;
          stats.errors += 1;
          stats.billed += 1;
          throw error;
        }
      },
      { step: 'finalizeRequest', priority: 'low', name: countName },
    );
    if (service === 'dynamodb') {
      // Once per call (outside the retries): ask for, and add up, the consumed capacity.
      stack.add(
        (next, context) => async (args) => {
          const operation = operationOf(context.commandName);
          if (!this.enabled || !WITH_CAPACITY.has(operation)) return next(args);
          const stats = this.stats(callerOf(operation), service, operation);
          const input = { ...args.input, ReturnConsumedCapacity: 'TOTAL' };
          const rule = estimateCapacity(operation, input);
          stats.ruleRru += rule.rru;
          stats.ruleWru += rule.wru;
          try {
            const result = await next({ ...args, input });
            const local = reportedCapacity(
              operation,
              (result.output as { ConsumedCapacity?: unknown }).ConsumedCapacity,
            );
            const reported = local && asAwsCapacity(operation, local);
            if (reported) {
              stats.rru += reported.rru;
              stats.wru += reported.wru;
            } else {
              stats.estimatedRru += rule.rru;
              stats.estimatedWru += rule.wru;
            }
            return result;
          } catch (error) {
            // A failed condition is charged like the write; DynamoDB does not say how much.
            const name = (error as { name?: string }).name ?? '';
            if (name === 'ConditionalCheckFailedException' || name === 'TransactionCanceledException') {
              stats.estimatedRru += rule.rru;
              stats.estimatedWru += rule.wru;
            }
            throw error;
          }
        },
        { step: 'serialize', priority: 'high', name: capacityName },
      );
    }
    this.detach.push(() => {
      stack.remove(countName);
      if (service === 'dynamodb') stack.remove(capacityName);
    });
  }
}

/** The bytes of a SendEmail's attachments (`Content.Simple.Attachments[].RawContent`). */
function attachmentBytesOf(input: Record<string, unknown>): number {
  const attachments =
    (input as { Content?: { Simple?: { Attachments?: { RawContent?: Uint8Array | string }[] } } }).Content
      ?.Simple?.Attachments ?? [];
  return attachments.reduce(
    (n, a) =>
      n +
      (typeof a.RawContent === 'string' ? Buffer.byteLength(a.RawContent) : (a.RawContent?.byteLength ?? 0)),
    0,
  );
}
