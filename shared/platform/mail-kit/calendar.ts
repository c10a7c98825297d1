import { createEvent, type EventAttributes } from 'ics';
import { httpsLink, isValidEmail } from './headers.js';

/**
 * Calendar invitations (iTIP, RFC 5546) as an SES attachment, built with the `ics` package.
 *
 * What `ics` 3.12 does and does not do for us (read from node_modules/ics):
 * - `method`, `uid` and `sequence` are supported: METHOD goes into the VCALENDAR, UID and
 *   SEQUENCE into the VEVENT. Numeric times (ms) come out as UTC (`…Z`).
 * - SUMMARY, DESCRIPTION and LOCATION are escaped (`\`, `;`, `,`, newlines) but a bare CR is
 *   not, so we normalise line breaks first.
 * - CN parameters are quoted, but a `"` inside is written as `\"`, which RFC 5545 does not
 *   allow, and the ORGANIZER line gets no newline escaping at all: names are cleaned here.
 * - Lines are folded at 75 characters, not 75 octets: we refold at 75 octets (RFC 5545 §3.1),
 *   never inside a UTF-8 sequence.
 */

export interface CalendarPerson {
  name: string;
  email: string;
}

export interface CalendarInviteInput {
  /** Stable for the event across updates and the cancellation, e.g. `<event id>@<domain>`. */
  uid: string;
  /** 0 for the first invitation; one more for every update (and the cancellation). */
  sequence: number;
  method: 'REQUEST' | 'CANCEL';
  title: string;
  description: string;
  location: string;
  start: Date;
  end: Date;
  organizer: CalendarPerson;
  attendee?: CalendarPerson;
  /** https only. */
  url?: string;
}

/** An SES v2 `Attachment`. */
export interface CalendarAttachment {
  FileName: 'invite.ics';
  ContentType: `text/calendar; charset=utf-8; method=${'REQUEST' | 'CANCEL'}`;
  RawContent: Uint8Array;
}

export const calendarProductId = '-//Samverkan//Mail//EN';

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const controlsExceptNewline = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const anyControls = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

/** Text for SUMMARY, DESCRIPTION, LOCATION: LF line breaks only, no other control characters. */
const cleanText = (text: string) =>
  text.replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(controlsExceptNewline, (c) => (c === '\t' ? ' ' : ''));

/** A CN parameter value: one line, and no DQUOTE (RFC 5545 §3.2 has no way to escape it). */
const cleanName = (name: string) =>
  name.replace(anyControls, ' ').replace(/"/g, "'").replace(/\s+/g, ' ').trim();

/** What a UID may hold: a printable, single-line identifier. */
const uidPattern = /^[A-Za-z0-9._@+=:/-]{1,255}$/;

function assertValid(input: CalendarInviteInput): void {
  const { uid, sequence, method, title, start, end, organizer, attendee, url } = input;
  if (!uidPattern.test(uid)) {
    throw new Error('Calendar uid must be 1..255 characters of A-Z a-z 0-9 . _ @ + = : / -');
  }
  if (!Number.isSafeInteger(sequence) || sequence < 0 || sequence > 2_147_483_647) {
    throw new Error('Calendar sequence must be a whole number from 0');
  }
  if (method !== 'REQUEST' && method !== 'CANCEL') {
    throw new Error('Calendar method must be REQUEST or CANCEL');
  }
  if (typeof title !== 'string' || cleanText(title).trim() === '') {
    throw new Error('Calendar title is required');
  }
  const validDate = (date: unknown) => date instanceof Date && !Number.isNaN(date.getTime());
  if (!validDate(start) || !validDate(end)) {
    throw new Error('Calendar start and end must be valid dates');
  }
  if (start.getTime() < 0 || end.getTime() <= start.getTime()) {
    throw new Error('Calendar end must be after start');
  }
  for (const [role, person] of [
    ['organizer', organizer],
    ['attendee', attendee],
  ] as const) {
    if (person !== undefined && !isValidEmail(person.email)) {
      throw new Error(`Calendar ${role} email is not valid`);
    }
  }
  if (url !== undefined && httpsLink(url)?.protocol !== 'https:') {
    throw new Error('Calendar url must be an https URL');
  }
}

/** RFC 5545 §3.1: content lines of at most 75 octets, continued with CRLF and a space. */
export function foldContentLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let size = 0;
  let limit = 75;
  for (const character of line) {
    const bytes = Buffer.byteLength(character, 'utf8');
    if (size + bytes > limit) {
      parts.push(current);
      current = '';
      size = 0;
      limit = 74; // the leading space counts
    }
    current += character;
    size += bytes;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** Unfolds `ics`'s output (CRLF + TAB) and folds every line again by octets. */
function refold(calendar: string): string {
  return `${calendar
    .replace(/\r\n[ \t]/g, '')
    .split('\r\n')
    .filter((line) => line !== '')
    .map(foldContentLine)
    .join('\r\n')}\r\n`;
}

/**
 * The `invite.ics` attachment of an invitation or a cancellation: METHOD in the VCALENDAR and
 * in the content type, the stable UID, SEQUENCE as given, times in UTC, STATUS CONFIRMED (or
 * CANCELLED for CANCEL), the attendee ACCEPTED with RSVP=FALSE (answers are given on the RSVP
 * page, never by calendar reply to the no-reply organiser). Throws for invalid input (bad uid, dates, addresses, non-https url).
 */
export function calendarAttachment(input: CalendarInviteInput): CalendarAttachment {
  assertValid(input);
  const { uid, sequence, method, title, description, location, start, end, organizer, attendee, url } = input;
  const event: EventAttributes = {
    productId: calendarProductId,
    method,
    uid,
    sequence,
    title: cleanText(title).trim(),
    description: cleanText(description).trim(),
    location: cleanText(location).trim(),
    start: start.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: end.getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    status: method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
    organizer: { name: cleanName(organizer.name) || organizer.email, email: organizer.email },
    ...(attendee
      ? {
          attendees: [
            {
              name: cleanName(attendee.name) || attendee.email,
              email: attendee.email,
              // The organiser is a no-reply address: no Accept/Decline buttons whose replies go
              // nowhere. The entry records the answer the person already gave on the RSVP page.
              rsvp: false,
              ...(method === 'REQUEST' ? { partstat: 'ACCEPTED' as const } : {}),
              role: 'REQ-PARTICIPANT',
              cutype: 'INDIVIDUAL',
            },
          ],
        }
      : {}),
    ...(url ? { url } : {}),
  };
  const { error, value } = createEvent(event);
  if (error || !value)
    throw new Error(`Could not build the calendar invitation: ${error?.message ?? 'no output'}`);
  return {
    FileName: 'invite.ics',
    ContentType: `text/calendar; charset=utf-8; method=${method}`,
    RawContent: new TextEncoder().encode(refold(value)),
  };
}
