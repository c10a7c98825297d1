import type { z } from 'zod';
import { describeIssue, type FieldLabels, type Issue, issuesOf } from '../texts/issues.js';
import type { Language } from '../texts/language.js';
import type { Localized } from '../texts/table.js';

export interface ErrorDetail {
  /** Dotted path of the offending field, e.g. `body.themes.2.title`. */
  field: string;
  message: string;
}

/** What pages show of an error, in the reader's language (the JSON API keeps the English message). */
export interface PageWords {
  /** The message in the reader's language. */
  text?: Localized;
  /** A 422's validation issues, worded field by field (paths without the request part). */
  issues?: Issue[];
  /** The words for the fields those issues are about. */
  labels?: FieldLabels;
}

/**
 * An error meant for the client: its status and (English) message are what the JSON API answers;
 * pages show `page` in the reader's language instead (see `errorPageText`).
 */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly details: ErrorDetail[] = [],
    readonly page: PageWords = {},
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const notFound = () => new HttpError(404, 'Not found');
export const forbidden = (message = 'Your role does not allow this', text?: Localized) =>
  new HttpError(403, message, [], text ? { text } : {});

/**
 * A 422 naming every field zod refused. `input` (the validated value) tells a missing field from a
 * wrong one; `labels` name the fields on pages.
 */
export function validationError(
  part: string,
  error: z.ZodError,
  options: { input?: unknown; labels?: FieldLabels } = {},
): HttpError {
  const details = error.issues.map((issue) => ({
    field: [part, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  const fields = [...new Set(details.map((d) => d.field))].join(', ');
  return new HttpError(422, `Invalid ${fields}`, details, {
    issues: issuesOf(error, options.input),
    labels: options.labels,
  });
}

/** The language error messages are written in (for the JSON API and the logs). */
const MESSAGE_LANGUAGE: Language = 'en';

/**
 * What an error page says of an error beyond its heading, in the reader's language: the error's
 * own words for pages, else its validation issues (each naming its field), else its message when
 * the reader reads the message's language. Otherwise nothing: the translated heading and lead
 * say what can be said, and the log has the rest.
 */
export function errorPageText(error: unknown, language: Language): string {
  if (error instanceof HttpError) {
    const { text, issues, labels } = error.page;
    if (text) return text(language);
    if (issues?.length) return issues.map((issue) => describeIssue(issue, language, { labels })).join(' ');
  }
  if (language !== MESSAGE_LANGUAGE) return '';
  return error instanceof HttpError ? error.message : 'Internal error';
}
