import { randomUUID } from 'node:crypto';
import {
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../platform/aws/clients.js';
import { outboxPut, type PendingEvent, pendingEvent, writeWithEvents } from '../platform/bus/outbox.js';
import type { KeyRange } from '../platform/table/cursor.js';
import { getItem } from '../platform/table/get-item.js';
import {
  compact,
  isConditionalCheckFailed,
  queryAll,
  tableName,
  tenantPk,
  withoutKeys,
} from '../platform/table/table.js';
import { presentOf } from './attendance.js';
import {
  AttendanceMarked,
  InvitationAnswered,
  InvitationCreated,
  InvitationOpened,
  SeatsReleased,
  WaitlistMoved,
  WaitlistPromoted,
} from './events.js';
import {
  type EventCounters,
  type EventInput,
  emptyEventCounters,
  type Invitation,
  type Meeting,
  type RsvpAnswer,
} from './meeting.js';
import { choiceDeltas } from './questions.js';

/**
 * Events and their invitations.
 *
 * | item              | pk                      | sk                         |
 * |-------------------|-------------------------|----------------------------|
 * | event             | T#<t>                   | EVENT#<id>                 |
 * | counters          | T#<t>#EVENT#<id>        | COUNTERS                   |
 * | invitation        | T#<t>#EVENT#<id>        | INVITE#<contact>           |
 * | seats of an org   | T#<t>#EVENT#<id>        | ORGSEATS#<organisation>    |
 * | waitlist place    | T#<t>#EVENT#<id>        | WAIT#<ticket>#<contact>    |
 * | waitlist tickets  | T#<t>#EVENT#<id>        | WAITTICKET                 |
 * | colleagues sent   | T#<t>#EVENT#<id>        | COLLEAGUES#<organisation>  |
 *
 * Seats are only ever taken in a transaction whose conditions hold the event's capacity and the
 * organisation's seat limit, so no interleaving of answers can overbook either.
 */
export const eventKey = (tenantId: string, eventId: string) => ({
  pk: tenantPk(tenantId),
  sk: `EVENT#${eventId}`,
});
const eventPk = (tenantId: string, eventId: string) => `${tenantPk(tenantId)}#EVENT#${eventId}`;
export const countersKey = (tenantId: string, eventId: string) => ({
  pk: eventPk(tenantId, eventId),
  sk: 'COUNTERS',
});
export const invitationKey = (tenantId: string, eventId: string, contactId: string) => ({
  pk: eventPk(tenantId, eventId),
  sk: `INVITE#${contactId}`,
});
const orgSeatsKey = (tenantId: string, eventId: string, organisationId: string) => ({
  pk: eventPk(tenantId, eventId),
  sk: `ORGSEATS#${organisationId}`,
});
const colleaguesKey = (tenantId: string, eventId: string, organisationId: string) => ({
  pk: eventPk(tenantId, eventId),
  sk: `COLLEAGUES#${organisationId}`,
});
const waitKey = (tenantId: string, eventId: string, waitlistedAt: string, contactId: string) => ({
  pk: eventPk(tenantId, eventId),
  sk: `WAIT#${waitlistedAt}#${contactId}`,
});

const strip = <T>(item: Record<string, unknown>) => {
  const { type: _t, ...rest } = withoutKeys(item);
  return rest as unknown as T;
};

// ---------------------------------------------------------------- events

/** Empty optional strings are not stored (see compact); they read back as empty. */
const withDefaults = (event: Meeting): Meeting => ({
  ...event,
  description: event.description ?? '',
  place: { ...event.place, address: event.place.address ?? '' },
});

export async function createEvent(
  tenantId: string,
  input: EventInput,
  client = documentClient,
): Promise<Meeting> {
  const now = new Date().toISOString();
  const event: Meeting = {
    ...input,
    start: new Date(input.start).toISOString(),
    end: new Date(input.end).toISOString(),
    rsvpDeadline: new Date(input.rsvpDeadline).toISOString(),
    eventId: randomUUID(),
    tenantId,
    status: 'draft',
    sequence: 0,
    version: 1,
    createdAt: now,
    updatedAt: now,
  };
  await client.send(
    new TransactWriteCommand({
      TransactItems: [
        {
          Put: {
            TableName: tableName(),
            Item: compact({ ...eventKey(tenantId, event.eventId), type: 'event', ...event }),
            ConditionExpression: 'attribute_not_exists(pk)',
          },
        },
        {
          Put: {
            TableName: tableName(),
            Item: {
              ...countersKey(tenantId, event.eventId),
              type: 'event-counters',
              invited: 0,
              opened: 0,
              attending: 0,
              attendingSeats: 0,
              declined: 0,
              waitlisted: 0,
              waitlistedSeats: 0,
              attended: 0,
            },
          },
        },
      ],
    }),
  );
  return event;
}

export async function getEvent(
  tenantId: string,
  eventId: string,
  client = documentClient,
): Promise<Meeting | undefined> {
  const Item = await getItem(eventKey(tenantId, eventId), { consistent: true, client });
  return Item ? withDefaults(strip<Meeting>(Item)) : undefined;
}

export async function listEvents(tenantId: string, client = documentClient): Promise<Meeting[]> {
  const out = (await queryAll(tenantPk(tenantId), 'EVENT#', client)).map((item) =>
    withDefaults(strip<Meeting>(item)),
  );
  return out.sort((a, b) => a.start.localeCompare(b.start));
}

/** Replaces the event, guarded by the version the editor saw. */
/** Replaces the event if it is still at `expectedVersion`, with the events this change causes. */
export async function saveEvent(
  event: Meeting,
  expectedVersion: number,
  events: PendingEvent[] = [],
  client = documentClient,
): Promise<void> {
  try {
    await writeWithEvents(
      event.tenantId,
      [
        {
          Put: {
            TableName: tableName(),
            Item: compact({ ...eventKey(event.tenantId, event.eventId), type: 'event', ...event }),
            ConditionExpression: 'version = :expected',
            ExpressionAttributeValues: { ':expected': expectedVersion },
          },
        },
      ],
      events,
      client,
    );
  } catch (error) {
    if (isConditionalCheckFailed(error)) throw new StaleVersionError();
    throw error;
  }
}

export class StaleVersionError extends Error {
  override name = 'StaleVersionError';
}

export async function getCounters(
  tenantId: string,
  eventId: string,
  client = documentClient,
): Promise<EventCounters> {
  const { Item } = await client.send(
    new GetCommand({ TableName: tableName(), Key: countersKey(tenantId, eventId) }),
  );
  const counters = emptyEventCounters();
  for (const [key, value] of Object.entries(Item ?? {})) {
    if (typeof value !== 'number') continue;
    if (key.startsWith('type_')) counters.byType[key.slice(5)] = value;
    else if (key.startsWith('diet_')) counters.dietary[key.slice(5)] = value;
    else if (key.startsWith('ans_')) counters.choices[key.slice(4)] = value;
    else if (key in counters) (counters as unknown as Record<string, number>)[key] = value;
  }
  return counters;
}

// ---------------------------------------------------------------- invitations

export async function getInvitation(
  tenantId: string,
  eventId: string,
  contactId: string,
  client = documentClient,
) {
  const Item = await getItem(invitationKey(tenantId, eventId, contactId), { consistent: true, client });
  return Item ? strip<Invitation>(Item) : undefined;
}

/** Invites a contact once: the invitation and the `invited` counters in one transaction. */
export async function ensureInvitation(
  input: {
    tenantId: string;
    eventId: string;
    contactId: string;
    organisationId: string;
    organisationType: string;
    forwardedFrom?: string;
    registered?: Invitation['registered'];
  },
  client = documentClient,
): Promise<boolean> {
  const invitation: Invitation = {
    ...input,
    status: 'invited',
    seats: 0,
    names: [],
    dietary: [],
    invitedAt: new Date().toISOString(),
    version: 1,
  };
  try {
    await client.send(
      new TransactWriteCommand({
        TransactItems: [
          {
            Put: {
              TableName: tableName(),
              Item: compact({
                ...invitationKey(input.tenantId, input.eventId, input.contactId),
                type: 'invitation',
                ...invitation,
              }),
              ConditionExpression: 'attribute_not_exists(pk)',
            },
          },
          {
            Update: {
              TableName: tableName(),
              Key: countersKey(input.tenantId, input.eventId),
              UpdateExpression: 'ADD invited :one, #type :one',
              ExpressionAttributeNames: { '#type': `type_invited#${input.organisationType}` },
              ExpressionAttributeValues: { ':one': 1 },
            },
          },
          // Once per invitation (the put above is conditional): the organisation as it is now.
          outboxPut(
            input.tenantId,
            pendingEvent(
              InvitationCreated,
              {
                tenantId: input.tenantId,
                eventId: input.eventId,
                contactId: input.contactId,
                organisationId: input.organisationId,
                at: invitation.invitedAt,
              },
              `invited-${input.eventId}-${input.contactId}`,
            ),
          ),
        ],
      }),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}

/** The keys {@link listInvitations} reads: a cursor of its pages must be one of them. */
export const invitationsRange = (tenantId: string, eventId: string): KeyRange => ({
  pk: eventPk(tenantId, eventId),
  skPrefix: 'INVITE#',
});

export async function listInvitations(
  tenantId: string,
  eventId: string,
  options: { cursor?: Record<string, unknown>; limit?: number } = {},
  client = documentClient,
) {
  const range = invitationsRange(tenantId, eventId);
  const page = await client.send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': range.pk, ':prefix': range.skPrefix },
      ExclusiveStartKey: options.cursor,
      Limit: options.limit ?? 200,
    }),
  );
  return { items: (page.Items ?? []).map((i) => strip<Invitation>(i)), cursor: page.LastEvaluatedKey };
}

/**
 * The first time the RSVP page is opened: `opened` once per invitation, with its event in the
 * same transaction (the condition on the invitation makes a second view a no-op).
 */
export async function markOpened(
  tenantId: string,
  eventId: string,
  contactId: string,
  client = documentClient,
): Promise<void> {
  try {
    await writeWithEvents(
      tenantId,
      [
        {
          Update: {
            TableName: tableName(),
            Key: invitationKey(tenantId, eventId, contactId),
            UpdateExpression: 'SET opened = :true',
            ConditionExpression: 'attribute_exists(pk) AND (attribute_not_exists(opened) OR opened = :false)',
            ExpressionAttributeValues: { ':true': true, ':false': false },
          },
        },
        {
          Update: {
            TableName: tableName(),
            Key: countersKey(tenantId, eventId),
            UpdateExpression: 'ADD opened :one',
            ExpressionAttributeValues: { ':one': 1 },
          },
        },
      ],
      [
        pendingEvent(
          InvitationOpened,
          { tenantId, eventId, contactId, at: new Date().toISOString() },
          `opened-${eventId}-${contactId}`,
        ),
      ],
      client,
    );
  } catch (error) {
    if (!isConditionalCheckFailed(error)) throw error;
  }
}

/**
 * First answers per hour (UTC), one small item per hour with answers, written in the answer's
 * transaction: the event page's "answers over time" reads these, never the invitations.
 */
const ANSWERS_PREFIX = 'ANSWERS#';
const answersHourKey = (tenantId: string, eventId: string, at: string) => ({
  pk: eventPk(tenantId, eventId),
  sk: `${ANSWERS_PREFIX}${at.slice(0, 13)}`,
});

/** The event's first answers by hour: `{ hour: '2026-03-02T09', count }`, oldest first. */
export async function answersByHour(
  tenantId: string,
  eventId: string,
  client = documentClient,
): Promise<{ hour: string; count: number }[]> {
  const items = await queryAll(eventPk(tenantId, eventId), ANSWERS_PREFIX, client);
  return items
    .map((item) => ({ hour: String(item.sk).slice(ANSWERS_PREFIX.length), count: Number(item.count ?? 0) }))
    .sort((a, b) => a.hour.localeCompare(b.hour));
}

// ---------------------------------------------------------------- colleagues

/**
 * How many colleagues may be sent in someone's place ("send a colleague instead", a public form
 * behind the RSVP link): each invitation may forward to 3, and all of one organisation's
 * invitations to one event together to 10. Each forward creates a contact and mails an invitation
 * to an address the link's holder chooses, so without a bound one link is a mail relay. The
 * organisation's bound holds chains too: a colleague's own link forwards against the same total.
 */
export const colleagueLimits = { perInvitation: 3, perOrganisation: 10 } as const;

/**
 * Takes one forward from both bounds, or none: one conditional UpdateItem on one item per
 * organisation and event, so concurrent posts cannot overshoot (DynamoDB applies updates of an
 * item one at a time and checks the condition on each). False when a bound is reached.
 */
export async function takeColleagueForward(
  ids: { tenantId: string; eventId: string; organisationId: string; contactId: string },
  client = documentClient,
): Promise<boolean> {
  try {
    await client.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: colleaguesKey(ids.tenantId, ids.eventId, ids.organisationId),
        UpdateExpression: 'ADD #total :one, #mine :one',
        ConditionExpression:
          '(attribute_not_exists(#total) OR #total < :organisation) AND (attribute_not_exists(#mine) OR #mine < :invitation)',
        ExpressionAttributeNames: { '#total': 'total', '#mine': `from#${ids.contactId}` },
        ExpressionAttributeValues: {
          ':one': 1,
          ':organisation': colleagueLimits.perOrganisation,
          ':invitation': colleagueLimits.perInvitation,
        },
      }),
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}

// ---------------------------------------------------------------- answers

export type RsvpOutcome =
  | { result: 'attending'; seats: number; invitation?: Invitation }
  | { result: 'waitlisted'; position: number; invitation?: Invitation }
  | { result: 'declined'; releasedSeats: number; invitation?: Invitation }
  | { result: 'org-limit'; available: number; invitation?: Invitation };

type Item = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/** Counter deltas an answer makes, as `ADD` clauses on the counters item. */
function counterUpdate(
  tenantId: string,
  eventId: string,
  deltas: Record<string, number>,
  condition?: { capacityLeftFor: number },
  /** Holds only while the event is full for an answer wanting seats: more than this are taken. */
  fullAbove?: number,
): Item {
  const entries = Object.entries(deltas).filter(([, n]) => n !== 0);
  const names: Record<string, string> = {};
  const values: Record<string, number> = {};
  const parts = entries.map(([key, n], i) => {
    names[`#c${i}`] = key;
    values[`:c${i}`] = n;
    return `#c${i} :c${i}`;
  });
  const update: NonNullable<Item['Update']> = {
    TableName: tableName(),
    Key: countersKey(tenantId, eventId),
    UpdateExpression: parts.length ? `ADD ${parts.join(', ')}` : 'SET touched = :now',
    ExpressionAttributeNames: Object.keys(names).length ? names : undefined,
    ExpressionAttributeValues: parts.length ? values : { ':now': Date.now() },
  };
  if (fullAbove !== undefined) {
    update.ConditionExpression = 'attendingSeats > :full';
    update.ExpressionAttributeValues = { ...update.ExpressionAttributeValues, ':full': fullAbove };
  }
  if (condition) {
    // Capacity: the seats held after this answer may not exceed it. DynamoDB conditions cannot
    // add, so the caller passes capacity minus the seats this answer adds.
    update.ConditionExpression = 'attendingSeats <= :left';
    update.ExpressionAttributeValues = {
      ...update.ExpressionAttributeValues,
      ':left': condition.capacityLeftFor,
    };
  }
  return { Update: update };
}

function dietaryDeltas(
  before: Invitation | undefined,
  after: { dietary: string[]; seats: number } | undefined,
  sign = 1,
) {
  const deltas: Record<string, number> = {};
  // Counted per person: the form asks for the party's needs, and the caterer orders per plate.
  const beforeSeats = Math.max(1, before?.seats ?? 1);
  for (const d of before?.status === 'attending' ? before.dietary : [])
    deltas[`diet_${d}`] = (deltas[`diet_${d}`] ?? 0) - sign * beforeSeats;
  for (const d of after?.dietary ?? [])
    deltas[`diet_${d}`] = (deltas[`diet_${d}`] ?? 0) + sign * Math.max(1, after?.seats ?? 1);
  return deltas;
}

function typeDeltas(invitation: Invitation, from: string, to: string): Record<string, number> {
  if (from === to) return {};
  const deltas: Record<string, number> = {};
  if (from !== 'invited') deltas[`type_${from}#${invitation.organisationType}`] = -1;
  if (to !== 'invited') deltas[`type_${to}#${invitation.organisationType}`] = 1;
  return deltas;
}

const isCancelledBecause = (error: unknown, index: number) =>
  (error as { name?: string }).name === 'TransactionCanceledException' &&
  (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons?.[index]?.Code ===
    'ConditionalCheckFailed';

const isConflict = (error: unknown) => {
  const e = error as { name?: string; CancellationReasons?: { Code?: string }[] };
  return (
    e.name === 'TransactionConflictException' ||
    (e.name === 'TransactionCanceledException' &&
      (e.CancellationReasons ?? []).some((r) => r.Code === 'TransactionConflict'))
  );
};

/**
 * How long an answer that lost a race waits before it tries again: jittered, growing from a few
 * milliseconds to a quarter of a second. Every answer to an event writes its counters item, and
 * the transaction ahead of it is done in milliseconds: a backoff growing to a second (as it was)
 * left answers asleep long after the item was free.
 */
const retryDelayMs = (attempt: number) => Math.random() * Math.min(250, 10 * 2 ** attempt);
/** Tries per answer (about four seconds of waiting at most). */
const MAX_TRIES = 30;

/** Staff's hand on the waitlist found the contact no longer on it (promoted, answered, removed). */
export class NotOnWaitlistError extends Error {
  constructor(readonly status: Invitation['status']) {
    super(`Not on the waitlist (${status})`);
  }
}

/** An open registration's answer found the invitation answered already (a second confirm, or one at once). */
export class AlreadyAnsweredError extends Error {
  constructor(readonly status: Invitation['status']) {
    super(`Already answered (${status})`);
  }
}

/** A waitlist write refused because seats came free since the answer saw the event full. */
class NoLongerFull extends Error {}

/**
 * Retries an answer that lost a race: a transaction DynamoDB cancelled for a concurrent one, or
 * an invitation whose version changed since it was read (the first item of every answer). Each
 * attempt reads the invitation again, so it decides on the current state.
 */
async function withConflictRetry<T>(attempt: () => Promise<T>): Promise<T> {
  for (let i = 0; ; i++) {
    try {
      return await attempt();
    } catch (error) {
      const retry = isConflict(error) || isCancelledBecause(error, 0) || error instanceof NoLongerFull;
      if (!retry || i >= MAX_TRIES) throw error;
      await new Promise((r) => setTimeout(r, retryDelayMs(i)));
    }
  }
}

/**
 * The waitlist, in arrival order, told its true place.
 *
 * A contact going onto the waitlist takes a ticket (an atomic counter on the event's
 * `WAITTICKET` item: arrival order, no transaction) and its waitlist key is the ticket, so the
 * promotion order is the ticket order. Its place is then known without waiting for anyone:
 * every ticket before it is, or will be, ahead of it, except those that left the waitlist (or
 * were never used), which the same item keeps as a set (`gone`, written in the transaction that
 * leaves). Place = ticket − tickets gone before it (+ places keyed before tickets existed).
 *
 * Before, the key was the time the answer began and the place was the count of keys up to it
 * when it landed, so an answer that began earlier but landed later pushed in ahead of someone
 * already told their number (60 answers at once: about one in five told a wrong place).
 */
const ticketKey = (tenantId: string, eventId: string) => ({
  pk: eventPk(tenantId, eventId),
  sk: 'WAITTICKET',
});
/** `Q` sorts after the digits of the timestamps that keyed the waitlist before tickets. */
const TICKET_PREFIX = 'Q';
const ticketSlot = (ticket: number, now: string) =>
  `${TICKET_PREFIX}${String(ticket).padStart(12, '0')}#${now}`;
const ticketOf = (slot: string | undefined): number | undefined => {
  const match = /^Q(\d{12})#/.exec(slot ?? '');
  return match?.[1] ? Number(match[1]) : undefined;
};

async function takeTicket(tenantId: string, eventId: string, client = documentClient): Promise<number> {
  const { Attributes } = await client.send(
    new UpdateCommand({
      TableName: tableName(),
      Key: ticketKey(tenantId, eventId),
      UpdateExpression: 'ADD taken :one',
      ExpressionAttributeValues: { ':one': 1 },
      ReturnValues: 'UPDATED_NEW',
    }),
  );
  return Number(Attributes?.taken);
}

/** The write that marks a ticket gone (left the waitlist, or never used), as a transaction item. */
function ticketGone(ids: { tenantId: string; eventId: string }, ticket: number) {
  return {
    Update: {
      TableName: tableName(),
      Key: ticketKey(ids.tenantId, ids.eventId),
      UpdateExpression: 'ADD gone :t',
      ExpressionAttributeValues: { ':t': new Set([ticket]) },
    },
  } satisfies Item;
}

/**
 * Records an answer. Attending takes seats in one transaction conditioned on the invitation's
 * version, the event's capacity and the organisation's seat limit; when the event is full the
 * answer goes on the waitlist instead (in order of arrival). Declining releases seats.
 */
export async function answer(
  event: Meeting,
  contactId: string,
  response: RsvpAnswer,
  /**
   * Who answered, and whether this is the waitlist's promotion rather than the contact's own
   * answer; staff's hands on the waitlist act only on a contact still on it (`onlyIfWaitlisted`),
   * and a decline they make takes the contact off it (`removedFromWaitlist`).
   */
  by: {
    actor: string;
    promotion?: boolean;
    onlyIfWaitlisted?: boolean;
    /** Only an invitation not yet answered (open registration's confirm: once, whoever clicks twice). */
    onlyIfInvited?: boolean;
    removedFromWaitlist?: boolean;
    /**
     * The invitation as the caller read it a moment ago (the RSVP page does, to check the link):
     * the first attempt decides on it rather than reading it again. Its version guards the
     * write, so a stale one is refused and the retry reads afresh.
     */
    invitation?: Invitation;
    /**
     * The event's seats taken, read beside that invitation (one request for both): the first
     * attempt decides full or not on it. Stale, it costs a refused write and a retry, never a seat.
     */
    seatsTaken?: number;
  },
  client = documentClient,
): Promise<RsvpOutcome> {
  // A waitlist ticket taken by an attempt, until a waitlist place uses it.
  let ticket: number | undefined;
  let known = by.invitation?.contactId === contactId ? by.invitation : undefined;
  let knownTaken = known ? by.seatsTaken : undefined;
  try {
    return await withConflictRetry(() => answerOnce());
  } finally {
    // Taken but not used (the answer ended otherwise): gone, so later places count right.
    if (ticket !== undefined) await client.send(new UpdateCommand(ticketGone(event, ticket).Update));
  }

  async function answerOnce(): Promise<RsvpOutcome> {
    const invitation = known ?? (await getInvitation(event.tenantId, event.eventId, contactId, client));
    known = undefined;
    if (!invitation) throw new Error('no invitation');
    if (by.onlyIfWaitlisted && invitation.status !== 'waitlisted')
      throw new NotOnWaitlistError(invitation.status);
    if (by.onlyIfInvited && invitation.status !== 'invited')
      throw new AlreadyAnsweredError(invitation.status);
    // An earlier attempt's waitlist write landed (its answer was lost): the ticket is in use.
    if (ticket !== undefined && ticketOf(invitation.waitlistedAt) === ticket) ticket = undefined;
    const now = new Date().toISOString();
    const ids = { tenantId: event.tenantId, eventId: event.eventId };
    // The invitation as the last transaction built it: what the caller gets back when it lands.
    let written: Invitation = invitation;
    const invitationUpdate = (
      status: Invitation['status'],
      seats: number,
      extra: Record<string, unknown> = {},
    ): Item => {
      written = compact({
        ...invitation,
        status,
        seats,
        names: response.names.filter(Boolean),
        dietary: response.dietary,
        dietaryOther: response.dietaryOther,
        accessibility: response.accessibility,
        note: response.note,
        // The custom questions' answers; a caller that passes none (a promotion) keeps them.
        answers: response.answers ?? invitation.answers,
        respondedAt: now,
        version: invitation.version + 1,
        removedBy: undefined,
        ...extra,
      }) as Invitation;
      // The waitlist place too: staff moving it (which keeps the version) changes the place.
      const samePlace = invitation.waitlistedAt !== undefined;
      return {
        Put: {
          TableName: tableName(),
          Item: { ...invitationKey(ids.tenantId, ids.eventId, contactId), type: 'invitation', ...written },
          ConditionExpression: samePlace
            ? 'version = :v AND waitlistedAt = :w'
            : 'version = :v AND attribute_not_exists(waitlistedAt)',
          ExpressionAttributeValues: {
            ':v': invitation.version,
            ...(samePlace ? { ':w': invitation.waitlistedAt } : {}),
          },
        },
      };
    };
    const leftTicket = invitation.status === 'waitlisted' ? ticketOf(invitation.waitlistedAt) : undefined;
    const leaveWaitlist: Item[] =
      invitation.status === 'waitlisted' && invitation.waitlistedAt
        ? [
            {
              Delete: {
                TableName: tableName(),
                Key: waitKey(ids.tenantId, ids.eventId, invitation.waitlistedAt, contactId),
              },
            },
            ...(leftTicket === undefined ? [] : [ticketGone(ids, leftTicket)]),
          ]
        : [];
    const wasAttending = invitation.status === 'attending' ? invitation.seats : 0;
    const wasWaitlisted = invitation.status === 'waitlisted' ? invitation.seats : 0;
    // The events of this answer, written in its transaction; one per invitation version, so a
    // retried write cannot announce the same answer twice.
    const version = invitation.version + 1;
    const eventId = `${ids.eventId}-${contactId}-v${version}`;
    const answered = (
      status: 'attending' | 'waitlisted' | 'declined',
      seats: number,
      releasedSeats = 0,
    ): Item[] => [
      outboxPut(
        ids.tenantId,
        by.promotion && status === 'attending'
          ? pendingEvent(
              WaitlistPromoted,
              { ...ids, contactId, invitationVersion: version, seats, actor: by.actor },
              `promoted-${eventId}`,
            )
          : pendingEvent(
              InvitationAnswered,
              {
                ...ids,
                contactId,
                invitationVersion: version,
                status,
                seats,
                releasedSeats,
                previousStatus: invitation.status,
                organisationId: invitation.organisationId,
                at: now,
                ...(status === 'declined' && by.removedFromWaitlist ? { removedFromWaitlist: true } : {}),
                actor: by.actor,
              },
              `answered-${eventId}`,
            ),
      ),
      // A first answer (from "invited") counts once in its hour: the answers-over-time figure.
      ...(invitation.status === 'invited'
        ? [
            {
              Update: {
                TableName: tableName(),
                Key: answersHourKey(ids.tenantId, ids.eventId, now),
                UpdateExpression: 'ADD #count :one',
                ExpressionAttributeNames: { '#count': 'count' },
                ExpressionAttributeValues: { ':one': 1 },
              },
            } satisfies Item,
          ]
        : []),
      ...(releasedSeats > 0
        ? [
            outboxPut(
              ids.tenantId,
              pendingEvent(
                SeatsReleased,
                { ...ids, seats: releasedSeats, actor: by.actor },
                `released-${eventId}`,
              ),
            ),
          ]
        : []),
    ];

    if (response.answer === 'decline') {
      const deltas: Record<string, number> = {
        ...typeDeltas(invitation, invitation.status, 'declined'),
        ...dietaryDeltas(invitation, undefined),
        ...choiceDeltas(invitation, undefined),
        attending: invitation.status === 'attending' ? -1 : 0,
        attendingSeats: -wasAttending,
        waitlisted: invitation.status === 'waitlisted' ? -1 : 0,
        waitlistedSeats: -wasWaitlisted,
        declined: invitation.status === 'declined' ? 0 : 1,
      };
      const items: Item[] = [
        invitationUpdate('declined', 0, {
          waitlistedAt: undefined,
          ...(by.removedFromWaitlist ? { removedBy: by.actor } : {}),
        }),
        counterUpdate(ids.tenantId, ids.eventId, deltas),
        ...leaveWaitlist,
        ...answered('declined', 0, wasAttending),
      ];
      if (wasAttending) items.push(orgSeatsUpdate(ids, invitation.organisationId, -wasAttending));
      await client.send(new TransactWriteCommand({ TransactItems: items }));
      return { result: 'declined', releasedSeats: wasAttending, invitation: written };
    }

    const seats = event.questions.headcount ? Math.min(response.seats, event.seatLimitPerOrganisation) : 1;
    const delta = seats - wasAttending;
    const attendDeltas: Record<string, number> = {
      ...typeDeltas(invitation, invitation.status, 'attending'),
      ...dietaryDeltas(invitation, { dietary: response.dietary, seats }),
      ...choiceDeltas(invitation, response.answers ?? invitation.answers),
      attending: invitation.status === 'attending' ? 0 : 1,
      attendingSeats: delta,
      waitlisted: invitation.status === 'waitlisted' ? -1 : 0,
      waitlistedSeats: -wasWaitlisted,
      declined: invitation.status === 'declined' ? -1 : 0,
    };
    const items: Item[] = [
      invitationUpdate('attending', seats, { waitlistedAt: undefined }),
      counterUpdate(
        ids.tenantId,
        ids.eventId,
        attendDeltas,
        delta > 0 ? { capacityLeftFor: event.capacity - delta } : undefined,
      ),
      orgSeatsUpdate(ids, invitation.organisationId, delta, event.seatLimitPerOrganisation),
      ...leaveWaitlist,
      ...answered('attending', seats, Math.max(0, -delta)),
    ];
    const orgLimit = (held: number): RsvpOutcome => ({
      result: 'org-limit',
      available: Math.max(0, event.seatLimitPerOrganisation - held + wasAttending),
    });
    // Seen full already (a burst's later answers): straight to the waitlist, whose write holds
    // only while the event is still full, rather than a seat transaction bound to be refused.
    // (Locally DynamoDB runs transactions one at a time: each one saved shortens a burst.)
    let seenFull = false;
    const taken = knownTaken;
    knownTaken = undefined;
    if (delta > 0 && invitation.status !== 'attending') {
      seenFull = (taken ?? (await seatsTaken(ids.tenantId, ids.eventId, client))) + delta > event.capacity;
      // The organisation's own limit matters here only on the way to the waitlist (the seat
      // transaction checks it itself).
      if (seenFull) {
        const held = await orgSeats(ids.tenantId, ids.eventId, invitation.organisationId, client);
        if (held + delta > event.seatLimitPerOrganisation) return orgLimit(held);
      }
    }
    if (!seenFull) {
      try {
        await client.send(new TransactWriteCommand({ TransactItems: items }));
        return { result: 'attending', seats, invitation: written };
      } catch (error) {
        if (isCancelledBecause(error, 2))
          return orgLimit(await orgSeats(ids.tenantId, ids.eventId, invitation.organisationId, client));
        if (!isCancelledBecause(error, 1)) throw error;
      }
    }
    // Full: onto the waitlist (or stay there, keeping the place, with the new answers).
    if (invitation.status === 'attending') return { result: 'attending', seats: wasAttending };
    // A promotion that finds no room leaves the place as it is (nothing written, nobody told).
    if (by.promotion)
      return {
        result: 'waitlisted',
        position: invitation.waitlistedAt
          ? await waitlistPosition(ids.tenantId, ids.eventId, invitation.waitlistedAt, client)
          : 1,
        invitation,
      };
    const staying = invitation.status === 'waitlisted' && invitation.waitlistedAt !== undefined;
    const waitDeltas: Record<string, number> = {
      ...typeDeltas(invitation, invitation.status, 'waitlisted'),
      waitlisted: invitation.status === 'waitlisted' ? 0 : 1,
      waitlistedSeats: seats - wasWaitlisted,
      declined: invitation.status === 'declined' ? -1 : 0,
    };
    // A new place takes a ticket (kept if this answer is tried again); staying keeps the place.
    if (!staying) {
      ticket ??= await takeTicket(ids.tenantId, ids.eventId, client);
    }
    const waitlistedAt = staying ? (invitation.waitlistedAt as string) : ticketSlot(ticket as number, now);
    const waitlisting = client.send(
      new TransactWriteCommand({
        TransactItems: [
          invitationUpdate('waitlisted', seats, { waitlistedAt }),
          counterUpdate(ids.tenantId, ids.eventId, waitDeltas, undefined, event.capacity - seats),
          {
            Put: {
              TableName: tableName(),
              Item: {
                ...waitKey(ids.tenantId, ids.eventId, waitlistedAt, contactId),
                type: 'waitlist',
                contactId,
                seats,
                waitlistedAt,
              },
            },
          },
          ...answered('waitlisted', seats),
        ],
      }),
    );
    try {
      await waitlisting;
    } catch (error) {
      // Seats came free since: answer again (a seat, most likely).
      if (isCancelledBecause(error, 1)) throw new NoLongerFull();
      throw error;
    }
    if (!staying) ticket = undefined; // used
    return {
      result: 'waitlisted',
      position: await waitlistPosition(ids.tenantId, ids.eventId, waitlistedAt, client),
      invitation: written,
    };
  }
}

function orgSeatsUpdate(
  ids: { tenantId: string; eventId: string },
  organisationId: string,
  delta: number,
  limit?: number,
): Item {
  const update: NonNullable<Item['Update']> = {
    TableName: tableName(),
    Key: orgSeatsKey(ids.tenantId, ids.eventId, organisationId),
    UpdateExpression: 'ADD seats :delta',
    ExpressionAttributeValues: { ':delta': delta },
  };
  if (limit !== undefined && delta > 0) {
    // The caller never asks for more than the limit at once, so a missing item always fits.
    update.ConditionExpression = 'attribute_not_exists(seats) OR seats <= :left';
    update.ExpressionAttributeValues = { ':delta': delta, ':left': limit - delta };
  }
  return { Update: update };
}

/** The seats the event's attendees hold (its counters item). */
export async function seatsTaken(
  tenantId: string,
  eventId: string,
  client = documentClient,
): Promise<number> {
  const Item = await getItem(countersKey(tenantId, eventId), { consistent: true, client });
  return Number(Item?.attendingSeats ?? 0);
}

async function orgSeats(
  tenantId: string,
  eventId: string,
  organisationId: string,
  client = documentClient,
): Promise<number> {
  const Item = await getItem(orgSeatsKey(tenantId, eventId, organisationId), { consistent: true, client });
  return Number(Item?.seats ?? 0);
}

/** A waitlist place's number: see "The waitlist, in arrival order, told its true place". */
export async function waitlistPosition(
  tenantId: string,
  eventId: string,
  waitlistedAt: string,
  client = documentClient,
) {
  const ticket = ticketOf(waitlistedAt);
  // Places keyed by time (before tickets), or all up to this one if it is such a place; and the
  // tickets gone, read side by side.
  const [{ Count }, tickets] = await Promise.all([
    client.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
        ExpressionAttributeValues: {
          ':pk': eventPk(tenantId, eventId),
          ':from': 'WAIT#',
          ':to': ticket === undefined ? `WAIT#${waitlistedAt}~` : `WAIT#${TICKET_PREFIX}`,
        },
        Select: 'COUNT',
        ConsistentRead: true,
      }),
    ),
    ticket === undefined ? undefined : getItem(ticketKey(tenantId, eventId), { consistent: true, client }),
  ]);
  if (ticket === undefined) return Count ?? 1;
  const gone = [...((tickets?.gone as Set<number> | undefined) ?? [])].filter(
    (t) => Number(t) < ticket,
  ).length;
  return (Count ?? 0) + ticket - gone;
}

/** The waitlist in order (oldest first). */
export async function waitlist(tenantId: string, eventId: string, limit = 50, client = documentClient) {
  const { Items } = await client.send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': eventPk(tenantId, eventId), ':prefix': 'WAIT#' },
      ConsistentRead: true,
      Limit: limit,
    }),
  );
  return (Items ?? []).map((i) => ({
    contactId: String(i.contactId),
    seats: Number(i.seats),
    waitlistedAt: String(i.waitlistedAt),
  }));
}

/**
 * Gives freed seats to the waitlist, first come first served: each candidate in order is moved
 * to attending with the same conditions as any answer; one who would break their
 * organisation's limit is passed over (and keeps their place). Returns who was promoted.
 */
export async function promoteFromWaitlist(
  event: Meeting,
  actor: string,
  client = documentClient,
): Promise<string[]> {
  const promoted: string[] = [];
  for (const candidate of await waitlist(event.tenantId, event.eventId, 100, client)) {
    const invitation = await getInvitation(event.tenantId, event.eventId, candidate.contactId, client);
    if (invitation?.status !== 'waitlisted') continue;
    const counters = await getCounters(event.tenantId, event.eventId, client);
    if (counters.attendingSeats >= event.capacity) break;
    const outcome = await answer(
      event,
      candidate.contactId,
      {
        answer: 'attend',
        seats: invitation.seats,
        names: invitation.names,
        dietary: invitation.dietary,
        dietaryOther: invitation.dietaryOther,
        accessibility: invitation.accessibility,
        note: invitation.note,
      },
      { actor, promotion: true },
      client,
    );
    if (outcome.result === 'attending') promoted.push(candidate.contactId);
    // Still full for this one (it needs more seats than are free): later, smaller ones may fit.
  }
  return promoted;
}

/**
 * Staff promote one contact from the waitlist by hand, out of turn: the same transaction as any
 * promotion (capacity and the organisation's limit are its conditions, so concurrent promotes
 * cannot overbook), announced as WaitlistPromoted (mailed with the calendar entry). `waitlisted`
 * means there was no room: nothing was written.
 */
export async function promoteByHand(
  event: Meeting,
  contactId: string,
  actor: string,
  client = documentClient,
) {
  const invitation = await getInvitation(event.tenantId, event.eventId, contactId, client);
  if (invitation?.status !== 'waitlisted') throw new NotOnWaitlistError(invitation?.status ?? 'invited');
  return answer(
    event,
    contactId,
    {
      answer: 'attend',
      seats: invitation.seats,
      names: invitation.names,
      dietary: invitation.dietary,
      dietaryOther: invitation.dietaryOther,
      accessibility: invitation.accessibility,
      note: invitation.note,
    },
    { actor, promotion: true, onlyIfWaitlisted: true },
    client,
  );
}

/**
 * Staff take a contact off the waitlist: a decline recorded as theirs (`removedBy`), with the
 * counters and the ticket's place given up in the same transaction (so the places behind it
 * move up, told right), announced as InvitationAnswered with `removedFromWaitlist`.
 */
export async function removeFromWaitlist(
  event: Meeting,
  contactId: string,
  actor: string,
  client = documentClient,
) {
  return answer(
    event,
    contactId,
    { answer: 'decline', seats: 1, names: [], dietary: [] },
    { actor, onlyIfWaitlisted: true, removedFromWaitlist: true },
    client,
  );
}

/**
 * Moves a contact one place up or down the waitlist by swapping places (the waitlist keys and
 * the invitations' `waitlistedAt`) with the neighbour, in one transaction conditioned on both
 * places being unchanged. Every place number stays true: the two swap numbers, nobody else's
 * moves, and no ticket is given up. Answers `false` at the end of the list.
 */
export async function moveOnWaitlist(
  event: Meeting,
  contactId: string,
  direction: 'up' | 'down',
  actor: string,
  client = documentClient,
): Promise<boolean> {
  const ids = { tenantId: event.tenantId, eventId: event.eventId };
  for (let attempt = 0; attempt < MAX_TRIES; attempt++) {
    const me = await getInvitation(ids.tenantId, ids.eventId, contactId, client);
    if (me?.status !== 'waitlisted' || !me.waitlistedAt)
      throw new NotOnWaitlistError(me?.status ?? 'invited');
    const mySk = waitKey(ids.tenantId, ids.eventId, me.waitlistedAt, contactId).sk;
    // The neighbour: the nearest key before (up) or after (down) in the event's partition, if a place.
    const { Items } = await client.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: direction === 'up' ? 'pk = :pk AND sk < :me' : 'pk = :pk AND sk > :me',
        ExpressionAttributeValues: { ':pk': eventPk(ids.tenantId, ids.eventId), ':me': mySk },
        ScanIndexForward: direction === 'down',
        ConsistentRead: true,
        Limit: 1,
      }),
    );
    const next = Items?.[0]?.sk?.toString().startsWith('WAIT#') ? Items[0] : undefined;
    if (!next) return false;
    const other = await getInvitation(ids.tenantId, ids.eventId, String(next.contactId), client);
    if (other?.status !== 'waitlisted' || !other.waitlistedAt || other.waitlistedAt !== next.waitlistedAt) {
      await new Promise((r) => setTimeout(r, retryDelayMs(attempt)));
      continue;
    }
    const swap = (who: Invitation, place: string): Item[] => [
      {
        Update: {
          TableName: tableName(),
          Key: invitationKey(ids.tenantId, ids.eventId, who.contactId),
          UpdateExpression: 'SET waitlistedAt = :to',
          ConditionExpression: '#s = :waitlisted AND version = :v AND waitlistedAt = :from',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: {
            ':to': place,
            ':from': who.waitlistedAt,
            ':v': who.version,
            ':waitlisted': 'waitlisted',
          },
        },
      },
      {
        Delete: {
          TableName: tableName(),
          Key: waitKey(ids.tenantId, ids.eventId, who.waitlistedAt as string, who.contactId),
          ConditionExpression: 'attribute_exists(pk)',
        },
      },
      {
        Put: {
          TableName: tableName(),
          Item: {
            ...waitKey(ids.tenantId, ids.eventId, place, who.contactId),
            type: 'waitlist',
            contactId: who.contactId,
            seats: who.seats,
            waitlistedAt: place,
          },
        },
      },
    ];
    try {
      await client.send(
        new TransactWriteCommand({
          TransactItems: [
            ...swap(me, other.waitlistedAt as string),
            ...swap(other, me.waitlistedAt),
            outboxPut(
              ids.tenantId,
              pendingEvent(WaitlistMoved, {
                ...ids,
                contactId,
                direction,
                swappedWith: other.contactId,
                actor,
              }),
            ),
          ],
        }),
      );
      return true;
    } catch (error) {
      const e = error as { name?: string };
      if (e.name !== 'TransactionCanceledException' && !isConflict(error)) throw error;
      await new Promise((r) => setTimeout(r, retryDelayMs(attempt)));
    }
  }
  throw new Error('The waitlist kept changing under this move');
}

/** A person an answer does not hold (beyond its seats, or not attending). */
export class NoSuchPersonError extends Error {}

/**
 * Marks who came, on the day: one person of an answer (`person`, 0-based, below its seats) or
 * the whole answer. `present` counts people, `attended` answers with anyone present. Written on
 * the invitation's attendance revision, so two check-ins at once both count; answers false when
 * nothing changed (a double tap) or there is no such invitation.
 */
export async function markAttended(
  tenantId: string,
  eventId: string,
  contactId: string,
  attended: boolean,
  person?: number,
  client = documentClient,
): Promise<boolean> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const { Item } = await client.send(
      new GetCommand({
        TableName: tableName(),
        Key: invitationKey(tenantId, eventId, contactId),
        ConsistentRead: true,
      }),
    );
    const invitation = Item as (Invitation & { presentRev?: number }) | undefined;
    if (!invitation) return false;
    const seats = Math.max(1, invitation.seats);
    if (person !== undefined && (invitation.status !== 'attending' || person >= seats))
      throw new NoSuchPersonError('No such person on this answer');
    const before = presentOf(invitation);
    const wanted = person === undefined ? Array.from({ length: seats }, (_, i) => i) : [person];
    const after = attended
      ? [...new Set([...before, ...wanted])].sort((a, b) => a - b)
      : before.filter((i) => !wanted.includes(i));
    if (after.length === before.length) return false;
    const anyBefore = invitation.attended === true || before.length > 0;
    const revision = invitation.presentRev ?? 0;
    try {
      await client.send(
        new TransactWriteCommand({
          TransactItems: [
            {
              Update: {
                TableName: tableName(),
                Key: invitationKey(tenantId, eventId, contactId),
                UpdateExpression: 'SET attended = :any, present = :present, presentRev = :next',
                ConditionExpression:
                  'attribute_exists(pk) AND (attribute_not_exists(presentRev) OR presentRev = :rev)',
                ExpressionAttributeValues: {
                  ':any': after.length > 0,
                  ':present': after,
                  ':next': revision + 1,
                  ':rev': revision,
                },
              },
            },
            counterUpdate(tenantId, eventId, {
              present: after.length - before.length,
              attended: (after.length > 0 ? 1 : 0) - (anyBefore ? 1 : 0),
            }),
            outboxPut(
              tenantId,
              pendingEvent(
                AttendanceMarked,
                {
                  tenantId,
                  eventId,
                  contactId,
                  organisationId: invitation.organisationId,
                  attended: after.length > 0,
                  at: new Date().toISOString(),
                },
                `attendance-${eventId}-${contactId}-r${revision + 1}`,
              ),
            ),
          ],
        }),
      );
      return true;
    } catch (error) {
      if (!isCancelledBecause(error, 0)) throw error;
    }
  }
  throw new Error('Attendance kept changing under this check-in');
}

// ---------------------------------------------------------------- the event's sends

/** Why a campaign was sent for an event: what the event page's "Utskick" lists. */
export type EventSendPurpose = 'invitation' | 'non-responders' | 'attendees-message';

/** A campaign sent for an event (its figures live on the campaign, in the mail capability). */
export interface EventSend {
  campaignId: string;
  purpose: EventSendPurpose;
  createdAt: string;
  createdBy: string;
  /** A send asked for later. */
  sendAt?: string;
}

const sendKey = (tenantId: string, eventId: string, campaignId: string) => ({
  pk: eventPk(tenantId, eventId),
  sk: `SEND#${campaignId}`,
});

/**
 * Notes a campaign under its event, before the campaign is made (a note whose campaign never came
 * is skipped when listed), so the event page finds its sends with one Query, not a scan of mail.
 */
export async function recordEventSend(
  tenantId: string,
  eventId: string,
  send: EventSend,
  client = documentClient,
): Promise<void> {
  await client.send(
    new PutCommand({
      TableName: tableName(),
      Item: compact({ ...sendKey(tenantId, eventId, send.campaignId), type: 'event-send', ...send }),
    }),
  );
}

/** The event's sends, newest first (at most 50: an event has a handful). */
export async function listEventSends(
  tenantId: string,
  eventId: string,
  client = documentClient,
): Promise<EventSend[]> {
  const { Items } = await client.send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': eventPk(tenantId, eventId), ':prefix': 'SEND#' },
      Limit: 50,
    }),
  );
  return (Items ?? [])
    .map((item) => strip<EventSend>(item))
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}
