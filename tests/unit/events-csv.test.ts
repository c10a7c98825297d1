import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attendeeCsv, type InvitationRow } from '../../functions/meetings/api.js';
import {
  type CsvSeparator,
  csvCell,
  csvDocument,
  csvFileName,
  FORMULA_TRIGGERS,
  toCsv,
  UTF8_BOM,
} from '../../shared/platform/csv/csv.js';
import { parseCsv } from '../csv.js';

const triggers: readonly string[] = FORMULA_TRIGGERS;
const startsWithTrigger = (cell: string) => cell.length > 0 && triggers.includes(cell.charAt(0));
const neutralised = (value: string) => (startsWithTrigger(value) ? `'${value}` : value);

describe('csvCell', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['=HYPERLINK("http://evil.example","klicka")', `"'=HYPERLINK(""http://evil.example"",""klicka"")"`],
    ['=1+1', "'=1+1"],
    ['+46 70 123 45 67', "'+46 70 123 45 67"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', `"'\r=1+1"`],
    ['a,b', '"a,b"'],
    ['a;b', 'a;b'],
    ['say "hi"', '"say ""hi"""'],
    ['two\nlines', '"two\nlines"'],
    ['Åsa Öberg, Næstved', '"Åsa Öberg, Næstved"'],
    ['a=b', 'a=b'],
  ])('%j → %j', (value, cell) => {
    expect(csvCell(value)).toBe(cell);
  });

  it('quotes on the separator in use', () => {
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('a,b', ';')).toBe('a,b');
  });

  it('writes numbers, booleans and empty values', () => {
    expect(csvCell(3)).toBe('3');
    expect(csvCell(-3)).toBe("'-3");
    expect(csvCell(true)).toBe('true');
    expect(csvCell(undefined)).toBe('');
    expect(csvCell(null)).toBe('');
  });
});

describe('toCsv', () => {
  const nasty = fc.oneof(
    fc.string({
      unit: fc.constantFrom('=', '+', '-', '@', '\t', '\r', '\n', '"', ',', ';', 'a', 'Ö', ' ', "'"),
    }),
    fc.string(),
    fc.constantFrom('=cmd|" /C calc"!A0', '@SUM(1+1)*cmd|" /C calc"!A0', '+1', '-1', '=HYPERLINK("x")'),
  );
  const table = fc.array(fc.array(nasty, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 });
  const separator = fc.constantFrom<CsvSeparator>(',', ';');

  it('never writes a cell that starts with a formula trigger, whatever the input', () => {
    fc.assert(
      fc.property(table, separator, (rows, sep) => {
        for (const row of parseCsv(toCsv(rows, sep), sep)) {
          for (const cell of row) expect(startsWithTrigger(cell), JSON.stringify(cell)).toBe(false);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('reads back as the input, with triggers neutralised by a leading apostrophe', () => {
    fc.assert(
      fc.property(table, separator, (rows, sep) => {
        expect(parseCsv(toCsv(rows, sep), sep)).toEqual(rows.map((row) => row.map(neutralised)));
      }),
      { numRuns: 1000 },
    );
  });

  it('separates rows with CRLF; the document has the BOM and a final line break', () => {
    expect(
      toCsv(
        [
          ['a', 'b'],
          ['c', 'd'],
        ],
        ';',
      ),
    ).toBe('a;b\r\nc;d');
    const document = csvDocument([['Namn'], ['Åsa']]);
    expect(document.startsWith(UTF8_BOM)).toBe(true);
    expect(document).toBe('\uFEFFNamn\r\nÅsa\r\n');
  });

  it('makes file names safe', () => {
    expect(csvFileName('Dialoglunch: Kompetensförsörjning i Hässleholm')).toBe(
      'dialoglunch-kompetensforsorjning-i-hassleholm.csv',
    );
    expect(csvFileName('Morgenmøde på Kulturværftet')).toBe('morgenmode-pa-kulturvaerftet.csv');
    expect(csvFileName('"; rm -rf /')).toBe('rm-rf.csv');
    expect(csvFileName('???')).toBe('attendees.csv');
  });
});

describe('the attendee list', () => {
  const row = (over: Partial<InvitationRow>): InvitationRow => ({
    tenantId: 'hassleholm',
    eventId: 'e1',
    contactId: 'c1',
    organisationId: 'o1',
    organisationType: 'company',
    status: 'attending',
    seats: 2,
    names: [],
    dietary: [],
    invitedAt: '2026-01-01T00:00:00Z',
    version: 2,
    contactName: 'Åsa Öberg',
    email: 'asa@example.se',
    organisationName: 'Krinova AB',
    ...over,
  });

  it('has headers in the language, and neutralises whatever participants typed', () => {
    const csv = attendeeCsv(
      [
        row({
          names: ['=HYPERLINK("http://evil.example")', '+46701234567'],
          dietary: ['vegan', 'other'],
          dietaryOther: '-ingen fisk',
          accessibility: '@rullstol',
          note: 'Vi kommer "kanske" sent; ringer',
          attended: true,
        }),
        row({
          contactId: 'c2',
          contactName: '=cmd|" /C calc"!A0',
          organisationName: '',
          status: 'waitlisted',
          seats: 1,
        }),
      ],
      'sv',
      ';',
    );
    expect(csv.startsWith(UTF8_BOM)).toBe(true);
    const [header, first, second] = parseCsv(csv.slice(1).replace(/\r\n$/, ''), ';');
    expect(header).toEqual([
      'Organisation',
      'Kontaktperson',
      'E-post',
      'Deltagare',
      'Platser',
      'Specialkost',
      'Tillgänglighet',
      'Meddelande',
      'Status',
      'Närvarade',
    ]);
    expect(first).toEqual([
      'Krinova AB',
      'Åsa Öberg',
      'asa@example.se',
      `'=HYPERLINK("http://evil.example"), +46701234567`,
      '2',
      'Vegansk, Annat, -ingen fisk',
      "'@rullstol",
      'Vi kommer "kanske" sent; ringer',
      'Kommer',
      'Ja',
    ]);
    expect(second?.[1]).toBe(`'=cmd|" /C calc"!A0`);
    // A participant list with no names falls back to the contact person.
    expect(second?.[3]).toBe(`'=cmd|" /C calc"!A0`);
    expect(second?.[8]).toBe('På väntelistan');
    for (const cell of [...(first ?? []), ...(second ?? [])]) expect(startsWithTrigger(cell)).toBe(false);
  });

  it('has a column per custom question after the fixed ones, its cells guarded', () => {
    const csv = attendeeCsv(
      [
        row({ answers: { track: ['tech', 'gone'], wish: '=1+1', stale: 'kept elsewhere' } }),
        row({ contactId: 'c2' }),
      ],
      'sv',
      ',',
      [
        {
          id: 'track',
          kind: 'multiple-choice',
          label: 'Spår',
          required: false,
          options: [
            { id: 'food', label: 'Livsmedel' },
            { id: 'tech', label: 'Teknik' },
          ],
        },
        { id: 'wish', kind: 'long-text', label: '@Önskemål', required: false, options: [] },
      ],
    );
    const [header, first, second] = parseCsv(csv.slice(1).replace(/\r\n$/, ''), ',');
    expect(header?.slice(10)).toEqual(['Spår', "'@Önskemål"]);
    // Options by label (one since removed left out), the text guarded, no answer empty
    expect(first?.slice(10)).toEqual(['Teknik', "'=1+1"]);
    expect(second?.slice(10)).toEqual(['', '']);
  });

  it('writes Danish and English headers too', () => {
    expect(attendeeCsv([], 'da', ',')).toBe(
      '\uFEFFOrganisation,Kontaktperson,E-mail,Deltagere,Pladser,Særlig kost,Tilgængelighed,Besked,Status,Mødte op\r\n',
    );
    expect(attendeeCsv([], 'en', ',').split(',')[0]).toBe('\uFEFFOrganisation');
  });
});
