import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { baseSecurityHeaders } from '../../shared/platform/http/security-headers.js';
import { type EnvironmentValues, environmentNames, functionEnvironment } from '../wiring/environment.js';
import { denialsOf, grantsOf, TABLE_INDEXES } from '../wiring/grants.js';
import { type AccessSpec, ENV, type Wiring } from '../wiring/types.js';
import { wiring as defaultWiring } from '../wiring.js';
import { enforceGrants } from './access.js';
import { compileRoute, fromLambdaResult, matchRoute, toApiGatewayEvent } from './api-gateway.js';
import { demoStaff } from './demo-data.js';
import {
  type Emulator,
  freePort,
  startDynamoDb,
  startS3,
  startSes,
  startSqs,
} from './emulators/processes.js';
import { LocalEventBus, type PutEntry, RECENT_MS, rulesFromWiring } from './event-bus.js';
import { LOCAL_CLIENT_ID, LocalIdentityProvider } from './identity-provider.js';
import { type InvocationStats, type LocalFunction, localFunction } from './invoke.js';
import { QueuePoller } from './queue-poller.js';
import { ensureQueues, ensureTable, localClients } from './resources.js';
import { currentSandbox, type FunctionSandbox, isolateEnvironment, type LocalResources } from './sandbox.js';
import { LocalScheduler } from './scheduler.js';
import { seedDemoData } from './seed.js';
import {
  bareAddress,
  SES_TAGS_HEADER,
  type SendRequest,
  type SimulatedOutcome,
  sesEventsFor,
  simulatorOutcome,
} from './ses-proxy.js';
import { StreamPoller } from './stream-poller.js';

export interface Faults {
  /** Share of SendEmail calls answered with 429 TooManyRequestsException. */
  sesThrottleRate: number;
  /** Share of DynamoDB writes that fail with a 500: half before the write applies, half after. */
  dynamoWriteFailureRate: number;
  /**
   * Deterministic ambiguous failures: the next DynamoDB write whose request mentions one of these
   * strings is applied, then answered with a 500 (once per entry).
   */
  dynamoFailAfterApplying: string[];
  /** What was injected so far. */
  injected: { sesThrottled: number; dynamoFailedBefore: number; dynamoFailedAfter: number };
}

let faultInjectionOfThisProcess: boolean | undefined;
let portsOfThisProcess: { http?: number; dynamodb?: number; ses?: number; sqs?: number; s3?: number } = {};

/** The HMAC secret for links in mail: kept with the data so links survive a restart. */
function linkSecret(dataDir: string | undefined): string {
  if (!dataDir) return randomBytes(32).toString('base64url');
  const file = join(dataDir, 'link-signing-secret');
  if (!existsSync(file)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, randomBytes(32).toString('base64url'), { mode: 0o600 });
  }
  return readFileSync(file, 'utf8').trim();
}

export const repoRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export interface LocalRuntimeOptions {
  /** HTTP port (0 = any free port). */
  port?: number;
  /** `port` is only preferred: when it is taken, take a free one (`npm start` without `--port`). */
  portFallback?: boolean;
  /** Where emulator data lives; undefined keeps everything in memory (tests). */
  dataDir?: string;
  /** Deletes `dataDir` first. */
  reset?: boolean;
  wiring?: Wiring;
  /**
   * Preferred emulator ports (taken ones fall back to free ports). A second runtime in the same
   * process needs the ports of the first: the SDK clients at module scope keep them.
   */
  emulatorPorts?: { dynamodb?: number; ses?: number; sqs?: number };
  /** Fire every schedule at this interval instead of its expression (tests, demos). */
  scheduleIntervalMs?: number;
  /** Delays between EventBridge delivery retries to a failing function. */
  eventRetryDelaysMs?: number[];
  /** Shorter visibility timeouts for every queue, so redelivery and DLQ moves happen in seconds (tests). */
  visibilityTimeoutOverrideSeconds?: number;
  seed?: boolean;
  /** SES's maximum send rate the sender paces itself to (mails per second). */
  sesSendRate?: number;
  /** What SES reports for a recipient (delivery, bounce, complaint); default: SES's simulator addresses. */
  sesOutcome?: (address: string) => SimulatedOutcome;
  /**
   * Restart tests: the process kills its own process group with SIGKILL right after SES accepted
   * this many mails, before the sender hears back — the worst moment for exactly-once sending.
   */
  crashAfterSends?: number;
  /**
   * Restart tests: the process kills its own process group with SIGKILL when the table's stream
   * brings the relay an outbox item of this detail-type — after the state change and its event
   * were written, before the event reaches the bus.
   */
  crashBeforeRelaying?: string;
  /**
   * Route DynamoDB through the runtime too, so `faults` can fail writes (tests only: an
   * extra hop). Decided once per process, like every endpoint.
   */
  faultInjection?: boolean;
  log?: (message: string) => void;
  logLevel?: string;
}

export interface LocalRuntime {
  url: string;
  mailboxUrl: string;
  endpoints: { dynamodb: string; ses: string; sqs: string; events: string; s3: string };
  tableName: string;
  bus: LocalEventBus;
  pollers: Map<string, QueuePoller>;
  /** Readers of the table's stream (the outbox relay), by function name. */
  streamPollers: Map<string, StreamPoller>;
  queues: Map<string, { url: string; dlqUrl: string }>;
  scheduler: LocalScheduler;
  functions: Map<string, LocalFunction>;
  identity: LocalIdentityProvider;
  stats: InvocationStats;
  /** Faults to inject at the AWS API edge: SES throttling, DynamoDB write failures (before or after applying). */
  faults: Faults;
  /** Every SendEmail SES accepted, with when it was asked for (the emulator's mailbox holds the content). */
  sesSends: { messageId: string; at: number; to: string[]; configurationSet?: string }[];
  /**
   * Stops pollers, scheduler, bus deliveries, the HTTP server and every emulator process, in that
   * order, waiting at most `graceMs` (default 10 s) for the work in flight.
   */
  stop(graceMs?: number): Promise<void>;
}

/**
 * `npm start` and the integration tests: the same wiring the CDK app deploys, run on one
 * machine. Handlers get API Gateway, SQS, EventBridge and scheduled events of the same shape,
 * and the same environment variables, with the AWS SDK pointed at the emulators. Each function
 * sees only its own environment and may only make the AWS calls its grants allow
 * (infra/local/sandbox.ts, infra/local/access.ts), as in AWS.
 */
export async function startLocalRuntime(options: LocalRuntimeOptions = {}): Promise<LocalRuntime> {
  const log = options.log ?? ((message: string) => console.log(message));
  const wiring = options.wiring ?? defaultWiring;
  if (options.reset && options.dataDir) rmSync(options.dataDir, { recursive: true, force: true });

  // SDK clients live at module scope (as in a Lambda container) and keep the endpoints they
  // were created with, so a second runtime in the same process reuses the first one's ports.
  // Emulator ports are preferred, not required, unless a runtime of this process already used them.
  const preferred = { ...options.emulatorPorts, ...portsOfThisProcess };
  const required = portsOfThisProcess;
  const bucketName = 'samverkan-local';
  const emulators: Emulator[] = [];
  const stopEmulators = () => Promise.all(emulators.map((e) => e.stop()));
  const started = await Promise.allSettled([
    startDynamoDb(
      preferred.dynamodb ?? 0,
      options.dataDir ? join(options.dataDir, 'dynamodb') : undefined,
      required.dynamodb !== undefined,
    ),
    startSes(
      preferred.ses ?? 0,
      options.dataDir ? join(options.dataDir, 'ses', 'mailbox.jsonl') : undefined,
      required.ses !== undefined,
    ),
    startSqs(preferred.sqs ?? 0, required.sqs !== undefined),
    startS3(
      preferred.s3 ?? 0,
      options.dataDir ? join(options.dataDir, 's3') : undefined,
      bucketName,
      required.s3 !== undefined,
    ),
  ]);
  for (const result of started) if (result.status === 'fulfilled') emulators.push(result.value);
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    await stopEmulators();
    throw failed.reason;
  }
  const [dynamo, ses, sqsEmulator, s3Emulator] = emulators as [Emulator, Emulator, Emulator, Emulator];
  const portOf = (emulator: Emulator) => Number(new URL(emulator.endpoint).port);

  const server = createServer();
  // Idle keep-alive sockets are closed by the client (fetch drops them after a few seconds), never
  // by this server first: a server closing an idle socket just as a client reuses it resets that
  // request (ECONNRESET). The race opens when the process is busy for about the client's idle
  // time, e.g. a test synthesizing the CDK app in the same process right after a request.
  server.keepAliveTimeout = 65_000;
  server.headersTimeout = 66_000;
  const listen = (port: number) =>
    new Promise<void>((resolve, reject) => {
      const failed = (error: Error) => reject(error);
      server.once('error', failed);
      server.listen(port, '127.0.0.1', () => {
        server.off('error', failed);
        resolve();
      });
    });
  const isTaken = (error: unknown) => (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
  /** A free port (outside the ephemeral range, see `freePort`); another if it went meanwhile. */
  const listenOnSomePort = async () => {
    for (let attempt = 1; ; attempt++) {
      try {
        return await listen(await freePort());
      } catch (error) {
        if (!isTaken(error) || attempt >= 5) throw error;
      }
    }
  };
  try {
    const wanted = options.port ?? portsOfThisProcess.http;
    if (wanted === undefined) await listenOnSomePort();
    else {
      try {
        await listen(wanted);
      } catch (error) {
        // The SDK clients of this process point at the first runtime's port: that one or nothing.
        if (!isTaken(error) || !options.portFallback || portsOfThisProcess.http !== undefined) throw error;
        log(`port ${wanted} is taken: using a free port`);
        await listenOnSomePort();
      }
    }
  } catch (error) {
    await stopEmulators();
    throw error;
  }
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  portsOfThisProcess = {
    http: port,
    dynamodb: portOf(dynamo),
    ses: portOf(ses),
    sqs: portOf(sqsEmulator),
    s3: portOf(s3Emulator),
  };
  const url = `http://localhost:${port}`;
  const tableName = 'samverkan-local';
  faultInjectionOfThisProcess ??= options.faultInjection ?? false;
  const faultInjection = faultInjectionOfThisProcess;
  const faults: Faults = {
    sesThrottleRate: 0,
    dynamoWriteFailureRate: 0,
    dynamoFailAfterApplying: [],
    injected: { sesThrottled: 0, dynamoFailedBefore: 0, dynamoFailedAfter: 0 },
  };
  const sesSends: LocalRuntime['sesSends'] = [];
  const sesOutcome = options.sesOutcome ?? simulatorOutcome;
  const busName = 'samverkan-local';

  const clients = localClients({ dynamodb: dynamo.endpoint, sqs: sqsEmulator.endpoint });
  await ensureTable(clients.dynamodb, tableName);
  const queues = await ensureQueues(
    clients.sqs,
    'samverkan-local',
    wiring,
    options.visibilityTimeoutOverrideSeconds,
  );

  // Each function's environment is derived from its access (infra/wiring/environment.ts), with
  // these local values; a function sees its own and nothing more (infra/local/sandbox.ts).
  const configurationSet = 'samverkan-local';
  const fromAddress = 'no-reply@samverkan.example';
  const secret = linkSecret(options.dataDir);
  const localQueue = (name: string) => {
    const queue = queues.get(name);
    if (!queue) throw new Error(`No local queue ${name}`);
    return queue;
  };
  const values: EnvironmentValues = {
    publicBaseUrl: () => url,
    authIssuer: () => `${url}/local-idp`,
    authClientId: () => LOCAL_CLIENT_ID,
    authDomain: () => `${url}/local-idp`,
    table: () => tableName,
    bus: () => busName,
    bucket: () => bucketName,
    configurationSet: () => configurationSet,
    fromAddress: () => fromAddress,
    sendRate: () => String(options.sesSendRate ?? 14),
    unsubscribeMailbox: () => 'unsubscribe@samverkan.example',
    linkSecret: () => secret,
    queueUrl: (name) => localQueue(name).url,
    deadLetterQueueUrl: (name) => localQueue(name).dlqUrl,
  };
  // The runtime's own environment: what every Lambda process has (region, credentials, the SDK
  // pointed at the emulators, log settings), plus every value above, for the code that runs
  // outside the functions (tests and benches that call a handler or sign a link directly).
  const queueNames = [...queues.keys()];
  const everyAccess: Required<AccessSpec> = {
    table: 'readwrite',
    tableIndexes: TABLE_INDEXES,
    tableBatchWrite: true,
    staffIdentity: 'sign-in',
    publicBaseUrl: true,
    publish: true,
    sendEmail: true,
    bulkSending: true,
    mailFromAddress: true,
    linkSecret: true,
    sendToQueues: queueNames,
    redriveQueues: queueNames,
    bucket: 'readwrite',
    auditWriter: true,
  };
  const everyValue = functionEnvironment(
    { name: 'local', entry: '', description: '', access: everyAccess },
    values,
  );
  delete everyValue[ENV.serviceName];
  const env: Record<string, string> = {
    AWS_REGION: 'eu-north-1',
    AWS_ACCESS_KEY_ID: 'local',
    AWS_SECRET_ACCESS_KEY: 'local',
    AWS_ENDPOINT_URL_DYNAMODB: faultInjection ? `${url}/_aws/dynamodb` : dynamo.endpoint,
    // SES goes through the runtime, which emits the events SES would (and can inject throttling).
    AWS_ENDPOINT_URL_SESV2: `${url}/_aws/ses`,
    AWS_ENDPOINT_URL_SQS: sqsEmulator.endpoint,
    AWS_ENDPOINT_URL_S3: s3Emulator.endpoint,
    AWS_ENDPOINT_URL_EVENTBRIDGE: `${url}/_aws/events`,
    ...everyValue,
    POWERTOOLS_LOG_LEVEL: options.logLevel ?? process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
    POWERTOOLS_METRICS_DISABLED: 'true',
  };
  Object.assign(process.env, env);
  isolateEnvironment();
  // IAM, locally: the handlers' clients refuse what a function's grants do not allow (access.ts).
  // Imported here, after the environment is set, as a handler's first import would be.
  const handlerClients = await import('../../shared/platform/aws/clients.js');
  enforceGrants([
    handlerClients.dynamoDb,
    handlerClients.eventBridge,
    handlerClients.sesv2,
    handlerClients.sqs,
    (await import('../../shared/platform/aws/s3.js')).s3,
  ]);
  // Reads coalesced into one BatchGetItem stay within one function, as in Lambda.
  (await import('../../shared/platform/table/get-item.js')).separateBatchesBy(currentSandbox);
  const resources: LocalResources = {
    region: env.AWS_REGION as string,
    account: '000000000000',
    tableName,
    tableIndexes: TABLE_INDEXES,
    busName,
    configurationSet,
    fromAddress,
    queues,
    bucketName,
  };

  const identity = await LocalIdentityProvider.create(
    `${url}/local-idp`,
    demoStaff,
    options.dataDir ? join(options.dataDir, 'idp-signing-key.json') : undefined,
    // The allowed sign-out URLs: what auth-session's sign-out sends as `logout_uri` (the public base URL's root).
    [`${url}/`],
  );

  const stats: InvocationStats = { invocations: 0, errors: 0 };
  const functions = new Map(
    wiring.map((spec) => {
      // Its names; the runtime's values, except where the derivation gives it its own (its service name).
      const own = Object.entries(functionEnvironment(spec, values)).filter(([k, v]) => process.env[k] !== v);
      const sandbox: FunctionSandbox = {
        spec,
        variables: new Set(environmentNames(spec)),
        environment: Object.fromEntries(own),
        grants: grantsOf(spec),
        denials: denialsOf(spec),
        resources,
        onAccessDenied: (error) => log(`${spec.name}: ${error.message}`),
      };
      const fn = localFunction(sandbox, repoRoot, stats);
      if (spec.tableStream && options.crashBeforeRelaying)
        crashBeforeRelaying(fn, options.crashBeforeRelaying);
      return [spec.name, fn];
    }),
  );
  const queueUrls = new Map([...queues.values()].map((q) => [q.name, q.url]));
  const journalFile = options.dataDir ? join(options.dataDir, 'bus', 'journal.jsonl') : undefined;
  if (journalFile) mkdirSync(dirname(journalFile), { recursive: true });
  const bus = new LocalEventBus(rulesFromWiring(wiring, functions, queueUrls), {
    appBusName: busName,
    sqs: clients.sqs,
    retryDelaysMs: options.eventRetryDelaysMs,
    log,
    journalFile,
  });
  // What was in flight when a runtime on this data folder last stopped, taken from the journal
  // now, before this start writes events of its own (the seed's, the first requests').
  const replayedAtStart = options.dataDir
    ? bus.replayJournal() + bus.putEvents(acceptedBeforeTheStop()).length
    : 0;

  const pollers = new Map<string, QueuePoller>();
  for (const spec of wiring) {
    if (!spec.queue) continue;
    const queue = queues.get(spec.queue.name);
    const fn = functions.get(spec.name);
    if (!queue || !fn) continue;
    const poller = new QueuePoller(clients.sqs, queue.url, spec.queue, fn, { log });
    pollers.set(spec.queue.name, poller);
    poller.start();
  }

  // The table's stream → the functions that read it (the outbox relay), as Lambda's mapping does.
  const streamPollers = new Map<string, StreamPoller>();
  for (const spec of wiring) {
    const fn = functions.get(spec.name);
    if (!spec.tableStream || !fn) continue;
    const poller = new StreamPoller(clients.dynamodb, clients.streams, tableName, spec.tableStream, fn, {
      checkpointFile: options.dataDir ? join(options.dataDir, 'streams', `${spec.name}.json`) : undefined,
      log,
    });
    streamPollers.set(spec.name, poller);
    poller.start();
  }

  const scheduler = new LocalScheduler(
    wiring.flatMap((spec) =>
      (spec.schedules ?? []).map((s) => ({ spec: s, fn: functions.get(spec.name) as LocalFunction })),
    ),
    { intervalOverrideMs: options.scheduleIntervalMs, log },
  );
  scheduler.start();

  const routes = wiring.flatMap((spec) =>
    (spec.routes ?? []).map((route) => ({
      compiled: compileRoute(route),
      fn: functions.get(spec.name) as LocalFunction,
    })),
  );
  const compiled = routes.map((r) => r.compiled);

  async function health() {
    const probe = async (endpoint: string, path = '/') => {
      try {
        const res = await fetch(endpoint + path, { signal: AbortSignal.timeout(1000) });
        return res.status < 500;
      } catch {
        return false;
      }
    };
    const parts = {
      dynamodb: {
        endpoint: dynamo.endpoint,
        ok: dynamo.alive() && (await probe(dynamo.endpoint)),
        persistent: Boolean(options.dataDir),
      },
      ses: {
        endpoint: ses.endpoint,
        ok: ses.alive() && (await probe(ses.endpoint, '/health-check')),
        mailbox: `${ses.endpoint}/`,
      },
      sqs: {
        endpoint: sqsEmulator.endpoint,
        ok: sqsEmulator.alive(),
        queues: Object.fromEntries([...pollers].map(([name, p]) => [name, p.stats])),
      },
      s3: { endpoint: s3Emulator.endpoint, ok: s3Emulator.alive() },
      eventBus: {
        ok: true,
        rules: rulesFromWiringCount(),
        published: bus.published.length,
        deadLetters: bus.deadLetters.length,
      },
      scheduler: { ok: true, firings: scheduler.firings.length },
      tableStream: {
        ok: true,
        readers: Object.fromEntries([...streamPollers].map(([name, p]) => [name, p.stats])),
      },
      functions: { ok: true, count: functions.size, ...stats },
    };
    const ok = Object.values(parts).every((p) => p.ok);
    return { status: ok ? 'ok' : 'degraded', parts };
  }
  const rulesFromWiringCount = () =>
    wiring.reduce((n, f) => n + (f.subscriptions?.length ?? 0) + (f.queue?.subscriptions?.length ?? 0), 0);

  // A stop refuses new requests from outside (the AWS API edge under /_aws/ stays open for the
  // work in flight), and waits for the requests in flight.
  let stopping = false;
  const requestsInFlight = new Set<Promise<void>>();
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    if (stopping && !(request.url ?? '').startsWith('/_aws/')) {
      response.writeHead(503, {
        ...baseSecurityHeaders,
        'content-type': 'application/json',
        connection: 'close',
      });
      response.end('{"message":"Service Unavailable: stopping"}');
      return;
    }
    const handled = handleRequest(request, response).catch((error) => {
      log(`request failed: ${(error as Error).stack ?? error}`);
      if (!response.headersSent)
        response.writeHead(500, { ...baseSecurityHeaders, 'content-type': 'application/json' });
      response.end('{"message":"Internal Server Error"}');
    });
    const tracked = handled.finally(() => requestsInFlight.delete(tracked));
    requestsInFlight.add(tracked);
  });

  async function readBody(request: IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  const sendJson = (
    response: ServerResponse,
    status: number,
    body: unknown,
    headers: Record<string, string> = {},
  ) => {
    // The runtime's own answers (no route, the authorizer's 401, …) carry the handlers' security headers too.
    response.writeHead(status, { ...baseSecurityHeaders, 'content-type': 'application/json', ...headers });
    response.end(JSON.stringify(body));
  };

  async function handleRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const method = request.method ?? 'GET';
    const path = new URL(request.url ?? '/', url).pathname;
    const body = await readBody(request);

    if (path === '/health' && method === 'GET') {
      const state = await health();
      return sendJson(response, state.status === 'ok' ? 200 : 503, state);
    }
    if ((path === '/_aws/events' || path === '/_aws/events/') && method === 'POST') {
      // EventBridge's JSON 1.1 protocol, PutEvents only: what the publisher uses.
      if (request.headers['x-amz-target'] !== 'AWSEvents.PutEvents') {
        return sendJson(
          response,
          400,
          { __type: 'UnknownOperationException' },
          { 'content-type': 'application/x-amz-json-1.1' },
        );
      }
      const input = JSON.parse(body.toString('utf8') || '{}') as { Entries?: PutEntry[] };
      const entries = bus.putEvents(input.Entries ?? []);
      const failed = entries.filter((e) => 'ErrorCode' in e).length;
      return sendJson(
        response,
        200,
        { FailedEntryCount: failed, Entries: entries },
        { 'content-type': 'application/x-amz-json-1.1' },
      );
    }
    if (path.startsWith('/local-idp/')) return handleIdentityProvider(request, response, path, body);
    if (path.startsWith('/_aws/ses/'))
      return proxySes(request, response, path.slice('/_aws/ses'.length), body);
    if (path === '/_aws/dynamodb' || path === '/_aws/dynamodb/')
      return proxyDynamoDb(request, response, body);

    // API Gateway refuses a path with a malformed %-escape (400) before routing or authorizing it.
    try {
      decodeURIComponent(path);
    } catch {
      return sendJson(response, 400, { message: 'Bad Request' });
    }
    const match = matchRoute(compiled, method, path);
    if (!match) return sendJson(response, 404, { message: 'Not Found' });
    const target = routes.find((r) => r.compiled === match.compiled);
    let authorizer: { jwt: { claims: Record<string, string>; scopes: null } } | undefined;
    if (match.compiled.route.auth === 'staff') {
      // What the HTTP API's JWT authorizer does: no valid bearer token, no invocation.
      const header = request.headers.authorization ?? '';
      const token = /^Bearer (.+)$/i.exec(header)?.[1];
      const claims = token ? await identity.verify(token) : undefined;
      if (!claims)
        return sendJson(response, 401, { message: 'Unauthorized' }, { 'www-authenticate': 'Bearer' });
      authorizer = {
        jwt: {
          claims: Object.fromEntries(
            Object.entries(claims).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)]),
          ),
          scopes: null,
        },
      };
    }
    const event = toApiGatewayEvent(request, body, match.compiled, match.pathParameters, authorizer);
    let result: unknown;
    try {
      result = await target?.fn.invoke(event);
    } catch (error) {
      log(`${target?.fn.spec.name} failed: ${(error as Error).stack ?? error}`);
      return sendJson(response, 500, { message: 'Internal Server Error' });
    }
    const out = fromLambdaResult(result);
    response.writeHead(out.status, out.headers);
    response.end(out.body);
  }

  /** Forwards a request to an emulator as it came, and hands back its answer. */
  async function forward(request: IncomingMessage, target: string, body: Buffer) {
    const headers: Record<string, string> = {};
    for (const [key, value] of Object.entries(request.headers)) {
      if (
        value !== undefined &&
        !['host', 'connection', 'content-length', 'transfer-encoding'].includes(key)
      ) {
        headers[key] = Array.isArray(value) ? value.join(',') : value;
      }
    }
    const method = request.method ?? 'GET';
    const res = await fetch(target, {
      method,
      headers,
      body: method === 'GET' || method === 'HEAD' ? undefined : new Uint8Array(body),
    });
    const out = Buffer.from(await res.arrayBuffer());
    const outHeaders: Record<string, string> = {};
    res.headers.forEach((value, key) => {
      if (!['content-length', 'transfer-encoding', 'connection', 'content-encoding'].includes(key))
        outHeaders[key] = value;
    });
    return { status: res.status, headers: outHeaders, body: out };
  }

  async function proxySes(
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
    body: Buffer,
  ): Promise<void> {
    const isSend = request.method === 'POST' && path === '/v2/email/outbound-emails';
    if (isSend && Math.random() < faults.sesThrottleRate) {
      faults.injected.sesThrottled += 1;
      response.writeHead(429, {
        'content-type': 'application/json',
        'x-amzn-errortype': 'TooManyRequestsException',
      });
      response.end(JSON.stringify({ message: 'Maximum sending rate exceeded.' }));
      return;
    }
    // When the sender asked: what SES's rate limit counts (the answer's time jitters with load).
    const requestedAt = Date.now();
    const answer = await forward(
      request,
      ses.endpoint + path + (new URL(request.url ?? '/', url).search || ''),
      isSend && options.dataDir ? withAcceptedRecord(body) : body,
    );
    if (isSend && answer.status === 200) {
      const input = JSON.parse(body.toString('utf8')) as Parameters<typeof sesEventsFor>[0];
      const messageId = (JSON.parse(answer.body.toString('utf8')) as { MessageId: string }).MessageId;
      sesSends.push({
        messageId,
        at: requestedAt,
        to: (input.Destination?.ToAddresses ?? []).map(bareAddress),
        configurationSet: input.ConfigurationSetName,
      });
      // SES's events for this mail (Send, then Delivery or Bounce…) are on the bus, in order, and
      // in its journal before the sender hears back, as SES's event destination holds them: a
      // sender killed before recording the send is still overtaken by the Send event (the mail
      // is not sent again), and a restart delivers what the queues lost.
      bus.putEvents(sesEventsFor(input, messageId, sesOutcome));
      if (options.crashAfterSends !== undefined && sesSends.length >= options.crashAfterSends) crashNow();
    }
    response.writeHead(answer.status, answer.headers);
    response.end(answer.body);
  }

  const DYNAMO_WRITES = /\.(PutItem|UpdateItem|DeleteItem|BatchWriteItem|TransactWriteItems)$/;

  async function proxyDynamoDb(
    request: IncomingMessage,
    response: ServerResponse,
    body: Buffer,
  ): Promise<void> {
    const target = String(request.headers['x-amz-target'] ?? '');
    const isWrite = DYNAMO_WRITES.test(target);
    const text = isWrite && faults.dynamoFailAfterApplying.length > 0 ? body.toString('utf8') : '';
    const planned = faults.dynamoFailAfterApplying.findIndex((needle) => text.includes(needle));
    if (planned !== -1) {
      faults.dynamoFailAfterApplying.splice(planned, 1);
      await forward(request, dynamo.endpoint, body);
      faults.injected.dynamoFailedAfter += 1;
      response.writeHead(500, { 'content-type': 'application/x-amz-json-1.0' });
      response.end(
        JSON.stringify({
          __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError',
          message: 'Injected fault',
        }),
      );
      return;
    }
    const fail = isWrite && Math.random() < faults.dynamoWriteFailureRate;
    const failure = () => {
      response.writeHead(500, { 'content-type': 'application/x-amz-json-1.0' });
      response.end(
        JSON.stringify({
          __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError',
          message: 'Injected fault',
        }),
      );
    };
    // Half of the failures happen after DynamoDB applied the write: the caller cannot tell.
    if (fail && Math.random() < 0.5) {
      faults.injected.dynamoFailedBefore += 1;
      return failure();
    }
    const answer = await forward(request, dynamo.endpoint, body);
    if (fail) {
      faults.injected.dynamoFailedAfter += 1;
      return failure();
    }
    response.writeHead(answer.status, answer.headers);
    response.end(answer.body);
  }

  async function handleIdentityProvider(
    request: IncomingMessage,
    response: ServerResponse,
    path: string,
    body: Buffer,
  ): Promise<void> {
    const method = request.method ?? 'GET';
    const query = new URL(request.url ?? '/', url).searchParams;
    if (path === '/local-idp/.well-known/jwks.json') return sendJson(response, 200, identity.jwks);
    if (path === '/local-idp/oauth2/authorize' && method === 'GET') {
      const page = identity.authorizePage(query);
      response.writeHead(page.status, {
        ...baseSecurityHeaders,
        'content-type': 'text/html; charset=utf-8',
        'content-security-policy':
          "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http://localhost:*",
      });
      response.end(page.html);
      return;
    }
    if (path === '/local-idp/oauth2/authorize' && method === 'POST') {
      const result = identity.authorize(new URLSearchParams(body.toString('utf8')));
      if (!result.location) return sendJson(response, 400, { error: 'invalid_request' });
      response.writeHead(302, { ...baseSecurityHeaders, location: result.location });
      response.end();
      return;
    }
    if (path === '/local-idp/oauth2/token' && method === 'POST') {
      const result = await identity.token(new URLSearchParams(body.toString('utf8')));
      return sendJson(response, result.status, result.body);
    }
    if (path === '/local-idp/logout') {
      // Only to an allowed sign-out URL, as Cognito does: never an open redirect.
      const result = identity.logout(query);
      if (!result.location) return sendJson(response, result.status, { error: 'invalid_request' });
      response.writeHead(302, { ...baseSecurityHeaders, location: result.location });
      response.end();
      return;
    }
    return sendJson(response, 404, { message: 'Not Found' });
  }

  /**
   * On a data folder used before, what was in flight when the runtime stopped is put back in
   * motion: the bus journal's last minutes were delivered again at start (the queues lived in
   * the emulator's memory); now the mail reconciler runs once with nothing counted as in flight.
   * In AWS the queues are durable and the reconciler runs on its schedule only.
   */
  async function recoverAfterRestart(): Promise<void> {
    if (replayedAtStart > 0)
      log(`delivered again after the restart: ${replayedAtStart} events of the last minutes`);
    await functions.get('mail-reconciler')?.invoke({ stalledAfterSeconds: 0 });
  }

  /**
   * A send request with what SES's event destination needs to know of it (recipients, tags,
   * configuration set) in a header the SES emulator takes off and keeps in `ses/accepted.jsonl`
   * when it accepts the mail (see ses-server.cjs).
   */
  function withAcceptedRecord(body: Buffer): Buffer {
    const input = JSON.parse(body.toString('utf8')) as SendRequest & {
      Content?: { Simple?: { Headers?: { Name: string; Value: string }[] } };
    };
    const simple = input.Content?.Simple;
    if (!simple) return body;
    const record: SendRequest = {
      FromEmailAddress: input.FromEmailAddress,
      Destination: { ToAddresses: input.Destination?.ToAddresses ?? [] },
      ConfigurationSetName: input.ConfigurationSetName,
      EmailTags: input.EmailTags,
      Content: { Simple: { Subject: { Data: input.Content?.Simple?.Subject?.Data ?? '' } } },
    };
    simple.Headers = [...(simple.Headers ?? []), { Name: SES_TAGS_HEADER, Value: JSON.stringify(record) }];
    return Buffer.from(JSON.stringify(input));
  }

  /**
   * After a crash: the events of mails the SES emulator accepted in the last minutes before the
   * stop, as SES would still report them (the runtime may have died before it heard the answer).
   */
  function acceptedBeforeTheStop(): PutEntry[] {
    const file = options.dataDir ? join(options.dataDir, 'ses', 'accepted.jsonl') : undefined;
    if (!file || !existsSync(file)) return [];
    const records: { messageId: string; at: number; request: SendRequest }[] = [];
    for (const line of readFileSync(file, 'utf8').split('\n')) {
      try {
        if (line.trim()) records.push(JSON.parse(line));
      } catch {
        // a line cut short by the crash
      }
    }
    const last = Math.max(0, ...records.map((r) => r.at));
    const recent = records.filter((r) => r.at >= last - RECENT_MS);
    writeFileSync(file, recent.map((r) => `${JSON.stringify(r)}\n`).join(''));
    return recent.flatMap((r) => sesEventsFor(r.request, r.messageId, sesOutcome));
  }

  /** Wraps a stream reader so that the process dies when a record of `detailType` reaches it. */
  function crashBeforeRelaying(fn: LocalFunction, detailType: string): void {
    const invoke = fn.invoke;
    fn.invoke = (event) => {
      const records = (event as { Records?: { dynamodb?: { NewImage?: { detailType?: { S?: string } } } }[] })
        .Records;
      if (records?.some((r) => r.dynamodb?.NewImage?.detailType?.S === detailType)) crashNow();
      return invoke(event);
    };
  }

  /** SIGKILL of the whole process group (this process leads it under `npm start`), or of this process. */
  function crashNow(): never {
    try {
      process.kill(-process.pid, 'SIGKILL');
    } catch {
      // not a group leader
    }
    process.kill(process.pid, 'SIGKILL');
    throw new Error('unreachable');
  }

  let stopped: Promise<void> | undefined;
  const runtime: LocalRuntime = {
    url,
    mailboxUrl: `${ses.endpoint}/`,
    endpoints: {
      dynamodb: dynamo.endpoint,
      ses: ses.endpoint,
      sqs: sqsEmulator.endpoint,
      events: `${url}/_aws/events`,
      s3: s3Emulator.endpoint,
    },
    tableName,
    bus,
    pollers,
    streamPollers,
    queues,
    scheduler,
    functions,
    identity,
    stats,
    faults,
    sesSends,
    /**
     * In order, so no work in flight fails against a stopped emulator: refuse new HTTP requests,
     * stop the scheduler and the pollers, let the invocations in flight finish, drain the bus,
     * then close the HTTP server and stop the emulators. The waiting is bounded (`graceMs`).
     */
    async stop(graceMs = 10_000) {
      if (stopped) return stopped;
      stopping = true;
      stopped = (async () => {
        const deadline = Date.now() + graceMs;
        const within = async (what: string, work: Promise<unknown>) => {
          let timer: NodeJS.Timeout | undefined;
          const late = new Promise<boolean>((r) => {
            timer = setTimeout(() => r(true), Math.max(0, deadline - Date.now()));
          });
          const timedOut = await Promise.race([work.then(() => false), late]);
          clearTimeout(timer);
          if (timedOut) log(`stop: gave up waiting for ${what} after ${graceMs} ms`);
        };
        // Writers first: what handlers still write reaches the stream, and the relay takes it to the bus.
        await within(
          'the invocations in flight',
          Promise.all([
            scheduler.stop(),
            ...[...pollers.values()].map((p) => p.stop()),
            Promise.allSettled([...requestsInFlight]),
          ]),
        );
        await within(
          'the table stream readers',
          Promise.all([...streamPollers.values()].map((p) => p.stop())),
        );
        await within('the event bus', bus.drain());
        const closed = new Promise<void>((r) => server.close(() => r()));
        server.closeAllConnections();
        await closed;
        await stopEmulators();
      })();
      return stopped;
    },
  };

  if (options.seed) await seedDemoData(runtime, log);
  if (options.dataDir) await recoverAfterRestart();
  return runtime;
}
