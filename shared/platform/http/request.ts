import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import * as z from 'zod';
import type { FieldLabels } from '../texts/issues.js';
import { HttpError, validationError } from './errors.js';

/** The body as text, decoded from base64 when API Gateway encoded it. */
export function rawBody(event: APIGatewayProxyEventV2): string {
  if (!event.body) return '';
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}

export function header(event: APIGatewayProxyEventV2, name: string): string | undefined {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}

export function parseJsonBody(event: APIGatewayProxyEventV2): unknown {
  const text = rawBody(event);
  if (text.trim() === '')
    throw new HttpError(400, 'Request body is required', [{ field: 'body', message: 'Required' }]);
  const type = header(event, 'content-type') ?? '';
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(type)) {
    throw new HttpError(415, 'Content-Type must be application/json', [
      { field: 'headers.content-type', message: 'Expected application/json' },
    ]);
  }
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'Request body is not valid JSON', [
      { field: 'body', message: 'Malformed JSON' },
    ]);
  }
}

function _parseFormBody(event: APIGatewayProxyEventV2): Record<string, string> {
  return parseFormLists(event).first;
}

/**
 * A urlencoded form: each field's first value, and all values of each field (checkbox groups
 * send one field name several times).
 */
export function parseFormLists(event: APIGatewayProxyEventV2): {
  first: Record<string, string>;
  all: Record<string, string[]>;
} {
  const first: Record<string, string> = {};
  const all: Record<string, string[]> = {};
  for (const [key, value] of new URLSearchParams(rawBody(event))) {
    first[key] ??= value;
    all[key] = [...(all[key] ?? []), value];
  }
  return { first, all };
}

/**
 * Validates one part of the request (`body`, `path`, `query`); errors name the field (in English
 * for the JSON API; on pages by `labels`, in the reader's language).
 */
export function validate<S extends z.ZodType>(
  part: string,
  schema: S,
  value: unknown,
  labels?: FieldLabels,
): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(part, result.error, { input: value, labels });
  return result.data;
}

export function cookies(event: APIGatewayProxyEventV2): Record<string, string> {
  // API Gateway v2 puts cookies in `event.cookies`; plain HTTP sends one Cookie header.
  const pairs = event.cookies ?? (header(event, 'cookie') ?? '').split(';');
  const out: Record<string, string> = {};
  for (const pair of pairs) {
    const index = pair.indexOf('=');
    if (index < 0) continue;
    const key = pair.slice(0, index).trim();
    if (key) out[key] = decodeURIComponent(pair.slice(index + 1).trim());
  }
  return out;
}

export const idParam = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'Not a valid id');
