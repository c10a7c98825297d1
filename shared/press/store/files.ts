import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { requireEnv } from '../../platform/aws/env.js';
import { s3 } from '../../platform/aws/s3.js';
import { fileKey, matchesSignature } from '../files.js';

/*
 * Release files in the bucket (`BUCKET_NAME`), under `press/<tenant>/<release>/<file>`. Uploads
 * go straight to S3 with a presigned PUT (the API), or through the console function (a form post);
 * downloads are presigned GETs behind the newsroom's own links, handed out only while the
 * release is public.
 */

const bucket = () => requireEnv('BUCKET_NAME');

/** How long a presigned link works. */
export const UPLOAD_URL_SECONDS = 15 * 60;
export const DOWNLOAD_URL_SECONDS = 5 * 60;

export async function putFile(
  tenantId: string,
  releaseId: string,
  fileId: string,
  body: Uint8Array,
  contentType: string,
) {
  await s3.send(
    new PutObjectCommand({
      Bucket: bucket(),
      Key: fileKey(tenantId, releaseId, fileId),
      Body: body,
      ContentType: contentType,
    }),
  );
}

/** A presigned PUT for exactly this type and size (S3 refuses another Content-Type or Content-Length). */
export function uploadUrl(
  tenantId: string,
  releaseId: string,
  fileId: string,
  contentType: string,
  size: number,
) {
  return getSignedUrl(
    s3,
    new PutObjectCommand({
      Bucket: bucket(),
      Key: fileKey(tenantId, releaseId, fileId),
      ContentType: contentType,
      ContentLength: size,
    }),
    { expiresIn: UPLOAD_URL_SECONDS, signableHeaders: new Set(['content-type', 'content-length']) },
  );
}

/** A presigned GET; `download` makes browsers save it under its name rather than show it. */
export function downloadUrl(
  tenantId: string,
  releaseId: string,
  fileId: string,
  file: { name: string; contentType: string },
  download: boolean,
) {
  const ascii = file.name.replace(/[^\w.-]/g, '_');
  return getSignedUrl(
    s3,
    new GetObjectCommand({
      Bucket: bucket(),
      Key: fileKey(tenantId, releaseId, fileId),
      ResponseContentType: file.contentType,
      ResponseContentDisposition: `${download ? 'attachment' : 'inline'}; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
    }),
    { expiresIn: DOWNLOAD_URL_SECONDS },
  );
}

/**
 * What was actually uploaded to a presigned PUT: its size and whether its first bytes are those
 * of the declared type; undefined when nothing is there.
 */
export async function inspectUpload(
  tenantId: string,
  releaseId: string,
  fileId: string,
  contentType: string,
): Promise<{ size: number; signatureOk: boolean } | undefined> {
  const key = fileKey(tenantId, releaseId, fileId);
  try {
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket(), Key: key }));
    const first = await s3.send(new GetObjectCommand({ Bucket: bucket(), Key: key, Range: 'bytes=0-15' }));
    const bytes = (await first.Body?.transformToByteArray()) ?? new Uint8Array();
    return { size: head.ContentLength ?? 0, signatureOk: matchesSignature(contentType, bytes) };
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'NotFound' || name === 'NoSuchKey') return undefined;
    throw error;
  }
}

export async function deleteFile(tenantId: string, releaseId: string, fileId: string) {
  await s3.send(new DeleteObjectCommand({ Bucket: bucket(), Key: fileKey(tenantId, releaseId, fileId) }));
}

/** The origin presigned links point at (the page's Content-Security-Policy allows its images). */
export async function bucketOrigin(): Promise<string> {
  const url = await getSignedUrl(s3, new GetObjectCommand({ Bucket: bucket(), Key: 'origin' }), {
    expiresIn: 60,
  });
  return new URL(url).origin;
}
