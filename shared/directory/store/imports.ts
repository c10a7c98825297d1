import { randomUUID } from 'node:crypto';
import {
  BatchWriteCommand,
  GetCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../platform/aws/clients.js';
import { HttpError } from '../../platform/http/errors.js';
import { isConditionalCheckFailed, tableName, tenantPk } from '../../platform/table/table.js';
import {
  type ExistingRecords,
  type ImportPlan,
  type ImportPreview,
  type ImportRow,
  type ImportSummary,
  organisationGroupKey,
  type PlannedContact,
  previewCsv,
  type RowDefaults,
  simplifyName,
} from '../csv-import.js';
import { emailKey, idFromKey, type LawfulBasis } from '../schemas.js';
import { directoryTexts } from '../texts.js';
import type { Organisation } from './contacts.js';
import {
  type ContactToCreate,
  contactEmailKeys,
  createContactsOnce,
  createOrganisationsOnce,
  listOrganisations,
  type OrganisationToCreate,
} from './organisations.js';

/**
 * CSV imports in two steps. The preview parses and checks the file and keeps what a commit
 * would save as a draft (`IMPORT#<id>` plus `IMPORT#<id>#PART#<n>` items holding the plan; they
 * expire after a day through the table's TTL) – it creates no organisation and no contact.
 * The commit saves the plan: every record it creates has an id derived from the import and the
 * record's key (its number, name or address), each written on condition that it does not exist,
 * so a commit that is repeated, retried after a crash or run twice at once creates nothing twice.
 * The rows a commit leaves out (errors, duplicates) are kept as the file had them
 * (`IMPORT#<id>#REJECTED#<n>`) for a day after the preview, commit or not, so staff can download,
 * fix and import them again; the plan itself is deleted once saved.
 */

const DRAFT_TTL_SECONDS = 24 * 60 * 60;
/** How long a committed import's result answers a repeated commit. */
const COMMITTED_TTL_SECONDS = 30 * 24 * 60 * 60;
/** Plan JSON per item, well under DynamoDB's 400 KB item limit. */
const PART_CHARS = 300_000;
/** Transactions in flight at once during a commit. */
const WRITE_CONCURRENCY = 8;

const importKey = (tenantId: string, importId: string) => ({
  pk: tenantPk(tenantId),
  sk: `IMPORT#${importId}`,
});
const partKey = (tenantId: string, importId: string, n: number) => ({
  pk: tenantPk(tenantId),
  sk: `IMPORT#${importId}#PART#${n}`,
});
const rejectedKey = (tenantId: string, importId: string, n: number) => ({
  pk: tenantPk(tenantId),
  sk: `IMPORT#${importId}#REJECTED#${n}`,
});

export interface SkippedRow {
  row: number;
  field: 'email' | 'organisationNumber';
  message: string;
}

export interface ImportResult {
  importId: string;
  lawfulBasis: LawfulBasis;
  organisationsCreated: number;
  organisationsLinked: number;
  contactsCreated: number;
  /** Rows of the plan that were not saved (a record created since the preview took the value). */
  skipped: SkippedRow[];
  /** Rows of the file the preview left out, with errors and as duplicates (absent on old imports). */
  rowsWithErrors?: number;
  duplicateRows?: number;
  committedAt: string;
  committedBy: string;
}

export interface ImportDraft {
  importId: string;
  tenantId: string;
  status: 'previewed' | 'committed';
  createdAt: string;
  createdBy: string;
  expiresAt: number;
  parts: number;
  /** Items holding the rows left out (absent on old imports). */
  rejectedParts?: number;
  summary: ImportSummary;
  lawfulBasis?: LawfulBasis;
  result?: ImportResult;
}

/** What the tenant has now, for duplicate checks. */
export async function existingRecords(tenantId: string): Promise<ExistingRecords> {
  const [emailKeys, organisations] = await Promise.all([
    contactEmailKeys(tenantId),
    listOrganisations(tenantId),
  ]);
  return { emailKeys, organisations };
}

/** Checks a file and keeps its plan as a draft; returns the preview and the draft's id. */
export async function previewImport(
  tenantId: string,
  input: Uint8Array | string,
  defaults: RowDefaults,
  actor: string,
  client = documentClient,
): Promise<{ importId: string; expiresAt: string; preview: ImportPreview }> {
  const preview = previewCsv(input, defaults, await existingRecords(tenantId));
  const importId = randomUUID();
  const now = new Date();
  const expiresAt = Math.floor(now.getTime() / 1000) + DRAFT_TTL_SECONDS;
  const byRow = new Map(preview.rows.map((r) => [r.row, r]));
  const rejected: StoredRejectedRows = {
    header: preview.rejected.header,
    rows: preview.rejected.rows.map(({ row, cells }) => ({
      row,
      cells,
      errors: byRow.get(row)?.errors ?? [],
      duplicates: byRow.get(row)?.duplicates ?? [],
    })),
  };
  // Parts first, the header last: a header always has all of its parts.
  const [parts, rejectedParts] = await Promise.all([
    writeParts(preview.plan, (n) => partKey(tenantId, importId, n), 'import-part', expiresAt, client),
    writeParts(rejected, (n) => rejectedKey(tenantId, importId, n), 'import-rejected', expiresAt, client),
  ]);
  const draft: ImportDraft = {
    importId,
    tenantId,
    status: 'previewed',
    createdAt: now.toISOString(),
    createdBy: actor,
    expiresAt,
    parts,
    rejectedParts,
    summary: preview.summary,
  };
  await batchWrite([{ ...importKey(tenantId, importId), type: 'import', ...draft }], client);
  return { importId, expiresAt: new Date(expiresAt * 1000).toISOString(), preview };
}

/** A value's JSON in pieces under DynamoDB's 400 KB item limit (at least one, maybe empty). */
function partsOf(value: unknown): string[] {
  const json = JSON.stringify(value);
  const parts: string[] = [];
  for (let i = 0; i < json.length; i += PART_CHARS) parts.push(json.slice(i, i + PART_CHARS));
  if (parts.length === 0) parts.push('');
  return parts;
}

/** JSON split over items under DynamoDB's 400 KB limit; returns how many items it took. */
async function writeParts(
  value: unknown,
  key: (n: number) => { pk: string; sk: string },
  type: string,
  expiresAt: number,
  client = documentClient,
): Promise<number> {
  const parts = partsOf(value);
  for (let i = 0; i < parts.length; i += 25) {
    await batchWrite(
      parts.slice(i, i + 25).map((data, j) => ({
        ...key(i + j),
        type,
        ...(data === '' ? {} : { data }),
        expiresAt,
      })),
      client,
    );
  }
  return parts.length;
}

/** Reads what `writeParts` wrote; undefined when a part is missing (expired, or never written). */
async function readParts(
  count: number,
  key: (n: number) => { pk: string; sk: string },
  client = documentClient,
): Promise<string | undefined> {
  let json = '';
  for (let n = 0; n < count; n++) {
    const { Item } = await client.send(
      new GetCommand({ TableName: tableName(), Key: key(n), ConsistentRead: true }),
    );
    if (!Item || (typeof Item.expiresAt === 'number' && Item.expiresAt * 1000 < Date.now())) return undefined;
    json += typeof Item.data === 'string' ? Item.data : '';
  }
  return json;
}

/**
 * The transaction items that replace `count` parts with `value`'s parts (an erasure rewriting
 * what an import keeps for a day): a Put per new part, a Delete per part no longer needed.
 */
function replaceParts(
  value: unknown,
  count: number,
  key: (n: number) => { pk: string; sk: string },
  type: string,
  expiresAt: number,
) {
  const parts = partsOf(value);
  return {
    count: parts.length,
    items: [
      ...parts.map((data, n) => ({
        Put: {
          TableName: tableName(),
          Item: { ...key(n), type, ...(data === '' ? {} : { data }), expiresAt },
        },
      })),
      ...Array.from({ length: Math.max(0, count - parts.length) }, (_, i) => ({
        Delete: { TableName: tableName(), Key: key(parts.length + i) },
      })),
    ],
  };
}

/** A row the import left out, with the cells of the file and why. */
export interface StoredRejectedRow extends Pick<ImportRow, 'row' | 'errors' | 'duplicates'> {
  cells: string[];
}
export interface StoredRejectedRows {
  header: string[];
  rows: StoredRejectedRow[];
}

/**
 * The rows an import left out, for a day after its preview; undefined when missing, expired or
 * another tenant's (all the same: not found).
 */
export async function getRejectedRows(
  tenantId: string,
  importId: string,
  client = documentClient,
): Promise<StoredRejectedRows | undefined> {
  const { Item } = await client.send(
    new GetCommand({ TableName: tableName(), Key: importKey(tenantId, importId), ConsistentRead: true }),
  );
  const draft = Item as ImportDraft | undefined;
  if (!draft?.rejectedParts) return undefined;
  const json = await readParts(draft.rejectedParts, (n) => rejectedKey(tenantId, importId, n), client);
  return json ? (JSON.parse(json) as StoredRejectedRows) : undefined;
}

/** An import's left-out rows that hold an address, with the file's header (Art. 15). */
export interface RowsLeftOut {
  importId: string;
  createdAt: string;
  header: string[];
  rows: StoredRejectedRow[];
}

const holds = (row: StoredRejectedRow, email: string) =>
  row.cells.some((cell) => cell.trim().toLowerCase() === email.trim().toLowerCase());

/**
 * The tenant's recent imports that may hold a person's rows: those with rows left out, and
 * previews not yet committed (their plan). Both are kept a day after the preview, so only the
 * range `IMPORT#` is read (a Query of the tenant's partition; committed imports' headers stay a
 * month, plans go on commit).
 */
async function recentImports(tenantId: string, client = documentClient): Promise<ImportDraft[]> {
  const drafts: ImportDraft[] = [];
  let cursor: Record<string, unknown> | undefined;
  do {
    const page = await client.send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
        FilterExpression: '#type = :import AND (rejectedParts > :none OR #status = :previewed)',
        ExpressionAttributeNames: { '#type': 'type', '#status': 'status' },
        ExpressionAttributeValues: {
          ':pk': tenantPk(tenantId),
          ':prefix': 'IMPORT#',
          ':import': 'import',
          ':none': 0,
          ':previewed': 'previewed',
        },
        ExclusiveStartKey: cursor,
      }),
    );
    drafts.push(...((page.Items ?? []) as ImportDraft[]));
    cursor = page.LastEvaluatedKey;
  } while (cursor);
  return drafts;
}

/** The rows left out of the tenant's recent imports that hold an address in one of their cells. */
export async function rowsLeftOutHolding(
  tenantId: string,
  email: string,
  client = documentClient,
): Promise<RowsLeftOut[]> {
  const drafts = (await recentImports(tenantId, client)).filter((draft) => (draft.rejectedParts ?? 0) > 0);
  const found: RowsLeftOut[] = [];
  for (const draft of drafts) {
    const rejected = await getRejectedRows(tenantId, draft.importId, client);
    const rows = rejected?.rows.filter((row) => holds(row, email)) ?? [];
    if (rejected && rows.length > 0) {
      found.push({ importId: draft.importId, createdAt: draft.createdAt, header: rejected.header, rows });
    }
  }
  return found;
}

/**
 * Takes the rows holding an address out of an import's left-out rows (an erasure): the new parts,
 * the count on the header and the removal of parts no longer needed in one transaction, so a
 * crash leaves either the old rows or the new ones, never a mix (the largest file allowed, 5000
 * rows, leaves out far less than a transaction's 4 MB). False when none held it.
 */
export async function removeRowsLeftOut(
  tenantId: string,
  importId: string,
  email: string,
  client = documentClient,
): Promise<boolean> {
  const draft = await getImport(tenantId, importId, client);
  const rejected = await getRejectedRows(tenantId, importId, client);
  if (!draft?.rejectedParts || !rejected) return false;
  const rows = rejected.rows.filter((row) => !holds(row, email));
  if (rows.length === rejected.rows.length) return false;
  // The parts expire when the preview's did (a day after it), whatever the header's TTL is now.
  const expiresAt = Math.floor(Date.parse(draft.createdAt) / 1000) + DRAFT_TTL_SECONDS;
  const parts = replaceParts(
    { ...rejected, rows },
    draft.rejectedParts,
    (n) => rejectedKey(tenantId, importId, n),
    'import-rejected',
    expiresAt,
  );
  await client.send(
    new TransactWriteCommand({
      TransactItems: [
        ...parts.items,
        {
          Update: {
            TableName: tableName(),
            Key: importKey(tenantId, importId),
            UpdateExpression: 'SET rejectedParts = :parts',
            ConditionExpression: 'rejectedParts = :before',
            ExpressionAttributeValues: { ':parts': parts.count, ':before': draft.rejectedParts },
          },
        },
      ],
    }),
  );
  return true;
}

/** A preview not yet committed whose plan would create a contact with an address. */
export interface PlannedContactsHolding {
  importId: string;
  createdAt: string;
  contacts: PlannedContact[];
}

const sameAddress = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
/** A preview whose commit has not begun (the first commit fixes the basis before it reads the plan). */
const uncommitted = (draft: ImportDraft) =>
  draft.status === 'previewed' && !draft.lawfulBasis && draft.expiresAt * 1000 >= Date.now();

/**
 * The contacts the tenant's uncommitted previews would create with an address (Art. 15): a
 * preview keeps its plan a day, for staff to commit it.
 */
export async function plannedContactsHolding(
  tenantId: string,
  email: string,
  client = documentClient,
): Promise<PlannedContactsHolding[]> {
  const found: PlannedContactsHolding[] = [];
  for (const draft of (await recentImports(tenantId, client)).filter(uncommitted)) {
    const json = await readParts(draft.parts, (n) => partKey(tenantId, draft.importId, n), client);
    if (!json) continue;
    const plan = JSON.parse(json) as ImportPlan;
    const contacts = plan.contacts.filter((c) => sameAddress(c.data.email, email));
    if (contacts.length > 0) found.push({ importId: draft.importId, createdAt: draft.createdAt, contacts });
  }
  return found;
}

/**
 * Takes the contacts with an address out of an uncommitted preview's plan (an erasure): the new
 * parts, the header's part count and summary, and the removal of parts no longer needed in one
 * transaction, on the condition that no commit has begun. False when the plan held none of them,
 * or a commit began meanwhile (it creates the contact; the erasure finds it there, and the
 * erased list keeps the address from being mailed).
 */
export async function removePlannedContacts(
  tenantId: string,
  importId: string,
  email: string,
  client = documentClient,
): Promise<boolean> {
  const draft = await getImport(tenantId, importId, client);
  if (!draft || !uncommitted(draft)) return false;
  const json = await readParts(draft.parts, (n) => partKey(tenantId, importId, n), client);
  if (!json) return false;
  const plan = JSON.parse(json) as ImportPlan;
  const contacts = plan.contacts.filter((c) => !sameAddress(c.data.email, email));
  const removed = plan.contacts.length - contacts.length;
  if (removed === 0) return false;
  const parts = replaceParts(
    { ...plan, contacts },
    draft.parts,
    (n) => partKey(tenantId, importId, n),
    'import-part',
    draft.expiresAt,
  );
  try {
    await client.send(
      new TransactWriteCommand({
        TransactItems: [
          ...parts.items,
          {
            Update: {
              TableName: tableName(),
              Key: importKey(tenantId, importId),
              UpdateExpression:
                'SET parts = :parts, summary.ok = summary.ok - :n, summary.contactsToCreate = summary.contactsToCreate - :n',
              ConditionExpression:
                'parts = :before AND #status = :previewed AND attribute_not_exists(lawfulBasis)',
              ExpressionAttributeNames: { '#status': 'status' },
              ExpressionAttributeValues: {
                ':parts': parts.count,
                ':before': draft.parts,
                ':n': removed,
                ':previewed': 'previewed',
              },
            },
          },
        ],
      }),
    );
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
  return true;
}

async function batchWrite(items: Record<string, unknown>[], client = documentClient): Promise<void> {
  let request: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> | undefined = {
    [tableName()]: items.map((Item) => ({ PutRequest: { Item } })),
  };
  for (let attempt = 0; request && Object.keys(request).length > 0; attempt++) {
    if (attempt > 8) throw new Error('BatchWriteItem kept leaving items unprocessed');
    if (attempt > 0) await new Promise((r) => setTimeout(r, Math.min(1000, 50 * 2 ** attempt)));
    const result = await client.send(new BatchWriteCommand({ RequestItems: request }));
    request = result.UnprocessedItems as typeof request;
  }
}

/** The draft, unless it is missing, expired or another tenant's (all the same: not found). */
export async function getImport(
  tenantId: string,
  importId: string,
  client = documentClient,
): Promise<ImportDraft | undefined> {
  const { Item } = await client.send(
    new GetCommand({ TableName: tableName(), Key: importKey(tenantId, importId), ConsistentRead: true }),
  );
  if (!Item) return undefined;
  const draft = Item as unknown as ImportDraft;
  // TTL removes expired items eventually, not at once; a committed import stays readable.
  if (draft.status !== 'committed' && draft.expiresAt * 1000 < Date.now()) return undefined;
  return draft;
}

async function loadPlan(draft: ImportDraft, client = documentClient): Promise<ImportPlan> {
  const json = await readParts(draft.parts, (n) => partKey(draft.tenantId, draft.importId, n), client);
  if (json === undefined) throw new HttpError(404, 'Not found');
  return json === '' ? { organisations: [], contacts: [] } : (JSON.parse(json) as ImportPlan);
}

async function deleteParts(draft: ImportDraft, client = documentClient): Promise<void> {
  const keys = Array.from({ length: draft.parts }, (_, n) => partKey(draft.tenantId, draft.importId, n));
  for (let i = 0; i < keys.length; i += 25) {
    let request: Record<string, { DeleteRequest: { Key: Record<string, unknown> } }[]> | undefined = {
      [tableName()]: keys.slice(i, i + 25).map((Key) => ({ DeleteRequest: { Key } })),
    };
    for (let attempt = 0; request && Object.keys(request).length > 0 && attempt < 8; attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, 50 * 2 ** attempt));
      const result = await client.send(new BatchWriteCommand({ RequestItems: request }));
      request = result.UnprocessedItems as typeof request;
    }
  }
}

/** Runs `write` over slices of 50 records, a few at a time, and merges what they report. */
async function inParallel<T, R>(entries: T[], write: (batch: T[]) => Promise<Map<T, R>>): Promise<Map<T, R>> {
  const batches: T[][] = [];
  for (let i = 0; i < entries.length; i += 50) batches.push(entries.slice(i, i + 50));
  const merged = new Map<T, R>();
  let next = 0;
  const worker = async () => {
    while (next < batches.length) {
      const batch = batches[next++] as T[];
      for (const [entry, outcome] of await write(batch)) merged.set(entry, outcome);
    }
  };
  await Promise.all(Array.from({ length: Math.min(WRITE_CONCURRENCY, batches.length) }, worker));
  return merged;
}

const retryLater = () =>
  new HttpError(
    409,
    'The directory changed during the import; commit again to finish it',
    [{ field: 'path.importId', message: 'Retry' }],
    { text: (language) => directoryTexts(language).import.refusals.changedDuringImport },
  );

const basisConflict = (basis: LawfulBasis) =>
  new HttpError(
    409,
    `This import is committed with the lawful basis ${basis}`,
    [{ field: 'body.lawfulBasis', message: `Already ${basis}` }],
    {
      text: (language) => {
        const d = directoryTexts(language);
        return d.import.refusals.committedWithOtherBasis(d.lawfulBases[basis].label);
      },
    },
  );

/**
 * Saves an import's plan with the lawful basis on every contact. Repeating it returns the first
 * result (`alreadyCommitted`) and writes nothing.
 */
export async function commitImport(
  tenantId: string,
  importId: string,
  lawfulBasis: LawfulBasis,
  actor: string,
  client = documentClient,
): Promise<ImportResult & { alreadyCommitted: boolean }> {
  const draft = await getImport(tenantId, importId, client);
  if (!draft) throw new HttpError(404, 'Not found');
  if (draft.status === 'committed' && draft.result) {
    if (draft.result.lawfulBasis !== lawfulBasis) throw basisConflict(draft.result.lawfulBasis);
    return { ...draft.result, alreadyCommitted: true };
  }
  // The first commit fixes the basis: a retry may not record another one on half the contacts.
  try {
    await client.send(
      new UpdateCommand({
        TableName: tableName(),
        Key: importKey(tenantId, importId),
        UpdateExpression: 'SET lawfulBasis = :b',
        ConditionExpression:
          'attribute_exists(pk) AND (attribute_not_exists(lawfulBasis) OR lawfulBasis = :b)',
        ExpressionAttributeValues: { ':b': lawfulBasis },
      }),
    );
  } catch (error) {
    if (isConditionalCheckFailed(error)) throw basisConflict(draft.lawfulBasis ?? lawfulBasis);
    throw error;
  }

  const plan = await loadPlan(draft, client);
  const committedAt = new Date().toISOString();
  const meta = { actor, source: `csv-import:${importId}`, now: committedAt };
  const skipped: SkippedRow[] = [];
  let organisationsCreated = 0;
  let organisationsLinked = 0;
  let contactsCreated = 0;

  // Organisations: link to what exists now (it may have been created since the preview), else create.
  const current = await listOrganisations(tenantId, client);
  const currentByKey = new Map<string, Organisation>();
  for (const org of current) {
    if (org.organisationNumber && org.country) {
      currentByKey.set(
        organisationGroupKey({ ...org, organisationNumber: org.organisationNumber, country: org.country }),
        org,
      );
    }
    const nameKey = `name:${simplifyName(org.name)}`;
    if (!currentByKey.has(nameKey)) currentByKey.set(nameKey, org);
  }
  const organisationIds = new Map<string, string>();
  const organisationsToCreate: (OrganisationToCreate & { key: string })[] = [];
  for (const planned of plan.organisations) {
    const organisationId = idFromKey(`${tenantId}#${importId}#organisation#${planned.key}`);
    const match = currentByKey.get(planned.key);
    if (match && match.organisationId !== organisationId) {
      organisationIds.set(planned.key, match.organisationId);
      organisationsLinked += 1;
    } else organisationsToCreate.push({ organisationId, input: planned.data, key: planned.key });
  }
  const organisationOutcomes = await inParallel(organisationsToCreate, (batch) =>
    createOrganisationsOnce(tenantId, batch, meta, client),
  );
  for (const [entry, outcome] of organisationOutcomes) {
    const { key } = entry;
    if (outcome.kind === 'taken') {
      // Someone registered the number since the preview: link to theirs.
      if (!outcome.existingId) throw retryLater();
      organisationIds.set(key, outcome.existingId);
      organisationsLinked += 1;
    } else {
      organisationIds.set(key, entry.organisationId);
      organisationsCreated += 1;
    }
  }

  const rowOf = new Map<ContactToCreate, number>();
  const contactsToCreate = plan.contacts.map((planned) => {
    const organisationId = planned.organisationKey ? organisationIds.get(planned.organisationKey) : undefined;
    const entry: ContactToCreate = {
      contactId: idFromKey(`${tenantId}#${importId}#contact#${emailKey(planned.data.email)}`),
      input: {
        ...planned.data,
        ...(organisationId ? { organisationId } : {}),
        lawfulBasis: {
          basis: lawfulBasis,
          source: `csv-import:${importId}`,
          recordedAt: committedAt,
          recordedBy: actor,
        },
      },
    };
    rowOf.set(entry, planned.row);
    return entry;
  });
  const contactOutcomes = await inParallel(contactsToCreate, (batch) =>
    createContactsOnce(tenantId, batch, meta, client),
  );
  for (const [entry, outcome] of contactOutcomes) {
    if (outcome.kind === 'taken') {
      skipped.push({
        row: rowOf.get(entry) ?? 0,
        field: 'email',
        message: 'A contact with this email address already exists',
      });
    } else contactsCreated += 1;
  }

  const result: ImportResult = {
    importId,
    lawfulBasis,
    organisationsCreated,
    organisationsLinked,
    contactsCreated,
    skipped: skipped.sort((a, b) => a.row - b.row),
    rowsWithErrors: draft.summary.errors,
    duplicateRows: draft.summary.duplicates,
    committedAt,
    committedBy: actor,
  };
  await client
    .send(
      new UpdateCommand({
        TableName: tableName(),
        Key: importKey(tenantId, importId),
        UpdateExpression: 'SET #status = :committed, #result = :result, expiresAt = :expires',
        ConditionExpression: 'attribute_exists(pk) AND #status <> :committed',
        ExpressionAttributeNames: { '#status': 'status', '#result': 'result' },
        ExpressionAttributeValues: {
          ':committed': 'committed',
          ':result': result,
          ':expires': Math.floor(Date.now() / 1000) + COMMITTED_TTL_SECONDS,
        },
      }),
    )
    .catch(async (error) => {
      // Two commits at once: the other one finished first; its result stands.
      if (!isConditionalCheckFailed(error)) throw error;
    });
  // The plan (names and addresses) is not kept once saved; the result (counts, rows) is.
  await deleteParts(draft, client);
  const final = await getImport(tenantId, importId, client);
  const stored = final?.result ?? result;
  return { ...stored, alreadyCommitted: stored.committedAt !== committedAt };
}
