import { randomUUID } from 'node:crypto';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../platform/aws/clients.js';
import { pendingEvent, type TransactItem, writeWithEvents } from '../platform/bus/outbox.js';
import { personRef } from '../platform/privacy/person-ref.js';
import type { KeyRange, TableKey } from '../platform/table/cursor.js';
import {
  compact,
  isConditionalCheckFailed,
  tableName,
  tenantPk,
  withoutKeys,
} from '../platform/table/table.js';
import { type AuditEntry, type AuditEntryInput, auditEntrySchema } from './audit.js';
import { PrivacyRequestRecorded, PrivacyRequestStatusChanged } from './events.js';
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

export interface PrivacyRequest extends RequestInput {
  tenantId: string;
  requestId: string;
  /** The keyed hash the audit log uses for this person. */
  personRef: string;
  dueOn: string;
  status: RequestStatus;
  recordedBy: string;
  recordedAt: string;
  updatedAt: string;
}

/**
 * The audit entry as a transaction item, to be written in the same transaction as what it
 * records. Conditional on a new key: an entry is never overwritten.
 */
export function auditPut(tenantId: string, input: AuditEntryInput, now = new Date()): TransactItem {
  const entry = auditEntrySchema.parse(input);
  const entryId = randomUUID();
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

export class RequestConflict extends Error {}

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
