import { randomUUID } from 'node:crypto';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../platform/aws/clients.js';
import { pendingEvent, writeWithEvents } from '../../platform/bus/outbox.js';
import { HttpError } from '../../platform/http/errors.js';
import {
  compact,
  isConditionalCheckFailed,
  tableName,
  tenantPk,
  withoutKeys,
} from '../../platform/table/table.js';
import { OutcomePublished, OutcomeRecorded, OutcomeUpdated } from '../events.js';
import {
  latestPerTheme,
  type Outcome,
  type OutcomeInput,
  type OutcomeLink,
  type OutcomeUpdate,
  reasonFor,
} from '../outcome.js';

/*
 * Outcomes live in the tenant's partition beside their programme (`OUTCOME#<programme>#<outcome>`),
 * so one Query reads a programme's outcomes. A programme holds at most MAX_OUTCOMES (counted in
 * `OUTCOMECOUNT#<programme>`, raised in the creating transaction on that condition), and a body at
 * most 8000 characters: the Query stays within one 1 MB page, whatever else the tenant stores.
 */

export const MAX_OUTCOMES = 80;

const outcomePrefix = (programmeId: string) => `OUTCOME#${programmeId}#`;
const outcomeKey = (tenantId: string, programmeId: string, outcomeId: string) => ({
  pk: tenantPk(tenantId),
  sk: `${outcomePrefix(programmeId)}${outcomeId}`,
});

function fromItem(item: Record<string, unknown>): Outcome {
  const { type: _type, ...rest } = withoutKeys(item);
  return { body: '', releases: [], events: [], ...rest } as unknown as Outcome;
}

const itemOf = (outcome: Outcome) =>
  compact({
    ...outcomeKey(outcome.tenantId, outcome.programmeId, outcome.outcomeId),
    type: 'outcome',
    ...outcome,
  });

export interface OutcomeLinks {
  releases: OutcomeLink[];
  events: OutcomeLink[];
}

/** Records a draft outcome; OutcomeRecorded is written in the same transaction. */
export async function createOutcome(
  tenantId: string,
  programmeId: string,
  input: OutcomeInput,
  links: OutcomeLinks,
  actor: string,
  client = documentClient,
): Promise<Outcome> {
  const now = new Date().toISOString();
  const outcome: Outcome = {
    outcomeId: randomUUID(),
    tenantId,
    programmeId,
    themeId: input.themeId,
    title: input.title,
    body: input.body,
    status: input.status,
    reason: reasonFor(input),
    date: input.date,
    ...links,
    published: false,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  try {
    await writeWithEvents(
      tenantId,
      [
        {
          Put: {
            TableName: tableName(),
            Item: itemOf(outcome),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Update: {
            TableName: tableName(),
            Key: { pk: tenantPk(tenantId), sk: `OUTCOMECOUNT#${programmeId}` },
            UpdateExpression: 'ADD outcomes :one',
            ConditionExpression: 'attribute_not_exists(outcomes) OR outcomes < :max',
            ExpressionAttributeValues: { ':one': 1, ':max': MAX_OUTCOMES },
          },
        },
      ],
      [
        pendingEvent(OutcomeRecorded, {
          tenantId,
          programmeId,
          outcomeId: outcome.outcomeId,
          themeId: outcome.themeId,
          status: outcome.status,
          version: 1,
          actor,
        }),
      ],
      client,
    );
  } catch (error) {
    if (isConditionalCheckFailed(error))
      throw new HttpError(409, `A programme holds at most ${MAX_OUTCOMES} outcomes`);
    throw error;
  }
  return outcome;
}

export async function getOutcome(
  tenantId: string,
  programmeId: string,
  outcomeId: string,
  client = documentClient,
): Promise<Outcome | undefined> {
  const { Item } = await client.send(
    new GetCommand({
      TableName: tableName(),
      Key: outcomeKey(tenantId, programmeId, outcomeId),
      ConsistentRead: true,
    }),
  );
  return Item ? fromItem(Item) : undefined;
}

/** A programme's outcomes, oldest date first: one Query (a programme holds at most MAX_OUTCOMES). */
export async function listOutcomes(
  tenantId: string,
  programmeId: string,
  client = documentClient,
): Promise<Outcome[]> {
  const { Items = [] } = await client.send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': tenantPk(tenantId), ':prefix': outcomePrefix(programmeId) },
      Limit: MAX_OUTCOMES,
    }),
  );
  return Items.map(fromItem).sort(
    (a, b) => a.date.localeCompare(b.date) || a.createdAt.localeCompare(b.createdAt),
  );
}

/**
 * Each theme's latest outcome of a programme (by date), drafts included or published only: for
 * the programme overview. One Query, whatever the number of themes.
 */
export async function latestOutcomesByTheme(
  tenantId: string,
  programmeId: string,
  options: { publishedOnly?: boolean } = {},
  client = documentClient,
): Promise<Map<string, Outcome>> {
  const outcomes = await listOutcomes(tenantId, programmeId, client);
  return latestPerTheme(options.publishedOnly ? outcomes.filter((o) => o.published) : outcomes);
}

/** Which editable fields an update changes; no-op updates write nothing. */
export function changedOutcomeFields(before: Outcome, after: OutcomeUpdate, links: OutcomeLinks): string[] {
  const fields: string[] = [];
  for (const f of ['themeId', 'title', 'body', 'status', 'date'] as const)
    if (before[f] !== after[f]) fields.push(f);
  if ((before.reason ?? '') !== (reasonFor(after) ?? '')) fields.push('reason');
  const idsOf = (l: OutcomeLink[]) => l.map((x) => x.id).join(',');
  if (idsOf(before.releases) !== idsOf(links.releases)) fields.push('releaseIds');
  if (idsOf(before.events) !== idsOf(links.events)) fields.push('eventIds');
  return fields;
}

const stale = () =>
  new HttpError(409, 'The outcome was changed by someone else; reload and try again', [
    { field: 'body.expectedVersion', message: 'Stale version' },
  ]);

/** Replaces the editable fields if the stored version is the one the editor saw. */
export async function replaceOutcome(
  before: Outcome,
  update: OutcomeUpdate,
  links: OutcomeLinks,
  change: { changedFields: string[]; actor: string },
  client = documentClient,
): Promise<Outcome> {
  const after: Outcome = {
    ...before,
    themeId: update.themeId,
    title: update.title,
    body: update.body,
    status: update.status,
    reason: reasonFor(update),
    date: update.date,
    ...links,
    version: before.version + 1,
    updatedAt: new Date().toISOString(),
  };
  try {
    await writeWithEvents(
      before.tenantId,
      [
        {
          Put: {
            TableName: tableName(),
            Item: itemOf(after),
            ConditionExpression: 'attribute_exists(pk) AND version = :expected',
            ExpressionAttributeValues: { ':expected': update.expectedVersion },
          },
        },
      ],
      [
        pendingEvent(OutcomeUpdated, {
          tenantId: after.tenantId,
          programmeId: after.programmeId,
          outcomeId: after.outcomeId,
          themeId: after.themeId,
          status: after.status,
          version: after.version,
          changedFields: change.changedFields,
          actor: change.actor,
        }),
      ],
      client,
    );
  } catch (error) {
    if (isConditionalCheckFailed(error)) throw stale();
    throw error;
  }
  return after;
}

/**
 * Makes a draft outcome public. OutcomePublished has a fixed id (one per outcome) and the write is
 * conditional on the outcome still being a draft at the version seen: publishing twice acts once.
 */
export async function publishOutcome(
  before: Outcome,
  expectedVersion: number,
  actor: string,
  client = documentClient,
): Promise<Outcome> {
  if (before.published) return before;
  const publishedAt = new Date().toISOString();
  const after: Outcome = {
    ...before,
    published: true,
    publishedAt,
    version: before.version + 1,
    updatedAt: publishedAt,
  };
  try {
    await writeWithEvents(
      before.tenantId,
      [
        {
          Put: {
            TableName: tableName(),
            Item: itemOf(after),
            ConditionExpression: 'attribute_exists(pk) AND version = :expected AND published = :draft',
            ExpressionAttributeValues: { ':expected': expectedVersion, ':draft': false },
          },
        },
      ],
      [
        pendingEvent(
          OutcomePublished,
          {
            tenantId: after.tenantId,
            programmeId: after.programmeId,
            outcomeId: after.outcomeId,
            themeId: after.themeId,
            status: after.status,
            version: after.version,
            publishedAt,
            actor,
          },
          `outcome-published-${after.outcomeId}`,
        ),
      ],
      client,
    );
  } catch (error) {
    if (isConditionalCheckFailed(error)) throw stale();
    throw error;
  }
  return after;
}
