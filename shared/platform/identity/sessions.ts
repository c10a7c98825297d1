import { createHash } from 'node:crypto';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient } from '../aws/clients.js';
import { tableName, tenantPk } from '../table/table.js';

/**
 * Signed-out console sessions. The session cookie holds the id token, which stays valid until its
 * `exp`; signing out writes a revocation item for it, and the page stack refuses a session whose
 * item exists (one consistent GetItem per console request). The item expires with the token (the
 * table's TTL, `expiresAt`): after that the token is refused for its expiry anyway.
 *
 * | item             | pk                | sk                                  |
 * |------------------|-------------------|-------------------------------------|
 * | revoked session  | T#<t>#SESSIONS    | REVOKED#<SHA-256 of the id token>   |
 *
 * A session is its id token: the hash names it whatever claims the issuer puts in it (Cognito's
 * `jti` would do as well), and the table never holds the token itself.
 */
const revocationKey = (tenantId: string, token: string) => ({
  pk: `${tenantPk(tenantId)}#SESSIONS`,
  sk: `REVOKED#${createHash('sha256').update(token).digest('base64url')}`,
});

/** Ends a session for good: its token is refused from now on, until it expires at `expiresAt` (epoch seconds). */
export async function revokeSession(
  tenantId: string,
  token: string,
  expiresAt: number,
  client = documentClient,
): Promise<void> {
  await client.send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...revocationKey(tenantId, token),
        type: 'revoked-session',
        revokedAt: new Date().toISOString(),
        expiresAt,
      },
    }),
  );
}

export async function isSessionRevoked(
  tenantId: string,
  token: string,
  client = documentClient,
): Promise<boolean> {
  const { Item } = await client.send(
    new GetCommand({
      TableName: tableName(),
      Key: revocationKey(tenantId, token),
      ConsistentRead: true,
      ProjectionExpression: 'pk',
    }),
  );
  return Item !== undefined;
}
