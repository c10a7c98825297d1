import * as z from 'zod';
import { hasControlCharacters, httpsLink } from '../platform/mail-kit/headers.js';

/*
 * Field schemas the data of message kinds is built from, whichever capability declares the kind.
 */

/** One line a person typed: no CR, LF or other control character, trimmed, 1..max characters. */
export const singleLineText = (max: number) =>
  z
    .string()
    .max(max, `At most ${max} characters`)
    .refine((value) => !hasControlCharacters(value), 'Must be a single line without control characters')
    .transform((value) => value.trim())
    .pipe(z.string().min(1, 'Required'));

/** A link staff typed: an absolute https URL, nothing else. */
export const httpsUrlSchema = z
  .string()
  .max(2000, 'At most 2000 characters')
  .refine((value) => httpsLink(value)?.protocol === 'https:', 'Must be an https URL');

/** A link the system built (confirmation, unsubscribe): https, or http on localhost for local runs. */
export const systemUrlSchema = z
  .string()
  .max(2000, 'At most 2000 characters')
  .refine((value) => httpsLink(value) !== undefined, 'Must be an https URL');
