/**
 * "Add to calendar" links for Google Calendar and Outlook on the web, for those who cannot (or
 * would rather not) open the `.ics` attachment. Times are in UTC; every value is encoded with
 * encodeURIComponent (space as `%20`, which both services read; `+` is taken literally by some
 * Outlook versions).
 */

export interface CalendarLinkEvent {
  title: string;
  description: string;
  location: string;
  start: Date;
  end: Date;
}

/** Descriptions longer than this are cut (with "…"): long URLs get refused (HTTP 414) or cut off. */
export const maxLinkDescriptionLength = 1000;

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const controlsExceptNewline = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/g;
// biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
const controlOrSpaceRun = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\s]+/g;

/** One line: control characters and white space runs become one space. */
const oneLine = (text: string) => text.replace(controlOrSpaceRun, ' ').trim();

/** LF line breaks only, no other control characters, cut to the maximum length. */
function descriptionOf(text: string): string {
  const cleaned = text
    .replace(/\r\n?|[\u2028\u2029]/g, '\n')
    .replace(controlsExceptNewline, (c) => (c === '\t' ? ' ' : ''))
    .trim();
  const characters = [...cleaned];
  return characters.length <= maxLinkDescriptionLength
    ? cleaned
    : `${characters
        .slice(0, maxLinkDescriptionLength - 1)
        .join('')
        .trimEnd()}…`;
}

function assertValid(event: CalendarLinkEvent): void {
  const validDate = (date: unknown): date is Date => date instanceof Date && !Number.isNaN(date.getTime());
  if (!validDate(event.start) || !validDate(event.end)) {
    throw new Error('Calendar link start and end must be valid dates');
  }
  if (event.end.getTime() <= event.start.getTime()) throw new Error('Calendar link end must be after start');
  if (typeof event.title !== 'string' || oneLine(event.title) === '') {
    throw new Error('Calendar link title is required');
  }
}

/** `2026-03-25T10:30:00Z`: ISO 8601 in UTC, whole seconds. */
const isoUtc = (date: Date) => date.toISOString().replace(/\.\d{3}Z$/, 'Z');

/** `20260325T103000Z`: the iCalendar basic format Google's `dates` takes. */
const basicUtc = (date: Date) => isoUtc(date).replace(/[-:]/g, '');

const encode = encodeURIComponent;

/**
 * `https://calendar.google.com/calendar/render?action=TEMPLATE&text=…&dates=START/END&details=…&location=…`
 * with START and END as `YYYYMMDDTHHMMSSZ` (UTC). Throws for invalid dates, an end not after
 * the start and an empty title.
 */
export function googleCalendarUrl(event: CalendarLinkEvent): string {
  assertValid(event);
  return [
    'https://calendar.google.com/calendar/render?action=TEMPLATE',
    `text=${encode(oneLine(event.title))}`,
    `dates=${basicUtc(event.start)}/${basicUtc(event.end)}`,
    `details=${encode(descriptionOf(event.description))}`,
    `location=${encode(oneLine(event.location))}`,
  ].join('&');
}

/**
 * `https://outlook.office.com/calendar/0/deeplink/compose?subject=…&startdt=ISO&enddt=ISO&body=…&location=…&path=/calendar/action/compose&rru=addevent`
 * with the times as ISO 8601 in UTC (`2026-03-25T10:30:00Z`). Throws like {@link googleCalendarUrl}.
 */
export function outlookCalendarUrl(event: CalendarLinkEvent): string {
  assertValid(event);
  return [
    `https://outlook.office.com/calendar/0/deeplink/compose?subject=${encode(oneLine(event.title))}`,
    `startdt=${isoUtc(event.start)}`,
    `enddt=${isoUtc(event.end)}`,
    `body=${encode(descriptionOf(event.description))}`,
    `location=${encode(oneLine(event.location))}`,
    'path=/calendar/action/compose',
    'rru=addevent',
  ].join('&');
}
