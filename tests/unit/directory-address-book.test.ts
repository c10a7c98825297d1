import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchesSearch, pageByName } from '../../shared/directory/address-book.js';
import { HttpError } from '../../shared/platform/http/errors.js';

const row = (name: string, id: string) => ({ name, id });
const key = (r: { name: string; id: string }) => r;

describe('address book search', () => {
  it('finds every word anywhere in the fields, ignoring case and accents', () => {
    const fields = ['Örjan Åkesson', 'orjan@akesson.example', 'Åkesson Bygg AB', 'bygg'];
    expect(matchesSearch(fields, 'orjan bygg')).toBe(true);
    expect(matchesSearch(fields, 'ÅKESSON')).toBe(true);
    expect(matchesSearch(fields, 'akesson.example')).toBe(true);
    expect(matchesSearch(fields, 'orjan lunch')).toBe(false);
    expect(matchesSearch(fields, '   ')).toBe(true);
    expect(matchesSearch(['Søren Ærø'], 'soren aero')).toBe(true);
  });
});

describe('address book paging', () => {
  it('sorts names as a Swedish reader expects and carries on after the last row shown', () => {
    const rows = ['Östen', 'Anna', 'Åsa', 'Bo', 'Ärla', 'anna'].map((n, i) => row(n, `id${i}`));
    const first = pageByName(rows, key, undefined, 3);
    expect(first.items.map((r) => r.name)).toEqual(['Anna', 'anna', 'Bo']);
    expect(first).toMatchObject({ total: 6, offset: 0 });
    const second = pageByName(rows, key, first.cursor, 3);
    expect(second.items.map((r) => r.name)).toEqual(['Åsa', 'Ärla', 'Östen']);
    expect(second.offset).toBe(3);
    expect(second.cursor).toBeUndefined();
  });

  it('carries on correctly when the last row shown was deleted in between', () => {
    const rows = ['A', 'B', 'C', 'D'].map((n) => row(n, n));
    const first = pageByName(rows, key, undefined, 2);
    const next = pageByName(
      rows.filter((r) => r.name !== 'B'),
      key,
      first.cursor,
      2,
    );
    expect(next.items.map((r) => r.name)).toEqual(['C', 'D']);
  });

  it('refuses a cursor it did not write with a 422 naming query.cursor', () => {
    for (const bad of ['garbage!', Buffer.from('{"pk":"T#x"}').toString('base64url'), 'W10']) {
      let error: unknown;
      try {
        pageByName([row('A', 'a')], key, bad, 10);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(HttpError);
      expect((error as HttpError).statusCode).toBe(422);
      expect((error as HttpError).details).toEqual([
        { field: 'query.cursor', message: 'Not a cursor from this list' },
      ]);
    }
  });

  it('property: following the cursors shows every row exactly once, in order, whatever the page size', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(
          fc.record({ name: fc.string({ maxLength: 6 }), id: fc.stringMatching(/^[a-z0-9]{1,8}$/) }),
          {
            selector: (r) => r.id,
            maxLength: 60,
          },
        ),
        fc.integer({ min: 1, max: 15 }),
        (rows, limit) => {
          const seen: string[] = [];
          let cursor: string | undefined;
          let pages = 0;
          do {
            const page = pageByName(rows, key, cursor, limit);
            expect(page.offset).toBe(seen.length);
            seen.push(...page.items.map((r) => r.id));
            cursor = page.cursor;
            pages += 1;
          } while (cursor && pages < 100);
          expect(seen.sort()).toEqual(rows.map((r) => r.id).sort());
          expect(pages).toBe(Math.max(1, Math.ceil(rows.length / limit)));
        },
      ),
      { numRuns: 300 },
    );
  });
});
