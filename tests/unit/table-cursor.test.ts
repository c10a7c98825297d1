import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HttpError } from '../../shared/platform/http/errors.js';
import { decodeCursor, encodeCursor, isKeyInRange } from '../../shared/platform/table/cursor.js';
import { languages } from '../../shared/platform/texts/language.js';

/** Paging cursors: what a client hands back is checked against the exact key the query expects. */

const range = { pk: 'T#hassleholm#EVENT#e1', skPrefix: 'INVITE#' };
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

function refusal(run: () => unknown): HttpError {
  try {
    run();
  } catch (error) {
    if (error instanceof HttpError) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('paging cursors', () => {
  it('round-trips the key a page ended at; no cursor (or an empty one) is the first page', () => {
    const key = { pk: range.pk, sk: 'INVITE#c-1' };
    const cursor = encodeCursor(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor, range)).toEqual(key);
    // DynamoDB's key order does not matter.
    expect(decodeCursor(encodeCursor({ sk: 'INVITE#c-1', pk: range.pk }), range)).toEqual(key);
    expect(encodeCursor(undefined)).toBeUndefined();
    expect(decodeCursor(undefined, range)).toBeUndefined();
    expect(decodeCursor('', range)).toBeUndefined();
  });

  it.each([
    ['garbage', 'not a cursor!'],
    ['base64 of no JSON', Buffer.from('\u0000\u00ff').toString('base64url')],
    ['padding', `${b64({ pk: range.pk, sk: 'INVITE#a' })}==`],
    ['JSON that is no object', b64(['T#hassleholm#EVENT#e1', 'INVITE#a'])],
    ['null', b64(null)],
    ['no sk', b64({ pk: range.pk })],
    ['a numeric sk', b64({ pk: range.pk, sk: 7 })],
    ['a DynamoDB-typed sk', b64({ pk: range.pk, sk: { S: 'INVITE#a' } })],
    ['an empty sk', b64({ pk: range.pk, sk: '' })],
    ["another list's prefix", b64({ pk: range.pk, sk: 'WAIT#2026#a' })],
    ['the counters item', b64({ pk: range.pk, sk: 'COUNTERS' })],
    ['another event', b64({ pk: 'T#hassleholm#EVENT#e2', sk: 'INVITE#a' })],
    ['another tenant', b64({ pk: 'T#helsingor#EVENT#e1', sk: 'INVITE#a' })],
    ['an extra attribute', b64({ pk: range.pk, sk: 'INVITE#a', gsi1pk: 'SCHEDULE#PENDING' })],
    ['a lone surrogate', b64({ pk: range.pk, sk: 'INVITE#\ud800' })],
    ['a sort key over 1024 bytes', b64({ pk: range.pk, sk: `INVITE#${'ä'.repeat(600)}` })],
  ])('refuses %s with a 422 naming the field, worded in every language', (_what, cursor) => {
    const error = refusal(() => decodeCursor(cursor, range));
    expect(error.statusCode).toBe(422);
    expect(error.details).toEqual([{ field: 'query.cursor', message: 'Not a cursor from this list' }]);
    const words = languages.map((language) => error.page.text?.(language));
    expect(new Set(words).size).toBe(languages.length);
    expect(refusal(() => decodeCursor(cursor, range, 'body.cursor')).details[0]?.field).toBe('body.cursor');
  });

  it('accepts any well-formed sort key under the prefix, up to 1024 bytes', () => {
    const longest = `INVITE#${'x'.repeat(1024 - 'INVITE#'.length)}`;
    expect(decodeCursor(b64({ pk: range.pk, sk: longest }), range)).toEqual({ pk: range.pk, sk: longest });
    expect(decodeCursor(b64({ pk: range.pk, sk: 'INVITE#😀\u0000' }), range)?.sk).toBe('INVITE#😀\u0000');
  });

  it('property: any string is either a key of the range or a 422 on the field, never anything else', () => {
    const cursors = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 300 }),
      fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('base64url')),
      fc.jsonValue().map(b64),
      fc
        .record(
          {
            pk: fc.oneof(fc.constant(range.pk), fc.string(), fc.jsonValue()),
            sk: fc.oneof(
              fc.string({ unit: 'binary' }).map((s) => `INVITE#${s}`),
              fc.string({ unit: 'binary-ascii' }),
              fc.jsonValue(),
            ),
            extra: fc.jsonValue(),
          },
          { requiredKeys: [] },
        )
        .map(b64),
    );
    fc.assert(
      fc.property(cursors, (cursor) => {
        let key: unknown;
        try {
          key = decodeCursor(cursor, range);
        } catch (error) {
          expect(error).toBeInstanceOf(HttpError);
          expect((error as HttpError).statusCode).toBe(422);
          expect((error as HttpError).details[0]?.field).toBe('query.cursor');
          return;
        }
        if (cursor !== '') expect(isKeyInRange(key, range)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  it('encodes only a table key', () => {
    expect(() => encodeCursor({ pk: 'a', sk: 'b', gsi1pk: 'c' })).toThrow();
    expect(() => encodeCursor({ pk: 'a' })).toThrow();
  });
});
