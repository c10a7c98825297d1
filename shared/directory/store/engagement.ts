import { GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../platform/aws/clients.js';
import type { TransactItem } from '../../platform/bus/outbox.js';
import { isConditionalCheckFailed, tableName, tenantPk } from '../../platform/table/table.js';
import type { Language } from '../../platform/texts/language.js';
import { contactKey } from './contacts.js';

/*
 * When a contact last engaged, for the retention rule "contacts without any engagement for N
 * months". Each contact carries `lastEngagedAt` and an entry in gsi2 (the index already there for
 * a person's delivery records; keys only), under one of two partitions of its tenant:
 *
 * | state    | gsi2pk            | gsi2sk                     |
 * |----------|-------------------|----------------------------|
 * | engaged  | T#<t>#ENGAGED     | <lastEngagedAt>#<contact>  |
 * | noticed  | T#<t>#NOTICED     | <noticedAt>#<contact>      |
 *
 * So the nightly run reads only the contacts that are due, oldest first (one Query each, never a
 * Scan, its cost independent of the address book's size), and no new index is needed. A contact
 * being erased by the rule leaves the index. The date only moves forward.
 */

const engagedPk = (tenantId: string) => `${tenantPk(tenantId)}#ENGAGED`;
const noticedPk = (tenantId: string) => `${tenantPk(tenantId)}#NOTICED`;

/** The attributes a contact written by staff or an import gets: engaged now (a fresh lawful basis). */
export function engagedNow(tenantId: string, contactId: string, at: string) {
  return { lastEngagedAt: at, gsi2pk: engagedPk(tenantId), gsi2sk: `${at}#${contactId}` };
}

/** A contact's retention state, as the rule reads it. */
export interface EngagementState {
  contactId: string;
  lastEngagedAt?: string;
  noticedAt?: string;
}

/**
 * The update that records an engagement at `at`, or undefined if the contact already has a later
 * one (never backwards). A noticed contact keeps its place among the noticed: the run decides at
 * the end of the notice period, seeing the engagement after the notice, and counts it as kept.
 */
export function engagementUpdate(
  tenantId: string,
  state: EngagementState,
  at: string,
): TransactItem | undefined {
  if (state.lastEngagedAt !== undefined && state.lastEngagedAt >= at) return undefined;
  const noticed = state.noticedAt !== undefined;
  return {
    Update: {
      TableName: tableName(),
      Key: contactKey(tenantId, state.contactId),
      UpdateExpression: noticed
        ? 'SET lastEngagedAt = :at'
        : 'SET lastEngagedAt = :at, gsi2pk = :pk, gsi2sk = :sk',
      // Written on the state read: a change meanwhile fails the condition and is read again.
      ConditionExpression: `attribute_exists(pk) AND ${
        noticed ? 'noticedAt = :n' : 'attribute_not_exists(noticedAt)'
      } AND (attribute_not_exists(lastEngagedAt) OR lastEngagedAt < :at)`,
      ExpressionAttributeValues: {
        ':at': at,
        ...(noticed
          ? { ':n': state.noticedAt }
          : { ':pk': engagedPk(tenantId), ':sk': `${at}#${state.contactId}` }),
      },
    },
  };
}

/** A contact's retention state and address, or undefined if there is no such contact. */
export async function engagementOf(tenantId: string, contactId: string, client = documentClient) {
  const { Item } = await client.send(
    new GetCommand({
      TableName: tableName(),
      Key: contactKey(tenantId, contactId),
      ProjectionExpression: 'contactId, email, #language, lastEngagedAt, noticedAt',
      ExpressionAttributeNames: { '#language': 'language' },
      ConsistentRead: true,
    }),
  );
  if (!Item) return undefined;
  return {
    contactId,
    email: String(Item.email),
    language: Item.language as Language | undefined,
    lastEngagedAt: Item.lastEngagedAt as string | undefined,
    noticedAt: Item.noticedAt as string | undefined,
  };
}

/**
 * Records that a contact engaged at `at` (answered, gave feedback, opened an invitation, kept
 * their details): idempotent, never moving the date backwards; nothing for a contact that is gone.
 * One UpdateItem for a contact that was not noticed (each answer of a burst costs one request);
 * only when its condition fails (noticed, gone, or a later engagement) is the contact read.
 */
export async function recordEngagement(
  tenantId: string,
  contactId: string,
  at: string,
  client = documentClient,
): Promise<void> {
  // One form (UTC, milliseconds), so that dates written by different events compare as text.
  const instant = new Date(at).toISOString();
  const notNoticed = engagementUpdate(tenantId, { contactId }, instant)?.Update;
  try {
    if (notNoticed) await client.send(new UpdateCommand(notNoticed));
    return;
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    const state = await engagementOf(tenantId, contactId, client);
    const update = state && engagementUpdate(tenantId, state, instant);
    if (!update?.Update) return;
    try {
      await client.send(new UpdateCommand(update.Update));
      return;
    } catch (error) {
      if (!isConditionalCheckFailed(error)) throw error;
    }
  }
}

async function dueIn(pk: string, before: string, limit: number, client = documentClient) {
  const { Items = [] } = await client.send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: 'gsi2',
      KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk < :before',
      ExpressionAttributeValues: { ':pk': pk, ':before': before },
      Limit: limit,
    }),
  );
  return Items.map((item) => String(item.sk).replace(/^CONTACT#/, ''));
}

/** Ids of contacts whose last engagement is before `before` and who were not noticed, oldest first. */
export const contactsEngagedBefore = (tenantId: string, before: string, limit: number) =>
  dueIn(engagedPk(tenantId), before, limit);

/** Ids of contacts noticed before `before`, oldest notice first. */
export const contactsNoticedBefore = (tenantId: string, before: string, limit: number) =>
  dueIn(noticedPk(tenantId), before, limit);

/** The contact moves to the noticed, if it is still as the run read it. */
export function noticeUpdate(tenantId: string, state: EngagementState, at: string): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: contactKey(tenantId, state.contactId),
      UpdateExpression: 'SET noticedAt = :at, gsi2pk = :pk, gsi2sk = :sk',
      ConditionExpression: 'attribute_not_exists(noticedAt) AND lastEngagedAt = :last',
      ExpressionAttributeValues: {
        ':at': at,
        ':pk': noticedPk(tenantId),
        ':sk': `${at}#${state.contactId}`,
        ':last': state.lastEngagedAt,
      },
    },
  };
}

/** A noticed contact who engaged since is kept: back among the engaged, at their last engagement. */
export function keepUpdate(tenantId: string, state: EngagementState): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: contactKey(tenantId, state.contactId),
      UpdateExpression: 'SET gsi2pk = :pk, gsi2sk = :sk REMOVE noticedAt',
      ConditionExpression: 'noticedAt = :n',
      ExpressionAttributeValues: {
        ':pk': engagedPk(tenantId),
        ':sk': `${state.lastEngagedAt}#${state.contactId}`,
        ':n': state.noticedAt,
      },
    },
  };
}

/**
 * A noticed contact who did not engage leaves the index as its erasure is asked for (in the
 * same transaction), on the condition that nothing changed since the run read it.
 */
export function leaveForErasureUpdate(tenantId: string, state: EngagementState): TransactItem {
  return {
    Update: {
      TableName: tableName(),
      Key: contactKey(tenantId, state.contactId),
      UpdateExpression: 'REMOVE gsi2pk, gsi2sk',
      ConditionExpression: 'noticedAt = :n AND lastEngagedAt = :last',
      ExpressionAttributeValues: { ':n': state.noticedAt, ':last': state.lastEngagedAt },
    },
  };
}

/** Marks a tenant whose contacts all have an engagement date (see {@link dateContactsFromBefore}). */
const datedKey = (tenantId: string) => ({
  pk: tenantPk(tenantId),
  sk: 'MIGRATION#contacts-engagement-dated',
});

/**
 * Gives the contacts written before engagement was recorded a date: their last change (or their
 * creation), so the rule sees them too — without it they were never due. Once per tenant: the
 * first run with the rule on reads the address book (a Query of the tenant's contacts, not a
 * Scan), dates those without a date, and marks the tenant; later runs read only the mark. A crash
 * halfway leaves no mark, and the next run dates the rest. Returns how many it dated.
 */
export async function dateContactsFromBefore(tenantId: string, client = documentClient): Promise<number> {
  const { Item: mark } = await client.send(
    new GetCommand({ TableName: tableName(), Key: datedKey(tenantId), ConsistentRead: true }),
  );
  if (mark) return 0;
  let dated = 0;
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :contact)',
        FilterExpression: '#type = :type AND attribute_not_exists(lastEngagedAt)',
        ProjectionExpression: 'contactId, createdAt, updatedAt',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: { ':pk': tenantPk(tenantId), ':contact': 'CONTACT#', ':type': 'contact' },
        ExclusiveStartKey: cursor,
      }),
    );
    for (const item of page.Items ?? []) {
      const contactId = String(item.contactId);
      const at = String(item.updatedAt ?? item.createdAt ?? new Date().toISOString());
      try {
        await client.send(
          new UpdateCommand({
            TableName: tableName(),
            Key: contactKey(tenantId, contactId),
            UpdateExpression: 'SET lastEngagedAt = :at, gsi2pk = :pk, gsi2sk = :sk',
            // An engagement recorded meanwhile is newer: it stays.
            ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(lastEngagedAt)',
            ExpressionAttributeValues: { ':at': at, ':pk': engagedPk(tenantId), ':sk': `${at}#${contactId}` },
          }),
        );
        dated++;
      } catch (error) {
        if (!isConditionalCheckFailed(error)) throw error;
      }
    }
    cursor = page.LastEvaluatedKey;
  } while (cursor);
  await client.send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...datedKey(tenantId), type: 'migration', at: new Date().toISOString() },
    }),
  );
  return dated;
}
