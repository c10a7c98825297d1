import type { Attachment } from '@aws-sdk/client-sesv2';
import fc from 'fast-check';
import { createEvent } from 'ics';
import { describe, expect, it } from 'vitest';
import {
  type CalendarInviteInput,
  calendarAttachment,
  foldContentLine,
} from '../../shared/platform/mail-kit/calendar.js';

// biome-ignore lint/suspicious/noControlCharactersInRegex: test inputs without control characters.
const controlCharacters = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;

const invite: CalendarInviteInput = {
  uid: '01JD7Q6Z3H0000000000000000@samverkan.hassleholm.se',
  sequence: 0,
  method: 'REQUEST',
  title: 'Frukostmöte: kompetensförsörjning, del 1; Hässleholm',
  description: 'Vi bjuder på frukost.\nAnmäl dig senast fredag.',
  location: 'Stadshuset, sal 2',
  start: new Date('2025-03-04T07:30:00Z'),
  end: new Date('2025-03-04T09:00:00Z'),
  organizer: { name: 'Hässleholms kommun', email: 'naringsliv@hassleholm.se' },
  attendee: { name: 'Anna Lindqvist', email: 'anna@foretaget.se' },
  url: 'https://samverkan.hassleholm.se/e/abc',
};

const decode = (bytes: Uint8Array) => new TextDecoder('utf-8', { fatal: true }).decode(bytes);
/** RFC 5545 §3.1: a CRLF followed by one space or tab is removed. */
const unfold = (ics: string) => ics.replace(/\r\n[ \t]/g, '');
const contentLines = (ics: string) => unfold(ics).split('\r\n').slice(0, -1);
const property = (ics: string, name: string) =>
  contentLines(ics).filter((line) => line.startsWith(`${name}:`) || line.startsWith(`${name};`));
/** RFC 5545 §3.3.11 TEXT unescaping. */
const unescapeText = (value: string) =>
  value.replace(/\\([\\;,nN])/g, (_m, c: string) => (c === 'n' || c === 'N' ? '\n' : c));

describe('calendarAttachment', () => {
  it('builds a REQUEST: METHOD in the calendar and the content type, UID, SEQUENCE, UTC times', () => {
    // What SES v2 SendEmail takes as Content.Simple.Attachments[] (checked by tsc).
    const attachment: Attachment & ReturnType<typeof calendarAttachment> = calendarAttachment(invite);
    expect(attachment.FileName).toBe('invite.ics');
    expect(attachment.ContentType).toBe('text/calendar; charset=utf-8; method=REQUEST');
    expect(attachment.RawContent).toBeInstanceOf(Uint8Array);
    const ics = decode(attachment.RawContent);
    const lines = contentLines(ics);
    expect(lines[0]).toBe('BEGIN:VCALENDAR');
    expect(lines.at(-1)).toBe('END:VCALENDAR');
    const calendarPart = lines.slice(0, lines.indexOf('BEGIN:VEVENT'));
    expect(calendarPart).toContain('METHOD:REQUEST');
    expect(calendarPart).toContain('VERSION:2.0');
    expect(calendarPart).toContain('PRODID:-//Samverkan//Mail//EN');
    expect(property(ics, 'UID')).toEqual([`UID:${invite.uid}`]);
    expect(property(ics, 'SEQUENCE')).toEqual(['SEQUENCE:0']);
    expect(property(ics, 'DTSTART')).toEqual(['DTSTART:20250304T073000Z']);
    expect(property(ics, 'DTEND')).toEqual(['DTEND:20250304T090000Z']);
    expect(property(ics, 'DTSTAMP')[0]).toMatch(/^DTSTAMP:\d{8}T\d{6}Z$/);
    expect(property(ics, 'STATUS')).toEqual(['STATUS:CONFIRMED']);
    expect(property(ics, 'ORGANIZER')).toEqual([
      'ORGANIZER;CN="Hässleholms kommun":MAILTO:naringsliv@hassleholm.se',
    ]);
    const [attendee] = property(ics, 'ATTENDEE');
    expect(attendee).toMatch(
      /^ATTENDEE;RSVP=FALSE;.*PARTSTAT="?ACCEPTED"?;.*CN="Anna Lindqvist":mailto:anna@foretaget\.se$/,
    );
    // The organiser is a no-reply address: nothing may ask the calendar to send a reply there.
    expect(attendee).not.toMatch(/RSVP=TRUE|NEEDS-ACTION/);
    expect(property(ics, 'URL')).toEqual(['URL:https://samverkan.hassleholm.se/e/abc']);
  });

  it('escapes text values', () => {
    const ics = decode(calendarAttachment(invite).RawContent);
    expect(property(ics, 'SUMMARY')).toEqual([
      'SUMMARY:Frukostmöte: kompetensförsörjning\\, del 1\\; Hässleholm',
    ]);
    expect(property(ics, 'DESCRIPTION')).toEqual([
      'DESCRIPTION:Vi bjuder på frukost.\\nAnmäl dig senast fredag.',
    ]);
    expect(property(ics, 'LOCATION')).toEqual(['LOCATION:Stadshuset\\, sal 2']);
  });

  it('builds a CANCEL with the same UID, the given SEQUENCE and STATUS:CANCELLED', () => {
    const attachment = calendarAttachment({ ...invite, method: 'CANCEL', sequence: 3 });
    expect(attachment.ContentType).toBe('text/calendar; charset=utf-8; method=CANCEL');
    const ics = decode(attachment.RawContent);
    expect(contentLines(ics)).toContain('METHOD:CANCEL');
    expect(property(ics, 'METHOD')).toEqual(['METHOD:CANCEL']);
    expect(property(ics, 'STATUS')).toEqual(['STATUS:CANCELLED']);
    expect(property(ics, 'UID')).toEqual([`UID:${invite.uid}`]);
    expect(property(ics, 'SEQUENCE')).toEqual(['SEQUENCE:3']);
    expect(property(ics, 'ATTENDEE')[0]).not.toMatch(/RSVP=TRUE|NEEDS-ACTION/);
  });

  it('writes UTC whatever the Date was created from', () => {
    const ics = decode(
      calendarAttachment({
        ...invite,
        start: new Date('2025-07-01T10:00:00+02:00'),
        end: new Date('2025-07-01T11:15:30+02:00'),
      }).RawContent,
    );
    expect(property(ics, 'DTSTART')).toEqual(['DTSTART:20250701T080000Z']);
    expect(property(ics, 'DTEND')).toEqual(['DTEND:20250701T091530Z']);
  });

  it('keeps names and text on their own line: no property injection', () => {
    const ics = decode(
      calendarAttachment({
        ...invite,
        title: 'Möte\r\nATTENDEE:mailto:evil@example.com',
        description: 'a\rb\r\nc\u2028d\u0000e\tf',
        organizer: { name: 'Anna "AL"\r\nX-INJECTED:1', email: 'anna@hassleholm.se' },
        attendee: { name: 'Bo\nATTENDEE:mailto:evil@example.com', email: 'bo@foretaget.se' },
      }).RawContent,
    );
    const lines = contentLines(ics);
    expect(lines.filter((l) => l.startsWith('ATTENDEE'))).toHaveLength(1);
    expect(lines.some((l) => l.startsWith('X-INJECTED'))).toBe(false);
    expect(property(ics, 'ORGANIZER')).toEqual([
      `ORGANIZER;CN="Anna 'AL' X-INJECTED:1":MAILTO:anna@hassleholm.se`,
    ]);
    expect(property(ics, 'SUMMARY')).toEqual(['SUMMARY:Möte\\nATTENDEE:mailto:evil@example.com']);
    expect(property(ics, 'DESCRIPTION')).toEqual(['DESCRIPTION:a\\nb\\nc\\nde f']);
    // Every physical line ends in CRLF, with no bare CR or LF anywhere.
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('folds at 75 octets without splitting a character, and unfolds to the original text', () => {
    const title = 'Träff för företagare i Hässleholm och Helsingør – åäö ÅÄÖ æøå 😀 '.repeat(6).trim();
    const ics = decode(calendarAttachment({ ...invite, title }).RawContent);
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    const [summary] = property(ics, 'SUMMARY');
    expect(unescapeText(summary?.slice('SUMMARY:'.length) ?? '')).toBe(title);
  });

  it('foldContentLine: at most 75 octets per line, continuation lines start with one space', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const folded = foldContentLine(`X:${text}`);
        const physical = folded.split('\r\n');
        for (const [i, line] of physical.entries()) {
          expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
          if (i > 0) expect(line.startsWith(' ')).toBe(true);
        }
        expect(unfold(folded)).toBe(`X:${text}`);
      }),
    );
  });

  it('round-trips any title, description and location, and stays well-formed', () => {
    const text = fc
      .string({ unit: 'grapheme', maxLength: 200 })
      .map((s) => s.replace(controlCharacters, '').replace(/\s+/g, ' ').trim());
    fc.assert(
      fc.property(
        text.filter((t) => t !== ''),
        text,
        text,
        fc.nat({ max: 1000 }),
        fc.constantFrom('REQUEST' as const, 'CANCEL' as const),
        (title, description, location, sequence, method) => {
          const ics = decode(
            calendarAttachment({ ...invite, title, description, location, sequence, method }).RawContent,
          );
          for (const line of ics.split('\r\n'))
            expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
          const lines = contentLines(ics);
          for (const line of lines) expect(line).toMatch(/^[A-Z-]+[;:]/);
          expect(lines.filter((l) => l === 'BEGIN:VEVENT')).toHaveLength(1);
          expect(lines.filter((l) => l === 'END:VEVENT')).toHaveLength(1);
          expect(property(ics, 'METHOD')).toEqual([`METHOD:${method}`]);
          expect(property(ics, 'SEQUENCE')).toEqual([`SEQUENCE:${sequence}`]);
          expect(unescapeText(property(ics, 'SUMMARY')[0]?.slice('SUMMARY:'.length) ?? '')).toBe(title);
          if (description !== '') {
            expect(unescapeText(property(ics, 'DESCRIPTION')[0]?.slice('DESCRIPTION:'.length) ?? '')).toBe(
              description,
            );
          }
          if (location !== '') {
            expect(unescapeText(property(ics, 'LOCATION')[0]?.slice('LOCATION:'.length) ?? '')).toBe(
              location,
            );
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('works without an attendee or url', () => {
    const { attendee: _a, url: _u, ...minimal } = invite;
    const ics = decode(calendarAttachment(minimal).RawContent);
    expect(property(ics, 'ATTENDEE')).toEqual([]);
    expect(property(ics, 'URL')).toEqual([]);
    expect(property(ics, 'UID')).toEqual([`UID:${invite.uid}`]);
  });

  it('writes line for line what the ics package (3.12, used until issue 11) wrote for the same input', () => {
    const text = fc.string({ unit: 'grapheme', maxLength: 120 });
    const name = fc.oneof(fc.constant(''), fc.string({ unit: 'grapheme', maxLength: 40 }));
    fc.assert(
      fc.property(
        text.filter((t) => t.replace(controlCharacters, '').trim() !== ''),
        text,
        text,
        name,
        name,
        fc.boolean(),
        fc.boolean(),
        fc.nat({ max: 1000 }),
        fc.constantFrom('REQUEST' as const, 'CANCEL' as const),
        (
          title,
          description,
          location,
          organizerName,
          attendeeName,
          withAttendee,
          withUrl,
          sequence,
          method,
        ) => {
          const input: CalendarInviteInput = {
            ...invite,
            title,
            description,
            location,
            sequence,
            method,
            organizer: { ...invite.organizer, name: organizerName },
            attendee: withAttendee ? { ...invite.organizer, name: attendeeName } : undefined,
            url: withUrl ? invite.url : undefined,
          };
          const withoutStamp = (ics: string) => contentLines(ics).filter((l) => !l.startsWith('DTSTAMP:'));
          expect(withoutStamp(decode(calendarAttachment(input).RawContent))).toEqual(
            withoutStamp(withIcsPackage(input)),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it.each([
    ['a uid with a line break', { uid: 'abc\r\nX-A:1' }],
    ['an empty uid', { uid: '' }],
    ['a negative sequence', { sequence: -1 }],
    ['a fractional sequence', { sequence: 1.5 }],
    ['an unknown method', { method: 'PUBLISH' as 'REQUEST' }],
    ['an empty title', { title: ' \n ' }],
    ['an invalid date', { start: new Date('nope') }],
    ['an end before the start', { end: new Date('2025-03-04T07:00:00Z') }],
    ['an end equal to the start', { end: new Date('2025-03-04T07:30:00Z') }],
    ['an invalid organizer address', { organizer: { name: 'X', email: 'x@y.se\r\nATTENDEE:mailto:z@y.se' } }],
    ['an invalid attendee address', { attendee: { name: 'X', email: 'not-an-address' } }],
    ['an http url', { url: 'http://samverkan.hassleholm.se/e/abc' }],
    ['a javascript url', { url: 'javascript:alert(1)' }],
  ])('refuses %s', (_what, change) => {
    expect(() => calendarAttachment({ ...invite, ...change })).toThrow(/Calendar/);
  });
});

/** What calendar.ts did until issue 11 (the same cleaning, then the ics package): the oracle above. */
function withIcsPackage(input: CalendarInviteInput): string {
  const clean = (text: string) =>
    text
      .replace(/\r\n?|[\u2028\u2029]/g, '\n')
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
      .replace(/[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, (c) => (c === '\t' ? ' ' : ''))
      .trim();
  const cleanName = (name: string) =>
    name
      // biome-ignore lint/suspicious/noControlCharactersInRegex: removing control characters is the point.
      .replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
      .replace(/"/g, "'")
      .replace(/\s+/g, ' ')
      .trim();
  const { method, organizer, attendee, url } = input;
  const { error, value } = createEvent({
    productId: '-//Samverkan//Mail//EN',
    method,
    uid: input.uid,
    sequence: input.sequence,
    title: clean(input.title),
    description: clean(input.description),
    location: clean(input.location),
    start: input.start.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: input.end.getTime(),
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
              rsvp: false,
              ...(method === 'REQUEST' ? { partstat: 'ACCEPTED' as const } : {}),
              role: 'REQ-PARTICIPANT',
              cutype: 'INDIVIDUAL',
            },
          ],
        }
      : {}),
    ...(url ? { url } : {}),
  });
  if (error || !value) throw error ?? new Error('no output');
  return value;
}
