import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { signPersonalLinks } from '../../shared/mail/personal-links.js';
import { verifyLinkToken } from '../../shared/platform/mail-kit/link-tokens.js';

/** Links a campaign names in its content, signed per recipient by the sender. */

const secret = 'a-test-secret-that-is-at-least-32-bytes-long!';
const base = 'https://samverkan.example';
const now = Date.parse('2026-12-01T12:00:00Z');
const recipient = { tenantId: 'hassleholm', contactId: 'c-1' };

beforeEach(() => vi.stubEnv('LINK_SIGNING_SECRET', secret));
afterEach(() => vi.unstubAllEnvs());

describe('signPersonalLinks', () => {
  it("signs each named link for the recipient: the contact is the subject, the scope the token's campaign", async () => {
    const urls = await signPersonalLinks(
      {
        feedbackUrl: {
          purpose: 'feedback',
          scope: 'form-1',
          path: '/feedback/',
          expiresAt: '2027-01-01T00:00:00Z',
        },
      },
      recipient,
      base,
      now,
    );
    expect(Object.keys(urls)).toEqual(['feedbackUrl']);
    const url = urls.feedbackUrl as string;
    expect(url.startsWith(`${base}/feedback/`)).toBe(true);
    const claims = await verifyLinkToken(url.slice(`${base}/feedback/`.length), 'feedback');
    expect(claims).toMatchObject({ tenantId: 'hassleholm', subject: 'c-1', campaignId: 'form-1' });
    // The same link for another recipient is another token.
    const other = await signPersonalLinks(
      {
        feedbackUrl: {
          purpose: 'feedback',
          scope: 'form-1',
          path: '/feedback/',
          expiresAt: '2027-01-01T00:00:00Z',
        },
      },
      { ...recipient, contactId: 'c-2' },
      base,
      now,
    );
    expect(other.feedbackUrl).not.toBe(url);
  });

  it('gives no links for none, and refuses links a template could be tricked with', async () => {
    expect(await signPersonalLinks(undefined, recipient, base, now)).toEqual({});
    const link = {
      purpose: 'feedback',
      scope: 'form-1',
      path: '/feedback/',
      expiresAt: '2027-01-01T00:00:00Z',
    };
    // Only `…Url` fields, never the sender's own links: a link cannot overwrite the subject or the RSVP link.
    await expect(signPersonalLinks({ subject: link }, recipient, base, now)).rejects.toThrow(/personalLinks/);
    await expect(signPersonalLinks({ rsvpUrl: link }, recipient, base, now)).rejects.toThrow(/personalLinks/);
    await expect(
      signPersonalLinks({ feedbackUrl: { ...link, path: '//evil.example/' } }, recipient, base, now),
    ).rejects.toThrow(/personalLinks/);
    await expect(
      signPersonalLinks({ feedbackUrl: { ...link, purpose: 'admin' } }, recipient, base, now),
    ).rejects.toThrow(/personalLinks/);
  });
});
