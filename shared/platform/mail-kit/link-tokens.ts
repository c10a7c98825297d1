import { jwtVerify, SignJWT } from 'jose';
import * as z from 'zod';

/**
 * Signed link tokens: what an unsubscribe, RSVP, feedback or confirmation link carries instead
 * of raw ids. A compact HS256 JWT (base64url, so safe in a URL path, a query and a header),
 * with short claim names because it ends up in URLs and in List-Unsubscribe.
 */

export const linkPurposes = [
  'unsubscribe',
  'rsvp',
  'feedback',
  'confirm-subscription',
  'preferences',
  'press-preview',
  'privacy-export',
  'confirm-registration',
  'keep-contact',
] as const;
export type LinkPurpose = (typeof linkPurposes)[number];

export interface LinkClaims {
  purpose: LinkPurpose;
  tenantId: string;
  /** What the link is about, e.g. a delivery or contact id. */
  subject: string;
  campaignId?: string;
}

/** The smallest secret accepted: 32 bytes (256 bits, the HS256 key size). */
export const minSecretBytes = 32;

/** Claim limits, so tokens stay short enough for URLs and headers. */
export const linkClaimLimits = { tenantId: 64, subject: 128, campaignId: 128 } as const;

/** One letter per purpose in the token. Never reuse a letter for another purpose. */
const purposeCodes = {
  unsubscribe: 'u',
  rsvp: 'r',
  feedback: 'f',
  'confirm-subscription': 'c',
  preferences: 'p',
  'press-preview': 'v',
  'privacy-export': 'x',
  'confirm-registration': 'g',
  'keep-contact': 'k',
} as const satisfies Record<LinkPurpose, string>;

/** 1..max UTF-16 code units, well-formed (a lone surrogate would not survive UTF-8). */
const bounded = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((value) => !/[\uD800-\uDFFF]/u.test(value), 'Must be well-formed Unicode');

const claimsSchema = z.strictObject({
  purpose: z.enum(linkPurposes),
  tenantId: bounded(linkClaimLimits.tenantId),
  subject: bounded(linkClaimLimits.subject),
  campaignId: bounded(linkClaimLimits.campaignId).optional(),
});

/** What the token holds: `p` purpose code, `t` tenant, `sub` subject, `c` campaign, `exp`. */
const payloadSchema = z.strictObject({
  p: z.string(),
  t: bounded(linkClaimLimits.tenantId),
  sub: bounded(linkClaimLimits.subject),
  c: bounded(linkClaimLimits.campaignId).optional(),
  exp: z.number().int(),
});

/** Longer than any token this module signs; anything longer is not looked at. */
const maxTokenLength = 2048;
const compactJws = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.([A-Za-z0-9_-]+)$/;

function signingKey(secret: string | undefined): Uint8Array {
  if (typeof secret !== 'string' || secret === '') {
    throw new Error('Link signing secret missing: set LINK_SIGNING_SECRET (at least 32 bytes, random).');
  }
  const key = new TextEncoder().encode(secret);
  if (key.length < minSecretBytes) {
    throw new Error(
      `Link signing secret too short: LINK_SIGNING_SECRET must be at least ${minSecretBytes} bytes (got ${key.length}).`,
    );
  }
  return key;
}

/**
 * A signed token for `claims`, valid for `ttlSeconds` from now. Throws for invalid claims
 * (unknown purpose, empty or too long ids), a non-positive ttl or a missing or short secret.
 */
export async function signLinkToken(
  claims: LinkClaims,
  ttlSeconds: number,
  secret: string | undefined = process.env.LINK_SIGNING_SECRET,
): Promise<string> {
  const key = signingKey(secret);
  if (!Number.isSafeInteger(ttlSeconds) || ttlSeconds <= 0) {
    throw new Error(`Link token ttl must be a positive whole number of seconds (got ${ttlSeconds}).`);
  }
  const parsed = claimsSchema.safeParse(claims);
  if (!parsed.success) throw new Error(`Invalid link token claims: ${z.prettifyError(parsed.error)}`);
  const { purpose, tenantId, subject, campaignId } = parsed.data;
  const payload: Record<string, string> = { p: purposeCodes[purpose], t: tenantId };
  if (campaignId !== undefined) payload.c = campaignId;
  // Rounded up: valid for at least the seconds asked (rounded down, a token signed late in a
  // second lost up to a second, and a one-second token could be expired on arrival).
  const expiresAt = Math.ceil(Date.now() / 1000) + ttlSeconds;
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(subject)
    .setExpirationTime(expiresAt)
    .sign(key);
}

/**
 * The claims of `token` if it is a token this module signed with `secret`, for `purpose`, and
 * not expired. Otherwise undefined, whatever the reason (bad signature, expired, another
 * purpose, malformed): one answer, no hint. Throws only for a missing or short secret, which is
 * a deployment error, not a bad link.
 */
export async function verifyLinkToken(
  token: string,
  purpose: LinkPurpose,
  secret: string | undefined = process.env.LINK_SIGNING_SECRET,
): Promise<LinkClaims | undefined> {
  const key = signingKey(secret);
  if (typeof token !== 'string' || token.length > maxTokenLength) return undefined;
  const signature = compactJws.exec(token)?.[1];
  // Only the canonical encoding of a signature: base64url's last character has spare bits, so
  // without this check several strings would verify as the same token.
  if (signature === undefined || Buffer.from(signature, 'base64url').toString('base64url') !== signature) {
    return undefined;
  }
  if (!Object.hasOwn(purposeCodes, purpose)) return undefined;
  try {
    const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], requiredClaims: ['exp'] });
    const claims = payloadSchema.safeParse(payload);
    if (!claims.success || claims.data.p !== purposeCodes[purpose]) return undefined;
    const { t, sub, c } = claims.data;
    return c === undefined
      ? { purpose, tenantId: t, subject: sub }
      : { purpose, tenantId: t, subject: sub, campaignId: c };
  } catch {
    return undefined;
  }
}
