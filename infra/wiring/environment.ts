import { type AccessSpec, ENV, type FunctionSpec } from './types.js';

/**
 * A function's environment, derived from its wiring once, for both runtimes: the CDK app sets it
 * on the Lambda function (infra/aws/stateless-stack.ts), the local runtime gives a function
 * exactly this and nothing more (infra/local/isolation.ts). Names come from here; the values are
 * each runtime's own (CloudFormation tokens in AWS, emulator URLs and local names on one machine).
 */
export interface EnvironmentValues {
  publicBaseUrl(): string;
  authIssuer(): string;
  authClientId(): string;
  authDomain(): string;
  table(): string;
  bus(): string;
  bucket(): string;
  configurationSet(): string;
  fromAddress(): string;
  /** SES's maximum send rate, mails per second, as text. */
  sendRate(): string;
  unsubscribeMailbox(): string;
  linkSecret(): string;
  queueUrl(queueName: string): string;
  deadLetterQueueUrl(queueName: string): string;
}

/** One variable: its name, and how a runtime's values give it its value (only asked when used). */
export type Variable = readonly [name: string, value: (values: EnvironmentValues) => string];

const queueUrl = (queue: string): Variable => [ENV.queueUrl(queue), (v) => v.queueUrl(queue)];
const fromAddress: Variable = [ENV.fromAddress, (v) => v.fromAddress()];
const authIssuer: Variable = [ENV.authIssuer, (v) => v.authIssuer()];
const authClientId: Variable = [ENV.authClientId, (v) => v.authClientId()];

/**
 * The variables each kind of access brings, and nothing else: a function gets only what its code
 * reads (tests/infra/function-environment.test.ts checks both ways against the bundles). Every
 * key of AccessSpec must have its entry (the type says so), so a new kind of access is one line
 * here and one in infra/wiring/grants.ts.
 */
const BY_ACCESS: { [K in keyof AccessSpec]-?: (value: NonNullable<AccessSpec[K]>) => Variable[] } = {
  table: () => [[ENV.table, (v) => v.table()]],
  tableIndexes: () => [],
  tableBatchWrite: () => [],
  auditWriter: () => [],
  // The issuer and client the session cookie's id token is checked against; sign-in also
  // redirects to the identity provider's hosted UI.
  staffIdentity: (mode) => [
    authIssuer,
    authClientId,
    ...(mode === 'sign-in' ? [[ENV.authDomain, (v) => v.authDomain()] as Variable] : []),
  ],
  publicBaseUrl: (on) => (on ? [[ENV.publicBaseUrl, (v) => v.publicBaseUrl()]] : []),
  publish: (on) => (on ? [[ENV.bus, (v) => v.bus()]] : []),
  sendEmail: (on) => (on ? [[ENV.configurationSet, (v) => v.configurationSet()], fromAddress] : []),
  bulkSending: (on) =>
    on
      ? [
          // The sender paces itself by it; List-Unsubscribe's `mailto:` goes to the mailbox.
          [ENV.sendRate, (v) => v.sendRate()],
          [ENV.unsubscribeMailbox, (v) => v.unsubscribeMailbox()],
        ]
      : [],
  mailFromAddress: (on) => (on ? [fromAddress] : []),
  bucket: () => [[ENV.bucket, (v) => v.bucket()]],
  sendToQueues: (queues) => queues.map(queueUrl),
  redriveQueues: (queues) =>
    queues.flatMap((queue): Variable[] => [
      queueUrl(queue),
      [ENV.deadLetterQueueUrl(queue), (v) => v.deadLetterQueueUrl(queue)],
    ]),
  linkSecret: (on) => (on ? [[ENV.linkSecret, (v) => v.linkSecret()]] : []),
};

/** The variables of one function, each name once, in a stable order. */
export function environmentVariables(spec: FunctionSpec): Variable[] {
  const variables = new Map<string, Variable>();
  const add = (variable: Variable) => variables.set(variable[0], variable);
  // Every function: Powertools names its logs and metrics by it.
  add([ENV.serviceName, () => spec.name]);
  for (const kind of Object.keys(spec.access) as (keyof AccessSpec)[]) {
    const value = spec.access[kind];
    if (value === undefined) continue;
    const derive = BY_ACCESS[kind] as ((value: unknown) => Variable[]) | undefined;
    if (!derive) throw new Error(`${spec.name}: unknown access kind '${kind}'`);
    derive(value).forEach(add);
  }
  return [...variables.values()];
}

/** The names of a function's environment variables. */
export function environmentNames(spec: FunctionSpec): string[] {
  return environmentVariables(spec).map(([name]) => name);
}

/** A function's environment with one runtime's values. */
export function functionEnvironment(spec: FunctionSpec, values: EnvironmentValues): Record<string, string> {
  return Object.fromEntries(environmentVariables(spec).map(([name, value]) => [name, value(values)]));
}
