import { httpsLink, isValidEmail } from './headers.js';

/**
 * Calendar invitations (iTIP, RFC 5546) as an SES attachment: one VEVENT with a fixed set of
 * properties, written here (RFC 5545) rather than with the `ics` package.
 *
 * Why not `ics` (3.12, used until issue 11): it validates its input with `yup` and brings
 * `dayjs` and `runes2` (~75 KiB of the mail-sender and rsvp bundles), and what we needed of it
 * was a dozen lines: its CN quoting wrote `"` as `\"` (not allowed by RFC 5545) and missed
 * newlines in ORGANIZER, so names were cleaned here anyway; it folded at 75 characters, not
 * octets, so we refolded; the input is checked here before anything is written. The output is
 * line for line what `ics` 3.12 wrote for the same input (same properties, order and quoting:
 * calendar programs have been reading it), which tests/unit/mail-calendar.test.ts checks
 * against `ics` itself, kept as a development dependency for that.
 *
 * - TEXT values (SUMMARY, DESCRIPTION, LOCATION) escape `\`, `;`, `,` and line breaks (§3.3.11);
 *   line breaks are normalised to LF and other control characters removed first.
 * - CN parameters are quoted and hold no DQUOTE and no control character (§3.2 has no escape).
 * - Times are UTC (`…Z`); lines are folded at 75 octets (§3.1), never inside a UTF-8 sequence.
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

/** RFC 5545 §3.3.11: TEXT with `\`, `;`, `,` and newlines escaped (input already cleaned). */
const escapeText = (text: string) =>
  text.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/;/g, '\\;').replace(/,/g, '\\,');

/** RFC 5545 §3.3.5 UTC date-time: 20250304T073000Z. */
const utc = (date: Date) =>
  date
    .toISOString()
    .replace(/\.\d{3}Z$/, 'Z')
    .replace(/[-:]/g, '');

/** A quoted parameter value (the input holds no DQUOTE and no control character). */
const quoted = (value: string) => `"${value}"`;

/**
 * The `invite.ics` attachment of an invitation or a cancellation: METHOD in the VCALENDAR and
 * in the content type, the stable UID, SEQUENCE as given, times in UTC, STATUS CONFIRMED (or
 * CANCELLED for CANCEL), the attendee ACCEPTED with RSVP=FALSE (answers are given on the RSVP
 * page, never by calendar reply to the no-reply organiser). Throws for invalid input (bad uid, dates, addresses, non-https url).
 */
export function calendarAttachment(input: CalendarInviteInput): CalendarAttachment {
  assertValid(input);
  const { uid, sequence, method, title, description, location, start, end, organizer, attendee, url } = input;
  const summary = cleanText(title).trim();
  const details = cleanText(description).trim();
  const place = cleanText(location).trim();
  const attendeeLine =
    attendee === undefined
      ? undefined
      : // The organiser is a no-reply address: no Accept/Decline buttons whose replies go
        // nowhere. The entry records the answer the person already gave on the RSVP page.
        [
          'ATTENDEE',
          'RSVP=FALSE',
          `CUTYPE=${quoted('INDIVIDUAL')}`,
          `ROLE=${quoted('REQ-PARTICIPANT')}`,
          ...(method === 'REQUEST' ? [`PARTSTAT=${quoted('ACCEPTED')}`] : []),
          `CN=${quoted(cleanName(attendee.name) || attendee.email)}:mailto:${attendee.email}`,
        ].join(';');
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'CALSCALE:GREGORIAN',
    `PRODID:${calendarProductId}`,
    `METHOD:${method}`,
    'X-PUBLISHED-TTL:PT1H',
    'BEGIN:VEVENT',
    `UID:${uid}`,
    `SUMMARY:${escapeText(summary)}`,
    `DTSTAMP:${utc(new Date())}`,
    `DTSTART:${utc(start)}`,
    `DTEND:${utc(end)}`,
    `SEQUENCE:${sequence}`,
    ...(details === '' ? [] : [`DESCRIPTION:${escapeText(details)}`]),
    ...(url ? [`URL:${url}`] : []),
    ...(place === '' ? [] : [`LOCATION:${escapeText(place)}`]),
    `STATUS:${method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED'}`,
    `ORGANIZER;CN=${quoted(cleanName(organizer.name) || organizer.email)}:MAILTO:${organizer.email}`,
    ...(attendeeLine === undefined ? [] : [attendeeLine]),
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return {
    FileName: 'invite.ics',
    ContentType: `text/calendar; charset=utf-8; method=${method}`,
    RawContent: new TextEncoder().encode(`${lines.map(foldContentLine).join('\r\n')}\r\n`),
  };
}
