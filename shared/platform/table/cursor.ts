import { HttpError } from '../http/errors.js';
import { issueTexts } from '../texts/issues.js';

/*
 * Paging cursors. A page's cursor is the key DynamoDB answered as `LastEvaluatedKey`; the next
 * request hands it back and it becomes the query's `ExclusiveStartKey`. It comes back from the
 * client, so before DynamoDB sees it, it is checked against the exact key the query can stop
 * at: an object with `pk` and `sk` and nothing else, `pk` the query's partition, `sk` a sort key
 * under the query's prefix, of a size DynamoDB takes. Anything else (garbage, a key of another
 * list, event or tenant, missing or extra attributes) is a 422 naming the field, never a
 * malformed request to DynamoDB. Cursors are base64url JSON: opaque to clients, and not secret
 * (they hold one item's key, inside the caller's own tenant and list).
 */

/** The keys a paged query reads: one partition, and the prefix of its sort keys. */
export interface KeyRange {
  readonly pk: string;
  /** Every sort key the query reads starts with it (`INVITE#`). */
  readonly skPrefix: string;
}

/** A key of the table (the cursor of a query on it). */
export type TableKey = {
  pk: string;
  sk: string;
};

/** DynamoDB's limits on key values, in UTF-8 bytes. */
const MAX_PARTITION_KEY_BYTES = 2048;
const MAX_SORT_KEY_BYTES = 1024;
/** A cursor as this module writes it: base64url without padding. */
const BASE64URL = /^[A-Za-z0-9_-]+$/;
/** Half of a surrogate pair on its own: no character, and not valid UTF-8 for DynamoDB. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

const keyValue = (value: unknown, maxBytes: number): value is string =>
  typeof value === 'string' &&
  value !== '' &&
  !LONE_SURROGATE.test(value) &&
  Buffer.byteLength(value, 'utf8') <= maxBytes;

/** Whether `key` is a key of `range`, and only that: `{ pk, sk }`, in the range, within DynamoDB's limits. */
export function isKeyInRange(key: unknown, range: KeyRange): key is TableKey {
  if (key === null || typeof key !== 'object' || Array.isArray(key)) return false;
  const keys = Object.keys(key);
  if (keys.length !== 2 || !keys.includes('pk') || !keys.includes('sk')) return false;
  const { pk, sk } = key as Record<string, unknown>;
  return (
    keyValue(pk, MAX_PARTITION_KEY_BYTES) &&
    pk === range.pk &&
    keyValue(sk, MAX_SORT_KEY_BYTES) &&
    sk.startsWith(range.skPrefix)
  );
}

/** A page's cursor for the client: the query's last key (`LastEvaluatedKey`), or none on the last page. */
export function encodeCursor(key: Record<string, unknown> | undefined): string | undefined {
  if (!key) return undefined;
  const { pk, sk } = key;
  if (typeof pk !== 'string' || typeof sk !== 'string' || Object.keys(key).length !== 2)
    throw new Error('A paging cursor is a key of the table: pk and sk');
  return Buffer.from(JSON.stringify({ pk, sk })).toString('base64url');
}

/** The refusal of a cursor that is not one of this list's (`field` is where it came from). */
export const invalidCursor = (field = 'query.cursor') =>
  new HttpError(422, `Invalid ${field}`, [{ field, message: 'Not a cursor from this list' }], {
    text: (language) => issueTexts(language).notACursor,
  });

/**
 * The key a client's cursor stands for, checked against the query's `range` (see above); none
 * for an absent or empty cursor (the first page). Throws a 422 naming `field` for anything else.
 */
export function decodeCursor(
  cursor: string | undefined,
  range: KeyRange,
  field = 'query.cursor',
): TableKey | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  if (!BASE64URL.test(cursor)) throw invalidCursor(field);
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor(field);
  }
  if (!isKeyInRange(key, range)) throw invalidCursor(field);
  return { pk: key.pk, sk: key.sk };
}
