import { createHash, randomUUID } from 'node:crypto';
import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../platform/aws/clients.js';
import { pendingEvent, type TransactItem, writeWithEvents } from '../platform/bus/outbox.js';
import { personRef } from '../platform/privacy/person-ref.js';
import type { ErasureOutcome, KeptItem } from '../platform/privacy/personal-data.js';
import type { KeyRange, TableKey } from '../platform/table/cursor.js';
import {
  compact,
  isConditionalCheckFailed,
  tableName,
  tenantPk,
  withoutKeys,
} from '../platform/table/table.js';
import { type AuditEntry, type AuditEntryInput, auditEntrySchema } from './audit.js';
import {
  ErasureRequested,
  PersonErased,
  PrivacyRequestRecorded,
  PrivacyRequestStatusChanged,
} from './events.js';
import {
  addDays,
  dueDate,
  isOpen,
  REMIND_DAYS_BEFORE,
  type RequestInput,
  type RequestStatus,
} from './request.js';

/*
 * The privacy capability's items:
 *
 * | item              | pk                     | sk                        |
 * |-------------------|------------------------|---------------------------|
 * | request           | T#<t>                  | PRIVACYREQ#<id>           |
 * | open request      | T#<t>#PRIVACY#OPEN     | <due date>#<id>           |  (while open: the dashboard's reminder)
 * | audit entry       | T#<t>#AUDIT            | <iso time>#<id>           |  (append-only; nothing deletes it)
 */

const requestKey = (tenantId: string, requestId: string) => ({
  pk: tenantPk(tenantId),
  sk: `PRIVACYREQ#${requestId}`,
});
const openPk = (tenantId: string) => `${tenantPk(tenantId)}#PRIVACY#OPEN`;
const auditPk = (tenantId: string) => `${tenantPk(tenantId)}#AUDIT`;

export const requestsRange = (tenantId: string): KeyRange => ({
  pk: tenantPk(tenantId),
  skPrefix: 'PRIVACYREQ#',
});
export const auditRange = (tenantId: string): KeyRange => ({ pk: auditPk(tenantId), skPrefix: '' });

export interface PrivacyRequest extends Omit<RequestInput, 'email'> {
  /** Gone once an erasure finished (the keyed hash `personRef` stays). */
  email?: string;
  tenantId: string;
  requestId: string;
  /** The keyed hash the audit log uses for this person. */
  personRef: string;
  dueOn: string;
  status: RequestStatus;
  recordedBy: string;
  recordedAt: string;
  updatedAt: string;
  /** A finished erasure's result. */
  erasure?: ErasureResult;
  /** The contact a retention erasure is about (known from the rule's index, whatever the address finds). */
  contactId?: string;
  /** A rectification under way: its contact and the fields it changes, recorded before the change. */
  rectification?: RectificationPlan;
}

export interface RectificationPlan {
  contactId: string;
  changed: string[];
}

/**
 * The audit entry as a transaction item, to be written in the same transaction as what it
 * records. Conditional on a new key: an entry is never overwritten.
 */
export function auditPut(
  tenantId: string,
  input: AuditEntryInput,
  now = new Date(),
  /** Given by a consumer (the event's own id), so that a redelivery finds its entry written. */
  entryId: string = randomUUID(),
): TransactItem {
  const entry = auditEntrySchema.parse(input);
  const at = now.toISOString();
  return {
    Put: {
      TableName: tableName(),
      Item: compact({ pk: auditPk(tenantId), sk: `${at}#${entryId}`, type: 'audit', at, entryId, ...entry }),
      ConditionExpression: 'attribute_not_exists(pk)',
    },
  };
}

/** Records a request: the request, its reminder entry, its audit entry and its event, in one transaction. */
export async function recordRequest(
  tenantId: string,
  input: RequestInput,
  actor: string,
  secret: string,
  now = new Date(),
  client = documentClient,
): Promise<PrivacyRequest> {
  const requestId = randomUUID();
  const at = now.toISOString();
  const request: PrivacyRequest = compact({
    ...input,
    email: input.email.trim().toLowerCase(),
    tenantId,
    requestId,
    personRef: personRef(tenantId, input.email, secret),
    dueOn: dueDate(input.receivedOn),
    status: 'received',
    recordedBy: actor,
    recordedAt: at,
    updatedAt: at,
  });
  await writeWithEvents(
    tenantId,
    [
      ...newRequestPuts(request),
      auditPut(
        tenantId,
        {
          action: 'request-recorded',
          actor,
          what: `${input.kind} request`,
          count: 1,
          personRef: request.personRef,
          requestId,
        },
        now,
      ),
    ],
    [
      pendingEvent(PrivacyRequestRecorded, {
        tenantId,
        requestId,
        kind: input.kind,
        dueOn: request.dueOn,
        actor,
      }),
    ],
    client,
  );
  return request;
}

export async function getRequest(
  tenantId: string,
  requestId: string,
  client = documentClient,
): Promise<PrivacyRequest | undefined> {
  const { Item } = await client.send(
    new GetCommand({ TableName: tableName(), Key: requestKey(tenantId, requestId) }),
  );
  if (!Item) return undefined;
  const { type: _type, ...rest } = withoutKeys(Item);
  return rest as unknown as PrivacyRequest;
}

/** One page of the tenant's requests (newest ids are random: the page sorts by received date). */
export async function listRequests(
  tenantId: string,
  options: { cursor?: TableKey; limit?: number } = {},
  client = documentClient,
): Promise<{ requests: PrivacyRequest[]; cursor?: Record<string, unknown> }> {
  const page = await client.send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': tenantPk(tenantId), ':prefix': 'PRIVACYREQ#' },
      ExclusiveStartKey: options.cursor,
      Limit: options.limit ?? 50,
    }),
  );
  const requests = (page.Items ?? []).map((item) => {
    const { type: _type, ...rest } = withoutKeys(item);
    return rest as unknown as PrivacyRequest;
  });
  requests.sort(
    (a, b) => b.receivedOn.localeCompare(a.receivedOn) || b.recordedAt.localeCompare(a.recordedAt),
  );
  return { requests, cursor: page.LastEvaluatedKey };
}

/** A new request and its entry among the open ones (by due date), as transaction items. */
function newRequestPuts(request: PrivacyRequest): TransactItem[] {
  const { tenantId, requestId } = request;
  return [
    {
      Put: {
        TableName: tableName(),
        Item: { ...requestKey(tenantId, requestId), type: 'privacy-request', ...request },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Put: {
        TableName: tableName(),
        Item: {
          pk: openPk(tenantId),
          sk: `${request.dueOn}#${requestId}`,
          requestId,
          kind: request.kind,
          dueOn: request.dueOn,
        },
      },
    },
  ];
}

export class RequestConflict extends Error {}

/**
 * Records, on the open request, which contact a rectification corrects and the fields it
 * changes, before the directory changes them: a correction of the address leaves nothing to find
 * the contact by but this, should the request's closing fail after it.
 */
export async function recordRectificationPlan(
  request: PrivacyRequest,
  plan: RectificationPlan,
  client = documentClient,
): Promise<PrivacyRequest> {
  try {
    await client.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: requestKey(request.tenantId, request.requestId),
        UpdateExpression: 'SET rectification = :plan',
        ConditionExpression: '#status = :status',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':plan': plan, ':status': request.status },
      }),
    );
  } catch (error) {
    if (isConditionalCheckFailed(error)) throw new RequestConflict('The request changed meanwhile');
    throw error;
  }
  return { ...request, rectification: plan };
}

/**
 * Moves a request to `status`, on the condition that it is still in `from` (two admins acting at
 * once: one wins, the other is told). A closed request leaves the reminder index.
 */
export async function setRequestStatus(
  request: PrivacyRequest,
  status: RequestStatus,
  actor: string,
  now = new Date(),
  client = documentClient,
  /** What closing it records besides (a rectification's own audit entry), in the same transaction. */
  extra: TransactItem[] = [],
): Promise<PrivacyRequest> {
  const { tenantId, requestId } = request;
  if (status === request.status) return request;
  const at = now.toISOString();
  const openItem = { pk: openPk(tenantId), sk: `${request.dueOn}#${requestId}` };
  const items: TransactItem[] = [
    {
      Update: {
        TableName: tableName(),
        Key: requestKey(tenantId, requestId),
        UpdateExpression: 'SET #status = :status, updatedAt = :at',
        ConditionExpression: '#status = :from',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':status': status, ':from': request.status, ':at': at },
      },
    },
    isOpen(status)
      ? {
          Put: {
            TableName: tableName(),
            Item: { ...openItem, requestId, kind: request.kind, dueOn: request.dueOn },
          },
        }
      : { Delete: { TableName: tableName(), Key: openItem } },
    auditPut(
      tenantId,
      {
        action: 'request-status-changed',
        actor,
        what: `${request.kind} request: ${request.status} → ${status}`,
        count: 1,
        personRef: request.personRef,
        requestId,
      },
      now,
    ),
    ...extra,
  ];
  try {
    await writeWithEvents(
      tenantId,
      items,
      [pendingEvent(PrivacyRequestStatusChanged, { tenantId, requestId, status, actor })],
      client,
    );
  } catch (error) {
    if (isConditionalCheckFailed(error)) throw new RequestConflict('The request changed meanwhile');
    throw error;
  }
  return { ...request, status, updatedAt: at };
}

export interface DueSoon {
  requestId: string;
  kind: PrivacyRequest['kind'];
  dueOn: string;
  overdue: boolean;
}

/**
 * Open requests due within {@link REMIND_DAYS_BEFORE} days of `today` (or overdue), soonest
 * first: one Query on the open requests' own partition, so its cost does not grow with history.
 */
export async function requestsDueSoon(
  tenantId: string,
  today: string,
  client = documentClient,
): Promise<DueSoon[]> {
  const { Items = [] } = await client.send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND sk <= :until',
      ExpressionAttributeValues: {
        ':pk': openPk(tenantId),
        ':until': `${addDays(today, REMIND_DAYS_BEFORE)}#~`,
      },
      Limit: 20,
    }),
  );
  return Items.map((item) => ({
    requestId: String(item.requestId),
    kind: item.kind as DueSoon['kind'],
    dueOn: String(item.dueOn),
    overdue: String(item.dueOn) < today,
  }));
}

/** A page of the audit log, newest first. */
export async function listAudit(
  tenantId: string,
  options: { cursor?: TableKey; limit?: number } = {},
  client = documentClient,
): Promise<{ entries: AuditEntry[]; cursor?: Record<string, unknown> }> {
  const page = await client.send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': auditPk(tenantId) },
      ScanIndexForward: false,
      ExclusiveStartKey: options.cursor,
      Limit: options.limit ?? 50,
    }),
  );
  const entries = (page.Items ?? []).map((item) => {
    const { type: _type, ...rest } = withoutKeys(item);
    return rest as unknown as AuditEntry;
  });
  return { entries, cursor: page.LastEvaluatedKey };
}

/* ---------------- erasure: requested, progress per capability, finished ---------------- */

const erasurePk = (tenantId: string, requestId: string) =>
  `${tenantPk(tenantId)}#PRIVACY#ERASURE#${requestId}`;

/** What a finished erasure did, kept on the request: the answer to the person lists `kept`. */
export interface ErasureResult {
  erased: number;
  kept: KeptItem[];
  finishedAt: string;
}

/**
 * Asks for an erasure: the request moves to in progress and ErasureRequested is written, in one
 * transaction. Asking again (after a failure, or twice) writes the event again; the eraser ends
 * in the same state whatever it finds.
 */
export async function requestErasure(request: PrivacyRequest, actor: string, now = new Date()) {
  const { tenantId, requestId } = request;
  try {
    await writeWithEvents(
      tenantId,
      [
        {
          Update: {
            TableName: tableName(),
            Key: requestKey(tenantId, requestId),
            UpdateExpression: 'SET #status = :progress, updatedAt = :at',
            ConditionExpression: 'kind = :erasure AND #status IN (:received, :progress)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':progress': 'in-progress',
              ':received': 'received',
              ':erasure': 'erasure',
              ':at': now.toISOString(),
            },
          },
        },
      ],
      [pendingEvent(ErasureRequested, { tenantId, requestId, actor })],
    );
  } catch (error) {
    if (isConditionalCheckFailed(error)) throw new RequestConflict('Not an open erasure request');
    throw error;
  }
}

/** Who the erasure is about, fixed when it starts (the directory's contact is gone by the end). */
export interface ErasurePlan {
  contactId?: string;
  startedAt: string;
}

/** The plan of an erasure: the one already written, or this one, written once. */
export async function erasurePlan(
  tenantId: string,
  requestId: string,
  plan: ErasurePlan,
): Promise<ErasurePlan> {
  const key = { pk: erasurePk(tenantId, requestId), sk: 'PLAN' };
  try {
    await documentClient.send(
      new PutCommand({
        TableName: tableName(),
        Item: compact({ ...key, type: 'erasure-plan', ...plan }),
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
    return plan;
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
    const { Item } = await documentClient.send(
      new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }),
    );
    return { contactId: Item?.contactId as string | undefined, startedAt: String(Item?.startedAt) };
  }
}

/** The outcome of one capability's step, if it finished. */
export async function erasureStep(tenantId: string, requestId: string, capability: string) {
  const { Item } = await documentClient.send(
    new GetCommand({
      TableName: tableName(),
      Key: { pk: erasurePk(tenantId, requestId), sk: `STEP#${capability}` },
      ConsistentRead: true,
    }),
  );
  return Item ? (Item.outcome as ErasureOutcome) : undefined;
}

export async function recordErasureStep(
  tenantId: string,
  requestId: string,
  capability: string,
  outcome: ErasureOutcome,
) {
  await documentClient.send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        pk: erasurePk(tenantId, requestId),
        sk: `STEP#${capability}`,
        type: 'erasure-step',
        capability,
        outcome,
        at: new Date().toISOString(),
      },
    }),
  );
}

/**
 * Ends an erasure: the result on the request, the request done (and off the reminders), the
 * audit entry and PersonErased, in one transaction, once (conditional on no result yet).
 */
export async function finishErasure(
  request: PrivacyRequest,
  result: ErasureResult,
  actor: string,
  now = new Date(),
): Promise<void> {
  const { tenantId, requestId } = request;
  try {
    await writeWithEvents(
      tenantId,
      [
        {
          Update: {
            TableName: tableName(),
            Key: requestKey(tenantId, requestId),
            // The register keeps the request, but no longer the person: their keyed hash stands in.
            UpdateExpression:
              'SET #status = :done, erasure = :result, updatedAt = :at, requesterName = :pseudonym REMOVE email, identityNote',
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(erasure)',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':done': 'done',
              ':result': result,
              ':at': now.toISOString(),
              ':pseudonym': `erased-${request.personRef.slice(0, 16)}`,
            },
          },
        },
        {
          Delete: {
            TableName: tableName(),
            Key: { pk: openPk(tenantId), sk: `${request.dueOn}#${requestId}` },
          },
        },
        auditPut(
          tenantId,
          {
            action: 'erasure',
            actor,
            what: `erasure: ${result.erased} removed or anonymised, ${result.kept.length} kept under the archive rules`,
            count: result.erased,
            personRef: request.personRef,
            requestId,
          },
          now,
        ),
      ],
      [pendingEvent(PersonErased, { tenantId, requestId, erased: result.erased, kept: result.kept.length })],
    );
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
  }
}

/**
 * The retention rule's erasure of a contact without engagement whose notice period passed: an
 * erasure request in the register (recorded by the system, its reason in the note), in progress at
 * once, with ErasureRequested — the same path an admin's erasure takes, so the archive rules hold
 * and the kept items are listed — and `extra` (the contact leaving the rule's index, conditional on
 * no engagement since), in one transaction, once per notice (the request's id derives from it).
 */
export async function recordRetentionErasure(
  tenantId: string,
  subject: { contactId: string; email: string; noticedAt: string },
  input: { receivedOn: string; note: string; secret: string },
  extra: TransactItem[],
  now = new Date(),
): Promise<string> {
  const requestId = createHash('sha256')
    .update(`retention:${tenantId}:${subject.contactId}:${subject.noticedAt}`)
    .digest('hex')
    .slice(0, 32);
  const at = now.toISOString();
  const actor = 'system:privacy-retention';
  const request: PrivacyRequest = {
    kind: 'erasure',
    email: subject.email.trim().toLowerCase(),
    requesterName: 'retention rule',
    identityCheck: 'other',
    identityNote: input.note,
    receivedOn: input.receivedOn,
    tenantId,
    requestId,
    personRef: personRef(tenantId, subject.email, input.secret),
    dueOn: dueDate(input.receivedOn),
    status: 'in-progress',
    recordedBy: actor,
    recordedAt: at,
    updatedAt: at,
    contactId: subject.contactId,
  };
  await writeWithEvents(
    tenantId,
    [
      ...newRequestPuts(request),
      ...extra,
      auditPut(
        tenantId,
        {
          action: 'request-recorded',
          actor,
          what: 'erasure request (retention: no engagement)',
          count: 1,
          personRef: request.personRef,
          requestId,
        },
        now,
      ),
    ],
    [pendingEvent(ErasureRequested, { tenantId, requestId, actor })],
  );
  return requestId;
}
