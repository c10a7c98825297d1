import { randomUUID } from 'node:crypto';
import { requireEnv } from '../../platform/aws/env.js';
import { type ErrorDetail, HttpError, notFound } from '../../platform/http/errors.js';
import type { StaffIdentity } from '../../platform/identity/staff.js';
import { signLinkToken, verifyLinkToken } from '../../platform/mail-kit/link-tokens.js';
import type { Localized } from '../../platform/texts/table.js';
import { getProgramme } from '../../programmes/index.js';
import { fileMetaSchema, MAX_FILES, matchesSignature, maxFileBytes } from '../files.js';
import {
  allowedActions,
  effectiveStatus,
  publishTimeProblem,
  publishTimeProblemOf,
  type Release,
  type ReleaseAction,
  type ReleaseInput,
  type ReleaseUpdate,
  vocabularyProblems,
} from '../release.js';
import { deleteFile, inspectUpload, putFile, UPLOAD_URL_SECONDS, uploadUrl } from '../store/files.js';
import {
  addFile,
  cancelRelease,
  createRelease,
  getRelease,
  publishNow,
  removeFile,
  scheduleRelease,
  updateRelease,
} from '../store/releases.js';
import { getPressSettings } from '../store/settings.js';
import { deletePendingUpload, getPendingUpload, putPendingUpload } from '../store/uploads.js';
import { pressTexts } from '../texts.js';

/*
 * What staff do with releases, for the JSON API and the console alike: every check against the
 * tenant's lists, the workflow and the clock happens here, before anything is written.
 */

/** A 422 naming each field; pages show `text` (in the reader's language), or the fields and messages. */
const refused = (details: ErrorDetail[], text?: Localized) =>
  new HttpError(422, `Invalid ${[...new Set(details.map((d) => d.field))].join(', ')}`, details, {
    text: text ?? (() => details.map((d) => `${d.field.replace(/^body\./, '')}: ${d.message}`).join(' ')),
  });

/** What a file whose first bytes are not of its declared type is refused with. */
const NOT_THAT_TYPE = 'The file is not';

/** A refused file, worded for pages: what files are taken, a missing text alternative, a disguised type. */
function fileRefused(details: ErrorDetail[]): HttpError {
  return refused(details, (language) => {
    const m = pressTexts(language).console;
    const disguised = details.filter((d) => d.message.startsWith(NOT_THAT_TYPE));
    const fields = new Set(
      details.filter((d) => !disguised.includes(d)).map((d) => d.field.replace(/^body\./, '')),
    );
    return [
      fields.has('contentType') || fields.has('size') || fields.has('fileName')
        ? `${m.file}: ${m.fileHint}`
        : '',
      disguised.length ? m.notThatType : '',
      fields.has('alt') ? m.altRequired : '',
    ]
      .filter(Boolean)
      .join(' ');
  });
}

const fileIssues = (issues: { path: PropertyKey[]; message: string }[]): ErrorDetail[] =>
  issues.map((i) => ({ field: ['body', ...i.path.map(String)].join('.'), message: i.message }));

/** The release, or the same 404 as a release that does not exist (another tenant's included). */
export async function releaseOr404(tenantId: string, releaseId: string): Promise<Release> {
  const release = await getRelease(tenantId, releaseId);
  if (!release) throw notFound();
  return release;
}

/** Terms and contacts from the tenant's lists, a programme of the tenant and its themes. */
async function checkReferences(tenantId: string, input: ReleaseInput, releaseId?: string): Promise<void> {
  const problems = vocabularyProblems(input, await getPressSettings(tenantId));
  if (input.programmeId) {
    const programme = await getProgramme(tenantId, input.programmeId);
    if (!programme) problems.push({ field: 'body.programmeId', message: 'Not a programme of this tenant' });
    else {
      const themes = new Set(programme.themes.map((t) => t.id));
      const unknown = input.themeIds.filter((id) => !themes.has(id));
      if (unknown.length)
        problems.push({
          field: 'body.themeIds',
          message: `Not themes of the programme: ${unknown.join(', ')}`,
        });
    }
  }
  if (releaseId && Object.values(input.translations).includes(releaseId))
    problems.push({ field: 'body.translations', message: 'A release is not its own translation' });
  if (problems.length) throw refused(problems);
}

function requireAction(release: Release, action: ReleaseAction, now: Date): void {
  if (!allowedActions(release, now).includes(action)) {
    throw new HttpError(
      409,
      `A ${effectiveStatus(release, now)} release cannot be ${action === 'edit' ? 'edited (correct it instead)' : `${action}ed`}`,
    );
  }
}

export async function create(identity: StaffIdentity, input: ReleaseInput): Promise<Release> {
  await checkReferences(identity.tenantId, input);
  return createRelease(identity.tenantId, input, identity.staffId);
}

/** Edits a draft or scheduled release; a published one only with a correction note. */
export async function update(
  identity: StaffIdentity,
  before: Release,
  update: ReleaseUpdate,
  now = new Date(),
) {
  const published = effectiveStatus(before, now) === 'published';
  if (published && !update.correction)
    throw refused([
      { field: 'body.correction', message: 'A published release changes only with a correction note' },
    ]);
  if (!published && update.correction)
    throw refused([{ field: 'body.correction', message: 'Only a published release takes a correction' }]);
  await checkReferences(identity.tenantId, update, before.releaseId);
  return updateRelease(before, update, { actor: identity.staffId, published, now });
}

export async function schedule(
  identity: StaffIdentity,
  release: Release,
  input: { publishAt: string; embargo: boolean; expectedVersion: number },
  now = new Date(),
): Promise<Release> {
  requireAction(release, 'schedule', now);
  const problem = publishTimeProblemOf(input.publishAt, now);
  if (problem) {
    const message = publishTimeProblem(input.publishAt, now) ?? problem;
    throw new HttpError(422, 'Invalid body.publishAt', [{ field: 'body.publishAt', message }], {
      text: (language) => pressTexts(language).console.publishTime[problem],
    });
  }
  return scheduleRelease(release, input, identity.staffId, now);
}

export async function publish(
  identity: StaffIdentity,
  release: Release,
  expectedVersion: number,
  now = new Date(),
) {
  requireAction(release, 'publish', now);
  return publishNow(release, expectedVersion, identity.staffId, now);
}

export async function cancel(
  identity: StaffIdentity,
  release: Release,
  expectedVersion: number,
  now = new Date(),
) {
  requireAction(release, 'cancel', now);
  return cancelRelease(release, expectedVersion, identity.staffId, now);
}

/* --- Files ----------------------------------------------------------------------------------- */

function checkRoomForFile(release: Release, now: Date): void {
  requireAction(release, 'edit', now);
  if (release.files.length >= MAX_FILES)
    throw refused([{ field: 'body.kind', message: `At most ${MAX_FILES} files per release` }]);
}

/** A presigned PUT for a declared file; the file joins the release once `completeUpload` has checked it. */
export async function startUpload(
  identity: StaffIdentity,
  release: Release,
  meta: unknown,
  now = new Date(),
) {
  checkRoomForFile(release, now);
  const parsed = fileMetaSchema.safeParse(meta);
  if (!parsed.success) throw fileRefused(fileIssues(parsed.error.issues));
  const fileId = randomUUID();
  const { kind, fileName, contentType, size, alt } = parsed.data;
  await putPendingUpload(identity.tenantId, {
    fileId,
    releaseId: release.releaseId,
    kind,
    name: fileName,
    contentType,
    size,
    alt,
  });
  return {
    fileId,
    upload: {
      method: 'PUT',
      url: await uploadUrl(identity.tenantId, release.releaseId, fileId, contentType, size),
      headers: { 'content-type': contentType },
      expiresInSeconds: UPLOAD_URL_SECONDS,
    },
  };
}

/** Checks what arrived (size, first bytes) against what was declared, then adds it to the release. */
export async function completeUpload(
  identity: StaffIdentity,
  release: Release,
  fileId: string,
  now = new Date(),
) {
  const pending = await getPendingUpload(identity.tenantId, fileId);
  if (!pending || pending.releaseId !== release.releaseId) throw notFound();
  checkRoomForFile(release, now);
  const arrived = await inspectUpload(identity.tenantId, release.releaseId, fileId, pending.contentType);
  if (!arrived) throw refused([{ field: 'body', message: 'Nothing was uploaded to the upload URL' }]);
  const problems: ErrorDetail[] = [];
  if (arrived.size !== pending.size || arrived.size > maxFileBytes[pending.kind])
    problems.push({ field: 'body.size', message: `The upload is not the declared ${pending.size} bytes` });
  if (!arrived.signatureOk)
    problems.push({ field: 'body.contentType', message: `${NOT_THAT_TYPE} ${pending.contentType}` });
  if (problems.length) {
    await deleteFile(identity.tenantId, release.releaseId, fileId);
    throw fileRefused(problems);
  }
  const after = await addFile(
    release,
    {
      fileId,
      kind: pending.kind,
      name: pending.name,
      contentType: pending.contentType,
      size: pending.size,
      alt: pending.alt,
    },
    identity.staffId,
  );
  await deletePendingUpload(identity.tenantId, fileId);
  return after;
}

/** A file posted through the console: checked the same way, stored, added. */
export async function uploadThrough(
  identity: StaffIdentity,
  release: Release,
  meta: { kind: string; fileName: string; contentType: string; alt?: string },
  content: Uint8Array,
  now = new Date(),
): Promise<Release> {
  checkRoomForFile(release, now);
  const parsed = fileMetaSchema.safeParse({ ...meta, size: content.byteLength });
  if (!parsed.success) throw fileRefused(fileIssues(parsed.error.issues));
  if (!matchesSignature(parsed.data.contentType, content.subarray(0, 16)))
    throw fileRefused([
      { field: 'body.contentType', message: `${NOT_THAT_TYPE} ${parsed.data.contentType}` },
    ]);
  const fileId = randomUUID();
  const { kind, fileName, contentType, size, alt } = parsed.data;
  await putFile(identity.tenantId, release.releaseId, fileId, content, contentType);
  return addFile(release, { fileId, kind, name: fileName, contentType, size, alt }, identity.staffId);
}

export async function deleteReleaseFile(
  identity: StaffIdentity,
  release: Release,
  fileId: string,
  now = new Date(),
) {
  requireAction(release, 'edit', now);
  if (!release.files.some((f) => f.fileId === fileId)) throw notFound();
  const after = await removeFile(release, fileId, identity.staffId);
  await deleteFile(identity.tenantId, release.releaseId, fileId);
  return after;
}

/* --- Preview links ----------------------------------------------------------------------------- */

export const PREVIEW_DAYS = 7;

/** A signed, expiring link colleagues open without signing in; it shows the release as it is now. */
export async function previewLink(release: Release): Promise<{ url: string; expiresAt: string }> {
  const token = await signLinkToken(
    { purpose: 'press-preview', tenantId: release.tenantId, subject: release.releaseId },
    PREVIEW_DAYS * 86_400,
  );
  return {
    url: `${requireEnv('PUBLIC_BASE_URL')}/press-preview/${token}`,
    expiresAt: new Date(Date.now() + PREVIEW_DAYS * 86_400_000).toISOString(),
  };
}

/** The release a preview token stands for; undefined for a tampered, expired or unknown one alike. */
export async function previewed(token: string): Promise<Release | undefined> {
  const claims = await verifyLinkToken(token, 'press-preview');
  return claims ? getRelease(claims.tenantId, claims.subject) : undefined;
}
