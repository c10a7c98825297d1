import { DeleteCommand, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../../platform/aws/clients.js';
import { compact, tableName, tenantPk } from '../../platform/table/table.js';
import type { FileKind } from '../release.js';

/**
 * An upload handed out as a presigned PUT, waiting for its completion: what was declared (kind,
 * name, type, size, alt text), checked against what arrived before it joins the release.
 * Expires with the table's TTL a day later.
 */
export interface PendingUpload {
  fileId: string;
  releaseId: string;
  kind: FileKind;
  name: string;
  contentType: string;
  size: number;
  alt?: string;
}

const key = (tenantId: string, fileId: string) => ({ pk: tenantPk(tenantId), sk: `PRESSUPLOAD#${fileId}` });

export async function putPendingUpload(tenantId: string, upload: PendingUpload): Promise<void> {
  await documentClient.send(
    new PutCommand({
      TableName: tableName(),
      Item: compact({
        ...key(tenantId, upload.fileId),
        type: 'press-upload',
        ...upload,
        expiresAt: Math.floor(Date.now() / 1000) + 24 * 3600,
      }),
    }),
  );
}

export async function getPendingUpload(tenantId: string, fileId: string): Promise<PendingUpload | undefined> {
  const { Item } = await documentClient.send(
    new GetCommand({ TableName: tableName(), Key: key(tenantId, fileId) }),
  );
  if (!Item || (typeof Item.expiresAt === 'number' && Item.expiresAt * 1000 < Date.now())) return undefined;
  const { pk: _pk, sk: _sk, type: _t, expiresAt: _e, ...upload } = Item;
  return upload as PendingUpload;
}

export async function deletePendingUpload(tenantId: string, fileId: string): Promise<void> {
  await documentClient.send(new DeleteCommand({ TableName: tableName(), Key: key(tenantId, fileId) }));
}
