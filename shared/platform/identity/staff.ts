import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { createRemoteJWKSet, type JWTPayload, jwtVerify } from 'jose';
import * as z from 'zod';
import { requireEnv } from '../aws/env.js';
import { forbidden, HttpError } from '../http/errors.js';
import { shellTexts } from '../texts/shell.js';
import { isSessionRevoked } from './sessions.js';

/** A tenant's staff roles. */
export const roles = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof roles)[number];

/**
 * The platform operator: not a tenant role. An operator (`custom:role = operator`, no
 * `custom:tenant`) belongs to no tenant and reaches no tenant's data; only what the tenants
 * share: the account's sending health and pause, the shared mail DLQ.
 */
export const OPERATOR_ROLE = 'operator';

export interface OperatorIdentity {
  operatorId: string;
  name: string;
}

const operatorClaimsSchema = z.object({
  sub: z.string().min(1),
  name: z.string().min(1).optional(),
  'custom:role': z.literal(OPERATOR_ROLE),
});

export function operatorFromClaims(claims: unknown): OperatorIdentity | undefined {
  const parsed = operatorClaimsSchema.safeParse(claims);
  if (!parsed.success) return undefined;
  return { operatorId: parsed.data.sub, name: parsed.data.name ?? parsed.data.sub };
}

const authorizerClaims = (event: APIGatewayProxyEventV2): unknown =>
  (event.requestContext as { authorizer?: { jwt?: { claims?: unknown } } }).authorizer?.jwt?.claims;

/** The platform operator calling a JSON route, or undefined for anyone else. */
export function operatorFromAuthorizer(event: APIGatewayProxyEventV2): OperatorIdentity | undefined {
  return operatorFromClaims(authorizerClaims(event));
}

/**
 * The claims a staff id token carries, in Cognito's names. The local identity provider issues
 * tokens with exactly these claims, so nothing downstream can tell the two apart.
 */
export const staffClaimsSchema = z.object({
  sub: z.string().min(1),
  name: z.string().min(1).optional(),
  email: z.string().optional(),
  'custom:tenant': z.string().regex(/^[a-z0-9-]{2,40}$/),
  'custom:role': z.enum(roles),
});

export interface StaffIdentity {
  staffId: string;
  tenantId: string;
  role: Role;
  name: string;
  /** From the id token; where test mails go. */
  email?: string;
}

export function identityFromClaims(claims: unknown): StaffIdentity | undefined {
  const parsed = staffClaimsSchema.safeParse(claims);
  if (!parsed.success) return undefined;
  const c = parsed.data;
  return {
    staffId: c.sub,
    tenantId: c['custom:tenant'],
    role: c['custom:role'],
    name: c.name ?? c.sub,
    email: c.email,
  };
}

/** Staff JSON routes: the JWT authorizer (or the local runtime) has verified the token already. */
export function identityFromAuthorizer(event: APIGatewayProxyEventV2): StaffIdentity {
  const claims = authorizerClaims(event);
  const identity = identityFromClaims(claims);
  if (!identity && operatorFromClaims(claims)) throw forbidden('This is for the staff of a tenant');
  if (!identity) throw new HttpError(401, 'Not signed in');
  return identity;
}

const rank: Record<Role, number> = { viewer: 0, editor: 1, admin: 2 };

export function requireRole(identity: StaffIdentity, least: Role): void {
  if (rank[identity.role] < rank[least]) {
    throw forbidden(`This needs the ${least} role`, (language) => {
      const texts = shellTexts(language);
      return texts.errors.needsRole(texts.account.roles[least].toLocaleLowerCase(language));
    });
  }
}

let jwks: ReturnType<typeof createRemoteJWKSet> | undefined;

/**
 * An id token's signature, issuer, audience, expiry and staff claims, as the JWT authorizer checks
 * them; with when it expires (epoch seconds). Says nothing about sign-out: see {@link verifyIdToken}.
 */
export async function verifyIdTokenClaims(
  token: string,
): Promise<{ identity: StaffIdentity; expiresAt: number } | undefined> {
  const issuer = requireEnv('AUTH_ISSUER');
  jwks ??= createRemoteJWKSet(new URL(`${issuer}/.well-known/jwks.json`));
  let payload: JWTPayload;
  try {
    ({ payload } = await jwtVerify(token, jwks, { issuer, audience: requireEnv('AUTH_CLIENT_ID') }));
  } catch {
    return undefined;
  }
  if (payload.token_use !== undefined && payload.token_use !== 'id') return undefined;
  const identity = identityFromClaims(payload);
  return identity && payload.exp !== undefined ? { identity, expiresAt: payload.exp } : undefined;
}

/**
 * Console pages: the session cookie holds the id token; it is verified here because an HTTP
 * API JWT authorizer only reads headers. Same issuer, audience and keys as the authorizer, and a
 * session that was signed out is refused (one GetItem: shared/platform/identity/sessions.ts).
 */
export async function verifyIdToken(token: string): Promise<StaffIdentity | undefined> {
  const verified = await verifyIdTokenClaims(token);
  if (!verified) return undefined;
  return (await isSessionRevoked(verified.identity.tenantId, token)) ? undefined : verified.identity;
}
