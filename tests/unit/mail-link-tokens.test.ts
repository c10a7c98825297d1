import fc from 'fast-check';
import { decodeProtectedHeader, SignJWT } from 'jose';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  type LinkClaims,
  linkClaimLimits,
  linkPurposes,
  signLinkToken,
  verifyLinkToken,
} from '../../shared/platform/mail-kit/link-tokens.js';

const secret = 'test-secret-0123456789abcdefghijklmnop'; // 38 bytes
const otherSecret = 'another-secret-0123456789abcdefghijklmn';

const claims: LinkClaims = {
  purpose: 'unsubscribe',
  tenantId: 'hassleholm',
  subject: '01JD7Q6Z3H0000000000000000',
  campaignId: '01JD7Q6Z3H1111111111111111',
};

const claimsArbitrary: fc.Arbitrary<LinkClaims> = fc.record(
  {
    purpose: fc.constantFrom(...linkPurposes),
    // Any Unicode (limits count UTF-16 code units), printable ASCII, and ids that look like ids.
    tenantId: fc
      .string({ minLength: 1, maxLength: linkClaimLimits.tenantId, unit: 'binary' })
      .filter((s) => s.length <= linkClaimLimits.tenantId),
    subject: fc.string({ minLength: 1, maxLength: linkClaimLimits.subject }),
    campaignId: fc.oneof(
      fc.ulid(),
      fc.uuid(),
      fc.string({ minLength: 1, maxLength: linkClaimLimits.campaignId }),
    ),
  },
  { requiredKeys: ['purpose', 'tenantId', 'subject'] },
);

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllEnvs();
});

describe('signLinkToken / verifyLinkToken', () => {
  it('round-trips the claims', async () => {
    const token = await signLinkToken(claims, 3600, secret);
    expect(await verifyLinkToken(token, 'unsubscribe', secret)).toEqual(claims);
  });

  it('round-trips claims without a campaign (and adds no campaignId key)', async () => {
    const { campaignId: _, ...withoutCampaign } = claims;
    const token = await signLinkToken({ ...withoutCampaign, purpose: 'rsvp' }, 60, secret);
    const verified = await verifyLinkToken(token, 'rsvp', secret);
    expect(verified).toEqual({ ...withoutCampaign, purpose: 'rsvp' });
    expect(verified && 'campaignId' in verified).toBe(false);
  });

  it('is compact, URL-safe and short', async () => {
    const token = await signLinkToken(claims, 30 * 24 * 3600, secret);
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
    expect(encodeURIComponent(token)).toBe(token);
    expect(decodeProtectedHeader(token)).toEqual({ alg: 'HS256' });
    // Two ULIDs, a tenant and an expiry: well under the 998-character header line.
    expect(token.length).toBeLessThan(260);
    // No readable raw ids in the payload keys beyond what is needed.
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
    expect(Object.keys(payload).sort()).toEqual(['c', 'exp', 'p', 'sub', 't']);
  });

  it('reads the secret from LINK_SIGNING_SECRET by default', async () => {
    vi.stubEnv('LINK_SIGNING_SECRET', secret);
    const token = await signLinkToken(claims, 60);
    expect(await verifyLinkToken(token, 'unsubscribe')).toEqual(claims);
    expect(await verifyLinkToken(token, 'unsubscribe', otherSecret)).toBeUndefined();
  });

  it('refuses an expired token', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-01-01T12:00:00Z'));
    const token = await signLinkToken(claims, 600, secret);
    vi.setSystemTime(new Date('2025-01-01T12:09:59Z'));
    expect(await verifyLinkToken(token, 'unsubscribe', secret)).toEqual(claims);
    vi.setSystemTime(new Date('2025-01-01T12:10:00Z'));
    expect(await verifyLinkToken(token, 'unsubscribe', secret)).toBeUndefined();
    vi.setSystemTime(new Date('2025-02-01T12:00:00Z'));
    expect(await verifyLinkToken(token, 'unsubscribe', secret)).toBeUndefined();
  });

  it('holds for at least the seconds asked, whenever in a second it was signed', async () => {
    // Signed a moment before a whole second: `exp` rounded down made a one-second token expire a
    // millisecond later (the round-trip property caught it once in CI).
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-01-01T12:00:00.999Z'));
    const token = await signLinkToken(claims, 1, secret);
    vi.setSystemTime(new Date('2025-01-01T12:00:01.001Z'));
    expect(await verifyLinkToken(token, 'unsubscribe', secret)).toEqual(claims);
    vi.setSystemTime(new Date('2025-01-01T12:00:01.998Z'));
    expect(await verifyLinkToken(token, 'unsubscribe', secret)).toEqual(claims);
    vi.setSystemTime(new Date('2025-01-01T12:00:02.000Z'));
    expect(await verifyLinkToken(token, 'unsubscribe', secret)).toBeUndefined();
  });

  it('refuses a token for another purpose', async () => {
    const token = await signLinkToken(claims, 600, secret);
    for (const purpose of linkPurposes.filter((p) => p !== 'unsubscribe')) {
      expect(await verifyLinkToken(token, purpose, secret)).toBeUndefined();
    }
  });

  it('refuses a token signed with another secret', async () => {
    const token = await signLinkToken(claims, 600, otherSecret);
    expect(await verifyLinkToken(token, 'unsubscribe', secret)).toBeUndefined();
  });

  it('refuses malformed tokens', async () => {
    const token = await signLinkToken(claims, 600, secret);
    const [header, payload, signature] = token.split('.');
    for (const bad of [
      '',
      'not-a-token',
      `${header}.${payload}`,
      `${header}.${payload}.`,
      `${header}..${signature}`,
      `${token}.extra`,
      `${token}=`,
      ` ${token}`,
      `${token}\n`,
      'a'.repeat(5000),
    ]) {
      expect(await verifyLinkToken(bad, 'unsubscribe', secret)).toBeUndefined();
    }
  });

  it('refuses alg "none" and a token signed with the right secret but the wrong claims shape', async () => {
    const key = new TextEncoder().encode(secret);
    const unsigned = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(
      JSON.stringify({ p: 'u', t: 'x', sub: 'y', exp: 9_999_999_999 }),
    ).toString('base64url')}.`;
    expect(await verifyLinkToken(unsigned, 'unsubscribe', secret)).toBeUndefined();
    const noExpiry = await new SignJWT({ p: 'u', t: 'x' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('y')
      .sign(key);
    expect(await verifyLinkToken(noExpiry, 'unsubscribe', secret)).toBeUndefined();
    const extraClaim = await new SignJWT({ p: 'u', t: 'x', admin: true })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('y')
      .setExpirationTime('1h')
      .sign(key);
    expect(await verifyLinkToken(extraClaim, 'unsubscribe', secret)).toBeUndefined();
    const wellFormed = await new SignJWT({ p: 'u', t: 'x' })
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('y')
      .setExpirationTime('1h')
      .sign(key);
    expect(await verifyLinkToken(wellFormed, 'unsubscribe', secret)).toEqual({
      purpose: 'unsubscribe',
      tenantId: 'x',
      subject: 'y',
    });
  });

  it('refuses a token with any single character changed', async () => {
    const token = await signLinkToken(claims, 600, secret);
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.';
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: token.length - 1 }),
        fc.constantFrom(...alphabet),
        async (index, replacement) => {
          fc.pre(token[index] !== replacement);
          const tampered = token.slice(0, index) + replacement + token.slice(index + 1);
          expect(await verifyLinkToken(tampered, 'unsubscribe', secret)).toBeUndefined();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('refuses the last signature character swapped for one that decodes to the same bytes', async () => {
    const token = await signLinkToken(claims, 600, secret);
    const last = token.at(-1) ?? '';
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const index = alphabet.indexOf(last);
    // A 32-byte signature is 43 characters: the last one carries 4 data bits and 2 spare bits.
    const sibling = alphabet[(index & ~0b11) | ((index + 1) & 0b11)] ?? '';
    const tampered = token.slice(0, -1) + sibling;
    expect(Buffer.from(tampered.split('.')[2] ?? '', 'base64url')).toEqual(
      Buffer.from(token.split('.')[2] ?? '', 'base64url'),
    );
    expect(await verifyLinkToken(tampered, 'unsubscribe', secret)).toBeUndefined();
  });

  it('round-trips any valid claims', async () => {
    await fc.assert(
      fc.asyncProperty(claimsArbitrary, fc.integer({ min: 1, max: 10 * 365 * 24 * 3600 }), async (c, ttl) => {
        const token = await signLinkToken(c, ttl, secret);
        expect(token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$/);
        expect(await verifyLinkToken(token, c.purpose, secret)).toEqual(c);
        const other = linkPurposes.find((p) => p !== c.purpose) ?? 'rsvp';
        expect(await verifyLinkToken(token, other, secret)).toBeUndefined();
        expect(await verifyLinkToken(token, c.purpose, otherSecret)).toBeUndefined();
      }),
      { numRuns: 100 },
    );
  });

  it('requires a secret of at least 32 bytes, when signing and when verifying', async () => {
    vi.stubEnv('LINK_SIGNING_SECRET', '');
    await expect(signLinkToken(claims, 60)).rejects.toThrow(/LINK_SIGNING_SECRET/);
    await expect(verifyLinkToken('a.b.c', 'unsubscribe')).rejects.toThrow(/LINK_SIGNING_SECRET/);
    await expect(signLinkToken(claims, 60, 'x'.repeat(31))).rejects.toThrow(/at least 32 bytes/);
    await expect(verifyLinkToken('a.b.c', 'unsubscribe', 'x'.repeat(31))).rejects.toThrow(
      /at least 32 bytes/,
    );
    // Bytes, not characters: 16 × "å" is 32 bytes.
    const token = await signLinkToken(claims, 60, 'å'.repeat(16));
    expect(await verifyLinkToken(token, 'unsubscribe', 'å'.repeat(16))).toEqual(claims);
  });

  it('refuses invalid claims and ttls when signing', async () => {
    await expect(signLinkToken({ ...claims, tenantId: '' }, 60, secret)).rejects.toThrow(/claims/);
    await expect(signLinkToken({ ...claims, subject: 'x'.repeat(129) }, 60, secret)).rejects.toThrow(
      /claims/,
    );
    // A lone surrogate would not survive UTF-8: refused rather than silently changed.
    await expect(signLinkToken({ ...claims, subject: 'a\ud800b' }, 60, secret)).rejects.toThrow(/claims/);
    await expect(
      signLinkToken({ ...claims, purpose: 'admin' as LinkClaims['purpose'] }, 60, secret),
    ).rejects.toThrow(/claims/);
    await expect(signLinkToken(claims, 0, secret)).rejects.toThrow(/ttl/);
    await expect(signLinkToken(claims, 1.5, secret)).rejects.toThrow(/ttl/);
    await expect(signLinkToken(claims, Number.NaN, secret)).rejects.toThrow(/ttl/);
  });
});
