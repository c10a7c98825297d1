import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../aws/clients.js';
import { requireEnv } from '../aws/env.js';

/**
 * Single-table design. Every key starts with the tenant (`T#<tenant>`), so a query can only
 * ever reach one tenant's items; ids from a request are always combined with the caller's
 * tenant, which is why another tenant's id simply is not found.
 *
 * | item            | pk                      | sk                       | gsi1pk / gsi1sk                  |
 * |-----------------|-------------------------|--------------------------|----------------------------------|
 * | tenant profile  | T#<t>                   | TENANT                   |                                  |
 * | staff member    | T#<t>                   | STAFF#<id>               |                                  |
 * | programme       | T#<t>                   | PROGRAMME#<id>           |                                  |
 * | organisation    | T#<t>                   | ORG#<id>                 |                                  |
 * | contact         | T#<t>                   | CONTACT#<id>             | gsi2: T#<t>#ENGAGED / <lastEngagedAt>#<id>, or T#<t>#NOTICED / <noticedAt>#<id> (retention) |
 * | counters        | T#<t>                   | COUNTERS#<scope>         |                                  |
 * | activity        | T#<t>#ACTIVITY          | <iso time>#<event id>    |                                  |
 * | one-time schedule | T#<t>                 | SCHEDULE#<id>            | SCHEDULE#PENDING / <due>#<t>#<id> |
 * | campaign        | T#<t>                   | CAMPAIGN#<id>            | CAMPAIGN#OPEN / <t>#<id> (sending) |
 * | campaign counts | T#<t>                   | CAMPAIGN#<id>#COUNT#<n>  |                                  |
 * | delivery        | T#<t>#CAMPAIGN#<id>     | DELIVERY#<contact>       | gsi2 (keys only): T#<t>#RECIPIENT#<contact> / <queued>#<campaign> |
 * | outbox item     | T#<t>#OUTBOX            | <event id>[#<sweep>]     | OUTBOX#PENDING / <at>#<t>#<id> (until relayed) |
 * | press release   | T#<t>                   | RELEASE#<time-ordered id> |                                 |
 * | press settings  | T#<t>                   | PRESS#SETTINGS           |                                  |
 * | newsroom entry  | T#<t>#NEWS#<dimension>  | <publishAt>#<release id> |                                  |
 * | press subscriber | T#<t>                  | SUBSCRIBER#<address hash> |                                 |
 * | subscriber counts | T#<t>                 | SUBSCRIBERS#COUNT#<scope> |                                 |
 * | consent log     | T#<t>#SUBSCRIBER#<hash> | CONSENT#<iso time>       |                                  |
 * | rate window     | <any pk>                | RATE#<name>#<window start> | (rate-limit.ts; expires)       |
 * | privacy request | T#<t>                   | PRIVACYREQ#<id>          |                                  |
 * | open request    | T#<t>#PRIVACY#OPEN      | <due date>#<id>          | (while open: the reminder)       |
 * | audit entry     | T#<t>#AUDIT             | <iso time>#<id>          | (append-only)                    |
 * | erasure progress | T#<t>#PRIVACY#ERASURE#<id> | PLAN, STEP#<capability> |                                |
 * | erased address  | T#<t>                   | ERASED#<keyed hash>      | (the sender checks it)           |
 * | retention run   | T#<t>#PRIVACY#RETENTION | <day>                    |                                  |
 *
 * gsi1 is the one deliberately cross-tenant key, sparse (an item leaves it when done): the
 * dispatcher finds due schedules of every tenant there, the mail reconciler the campaigns being
 * sent, the outbox sweeper the events the relay never published. No other function may query it.
 */
export const tableName = () => requireEnv('TABLE_NAME');

export const tenantPk = (tenantId: string) => `T#${tenantId}`;
export const activityPk = (tenantId: string) => `T#${tenantId}#ACTIVITY`;
export const PENDING_SCHEDULES = 'SCHEDULE#PENDING';

/** Strips the key attributes before an item leaves the data layer. */
export function withoutKeys<T extends Record<string, unknown>>(
  item: T,
): Omit<T, 'pk' | 'sk' | 'gsi1pk' | 'gsi1sk' | 'gsi2pk' | 'gsi2sk'> {
  const { pk: _pk, sk: _sk, gsi1pk: _g1, gsi1sk: _g2, gsi2pk: _r1, gsi2sk: _r2, ...rest } = item;
  return rest;
}

export function isConditionalCheckFailed(error: unknown): boolean {
  const name = (error as { name?: string })?.name;
  if (name === 'ConditionalCheckFailedException') return true;
  if (name === 'TransactionCanceledException') {
    const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
    return reasons.some((r) => r.Code === 'ConditionalCheckFailed');
  }
  return false;
}

/**
 * Drops empty strings and undefined values, at any depth: an optional field left empty is stored
 * (and answered) as absent, so readers have one case to handle, not two.
 */
export function compact<T extends object>(item: T): T {
  return compactValue(item) as T;
}

function compactValue(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(compactValue);
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== '' && v !== undefined)
        .map(([k, v]) => [k, compactValue(v)]),
    );
  }
  return value;
}

/**
 * Every item of a partition whose sort key starts with `prefix`, page after page. For the
 * tenant-sized lists (programmes, events, campaigns, organisations, suppressions), never for
 * anything that grows with an audience.
 */
export async function queryAll(
  pk: string,
  prefix: string,
  client = documentClient,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ExpressionAttributeValues: { ':pk': pk, ':prefix': prefix },
        ExclusiveStartKey: cursor,
      }),
    );
    items.push(...(page.Items ?? []));
    cursor = page.LastEvaluatedKey;
  } while (cursor);
  return items;
}
