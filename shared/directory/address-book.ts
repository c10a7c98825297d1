import * as z from 'zod';
import { HttpError } from '../platform/http/errors.js';
import { issueTexts } from '../platform/texts/issues.js';
import { simplify } from './simplify.js';

/**
 * The address book's lists: contacts and organisations found by what staff remember of them
 * (any part of a name, an address, an organisation, a tag), in name order, a page at a time.
 *
 * A tenant's directory is read whole (one Query of its partition, a few hundred to a few
 * thousand items) and searched in memory: DynamoDB has no substring search, and a name-sorted
 * index would only serve the unsearched list. The cursor is the last row's place in that order
 * (name, then id), so a page follows on correctly even when rows were added or deleted between
 * requests. See the closing note of issue 12 for when an index would pay off.
 */

export const CONSOLE_PAGE_SIZE = 50;
export const API_PAGE_SIZE = 100;
export const MAX_PAGE_SIZE = 500;

/** What a list request may carry besides its own filters. */
export const listPagingFields = {
  q: z.string().trim().max(100, 'At most 100 characters').optional(),
  cursor: z.string().max(2000).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).optional(),
};

/** Every word of the search is somewhere in the row's fields, ignoring case and accents. */
export function matchesSearch(fields: readonly (string | undefined)[], q: string | undefined): boolean {
  const words = (q ?? '').split(/\s+/).map(simplify).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fields.filter((f): f is string => !!f).map(simplify);
  return words.every((word) => haystack.some((field) => field.includes(word)));
}

const collator = new Intl.Collator('sv', { sensitivity: 'base', numeric: true });

/** Name order as a Swedish or Danish reader expects (å, ä, ö last), then id for equal names. */
export function compareByName(a: { name: string; id: string }, b: { name: string; id: string }): number {
  return collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const cursorSchema = z.tuple([z.string().max(400), z.string().min(1).max(64)]);

const encode = (row: { name: string; id: string }) =>
  Buffer.from(JSON.stringify([row.name, row.id])).toString('base64url');

function decode(cursor: string | undefined): { name: string; id: string } | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  try {
    const [name, id] = cursorSchema.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return { name, id };
  } catch {
    // The same refusal as the table's cursors (shared/platform/table/cursor.ts).
    throw new HttpError(
      422,
      'Invalid query.cursor',
      [{ field: 'query.cursor', message: 'Not a cursor from this list' }],
      {
        text: (language) => issueTexts(language).notACursor,
      },
    );
  }
}

export interface AddressBookPage<T> {
  items: T[];
  /** The next page's cursor; absent on the last page. */
  cursor?: string;
  /** Rows matching, on every page. */
  total: number;
  /** Rows before this page (for "51–100 of 412"). */
  offset: number;
}

/**
 * One page of `rows` in name order, after `cursor` (a cursor this function wrote; anything else
 * is a 422 naming `query.cursor`).
 */
export function pageByName<T>(
  rows: readonly T[],
  key: (row: T) => { name: string; id: string },
  cursor: string | undefined,
  limit: number,
): AddressBookPage<T> {
  const after = decode(cursor);
  const sorted = [...rows].sort((a, b) => compareByName(key(a), key(b)));
  const offset = after ? sorted.findIndex((row) => compareByName(key(row), after) > 0) : 0;
  const start = offset < 0 ? sorted.length : offset;
  const items = sorted.slice(start, start + limit);
  const last = items.at(-1);
  const more = start + limit < sorted.length;
  return {
    items,
    total: sorted.length,
    offset: start,
    ...(more && last ? { cursor: encode(key(last)) } : {}),
  };
}

/** What a contact is found by: its name, address, role, tags and its organisation's name. */
export const contactSearchFields = (
  contact: { name: string; email: string; role?: string; tags?: string[]; organisationId?: string },
  organisationNames: ReadonlyMap<string, string>,
) => [
  contact.name,
  contact.email,
  contact.role,
  ...(contact.tags ?? []),
  contact.organisationId ? organisationNames.get(contact.organisationId) : undefined,
];

/** What an organisation is found by: its name, number, industry, area and tags. */
export const organisationSearchFields = (organisation: {
  name: string;
  organisationNumber?: string;
  industry?: string;
  area?: string;
  tags?: string[];
}) => [
  organisation.name,
  organisation.organisationNumber,
  organisation.industry,
  organisation.area,
  ...(organisation.tags ?? []),
];
