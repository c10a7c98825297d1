import { randomUUID } from 'node:crypto';
import {
  GetCommand,
  QueryCommand,
  type QueryCommandInput,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../platform/aws/clients.js';
import { HttpError } from '../../platform/http/errors.js';
import type { KeyRange } from '../../platform/table/cursor.js';
import { compact, tableName, tenantPk, withoutKeys } from '../../platform/table/table.js';
import type { Language } from '../../platform/texts/language.js';
import type { Country } from '../org-number.js';
import {
  type ContactInput,
  type ContactUpdate,
  emailKey,
  type LawfulBasisRecord,
  type OrganisationInput,
  type OrganisationUpdate,
  organisationNumberKey,
} from '../schemas.js';
import { type Contact, contactKey, type Organisation } from './contacts.js';
import { engagedNow } from './engagement.js';

/**
 * The write side of organisations and contacts (the mail pipeline reads them through
 * `contacts.ts`; the shapes are the same). Items, all under `T#<tenant>`:
 *
 * | item                      | sk                                   |
 * |---------------------------|--------------------------------------|
 * | organisation              | ORG#<organisationId>                 |
 * | contact                   | CONTACT#<contactId>                  |
 * | unique email (guard)      | UNIQUE#EMAIL#<hash of the address>   |
 * | unique org. no. (guard)   | UNIQUE#ORGNR#<hash of country+number>|
 *
 * A guard is written in the same transaction as its record, on condition that it does not exist
 * (or is the record's own), so two contacts of a tenant never share an address and two
 * organisations never share a number, whatever runs at the same time. Guard keys hold a hash,
 * so an address never appears in a key.
 */

export const organisationKey = (tenantId: string, organisationId: string) => ({
  pk: tenantPk(tenantId),
  sk: `ORG#${organisationId}`,
});
export const emailGuardKey = (tenantId: string, email: string) => ({
  pk: tenantPk(tenantId),
  sk: `UNIQUE#EMAIL#${emailKey(email)}`,
});
export const organisationNumberGuardKey = (
  tenantId: string,
  country: Country,
  organisationNumber: string,
) => ({
  pk: tenantPk(tenantId),
  sk: `UNIQUE#ORGNR#${organisationNumberKey(country, organisationNumber)}`,
});

/** 409 naming the field whose value another record of the tenant already has. */
export class UniqueConflict extends HttpError {
  constructor(
    readonly field: 'email' | 'organisationNumber',
    readonly existingId: string | undefined,
  ) {
    const message =
      field === 'email'
        ? 'Another contact already has this email address'
        : 'Another organisation already has this organisation number';
    super(409, message, [{ field: `body.${field}`, message }]);
    this.name = 'UniqueConflict';
  }
}

/** Who writes, and through which channel. */
export interface WriteMeta {
  actor: string;
  /** `staff-api`, `console`, `csv-import:<importId>`… */
  source: string;
  /** The time of the write (tests and imports pass one; default now). */
  now?: string;
}

/** The indexes of the transaction's items whose condition failed (empty for other failures). */
function failedConditions(error: unknown): number[] | undefined {
  const name = (error as { name?: string })?.name;
  if (name !== 'TransactionCanceledException') return undefined;
  const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
  return reasons.flatMap((r, i) => (r.Code === 'ConditionalCheckFailed' ? [i] : []));
}

/** A transaction cancelled because another one touched the same items at the same time. */
function isTransactionConflict(error: unknown): boolean {
  const reasons = (error as { CancellationReasons?: { Code?: string }[] })?.CancellationReasons ?? [];
  return (
    (error as { name?: string })?.name === 'TransactionCanceledException' &&
    reasons.some((r) => r.Code === 'TransactionConflict')
  );
}

const transact = (items: NonNullable<TransactWriteCommandInput['TransactItems']>, client = documentClient) =>
  client.send(new TransactWriteCommand({ TransactItems: items }));

/** SET the defined values, REMOVE the undefined ones: an Update that never touches other attributes. */
function updateExpression(fields: Record<string, unknown>, extraValues: Record<string, unknown> = {}) {
  const names: Record<string, string> = {};
  const values: Record<string, unknown> = { ...extraValues };
  const set: string[] = [];
  const remove: string[] = [];
  Object.entries(fields).forEach(([field, value], i) => {
    names[`#f${i}`] = field;
    if (value === undefined || value === '') remove.push(`#f${i}`);
    else {
      values[`:f${i}`] = value;
      set.push(`#f${i} = :f${i}`);
    }
  });
  const expression = [
    set.length ? `SET ${set.join(', ')}` : '',
    remove.length ? `REMOVE ${remove.join(', ')}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  return { UpdateExpression: expression, ExpressionAttributeNames: names, ExpressionAttributeValues: values };
}

async function guardOwner(key: { pk: string; sk: string }, client = documentClient) {
  const { Item } = await client.send(
    new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }),
  );
  return Item as { contactId?: string; organisationId?: string } | undefined;
}

function stale(what: 'organisation' | 'contact'): HttpError {
  return new HttpError(409, `The ${what} was changed by someone else; reload and try again`, [
    { field: 'body.expectedVersion', message: 'Stale version' },
  ]);
}

/** Who made a new record, when and through which channel: the same on every record created. */
function creationStamp(meta: WriteMeta, now: string) {
  return {
    source: meta.source,
    version: 1,
    createdAt: now,
    createdBy: meta.actor,
    updatedAt: now,
    updatedBy: meta.actor,
  };
}

/* ---------------- organisations ---------------- */

function organisationFromItem(item: Record<string, unknown>): Organisation {
  const { type: _type, ...rest } = withoutKeys(item);
  return { tags: [], ...rest } as unknown as Organisation;
}

export type NewOrganisation = Omit<OrganisationInput, 'country'> & { country: Country };

/**
 * Creates an organisation and, with a number, its guard. With a fixed `organisationId` the
 * creation is idempotent: `created: false` when that id exists already.
 */
export async function createOrganisation(
  tenantId: string,
  input: NewOrganisation,
  meta: WriteMeta,
  options: { organisationId?: string } = {},
  client = documentClient,
): Promise<{ organisation: Organisation; created: boolean }> {
  const now = meta.now ?? new Date().toISOString();
  const organisationId = options.organisationId ?? randomUUID();
  const organisation: Organisation = {
    organisationId,
    tenantId,
    name: input.name,
    organisationNumber: input.organisationNumber,
    country: input.country,
    industry: input.industry,
    area: input.area,
    size: input.size,
    organisationType: input.organisationType,
    tags: input.tags,
    ...creationStamp(meta, now),
  };
  const items: NonNullable<TransactWriteCommandInput['TransactItems']> = [
    {
      Put: {
        TableName: tableName(),
        Item: compact({
          ...organisationKey(tenantId, organisationId),
          type: 'organisation',
          ...organisation,
        }),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ];
  if (input.organisationNumber) {
    items.push({
      Put: {
        TableName: tableName(),
        Item: {
          ...organisationNumberGuardKey(tenantId, input.country, input.organisationNumber),
          type: 'unique',
          kind: 'organisationNumber',
          organisationId,
        },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    });
  }
  try {
    await transact(items, client);
    return { organisation: compact(organisation), created: true };
  } catch (error) {
    const failed = failedConditions(error);
    if (!failed?.length) throw error;
    if (failed.includes(0)) {
      const existing = await getOrganisation(tenantId, organisationId, client);
      if (existing) return { organisation: existing, created: false };
    }
    const owner = input.organisationNumber
      ? await guardOwner(
          organisationNumberGuardKey(tenantId, input.country, input.organisationNumber),
          client,
        )
      : undefined;
    throw new UniqueConflict('organisationNumber', owner?.organisationId);
  }
}

export async function getOrganisation(
  tenantId: string,
  organisationId: string,
  client = documentClient,
): Promise<Organisation | undefined> {
  const { Item } = await client.send(
    new GetCommand({ TableName: tableName(), Key: organisationKey(tenantId, organisationId) }),
  );
  return Item ? organisationFromItem(Item) : undefined;
}

async function queryAll(
  input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>,
  client = documentClient,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new QueryCommand({ ...input, TableName: tableName(), ExclusiveStartKey: cursor }),
    );
    items.push(...(page.Items ?? []));
    cursor = page.LastEvaluatedKey;
  } while (cursor);
  return items;
}

const byName = <T extends { name: string }>(a: T, b: T) => a.name.localeCompare(b.name, 'sv');

export async function listOrganisations(tenantId: string, client = documentClient): Promise<Organisation[]> {
  const items = await queryAll(
    {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': tenantPk(tenantId), ':prefix': 'ORG#' },
    },
    client,
  );
  return items.map(organisationFromItem).sort(byName);
}

/** The keys {@link organisationsPage} reads: a cursor of its pages must be one of them. */
export const organisationsRange = (tenantId: string): KeyRange => ({
  pk: tenantPk(tenantId),
  skPrefix: 'ORG#',
});

/** One page of the tenant's organisations, in key order (for lists that must not read them all). */
export async function organisationsPage(
  tenantId: string,
  cursor: Record<string, unknown> | undefined,
  limit = 50,
  client = documentClient,
): Promise<{ items: Organisation[]; cursor?: Record<string, unknown> }> {
  const range = organisationsRange(tenantId);
  const page = await client.send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': range.pk, ':prefix': range.skPrefix },
      ExclusiveStartKey: cursor,
      Limit: limit,
    }),
  );
  return { items: (page.Items ?? []).map(organisationFromItem), cursor: page.LastEvaluatedKey };
}

/** How many contacts each organisation has (organisations without contacts are absent). */
export async function contactCounts(tenantId: string, client = documentClient): Promise<Map<string, number>> {
  const items = await queryAll(
    {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': tenantPk(tenantId), ':prefix': 'CONTACT#' },
      ProjectionExpression: 'organisationId',
    },
    client,
  );
  const counts = new Map<string, number>();
  for (const item of items) {
    if (typeof item.organisationId === 'string') {
      counts.set(item.organisationId, (counts.get(item.organisationId) ?? 0) + 1);
    }
  }
  return counts;
}

/** Replaces the editable fields (optimistic: on the version read), moving the number's guard. */
export async function updateOrganisation(
  before: Organisation & { tenantId: string },
  update: Omit<OrganisationUpdate, 'country'> & { country: Country },
  meta: WriteMeta,
  client = documentClient,
): Promise<Organisation> {
  const version = before.version ?? 1;
  if (update.expectedVersion !== undefined && update.expectedVersion !== version) throw stale('organisation');
  const now = meta.now ?? new Date().toISOString();
  const fields = {
    name: update.name,
    organisationNumber: update.organisationNumber,
    country: update.country,
    industry: update.industry,
    area: update.area,
    size: update.size,
    organisationType: update.organisationType,
    tags: update.tags,
    version: version + 1,
    updatedAt: now,
    updatedBy: meta.actor,
  };
  const { tenantId, organisationId } = before;
  const hasVersion = before.version !== undefined;
  const items: NonNullable<TransactWriteCommandInput['TransactItems']> = [
    {
      Update: {
        TableName: tableName(),
        Key: organisationKey(tenantId, organisationId),
        ...updateExpression(fields, hasVersion ? { ':v': version } : {}),
        ConditionExpression: hasVersion ? 'version = :v' : 'attribute_exists(pk)',
      },
    },
  ];
  const oldGuard =
    before.organisationNumber && before.country
      ? organisationNumberGuardKey(tenantId, before.country, before.organisationNumber)
      : undefined;
  const newGuard = update.organisationNumber
    ? organisationNumberGuardKey(tenantId, update.country, update.organisationNumber)
    : undefined;
  if (oldGuard && oldGuard.sk !== newGuard?.sk) {
    items.push({
      Delete: {
        TableName: tableName(),
        Key: oldGuard,
        ConditionExpression: 'attribute_not_exists(pk) OR organisationId = :id',
        ExpressionAttributeValues: { ':id': organisationId },
      },
    });
  }
  if (newGuard) {
    items.push({
      Put: {
        TableName: tableName(),
        Item: { ...newGuard, type: 'unique', kind: 'organisationNumber', organisationId },
        ConditionExpression: 'attribute_not_exists(pk) OR organisationId = :id',
        ExpressionAttributeValues: { ':id': organisationId },
      },
    });
  }
  try {
    await transact(items, client);
  } catch (error) {
    const failed = failedConditions(error);
    if (!failed?.length) throw error;
    if (failed.includes(0)) throw stale('organisation');
    const owner = newGuard ? await guardOwner(newGuard, client) : undefined;
    throw new UniqueConflict('organisationNumber', owner?.organisationId);
  }
  return (await getOrganisation(tenantId, organisationId, client)) as Organisation;
}

/** Deletes an organisation that has no contacts left (409 naming it otherwise), and its guard. */
export async function deleteOrganisation(
  tenantId: string,
  organisation: Organisation,
  client = documentClient,
): Promise<void> {
  const linked = await listContacts(tenantId, { organisationId: organisation.organisationId }, client);
  if (linked.length > 0) {
    throw new HttpError(
      409,
      `The organisation still has ${linked.length} contact(s); delete them or move them to another organisation first`,
      [{ field: 'path.organisationId', message: 'Has contacts' }],
    );
  }
  const items: NonNullable<TransactWriteCommandInput['TransactItems']> = [
    {
      Delete: {
        TableName: tableName(),
        Key: organisationKey(tenantId, organisation.organisationId),
        ConditionExpression: 'attribute_exists(pk)',
      },
    },
  ];
  if (organisation.organisationNumber && organisation.country) {
    items.push({
      Delete: {
        TableName: tableName(),
        Key: organisationNumberGuardKey(tenantId, organisation.country, organisation.organisationNumber),
        ConditionExpression: 'attribute_not_exists(pk) OR organisationId = :id',
        ExpressionAttributeValues: { ':id': organisation.organisationId },
      },
    });
  }
  try {
    await transact(items, client);
  } catch (error) {
    if (failedConditions(error)?.includes(0)) return; // already gone
    throw error;
  }
}

/* ---------------- contacts ---------------- */

function contactFromItem(item: Record<string, unknown>): Contact {
  const { type: _type, ...rest } = withoutKeys(item);
  return { tags: [], ...rest } as unknown as Contact;
}

export type NewContact = Omit<ContactInput, 'language' | 'lawfulBasis'> & {
  language: Language;
  lawfulBasis: LawfulBasisRecord;
};

const noSuchOrganisation = () =>
  new HttpError(422, 'Invalid body.organisationId', [
    { field: 'body.organisationId', message: 'No such organisation' },
  ]);

/**
 * Creates a contact with its email guard (and, when linked, a check that the organisation
 * exists, in the same transaction). With a fixed `contactId` it is idempotent.
 */
export async function createContact(
  tenantId: string,
  input: NewContact,
  meta: WriteMeta,
  options: { contactId?: string; checkOrganisation?: boolean } = {},
  client = documentClient,
): Promise<{ contact: Contact; created: boolean }> {
  const now = meta.now ?? new Date().toISOString();
  const contactId = options.contactId ?? randomUUID();
  const contact: Contact = {
    contactId,
    tenantId,
    organisationId: input.organisationId,
    name: input.name,
    email: input.email,
    role: input.role,
    language: input.language,
    tags: input.tags,
    lawfulBasis: input.lawfulBasis,
    ...creationStamp(meta, now),
  };
  const items: NonNullable<TransactWriteCommandInput['TransactItems']> = [
    {
      Put: {
        TableName: tableName(),
        // Added by staff or an import: engaged now (retention counts inactivity from here).
        Item: compact({
          ...contactKey(tenantId, contactId),
          type: 'contact',
          ...contact,
          ...engagedNow(tenantId, contactId, now),
        }),
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
    {
      Put: {
        TableName: tableName(),
        Item: { ...emailGuardKey(tenantId, input.email), type: 'unique', kind: 'email', contactId },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  ];
  if (input.organisationId && options.checkOrganisation !== false) {
    items.push({
      ConditionCheck: {
        TableName: tableName(),
        Key: organisationKey(tenantId, input.organisationId),
        ConditionExpression: 'attribute_exists(pk)',
      },
    });
  }
  try {
    await transact(items, client);
    return { contact: compact(contact), created: true };
  } catch (error) {
    const failed = failedConditions(error);
    if (!failed?.length) throw error;
    if (failed.includes(0)) {
      const existing = await getDirectoryContact(tenantId, contactId, client);
      if (existing) return { contact: existing, created: false };
    }
    if (failed.includes(1)) {
      const owner = await guardOwner(emailGuardKey(tenantId, input.email), client);
      throw new UniqueConflict('email', owner?.contactId);
    }
    throw noSuchOrganisation();
  }
}

export async function getDirectoryContact(
  tenantId: string,
  contactId: string,
  client = documentClient,
): Promise<Contact | undefined> {
  const { Item } = await client.send(
    new GetCommand({ TableName: tableName(), Key: contactKey(tenantId, contactId) }),
  );
  return Item ? contactFromItem(Item) : undefined;
}

/**
 * The tenant's contacts, by name. A tag matches a contact that has it or whose organisation has
 * it: the same reading as a campaign's tag audience (functions/mail/expand-campaign.ts).
 */
export async function listContacts(
  tenantId: string,
  filter: { organisationId?: string; tag?: string } = {},
  client = documentClient,
): Promise<Contact[]> {
  const values: Record<string, unknown> = { ':pk': tenantPk(tenantId), ':prefix': 'CONTACT#' };
  if (filter.organisationId) values[':org'] = filter.organisationId;
  const [items, taggedOrganisations] = await Promise.all([
    queryAll(
      {
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        ...(filter.organisationId ? { FilterExpression: 'organisationId = :org' } : {}),
        ExpressionAttributeValues: values,
      },
      client,
    ),
    filter.tag
      ? queryAll(
          {
            KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
            FilterExpression: 'contains(tags, :tag)',
            ExpressionAttributeValues: { ':pk': tenantPk(tenantId), ':prefix': 'ORG#', ':tag': filter.tag },
            ProjectionExpression: 'organisationId',
          },
          client,
        ).then((orgs) => new Set(orgs.map((o) => String(o.organisationId))))
      : undefined,
  ]);
  const { tag } = filter;
  return items
    .map(contactFromItem)
    .filter(
      (c) =>
        tag === undefined ||
        (c.tags ?? []).includes(tag) ||
        (c.organisationId !== undefined && (taggedOrganisations?.has(c.organisationId) ?? false)),
    )
    .sort(byName);
}

/**
 * Replaces the editable fields with an Update (so what the mail pipeline sets, such as
 * `unsubscribed`, is never overwritten), moving the email guard when the address changes.
 */
export async function updateContact(
  before: Contact,
  update: Omit<ContactUpdate, 'language' | 'lawfulBasis'> & {
    language: Language;
    lawfulBasis?: LawfulBasisRecord;
  },
  meta: WriteMeta,
  client = documentClient,
): Promise<Contact> {
  const version = before.version ?? 1;
  if (update.expectedVersion !== undefined && update.expectedVersion !== version) throw stale('contact');
  const now = meta.now ?? new Date().toISOString();
  const { tenantId, contactId } = before;
  const fields: Record<string, unknown> = {
    name: update.name,
    email: update.email,
    role: update.role,
    language: update.language,
    organisationId: update.organisationId,
    tags: update.tags,
    version: version + 1,
    updatedAt: now,
    updatedBy: meta.actor,
  };
  if (update.lawfulBasis) fields.lawfulBasis = update.lawfulBasis;
  // Edited by staff: engaged now. A noticed contact stays among the noticed (the retention run
  // sees the later engagement at the end of the notice and keeps them).
  if (before.noticedAt !== undefined) fields.lastEngagedAt = now;
  else Object.assign(fields, engagedNow(tenantId, contactId, now));
  const hasVersion = before.version !== undefined;
  const contactUpdate = updateExpression(fields, hasVersion ? { ':v': version } : {});
  const items: NonNullable<TransactWriteCommandInput['TransactItems']> = [
    {
      Update: {
        TableName: tableName(),
        Key: contactKey(tenantId, contactId),
        ...contactUpdate,
        ConditionExpression: hasVersion ? 'version = :v' : 'attribute_exists(pk)',
      },
    },
  ];
  const oldGuard = emailGuardKey(tenantId, before.email);
  const newGuard = emailGuardKey(tenantId, update.email);
  if (oldGuard.sk !== newGuard.sk) {
    items.push({
      Delete: {
        TableName: tableName(),
        Key: oldGuard,
        ConditionExpression: 'attribute_not_exists(pk) OR contactId = :id',
        ExpressionAttributeValues: { ':id': contactId },
      },
    });
  }
  // Written even when the address is unchanged: it heals a contact that predates guards.
  items.push({
    Put: {
      TableName: tableName(),
      Item: { ...newGuard, type: 'unique', kind: 'email', contactId },
      ConditionExpression: 'attribute_not_exists(pk) OR contactId = :id',
      ExpressionAttributeValues: { ':id': contactId },
    },
  });
  const checksOrganisation = update.organisationId !== undefined;
  if (update.organisationId) {
    items.push({
      ConditionCheck: {
        TableName: tableName(),
        Key: organisationKey(tenantId, update.organisationId),
        ConditionExpression: 'attribute_exists(pk)',
      },
    });
  }
  try {
    await transact(items, client);
  } catch (error) {
    const failed = failedConditions(error);
    if (!failed?.length) throw error;
    if (failed.includes(0)) throw stale('contact');
    if (checksOrganisation && failed.includes(items.length - 1)) throw noSuchOrganisation();
    const owner = await guardOwner(newGuard, client);
    throw new UniqueConflict('email', owner?.contactId);
  }
  return (await getDirectoryContact(tenantId, contactId, client)) as Contact;
}

/**
 * GDPR erasure: the contact and its email guard go, in one transaction. Other capabilities keep
 * their own records by contactId and answer for them themselves.
 */
export async function deleteContact(
  tenantId: string,
  contact: Contact,
  client = documentClient,
): Promise<void> {
  try {
    await transact(
      [
        {
          Delete: {
            TableName: tableName(),
            Key: contactKey(tenantId, contact.contactId),
            // The guard deleted is the one of the address the contact has now.
            ConditionExpression: 'attribute_exists(pk) AND email = :email',
            ExpressionAttributeValues: { ':email': contact.email },
          },
        },
        {
          Delete: {
            TableName: tableName(),
            Key: emailGuardKey(tenantId, contact.email),
            ConditionExpression: 'attribute_not_exists(pk) OR contactId = :id',
            ExpressionAttributeValues: { ':id': contact.contactId },
          },
        },
      ],
      client,
    );
  } catch (error) {
    const failed = failedConditions(error);
    if (!failed?.includes(0)) throw error;
    const now = await getDirectoryContact(tenantId, contact.contactId, client);
    if (now) await deleteContact(tenantId, now, client); // the address changed meanwhile: once more
  }
}

/* ---------------- many at once (imports) ---------------- */

/** What became of one record of a batch. */
export type BatchOutcome =
  | { kind: 'created' }
  /** A record with this (derived) id exists: an earlier run of the same import made it. */
  | { kind: 'existed' }
  /** Another record holds the unique value; its id. */
  | { kind: 'taken'; existingId: string | undefined };

/** Items per transaction: DynamoDB's limit (DynamoDB Local 3 has the same). */
const transactionItems = 100;

/**
 * Writes records with fixed ids, each with its guard, as many per transaction as it holds. A
 * cancelled transaction names the items whose condition failed: those records are settled one
 * by one (their own id exists, or their unique value is taken), and the rest is written again.
 */
async function createOnce<T>(
  entries: T[],
  itemsOf: (entry: T) => {
    record: Record<string, unknown>;
    guard?: { pk: string; sk: string; [k: string]: unknown };
  },
  settle: (entry: T, recordExists: boolean) => Promise<BatchOutcome>,
  client = documentClient,
): Promise<Map<T, BatchOutcome>> {
  const outcomes = new Map<T, BatchOutcome>();
  let rest = entries;
  while (rest.length > 0) {
    // As many records as fit, each with its guard.
    let pending: T[] = [];
    let items: NonNullable<TransactWriteCommandInput['TransactItems']> = [];
    let owner: number[] = [];
    let isRecord: boolean[] = [];
    const fill = () => {
      items = [];
      owner = [];
      isRecord = [];
      pending.forEach((entry, index) => {
        const { record, guard } = itemsOf(entry);
        const add = (item: Record<string, unknown>, recordItem: boolean) => {
          items.push({
            Put: { TableName: tableName(), Item: item, ConditionExpression: 'attribute_not_exists(pk)' },
          });
          owner.push(index);
          isRecord.push(recordItem);
        };
        add(record, true);
        if (guard) add(guard, false);
      });
    };
    let taken = 0;
    let count = 0;
    while (taken < rest.length) {
      const size = itemsOf(rest[taken] as T).guard ? 2 : 1;
      if (count + size > transactionItems) break;
      count += size;
      taken += 1;
    }
    pending = rest.slice(0, Math.max(1, taken));
    rest = rest.slice(pending.length);
    for (let attempt = 0; pending.length > 0; attempt++) {
      fill();
      try {
        await transact(items, client);
        for (const entry of pending) outcomes.set(entry, { kind: 'created' });
        break;
      } catch (error) {
        if (isTransactionConflict(error) && attempt < 6) {
          await new Promise((r) => setTimeout(r, 25 * 2 ** attempt + Math.random() * 25));
          continue;
        }
        const failed = failedConditions(error);
        if (!failed?.length) throw error;
        const settled = new Map<number, boolean>();
        for (const i of failed) {
          const index = owner[i] as number;
          settled.set(index, (settled.get(index) ?? false) || Boolean(isRecord[i]));
        }
        for (const [index, recordExists] of settled) {
          const entry = pending[index] as T;
          outcomes.set(entry, await settle(entry, recordExists));
        }
        pending = pending.filter((_, index) => !settled.has(index));
      }
    }
  }
  return outcomes;
}

export interface OrganisationToCreate {
  organisationId: string;
  input: NewOrganisation;
}

/** Creates organisations with fixed ids (and their number guards), 50 per transaction. */
export function createOrganisationsOnce<T extends OrganisationToCreate>(
  tenantId: string,
  entries: T[],
  meta: WriteMeta,
  client = documentClient,
): Promise<Map<T, BatchOutcome>> {
  const now = meta.now ?? new Date().toISOString();
  return createOnce(
    entries,
    ({ organisationId, input }) => ({
      record: compact({
        ...organisationKey(tenantId, organisationId),
        type: 'organisation',
        organisationId,
        tenantId,
        ...input,
        ...creationStamp(meta, now),
      }),
      ...(input.organisationNumber
        ? {
            guard: {
              ...organisationNumberGuardKey(tenantId, input.country, input.organisationNumber),
              type: 'unique',
              kind: 'organisationNumber',
              organisationId,
            },
          }
        : {}),
    }),
    async ({ organisationId, input }, recordExists) => {
      if (recordExists) return { kind: 'existed' };
      const guard = input.organisationNumber
        ? await guardOwner(
            organisationNumberGuardKey(tenantId, input.country, input.organisationNumber),
            client,
          )
        : undefined;
      return guard?.organisationId === organisationId
        ? { kind: 'existed' }
        : { kind: 'taken', existingId: guard?.organisationId };
    },
    client,
  );
}

export interface ContactToCreate {
  contactId: string;
  input: NewContact;
}

/**
 * Creates contacts with fixed ids (and their email guards), 50 per transaction. The caller
 * vouches for the organisations they link to (an import links to those it just created).
 */
export function createContactsOnce<T extends ContactToCreate>(
  tenantId: string,
  entries: T[],
  meta: WriteMeta,
  client = documentClient,
): Promise<Map<T, BatchOutcome>> {
  const now = meta.now ?? new Date().toISOString();
  return createOnce(
    entries,
    ({ contactId, input }) => ({
      record: compact({
        ...contactKey(tenantId, contactId),
        type: 'contact',
        contactId,
        tenantId,
        ...input,
        ...creationStamp(meta, now),
        ...engagedNow(tenantId, contactId, now),
      }),
      guard: { ...emailGuardKey(tenantId, input.email), type: 'unique', kind: 'email', contactId },
    }),
    async ({ contactId, input }, recordExists) => {
      if (recordExists) return { kind: 'existed' };
      const guard = await guardOwner(emailGuardKey(tenantId, input.email), client);
      return guard?.contactId === contactId
        ? { kind: 'existed' }
        : { kind: 'taken', existingId: guard?.contactId };
    },
    client,
  );
}

/** Contact ids of the tenant's contacts by `emailKey`: every address, guarded or not. */
export async function contactEmailKeys(
  tenantId: string,
  client = documentClient,
): Promise<Map<string, string>> {
  const items = await queryAll(
    {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': tenantPk(tenantId), ':prefix': 'CONTACT#' },
      ProjectionExpression: 'contactId, email',
    },
    client,
  );
  const keys = new Map<string, string>();
  for (const item of items) {
    if (typeof item.email === 'string') keys.set(emailKey(item.email), String(item.contactId));
  }
  return keys;
}
