import type { AccessSpec, FunctionSpec } from './types.js';

/**
 * What a function's execution role may do, derived from its wiring: the IAM statements the CDK
 * app gives it (infra/aws), as data. The local runtime refuses a handler's AWS call that these do
 * not allow, as IAM would (infra/local/access.ts); tests/infra/grants.test.ts checks that the
 * synthesized roles hold exactly these, so the two cannot drift apart.
 *
 * Resources are named by what they are, not by ARN: each runtime knows its own names for them.
 * Not listed: CloudWatch Logs (the function's log group) and X-Ray, which Lambda itself uses.
 */
export type GrantResource =
  | { kind: 'table' }
  | { kind: 'tableIndex'; index: string }
  | { kind: 'tableStream' }
  | { kind: 'bus' }
  | { kind: 'bucket' }
  | { kind: 'bucketObjects' }
  /** The SES identity mail is sent from (the mail domain, or the from address / its domain). */
  | { kind: 'mailIdentity' }
  | { kind: 'configurationSet' }
  /** An owned queue, by its logical name. */
  | { kind: 'queue'; queue: string }
  /** The redrive DLQ of an owned queue. */
  | { kind: 'queueDeadLetterQueue'; queue: string }
  /** The function's own DLQ for failed asynchronous invocations (Lambda writes to it). */
  | { kind: 'eventsDeadLetterQueue' }
  /** Where Lambda's table-stream mapping of the function sends batches it gave up on. */
  | { kind: 'tableStreamDeadLetterQueue' }
  /** `Resource: "*"`. */
  | { kind: 'any' };

export interface Grant {
  readonly actions: readonly string[];
  readonly resource: GrantResource;
}

/** The table's global secondary indexes (stateful-stack.ts GSI1, GSI2), which `access.tableIndexes` may name. */
export const TABLE_INDEXES: readonly string[] = ['gsi1', 'gsi2'];
/** No Scan, on the table or its indexes: nothing reads a whole table or index. */
export const TABLE_READ_ACTIONS = [
  'dynamodb:GetItem',
  'dynamodb:BatchGetItem',
  'dynamodb:Query',
  'dynamodb:ConditionCheckItem',
] as const;
export const TABLE_WRITE_ACTIONS = [
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
] as const;
/** `access.tableBatchWrite`. */
export const TABLE_BATCH_WRITE_ACTIONS = ['dynamodb:BatchWriteItem'] as const;
/** On each index of `access.tableIndexes`. */
export const TABLE_INDEX_ACTIONS = ['dynamodb:Query'] as const;
/** CDK's `grantStreamRead` (DynamoEventSource): ListStreams on `*`, the rest on the stream. */
export const TABLE_STREAM_READ_ACTIONS = [
  'dynamodb:DescribeStream',
  'dynamodb:GetRecords',
  'dynamodb:GetShardIterator',
] as const;
export const TABLE_LIST_STREAMS_ACTIONS = ['dynamodb:ListStreams'] as const;
export const PUT_EVENTS_ACTIONS = ['events:PutEvents'] as const;
export const SEND_EMAIL_ACTIONS = ['ses:SendEmail', 'ses:SendRawEmail'] as const;
export const BUCKET_READ_ACTIONS = ['s3:GetObject'] as const;
export const BUCKET_WRITE_ACTIONS = [
  's3:GetObject',
  's3:PutObject',
  's3:DeleteObject',
  's3:AbortMultipartUpload',
] as const;
export const BUCKET_LIST_ACTIONS = ['s3:ListBucket'] as const;
/** CDK's `queue.grantSendMessages`. */
export const QUEUE_SEND_ACTIONS = ['sqs:SendMessage', 'sqs:GetQueueAttributes', 'sqs:GetQueueUrl'] as const;
/** CDK's `queue.grantConsumeMessages` (what SqsEventSource grants the consumer). */
export const QUEUE_CONSUME_ACTIONS = [
  'sqs:ReceiveMessage',
  'sqs:ChangeMessageVisibility',
  'sqs:GetQueueUrl',
  'sqs:DeleteMessage',
  'sqs:GetQueueAttributes',
] as const;
/** Lambda's own dead-letter queue for asynchronous invocations (`deadLetterQueue`). */
export const ASYNC_DLQ_ACTIONS = ['sqs:SendMessage'] as const;
/** Moving a DLQ's messages back: receive/delete on the DLQ, send on the queue, nothing more. */
export const REDRIVE_DLQ_ACTIONS = [
  'sqs:ReceiveMessage',
  'sqs:DeleteMessage',
  'sqs:GetQueueAttributes',
] as const;
export const REDRIVE_QUEUE_ACTIONS = ['sqs:SendMessage'] as const;

/**
 * The grants each kind of access brings. Every key of AccessSpec must have its entry (the type
 * says so), so a new kind of access is one line here and one in infra/wiring/environment.ts.
 */
const BY_ACCESS: { [K in keyof AccessSpec]-?: (value: NonNullable<AccessSpec[K]>) => Grant[] } = {
  table: (mode) => [
    {
      actions: mode === 'read' ? TABLE_READ_ACTIONS : [...TABLE_READ_ACTIONS, ...TABLE_WRITE_ACTIONS],
      resource: { kind: 'table' },
    },
  ],
  tableIndexes: (indexes) =>
    indexes.map((index) => ({ actions: TABLE_INDEX_ACTIONS, resource: { kind: 'tableIndex', index } })),
  tableBatchWrite: (on) => (on ? [{ actions: TABLE_BATCH_WRITE_ACTIONS, resource: { kind: 'table' } }] : []),
  // Allows nothing more: it spares the function the Deny of `denialsOf`.
  auditWriter: () => [],
  // Identity settings, the public base URL and the send rate are configuration, not permissions.
  staffIdentity: () => [],
  publicBaseUrl: () => [],
  bulkSending: () => [],
  publish: (on) => (on ? [{ actions: PUT_EVENTS_ACTIONS, resource: { kind: 'bus' } }] : []),
  sendEmail: (on) =>
    on
      ? [
          { actions: SEND_EMAIL_ACTIONS, resource: { kind: 'mailIdentity' } },
          { actions: SEND_EMAIL_ACTIONS, resource: { kind: 'configurationSet' } },
        ]
      : [],
  mailFromAddress: () => [],
  bucket: (mode) => [
    {
      actions: mode === 'read' ? BUCKET_READ_ACTIONS : BUCKET_WRITE_ACTIONS,
      resource: { kind: 'bucketObjects' },
    },
    { actions: BUCKET_LIST_ACTIONS, resource: { kind: 'bucket' } },
  ],
  sendToQueues: (queues) =>
    queues.map((queue) => ({ actions: QUEUE_SEND_ACTIONS, resource: { kind: 'queue', queue } })),
  redriveQueues: (queues) =>
    queues.flatMap((queue): Grant[] => [
      { actions: REDRIVE_DLQ_ACTIONS, resource: { kind: 'queueDeadLetterQueue', queue } },
      { actions: REDRIVE_QUEUE_ACTIONS, resource: { kind: 'queue', queue } },
    ]),
  linkSecret: () => [],
};

/** What the triggers' event sources and dead-letter queues add to the role (CDK grants them). */
function triggerGrants(spec: FunctionSpec): Grant[] {
  const grants: Grant[] = [];
  if (spec.queue) {
    grants.push({ actions: QUEUE_CONSUME_ACTIONS, resource: { kind: 'queue', queue: spec.queue.name } });
  }
  if ((spec.subscriptions?.length ?? 0) > 0 || (spec.schedules?.length ?? 0) > 0) {
    grants.push({ actions: ASYNC_DLQ_ACTIONS, resource: { kind: 'eventsDeadLetterQueue' } });
  }
  if (spec.tableStream) {
    grants.push(
      { actions: TABLE_LIST_STREAMS_ACTIONS, resource: { kind: 'any' } },
      { actions: TABLE_STREAM_READ_ACTIONS, resource: { kind: 'tableStream' } },
      { actions: QUEUE_SEND_ACTIONS, resource: { kind: 'tableStreamDeadLetterQueue' } },
    );
  }
  return grants;
}

/** Everything the function's role is allowed, as the CDK app grants it. */
export function grantsOf(spec: FunctionSpec): Grant[] {
  const grants: Grant[] = [];
  for (const kind of Object.keys(spec.access) as (keyof AccessSpec)[]) {
    const value = spec.access[kind];
    if (value === undefined) continue;
    const derive = BY_ACCESS[kind] as ((value: unknown) => Grant[]) | undefined;
    if (!derive) throw new Error(`${spec.name}: unknown access kind '${kind}'`);
    grants.push(...derive(value));
  }
  return [...grants, ...triggerGrants(spec)];
}

export function sameResource(a: GrantResource, b: GrantResource): boolean {
  return JSON.stringify(a, Object.keys(a).sort()) === JSON.stringify(b, Object.keys(b).sort());
}

/** Whether `grants` allow `action` on `resource` (a grant on `*` allows it anywhere). */
export function allows(grants: readonly Grant[], action: string, resource: GrantResource): boolean {
  return grants.some(
    (grant) =>
      grant.actions.includes(action) &&
      (grant.resource.kind === 'any' || sameResource(grant.resource, resource)),
  );
}

/**
 * An explicit Deny: `actions` on `resource` for items whose partition key matches one of
 * `leadingKeys` (IAM's `ForAnyValue:StringLike` on `dynamodb:LeadingKeys`: `*` is any text). A
 * Deny wins over every Allow.
 */
export interface Denial {
  readonly actions: readonly string[];
  readonly resource: GrantResource;
  readonly leadingKeys: readonly string[];
}

/** The audit log's partition keys (`T#<tenant>#AUDIT`, and any sharded `…#AUDIT#<n>` later). */
export const AUDIT_LEADING_KEYS = ['T#*#AUDIT', 'T#*#AUDIT#*'] as const;
/** Every item write, batched or not (a transaction's items are authorized as these). */
export const AUDIT_DENIED_ACTIONS = [...TABLE_WRITE_ACTIONS, ...TABLE_BATCH_WRITE_ACTIONS] as const;

/**
 * What the function's role is explicitly denied: a function that may write the table and is not
 * an audit writer (`access.auditWriter`) may not write audit entries. Structural: a handler that
 * tried would fail with AccessDenied, in AWS and locally alike.
 */
export function denialsOf(spec: FunctionSpec): Denial[] {
  const { table, tableBatchWrite, auditWriter } = spec.access;
  if ((table !== 'readwrite' && !tableBatchWrite) || auditWriter) return [];
  return [{ actions: AUDIT_DENIED_ACTIONS, resource: { kind: 'table' }, leadingKeys: AUDIT_LEADING_KEYS }];
}

/** IAM's StringLike: `*` any run of characters, `?` one; nothing else is special. */
const likePattern = (pattern: string) =>
  new RegExp(
    `^${pattern
      .split('')
      .map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('')}$`,
    's',
  );

/** Whether `denials` refuse `action` on `resource` for an item with one of `leadingKeys`. */
export function denies(
  denials: readonly Denial[],
  action: string,
  resource: GrantResource,
  leadingKeys: readonly string[],
): boolean {
  return denials.some(
    (denial) =>
      denial.actions.includes(action) &&
      sameResource(denial.resource, resource) &&
      leadingKeys.some((key) => denial.leadingKeys.some((pattern) => likePattern(pattern).test(key))),
  );
}
