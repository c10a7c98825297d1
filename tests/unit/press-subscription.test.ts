import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  counterDeltas,
  counterScopes,
  isExpired,
  matchesRelease,
  subscribeInputSchema,
  subscriberIdOf,
} from '../../shared/press/subscription.js';

const term = fc.constantFrom('naringsliv', 'kultur', 'skola', 'skane', 'bjuv');
const terms = fc.uniqueArray(term, { maxLength: 5 });
const following = fc.record({ topics: terms, regions: terms });

describe('which subscribers a release goes to', () => {
  it('a confirmed, unpaused subscriber exactly when one of its topics or regions is the release’s', () => {
    fc.assert(
      fc.property(
        following,
        following,
        fc.boolean(),
        fc.boolean(),
        (subscriber, release, confirmed, paused) => {
          const shared =
            subscriber.topics.some((t) => release.topics.includes(t)) ||
            subscriber.regions.some((r) => release.regions.includes(r));
          const status = confirmed ? 'confirmed' : 'pending';
          expect(matchesRelease({ ...subscriber, status, paused }, release)).toBe(
            confirmed && !paused && shared,
          );
        },
      ),
    );
  });

  it('never by a topic id that is one of the release’s regions (the two lists are apart)', () => {
    expect(
      matchesRelease(
        { status: 'confirmed', paused: false, topics: ['skane'], regions: [] },
        { topics: [], regions: ['skane'] },
      ),
    ).toBe(false);
  });
});

describe('subscriber counters', () => {
  it('moving from any following to any other leaves the counters equal to the new following', () => {
    fc.assert(
      fc.property(
        fc.option(following, { nil: undefined }),
        fc.option(following, { nil: undefined }),
        (a, b) => {
          const counts = new Map<string, number>();
          for (const scope of a ? counterScopes(a) : []) counts.set(scope, 1);
          for (const [scope, n] of counterDeltas(a, b)) counts.set(scope, (counts.get(scope) ?? 0) + n);
          const expected = new Set(b ? counterScopes(b) : []);
          for (const [scope, n] of counts) expect(n, scope).toBe(expected.has(scope) ? 1 : 0);
          for (const scope of expected) expect(counts.get(scope)).toBe(1);
        },
      ),
    );
  });
});

describe('the subscribe form', () => {
  const valid = { email: 'jenny@redaktion.example', name: 'Jenny', topics: ['naringsliv'], language: 'sv' };

  it.each([
    ['name', { name: 'Jenny\r\nBcc: all@example.com' }],
    ['name', { name: '   ' }],
    ['outlet', { outlet: 'Tidningen\nX' }],
    ['email', { email: 'jenny@redaktion.example\r\nBcc: x@y.example' }],
    ['email', { email: 'jenny' }],
    ['topics', { topics: [], regions: [] }],
    ['topics', { topics: ['Not An Id'] }],
    ['language', { language: 'de' }],
  ])('refuses a bad %s, naming it', (field, overrides) => {
    const parsed = subscribeInputSchema.safeParse({ ...valid, ...overrides });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.path[0])).toContain(field);
  });

  it('takes each term once', () => {
    const parsed = subscribeInputSchema.parse({ ...valid, topics: ['kultur', 'kultur'] });
    expect(parsed.topics).toEqual(['kultur']);
  });

  it('gives one address one id, whatever its case and spaces, and the id holds no address', () => {
    expect(subscriberIdOf(' Jenny@Redaktion.example ')).toBe(subscriberIdOf('jenny@redaktion.example'));
    expect(subscriberIdOf('jenny@redaktion.example')).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('a pending subscription expires after its time; a confirmed one never', () => {
    const now = new Date('2026-12-01T12:00:00Z');
    const past = now.getTime() / 1000 - 1;
    expect(isExpired({ status: 'pending', expiresAt: past }, now)).toBe(true);
    expect(isExpired({ status: 'pending', expiresAt: past + 10 }, now)).toBe(false);
    expect(isExpired({ status: 'confirmed', expiresAt: past }, now)).toBe(false);
  });
});
