import { randomBytes, randomUUID } from 'node:crypto';
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../platform/aws/clients.js';
import {
  type PendingEvent,
  pendingEvent,
  type TransactItem,
  writeWithEvents,
} from '../../platform/bus/outbox.js';
import { HttpError } from '../../platform/http/errors.js';
import { scheduleItem } from '../../platform/schedules/store.js';
import { decodeCursor, encodeCursor } from '../../platform/table/cursor.js';
import {
  compact,
  isConditionalCheckFailed,
  tableName,
  tenantPk,
  withoutKeys,
} from '../../platform/table/table.js';
import type { Language } from '../../platform/texts/language.js';
import {
  ReleaseCancelled,
  ReleaseCorrected,
  ReleaseCreated,
  ReleasePublishDue,
  ReleasePublished,
  ReleaseScheduled,
  ReleaseUpdated,
} from '../events.js';
import {
  type Correction,
  changedFields,
  indexedWords,
  type Release,
  type ReleaseFile,
  type ReleaseInput,
  type ReleaseUpdate,
} from '../release.js';

/*
 * Releases in the table, and the newsroom's index beside them:
 *
 * | item             | pk                     | sk                        |
 * |------------------|------------------------|---------------------------|
 * | release          | T#<t>                  | RELEASE#<id> (time-ordered id) |
 * | newsroom entry   | T#<t>#NEWS#<dimension> | <publishAt>#<id>          |
 *
 * A scheduled or published release has one newsroom entry per dimension it is found by: ALL,
 * TOPIC#<id>, TAG#<id>, REGION#<id>, WORD#<search word>. An entry holds the list's summary, so a
 * newsroom page is one Query of one partition, whatever the number of releases; entries whose
 * time has not come are outside the query's key range (`sk <= now`), which is how embargo holds.
 * Entries are written in the same transaction as the release.
 */

const releaseSk = (releaseId: string) => `RELEASE#${releaseId}`;
export const newsPk = (tenantId: string, dimension: string) => `T#${tenantId}#NEWS#${dimension}`;
const newsSk = (publishAt: string, releaseId: string) => `${publishAt}#${releaseId}`;
const scheduleId = (releaseId: string, scheduleVersion: number) => `release-${releaseId}-${scheduleVersion}`;

/** Ids sort by creation time, so the console lists newest first from one Query. */
export function newReleaseId(now = Date.now()): string {
  return `${now.toString(36).padStart(9, '0')}${randomBytes(6).toString('base64url')}`;
}

/** The dimensions a release is listed under in the newsroom. */
export function newsDimensions(
  release: Pick<Release, 'topics' | 'tags' | 'regions' | 'headline' | 'lead'>,
): string[] {
  return [
    'ALL',
    ...release.topics.map((t) => `TOPIC#${t}`),
    ...release.tags.map((t) => `TAG#${t}`),
    ...release.regions.map((r) => `REGION#${r}`),
    ...indexedWords(release).map((w) => `WORD#${w}`),
  ];
}

/** What a newsroom list shows of a release. */
export interface ReleaseSummary {
  releaseId: string;
  headline: string;
  lead: string;
  language: Language;
  publishAt: string;
  topics: string[];
  corrected: boolean;
}

const summaryOf = (release: Release): ReleaseSummary => ({
  releaseId: release.releaseId,
  headline: release.headline,
  lead: release.lead,
  language: release.language,
  publishAt: release.publishAt ?? release.updatedAt,
  topics: release.topics,
  corrected: release.corrections.length > 0,
});

/** The newsroom entries of a release that has a public time; none for a draft. */
function newsKeys(release: Release): { pk: string; sk: string }[] {
  if (!release.publishAt || release.status === 'draft') return [];
  const sk = newsSk(release.publishAt, release.releaseId);
  return newsDimensions(release).map((dimension) => ({ pk: newsPk(release.tenantId, dimension), sk }));
}

/** Transaction items that take the newsroom from `before`'s entries to `after`'s. */
function newsItems(before: Release | undefined, after: Release): TransactItem[] {
  const next = newsKeys(after);
  const keep = new Set(next.map((k) => `${k.pk}|${k.sk}`));
  const deletes = (before ? newsKeys(before) : [])
    .filter((k) => !keep.has(`${k.pk}|${k.sk}`))
    .map((Key): TransactItem => ({ Delete: { TableName: tableName(), Key } }));
  const summary = summaryOf(after);
  const puts = next.map(
    (key): TransactItem => ({
      Put: { TableName: tableName(), Item: { ...key, type: 'news-entry', ...summary } },
    }),
  );
  return [...deletes, ...puts];
}

function releaseRecord(release: Release) {
  return compact({
    pk: tenantPk(release.tenantId),
    sk: releaseSk(release.releaseId),
    type: 'release',
    ...release,
  });
}

function fromItem(item: Record<string, unknown>): Release {
  const { type: _type, ...rest } = withoutKeys(item);
  return {
    lead: '',
    body: '',
    quotes: [],
    topics: [],
    tags: [],
    regions: [],
    contactIds: [],
    themeIds: [],
    translations: {},
    files: [],
    corrections: [],
    embargo: false,
    ...rest,
  } as unknown as Release;
}

/** The write of a release's new state, conditioned on the version it replaces. */
function putRelease(after: Release, expectedVersion: number | undefined): TransactItem {
  return {
    Put: {
      TableName: tableName(),
      Item: releaseRecord(after),
      ...(expectedVersion === undefined
        ? { ConditionExpression: 'attribute_not_exists(pk)' }
        : {
            ConditionExpression: 'attribute_exists(pk) AND version = :expected',
            ExpressionAttributeValues: { ':expected': expectedVersion },
          }),
    },
  };
}

/** The other releases named as translations point back at this one (each must be of the tenant, in that language). */
function translationBacklinks(
  release: Release,
  previous: Partial<Record<Language, string>> = {},
): TransactItem[] {
  return Object.entries(release.translations)
    .filter(([language, id]) => id && previous[language as Language] !== id)
    .map(([language, id]) => ({
      Update: {
        TableName: tableName(),
        Key: { pk: tenantPk(release.tenantId), sk: releaseSk(id as string) },
        UpdateExpression: 'SET translations.#own = :me',
        ConditionExpression:
          'attribute_exists(pk) AND #language = :language AND attribute_exists(translations)',
        ExpressionAttributeNames: { '#own': release.language, '#language': 'language' },
        ExpressionAttributeValues: { ':me': release.releaseId, ':language': language },
      },
    }));
}

const staleVersion = () =>
  new HttpError(409, 'The release was changed by someone else; reload and try again', [
    { field: 'body.expectedVersion', message: 'Stale version' },
  ]);

const translationRefused = () =>
  new HttpError(422, 'Invalid body.translations', [
    {
      field: 'body.translations',
      message: 'Each translation must be a release of this press room in that language',
    },
  ]);

/** Writes, mapping a failed condition to what the caller did wrong. */
async function write(
  release: Release,
  items: TransactItem[],
  events: PendingEvent[],
  onConflict: () => HttpError = staleVersion,
): Promise<void> {
  try {
    await writeWithEvents(release.tenantId, items, events);
  } catch (error) {
    if (isConditionalCheckFailed(error)) {
      const reasons = (error as { CancellationReasons?: { Code?: string }[] }).CancellationReasons ?? [];
      // The release itself is always the first item: any other refusal is a translation's.
      if (reasons.length > 0 && reasons[0]?.Code !== 'ConditionalCheckFailed') throw translationRefused();
      throw onConflict();
    }
    throw error;
  }
}

export async function createRelease(
  tenantId: string,
  input: ReleaseInput,
  actor: string,
  now = new Date(),
): Promise<Release> {
  const release: Release = {
    ...input,
    releaseId: newReleaseId(now.getTime()),
    tenantId,
    status: 'draft',
    embargo: false,
    files: [],
    corrections: [],
    version: 1,
    scheduleVersion: 0,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    createdBy: actor,
  };
  await write(
    release,
    [putRelease(release, undefined), ...translationBacklinks(release)],
    [
      pendingEvent(ReleaseCreated, {
        tenantId,
        releaseId: release.releaseId,
        headline: release.headline,
        actor,
      }),
    ],
  );
  return release;
}

export async function getRelease(
  tenantId: string,
  releaseId: string,
  client = documentClient,
): Promise<Release | undefined> {
  const { Item } = await client.send(
    new GetCommand({ TableName: tableName(), Key: { pk: tenantPk(tenantId), sk: releaseSk(releaseId) } }),
  );
  return Item ? fromItem(Item) : undefined;
}

/** A page of the tenant's releases, newest first (for the console and the API). */
export async function listReleases(
  tenantId: string,
  options: { cursor?: string; limit?: number } = {},
): Promise<{ items: Release[]; cursor?: string }> {
  const range = { pk: tenantPk(tenantId), skPrefix: 'RELEASE#' };
  const start = decodeCursor(options.cursor, range);
  const page = await documentClient.send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :prefix)',
      ExpressionAttributeValues: { ':pk': range.pk, ':prefix': range.skPrefix },
      ScanIndexForward: false,
      Limit: options.limit ?? 25,
      ExclusiveStartKey: start,
    }),
  );
  return { items: (page.Items ?? []).map(fromItem), cursor: encodeCursor(page.LastEvaluatedKey) };
}

/**
 * Replaces the editable fields (draft or scheduled), or corrects a published release: the
 * correction note is kept and shown, and ReleaseCorrected (never mailed) is written instead.
 */
export async function updateRelease(
  before: Release,
  update: ReleaseUpdate,
  options: { actor: string; published: boolean; now?: Date },
): Promise<Release> {
  const { expectedVersion, correction, ...fields } = update;
  const changed = changedFields(before, fields);
  if (changed.length === 0 && !correction) return before;
  const now = options.now ?? new Date();
  const corrections: Correction[] =
    options.published && correction
      ? [...before.corrections, { at: now.toISOString(), note: correction }]
      : before.corrections;
  const after: Release = {
    ...before,
    ...fields,
    // A language change would orphan the links pointing here: translations follow the release's language.
    corrections,
    version: before.version + 1,
    updatedAt: now.toISOString(),
  };
  const event = options.published
    ? pendingEvent(ReleaseCorrected, {
        tenantId: before.tenantId,
        releaseId: before.releaseId,
        version: after.version,
        changedFields: changed,
        actor: options.actor,
      })
    : pendingEvent(ReleaseUpdated, {
        tenantId: before.tenantId,
        releaseId: before.releaseId,
        version: after.version,
        changedFields: changed,
        actor: options.actor,
      });
  await write(
    after,
    [
      putRelease(after, expectedVersion),
      ...translationBacklinks(after, before.translations),
      ...newsItems(before, after),
    ],
    [event],
  );
  return after;
}

/**
 * Schedules (or moves) a release: public at `publishAt`, published by a one-time schedule then.
 * Under embargo, subscribers get it ahead of that time (ReleaseScheduled says so).
 */
export async function scheduleRelease(
  before: Release,
  input: { publishAt: string; embargo: boolean; expectedVersion: number },
  actor: string,
  now = new Date(),
): Promise<Release> {
  const publishAt = new Date(input.publishAt).toISOString();
  const after: Release = {
    ...before,
    status: 'scheduled',
    publishAt,
    embargo: input.embargo,
    scheduleVersion: before.scheduleVersion + 1,
    version: before.version + 1,
    updatedAt: now.toISOString(),
  };
  const items: TransactItem[] = [
    putRelease(after, input.expectedVersion),
    scheduleItem({
      tenantId: before.tenantId,
      dueAt: publishAt,
      event: ReleasePublishDue,
      detail: {
        tenantId: before.tenantId,
        releaseId: before.releaseId,
        scheduleVersion: after.scheduleVersion,
      },
      scheduleId: scheduleId(before.releaseId, after.scheduleVersion),
    }),
    ...previousSchedule(before),
    ...newsItems(before, after),
  ];
  await write(after, items, [
    pendingEvent(ReleaseScheduled, {
      tenantId: after.tenantId,
      releaseId: after.releaseId,
      headline: after.headline,
      language: after.language,
      topics: after.topics,
      regions: after.regions,
      publishAt,
      embargo: after.embargo,
      scheduleVersion: after.scheduleVersion,
      actor,
    }),
  ]);
  return after;
}

/** The pending schedule of an earlier scheduling, removed so it never fires. */
function previousSchedule(before: Release): TransactItem[] {
  if (before.status !== 'scheduled') return [];
  return [
    {
      Delete: {
        TableName: tableName(),
        Key: {
          pk: tenantPk(before.tenantId),
          sk: `SCHEDULE#${scheduleId(before.releaseId, before.scheduleVersion)}`,
        },
      },
    },
  ];
}

/** `embargo`: subscribers were mailed ahead, under embargo (a scheduled release published now keeps saying so). */
const publishedEvent = (release: Release, actor: string, embargo = release.embargo) =>
  pendingEvent(
    ReleasePublished,
    {
      tenantId: release.tenantId,
      releaseId: release.releaseId,
      headline: release.headline,
      language: release.language,
      topics: release.topics,
      regions: release.regions,
      publishedAt: release.publishAt as string,
      embargo,
      version: release.version,
      actor,
    },
    // One ReleasePublished per release, however often a publish is retried.
    `release-published-${release.releaseId}`,
  );

/** Publishes a draft or scheduled release now (`at` for demo data with its original date). */
export async function publishNow(
  before: Release,
  expectedVersion: number,
  actor: string,
  at = new Date(),
): Promise<Release> {
  const after: Release = {
    ...before,
    status: 'published',
    publishAt: at.toISOString(),
    embargo: false,
    version: before.version + 1,
    updatedAt: new Date().toISOString(),
  };
  await write(
    after,
    [putRelease(after, expectedVersion), ...previousSchedule(before), ...newsItems(before, after)],
    [publishedEvent(after, actor, before.status === 'scheduled' && before.embargo)],
  );
  return after;
}

/**
 * The schedule came due: marks the release published if it is still the scheduling that asked.
 * A cancelled, moved or already published release is left alone (and false is returned).
 */
export async function markPublished(
  tenantId: string,
  releaseId: string,
  scheduleVersion: number,
): Promise<boolean> {
  const release = await getRelease(tenantId, releaseId);
  if (release?.status !== 'scheduled' || release.scheduleVersion !== scheduleVersion) return false;
  const after: Release = {
    ...release,
    status: 'published',
    version: release.version + 1,
    updatedAt: new Date().toISOString(),
  };
  try {
    await writeWithEvents(
      tenantId,
      [
        {
          Update: {
            TableName: tableName(),
            Key: { pk: tenantPk(tenantId), sk: releaseSk(releaseId) },
            UpdateExpression: 'SET #status = :published, version = :version, updatedAt = :now',
            ConditionExpression: '#status = :scheduled AND scheduleVersion = :sv',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':published': 'published',
              ':scheduled': 'scheduled',
              ':sv': scheduleVersion,
              ':version': after.version,
              ':now': after.updatedAt,
            },
          },
        },
      ],
      [publishedEvent(after, 'system:scheduler')],
    );
    return true;
  } catch (error) {
    if (isConditionalCheckFailed(error)) return false;
    throw error;
  }
}

/** Emergency cancel: a scheduled release goes back to a draft; its schedule and newsroom entries go. */
export async function cancelRelease(
  before: Release,
  expectedVersion: number,
  actor: string,
  now = new Date(),
): Promise<Release> {
  const after: Release = {
    ...before,
    status: 'draft',
    publishAt: undefined,
    embargo: false,
    version: before.version + 1,
    updatedAt: now.toISOString(),
  };
  await write(
    after,
    [putRelease(after, expectedVersion), ...previousSchedule(before), ...newsItems(before, after)],
    [
      pendingEvent(ReleaseCancelled, {
        tenantId: before.tenantId,
        releaseId: before.releaseId,
        publishAt: before.publishAt as string,
        embargo: before.embargo,
        actor,
      }),
    ],
  );
  return after;
}

/** Adds an uploaded file to a release that is not yet published. */
export async function addFile(
  before: Release,
  file: Omit<ReleaseFile, 'fileId'> & { fileId?: string },
  actor: string,
): Promise<Release> {
  const entry = compact({ ...file, fileId: file.fileId ?? randomUUID() }) as ReleaseFile;
  return replaceFiles(before, [...before.files, entry], actor);
}

export async function removeFile(before: Release, fileId: string, actor: string): Promise<Release> {
  return replaceFiles(
    before,
    before.files.filter((f) => f.fileId !== fileId),
    actor,
  );
}

async function replaceFiles(before: Release, files: ReleaseFile[], actor: string): Promise<Release> {
  const after: Release = {
    ...before,
    files,
    version: before.version + 1,
    updatedAt: new Date().toISOString(),
  };
  await write(
    after,
    [putRelease(after, before.version)],
    [
      pendingEvent(ReleaseUpdated, {
        tenantId: before.tenantId,
        releaseId: before.releaseId,
        version: after.version,
        changedFields: ['files'],
        actor,
      }),
    ],
  );
  return after;
}

/** Counts a public page view (no cookie, no address: one counter per release). */
/** The day item of a release's views (`PRESS#VIEWS#<id>#<yyyy-mm-dd>`, UTC): the chart over time. */
const viewDaySk = (releaseId: string, day: string) => `PRESS#VIEWS#${releaseId}#${day}`;

export async function countView(tenantId: string, releaseId: string, now = new Date()): Promise<void> {
  const day = now.toISOString().slice(0, 10);
  await Promise.all(
    [`PRESS#VIEWS#${releaseId}`, viewDaySk(releaseId, day)].map((sk) =>
      documentClient.send(
        new UpdateCommand({
          TableName: tableName(),
          Key: { pk: tenantPk(tenantId), sk },
          UpdateExpression: 'ADD #views :one SET #type = :type',
          ExpressionAttributeNames: { '#views': 'views', '#type': 'type' },
          ExpressionAttributeValues: { ':one': 1, ':type': 'counters' },
        }),
      ),
    ),
  );
}

/** Views per day over the `days` days up to `now` (one Query of at most that many items). */
export async function viewsByDay(
  tenantId: string,
  releaseId: string,
  days: number,
  now = new Date(),
): Promise<{ day: string; views: number }[]> {
  const dayOf = (offset: number) => new Date(now.getTime() - offset * 86_400_000).toISOString().slice(0, 10);
  const { Items } = await documentClient.send(
    new QueryCommand({
      TableName: tableName(),
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: {
        ':pk': tenantPk(tenantId),
        ':from': viewDaySk(releaseId, dayOf(days - 1)),
        ':to': viewDaySk(releaseId, dayOf(0)),
      },
    }),
  );
  const counted = new Map((Items ?? []).map((i) => [String(i.sk).slice(-10), Number(i.views ?? 0)]));
  return Array.from({ length: days }, (_, i) => dayOf(days - 1 - i)).map((day) => ({
    day,
    views: counted.get(day) ?? 0,
  }));
}

export async function viewCount(tenantId: string, releaseId: string): Promise<number> {
  const { Item } = await documentClient.send(
    new GetCommand({
      TableName: tableName(),
      Key: { pk: tenantPk(tenantId), sk: `PRESS#VIEWS#${releaseId}` },
    }),
  );
  return typeof Item?.views === 'number' ? Item.views : 0;
}
