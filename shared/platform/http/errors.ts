import type { z } from 'zod';

export interface ErrorDetail {
  /** Dotted path of the offending field, e.g. `body.themes.2.title`. */
  field: string;
  message: string;
}

/** An error meant for the client: its status and message are shown as they are. */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly details: ErrorDetail[] = [],
  ) {
    super(message);
    this.name = 'HttpError';
  }
}

export const notFound = () => new HttpError(404, 'Not found');
export const forbidden = (message = 'Your role does not allow this') => new HttpError(403, message);

export function validationError(part: string, error: z.ZodError): HttpError {
  const details = error.issues.map((issue) => ({
    field: [part, ...issue.path.map(String)].join('.'),
    message: issue.message,
  }));
  const fields = [...new Set(details.map((d) => d.field))].join(', ');
  return new HttpError(422, `Invalid ${fields}`, details);
}
