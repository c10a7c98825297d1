import type { EventContract, EventPatternObject } from '../../shared/platform/bus/contract.js';

/**
 * The wiring: every function, and everything that triggers it, declared once as data.
 * `infra/aws` turns it into CDK constructs; `infra/local` runs it on one machine.
 */

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * - `public`: anyone (RSVP pages, press room, signed links).
 * - `staff`: JSON API; needs `Authorization: Bearer <id token>` (the HTTP API's JWT authorizer
 *   in AWS, the local runtime's equivalent locally). Handlers read `requestContext.authorizer.jwt`.
 * - `console`: staff HTML pages; the browser sends the session cookie, which the page stack
 *   verifies itself (a JWT authorizer cannot read cookies). Unsigned requests get a redirect.
 */
export type RouteAuth = 'public' | 'staff' | 'console';

export interface RouteSpec {
  method: HttpMethod;
  /** API Gateway path syntax: `/api/programmes/{programmeId}`, `/files/{proxy+}`. */
  path: string;
  auth: RouteAuth;
}

export interface SubscriptionSpec {
  event: EventContract;
  /** Optional extra filter on `detail`, merged into the contract's pattern. */
  detail?: EventPatternObject;
}

export interface QueueSpec {
  /** Logical name; the queue URL reaches senders as `QUEUE_URL_<NAME>`. */
  name: string;
  batchSize: number;
  /** Lambda event-source max concurrency (2..1000 in AWS). */
  maxConcurrency: number;
  /** Receives before a message goes to the DLQ. */
  maxReceives: number;
  visibilityTimeoutSeconds: number;
  maxBatchingWindowSeconds?: number;
  /** Events routed into this queue by EventBridge rules (rule → queue → function). */
  subscriptions?: SubscriptionSpec[];
}

/**
 * The table's stream as a trigger (Lambda's DynamoDB event source mapping): records that match
 * `filter` reach the function in batches, in order per item; a failing batch is retried from the
 * first failed record (`batchItemFailures` with the sequence number), then sent to a DLQ.
 */
export interface TableStreamSpec {
  /** Lambda event filtering on the stream record (EventBridge pattern syntax). */
  filter: EventPatternObject;
  batchSize: number;
  maxBatchingWindowSeconds?: number;
  /** Retries of a failing batch before its records go to the DLQ. */
  retryAttempts: number;
}

export interface ScheduleSpec {
  name: string;
  /** EventBridge schedule expression: `rate(1 minute)`, `cron(0 6 * * ? *)`. */
  expression: string;
}

export interface AccessSpec {
  /**
   * The table: `read` is GetItem, BatchGetItem, Query (on the table, not its indexes) and
   * ConditionCheckItem; `readwrite` adds PutItem, UpdateItem and DeleteItem. No Scan: nothing
   * reads the whole table.
   */
  table?: 'read' | 'readwrite';
  /**
   * Global secondary indexes it queries (dynamodb:Query on each). Samverkan's indexes span every
   * tenant (gsi1: the pending one-time schedules and the campaigns being sent, of all of them), so only what must look across
   * tenants has one. Needs `table`.
   */
  tableIndexes?: readonly string[];
  /** Writes with BatchWriteItem (large imports), besides the single-item writes. Needs `table: 'readwrite'`. */
  tableBatchWrite?: boolean;
  /**
   * Verifies staff identity itself (`AUTH_ISSUER`, `AUTH_CLIENT_ID`): the page stack checks the
   * session cookie of `console` routes (a JWT authorizer cannot read cookies), so every function
   * whose code includes it has `verify`. `sign-in` also runs the sign-in through the identity
   * provider's hosted UI (`AUTH_DOMAIN`). Staff JSON routes need none: API Gateway's authorizer
   * has verified the token.
   */
  staffIdentity?: 'verify' | 'sign-in';
  /** Makes absolute links to the public site, redirects to it, or sets cookies (`PUBLIC_BASE_URL`). */
  publicBaseUrl?: boolean;
  /** May put events on the app bus. */
  publish?: boolean;
  /** May send mail with SES through the configuration set. */
  sendEmail?: boolean;
  /**
   * Sends bulk mail: paces itself by SES's account send rate (`SES_MAX_SEND_RATE`) and offers
   * unsubscribing by mail in List-Unsubscribe (`MAIL_UNSUBSCRIBE_ADDRESS`). Needs `sendEmail`.
   */
  bulkSending?: boolean;
  bucket?: 'read' | 'readwrite';
  /** Queues (by logical name) this function sends to. */
  sendToQueues?: string[];
  /** Queues whose DLQ this function may move back into the queue (receive/delete on the DLQ, send on the queue). */
  redriveQueues?: string[];
  /** Signs or verifies links in mail: gets the HMAC secret as `LINK_SIGNING_SECRET`. */
  linkSecret?: boolean;
  /**
   * Knows the address mail comes from (`MAIL_FROM_ADDRESS`, e.g. as a calendar file's organizer)
   * without being allowed to send; `sendEmail` includes it.
   */
  mailFromAddress?: boolean;
  /**
   * Appends to the audit log (the items under `T#<tenant>#AUDIT`): the privacy functions only.
   * Every other function that may write the table gets an explicit Deny on writes to those items
   * (IAM's `dynamodb:LeadingKeys`), so no other code can add to, change or delete the log.
   */
  auditWriter?: boolean;
}

export interface FunctionSpec {
  /** kebab-case, unique; becomes part of the Lambda name and log group. */
  name: string;
  /** Path of the handler module, relative to the repo root; it exports `handler`. */
  entry: string;
  description: string;
  routes?: RouteSpec[];
  /** Events delivered straight to the function (asynchronous invoke, retried, then DLQ). */
  subscriptions?: SubscriptionSpec[];
  /** A queue owned by this function and consumed by it with partial batch responses. */
  queue?: QueueSpec;
  schedules?: ScheduleSpec[];
  /** New and changed table items, from the table's stream (the outbox relay). */
  tableStream?: TableStreamSpec;
  access: AccessSpec;
  timeoutSeconds?: number;
  memoryMb?: number;
}

export type Wiring = readonly FunctionSpec[];

/** Environment variable names shared by both runtimes: one name per resource, never reused. */
export const ENV = {
  table: 'TABLE_NAME',
  bus: 'EVENT_BUS_NAME',
  bucket: 'BUCKET_NAME',
  configurationSet: 'SES_CONFIGURATION_SET',
  fromAddress: 'MAIL_FROM_ADDRESS',
  publicBaseUrl: 'PUBLIC_BASE_URL',
  authIssuer: 'AUTH_ISSUER',
  authClientId: 'AUTH_CLIENT_ID',
  authDomain: 'AUTH_DOMAIN',
  serviceName: 'POWERTOOLS_SERVICE_NAME',
  /** SES's maximum send rate for the account (mails per second). */
  sendRate: 'SES_MAX_SEND_RATE',
  /** The HMAC secret of links in mail (unsubscribe, RSVP…), at least 32 bytes. */
  linkSecret: 'LINK_SIGNING_SECRET',
  /** Where `mailto:` unsubscribe requests go (List-Unsubscribe). */
  unsubscribeMailbox: 'MAIL_UNSUBSCRIBE_ADDRESS',
  queueUrl: (queueName: string) => `QUEUE_URL_${queueName.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`,
  /** The DLQ of a wired queue, for functions that re-drive it (`access.redriveQueues`). */
  deadLetterQueueUrl: (queueName: string) => `DLQ_URL_${queueName.toUpperCase().replace(/[^A-Z0-9]/g, '_')}`,
} as const;
