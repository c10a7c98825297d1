import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CSV_MAX_BYTES,
  CSV_MAX_ROWS,
  CsvImportError,
  decodeCsv,
  decodeWindows1252,
  detectDelimiter,
  type ExistingRecords,
  fieldForHeader,
  parseCsv,
  parseSize,
  previewCsv,
} from '../../shared/directory/csv-import.js';
import { emailKey } from '../../shared/directory/schemas.js';

const defaults = { country: 'SE', language: 'sv' } as const;
const nothing: ExistingRecords = { emailKeys: new Map(), organisations: [] };

/** Bytes as Excel's Swedish/Danish "CSV (semicolon delimited)" writes them: Windows-1252, CRLF. */
const windows1252 = (text: string) => Buffer.from(text.replace(/\n/g, '\r\n'), 'latin1');

const SWEDISH_EXCEL = [
  'Företag;Org.nr;Namn;E-post;Roll;Bransch;Språk;Taggar;Typ',
  'Åkesson & Söner AB;556012-5790;Örjan Åkesson;orjan@akesson.example;VD;Bygg;svenska;bygg, lunch;Företag',
  'Åkesson & Söner AB;5560125790;Märta Ek;marta@akesson.example;Ekonomichef;Bygg;;;',
  'Hässleholms Företagarförening;;Kåre Öst;kare@foretagare.example;Ordförande;;;;Förening',
  '',
].join('\n');

describe('decoding', () => {
  it('reads UTF-8 with and without a BOM', () => {
    const text = 'Företag;E-post\nÅkesson AB;a@b.example\n';
    expect(decodeCsv(Buffer.from(text, 'utf8'))).toEqual({ text, encoding: 'utf-8' });
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    expect(decodeCsv(withBom)).toEqual({ text, encoding: 'utf-8' });
  });

  it('falls back to Windows-1252 when the bytes are not UTF-8 (å, ä, ö, æ, ø and €)', () => {
    const bytes = Buffer.concat([windows1252('Företag;Navn\nÅkesson;Søren Ærø '), Buffer.from([0x80])]);
    expect(decodeCsv(bytes)).toEqual({
      text: 'Företag;Navn\r\nÅkesson;Søren Ærø €',
      encoding: 'windows-1252',
    });
  });

  it('reads UTF-16 with its BOM (Excel’s "Unicode text")', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Företag\tE-post\n', 'utf16le')]);
    expect(decodeCsv(bytes)).toEqual({ text: 'Företag\tE-post\n', encoding: 'utf-16le' });
  });

  it('refuses a file over the size limit with 413', () => {
    const error = (() => {
      try {
        decodeCsv(new Uint8Array(CSV_MAX_BYTES + 1));
      } catch (e) {
        return e as CsvImportError;
      }
    })();
    expect(error).toBeInstanceOf(CsvImportError);
    expect(error?.status).toBe(413);
  });
});

describe('parsing', () => {
  it('reads Excel’s Swedish export: `;`, Windows-1252, CRLF', () => {
    const parsed = parseCsv(windows1252(SWEDISH_EXCEL));
    expect(parsed.encoding).toBe('windows-1252');
    expect(parsed.delimiter).toBe(';');
    expect(parsed.columns.map((c) => c.field)).toEqual([
      'organisationName',
      'organisationNumber',
      'contactName',
      'email',
      'role',
      'industry',
      'language',
      'tags',
      'organisationType',
    ]);
    expect(parsed.records[0]).toEqual({
      row: 2,
      cells: [
        'Åkesson & Söner AB',
        '556012-5790',
        'Örjan Åkesson',
        'orjan@akesson.example',
        'VD',
        'Bygg',
        'svenska',
        'bygg, lunch',
        'Företag',
      ],
    });
  });

  it('keeps quoted fields whole: delimiters, quotes and line breaks inside', () => {
    const text =
      'Företag;Namn;E-post;Roll\r\n"Ek; Ek & Co";"Anna ""Annie"" Ek";anna@ek.example;"Vd\r\noch grundare"\r\nNästa AB;Bo;bo@nasta.example;\r\n';
    const parsed = parseCsv(text);
    expect(parsed.records).toEqual([
      { row: 2, cells: ['Ek; Ek & Co', 'Anna "Annie" Ek', 'anna@ek.example', 'Vd\r\noch grundare'] },
      // The row after a field with a line break is still the next spreadsheet row.
      { row: 3, cells: ['Nästa AB', 'Bo', 'bo@nasta.example', ''] },
    ]);
  });

  it('finds the delimiter from the header line (comma, tab from a paste) and honours `sep=`', () => {
    expect(detectDelimiter('Company,Email,Name')).toBe(',');
    expect(detectDelimiter('Företag\tE-post')).toBe('\t');
    expect(detectDelimiter('"Företag, AB";E-post')).toBe(';');
    const withSep = parseCsv('sep=,\nFöretag;x,E-post\nA;B,a@b.example\n');
    expect(withSep.delimiter).toBe(',');
    expect(withSep.records[0]).toEqual({ row: 3, cells: ['A;B', 'a@b.example'] });
  });

  it.each([
    ['Företag', 'organisationName'],
    ['Organisation', 'organisationName'],
    ['Virksomhed', 'organisationName'],
    ['Company', 'organisationName'],
    ['Org.nr', 'organisationNumber'],
    ['Organisationsnummer', 'organisationNumber'],
    ['CVR', 'organisationNumber'],
    ['CVR-nr.', 'organisationNumber'],
    ['Namn', 'contactName'],
    ['Kontaktperson', 'contactName'],
    ['Navn', 'contactName'],
    ['E-post', 'email'],
    ['E-mail', 'email'],
    ['Email', 'email'],
    ['Roll', 'role'],
    ['Titel', 'role'],
    ['Rolle', 'role'],
    ['Bransch', 'industry'],
    ['Branche', 'industry'],
    ['Industry', 'industry'],
    ['Språk', 'language'],
    ['Sprog', 'language'],
    ['Language', 'language'],
    ['Taggar', 'tags'],
    ['Tags', 'tags'],
    ['Typ', 'organisationType'],
    ['Type', 'organisationType'],
    ['Størrelse', 'size'],
    [' ANTAL ANSTÄLLDA ', 'size'],
    ['Förnamn', 'firstName'],
    ['Efternavn', 'lastName'],
  ])('maps the column "%s" to %s', (header, field) => {
    expect(fieldForHeader(header)).toBe(field);
  });

  it('reads Danish and English headers alike, and reports the columns it ignores', () => {
    const danish = parseCsv(
      'Virksomhed;CVR;Navn;E-mail;Rolle;Noter\nNovo Nordisk A/S;24256790;Søren;s@novo.example;Direktør;x\n',
    );
    expect(danish.columns.map((c) => c.header)).toEqual(['Virksomhed', 'CVR', 'Navn', 'E-mail', 'Rolle']);
    expect(danish.ignoredColumns).toEqual(['Noter']);
    const english = parseCsv(
      'Company,Organisation number,Name,Email,Title\nVolvo AB,556012-5790,Ann,ann@volvo.example,CEO\n',
    );
    expect(english.columns.map((c) => c.field)).toEqual([
      'organisationName',
      'organisationNumber',
      'contactName',
      'email',
      'role',
    ]);
  });

  it('refuses, with 422, files it cannot use', () => {
    const status = (input: string) => {
      try {
        parseCsv(input);
        return 'parsed';
      } catch (error) {
        return error instanceof CsvImportError ? `${error.status}: ${error.message}` : 'other';
      }
    };
    expect(status('')).toMatch(/^422: The file is empty/);
    expect(status('Foo;Bar\n1;2\n')).toMatch(/^422: No column for the organisation/);
    expect(status('Företag;E-post\n"Unclosed;a@b.example\n')).toMatch(/^422: The file is not valid CSV/);
    const tooMany = `E-post\n${'x@y.example\n'.repeat(CSV_MAX_ROWS + 1)}`;
    expect(status(tooMany)).toMatch(new RegExp(`^422: .*at most ${CSV_MAX_ROWS}`));
  });
});

describe('rows', () => {
  it('turns each row into an organisation and a contact, with the tenant’s defaults', () => {
    const preview = previewCsv(windows1252(SWEDISH_EXCEL), defaults, nothing);
    const [first, , third] = preview.rows;
    expect(first).toMatchObject({
      row: 2,
      status: 'ok',
      organisation: {
        name: 'Åkesson & Söner AB',
        organisationNumber: '556012-5790',
        country: 'SE',
        industry: 'Bygg',
        organisationType: 'company',
      },
      contact: {
        name: 'Örjan Åkesson',
        email: 'orjan@akesson.example',
        role: 'VD',
        language: 'sv',
        tags: ['bygg', 'lunch'],
      },
    });
    expect(third?.organisation?.organisationType).toBe('business-association');
    expect(preview.summary).toMatchObject({ rows: 3, ok: 3, errors: 0, blankRows: 0 });
  });

  it('reports every error of a row with its row number and column', () => {
    const csv = [
      'Företag;Org.nr;Namn;E-post;Språk;Typ;Storlek',
      'Fel AB;556012-5791;Anna;anna@fel.example;sv;Företag;12',
      'Tom AB;;;inte-en-adress;klingon;Rymdbolag;många',
      ';24256790;Bo;bo@x.example;;;',
    ].join('\n');
    const { rows, summary } = previewCsv(csv, defaults, nothing);
    // A wrong number on a row with a contact is a warning: the contact is kept (see below).
    expect(rows[0]?.warnings).toEqual([
      {
        row: 2,
        column: 'Org.nr',
        field: 'organisationNumber',
        message: 'The check digit of 556012-5791 is wrong (Luhn)',
        issue: {
          code: 'custom',
          reason: 'organisationNumber.checkDigit',
          params: { number: '556012-5791', country: 'SE' },
          path: ['organisationNumber'],
        },
      },
    ]);
    expect(rows[1]?.errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'Typ'],
      [3, 'Storlek'],
      [3, 'Namn'],
      [3, 'E-post'],
      [3, 'Språk'],
    ]);
    expect(rows[2]?.errors).toEqual([
      {
        row: 4,
        column: 'Företag',
        field: 'organisationName',
        message: 'Required when an organisation number is given',
        issue: { code: 'custom', reason: 'requiredWithOrganisationNumber', path: ['organisationName'] },
      },
    ]);
    expect(summary).toMatchObject({
      rows: 3,
      ok: 1,
      errors: 2,
      contactsToCreate: 1,
      organisationsToCreate: 1,
    });
  });

  it('skips blank rows without shifting the row numbers', () => {
    const { rows, summary } = previewCsv('Företag;E-post\n\n;\nA AB;\nB AB;b@b.example\n', defaults, nothing);
    expect(rows.map((r) => r.row)).toEqual([4, 5]);
    expect(summary.blankRows).toBe(2);
  });

  it('joins first and last name, and reads sizes as bands or head counts', () => {
    const { rows } = previewCsv('Förnamn;Efternamn;E-post\nAnna;Ek;anna@ek.example\n', defaults, nothing);
    expect(rows[0]?.contact?.name).toBe('Anna Ek');
    expect(['1-9', '10–49', '50 - 249', '250+', '3', '49', '50', '1200'].map(parseSize)).toEqual([
      '1-9',
      '10-49',
      '50-249',
      '250+',
      '1-9',
      '10-49',
      '50-249',
      '250+',
    ]);
  });

  it('gives a Danish number its country in a Swedish tenant, and a Danish tenant its defaults', () => {
    const csv =
      'Virksomhed;CVR;Navn;E-mail\nNovo Nordisk A/S;24256790;Søren;soren@novo.example\nLokal ApS;;Mette;mette@lokal.example\n';
    const inSweden = previewCsv(csv, defaults, nothing);
    expect(inSweden.rows[0]?.organisation?.country).toBe('DK');
    expect(inSweden.rows[1]?.organisation?.country).toBe('SE');
    const inDenmark = previewCsv(csv, { country: 'DK', language: 'da' }, nothing);
    expect(inDenmark.rows[1]?.organisation?.country).toBe('DK');
    expect(inDenmark.rows[1]?.contact?.language).toBe('da');
  });
});

describe('where in the municipality', () => {
  it('reads a town or district column (Ort, Kommundel, By, Area) onto the organisation', () => {
    for (const header of ['Ort', 'Kommundel', 'Bydel', 'Area']) {
      const { rows } = previewCsv(`Företag;${header}\nTyringe Bygg AB;Tyringe\n`, defaults, nothing);
      expect(rows[0]?.organisation?.area, header).toBe('Tyringe');
    }
  });
});

describe('what a row keeps despite a problem', () => {
  it('keeps the contact when the organisation number has a typo: the number is dropped, with a warning', () => {
    const csv = [
      'Företag;Org.nr;Namn;E-post',
      'Fel AB;556012-5791;Anna Fel;anna@fel.example',
      'Bara Org AB;556012-5791;;',
    ].join('\n');
    const { rows, plan, summary } = previewCsv(csv, defaults, nothing);
    expect(rows[0]).toMatchObject({
      status: 'ok',
      errors: [],
      organisation: { name: 'Fel AB', country: 'SE' },
      contact: { name: 'Anna Fel', email: 'anna@fel.example' },
    });
    expect(rows[0]?.organisation?.organisationNumber).toBeUndefined();
    expect(rows[0]?.warnings.map((w) => [w.column, w.issue.reason])).toEqual([
      ['Org.nr', 'organisationNumber.checkDigit'],
    ]);
    // A row that is only the organisation has nothing else to keep: the number must be fixed.
    expect(rows[1]?.status).toBe('error');
    expect(plan.contacts.map((c) => c.data.email)).toEqual(['anna@fel.example']);
    expect(plan.organisations.map((o) => o.data.name)).toEqual(['Fel AB']);
    expect(summary).toMatchObject({ ok: 1, errors: 1, warnings: 1 });
  });

  it('warns about cells a spreadsheet would run as a formula, and still imports them as text', () => {
    const csv = [
      'Företag;Namn;E-post;Roll',
      '@Evil AB;=HYPERLINK("http://x.example","klick");a@x.example;+VD',
      'Snäll AB;Anna - Ek;b@x.example;-',
    ].join('\n');
    const { rows, summary } = previewCsv(csv, defaults, nothing);
    expect(rows[0]?.status).toBe('ok');
    expect(rows[0]?.contact?.name).toBe('=HYPERLINK("http://x.example","klick")');
    expect(rows[0]?.warnings.map((w) => [w.column, w.issue.reason])).toEqual([
      ['Företag', 'formulaLike'],
      ['Namn', 'formulaLike'],
      ['Roll', 'formulaLike'],
    ]);
    // A dash inside a name, or alone as "none", is not a formula.
    expect(rows[1]?.warnings).toEqual([]);
    expect(summary.warnings).toBe(1);
  });

  it('keeps the cells of every row left out, under the file’s own header, for download', () => {
    const csv = [
      'Företag;Namn;E-post;Anteckning',
      'A AB;Ann;ann@a.example;x',
      'B AB;Bo;inte-en-adress;y',
      'C AB;Ann igen;ANN@a.example;z',
    ].join('\n');
    const { rejected } = previewCsv(csv, defaults, nothing);
    expect(rejected.header).toEqual(['Företag', 'Namn', 'E-post', 'Anteckning']);
    expect(rejected.rows).toEqual([
      { row: 3, cells: ['B AB', 'Bo', 'inte-en-adress', 'y'] },
      { row: 4, cells: ['C AB', 'Ann igen', 'ANN@a.example', 'z'] },
    ]);
  });
});

describe('duplicates', () => {
  it('within the file: a repeated address is skipped, a repeated organisation is created once', () => {
    const csv = [
      'Företag;Org.nr;Namn;E-post',
      'Volvo AB;556012-5790;Ann;ann@volvo.example',
      'Volvo AB;5560125790;Bo;bo@volvo.example',
      'Volvo;;Cia;ANN@volvo.example',
      'volvo ab;;Dan;dan@volvo.example',
    ].join('\n');
    const { rows, plan, summary } = previewCsv(csv, defaults, nothing);
    expect(rows.map((r) => r.status)).toEqual(['ok', 'ok', 'duplicate', 'ok']);
    expect(rows[1]?.duplicates).toEqual([
      expect.objectContaining({ field: 'organisationNumber', against: 'file', row: 2, skipsRow: false }),
    ]);
    expect(rows[2]?.duplicates).toEqual([
      expect.objectContaining({ field: 'email', against: 'file', row: 2, skipsRow: true }),
    ]);
    // "volvo ab" without a number is the numbered Volvo AB of row 2.
    expect(rows[3]?.duplicates).toEqual([expect.objectContaining({ field: 'organisationNumber', row: 2 })]);
    expect(plan.organisations.map((o) => [o.key, o.row])).toEqual([['nr:SE#5560125790', 2]]);
    expect(plan.contacts.map((c) => [c.row, c.organisationKey])).toEqual([
      [2, 'nr:SE#5560125790'],
      [3, 'nr:SE#5560125790'],
      [5, 'nr:SE#5560125790'],
    ]);
    expect(summary).toMatchObject({ ok: 3, duplicates: 1, contactsToCreate: 3, organisationsToCreate: 1 });
  });

  it('against existing records: known addresses are skipped, known organisations linked, not created', () => {
    const existing: ExistingRecords = {
      emailKeys: new Map([[emailKey('Known@Example.se'), 'contact-1']]),
      organisations: [
        { organisationId: 'org-volvo', name: 'AB Volvo', organisationNumber: '556012-5790', country: 'SE' },
        { organisationId: 'org-krinova', name: 'Krinova' },
      ],
    };
    const csv = [
      'Företag;Org.nr;Namn;E-post',
      'Volvo AB;556012-5790;Ann;ann@volvo.example',
      'KRINOVA;;Bo;known@example.se',
      'Krinova;;Cia;cia@krinova.example',
      'Volvo AB;556012-5790;;',
    ].join('\n');
    const { rows, plan } = previewCsv(csv, defaults, existing);
    expect(rows.map((r) => r.status)).toEqual(['ok', 'duplicate', 'ok', 'duplicate']);
    expect(rows[0]?.duplicates).toEqual([
      expect.objectContaining({
        field: 'organisationNumber',
        against: 'existing',
        id: 'org-volvo',
        skipsRow: false,
      }),
    ]);
    expect(rows[1]?.duplicates).toContainEqual(
      expect.objectContaining({ field: 'email', against: 'existing', id: 'contact-1', skipsRow: true }),
    );
    // An organisation-only row for an organisation that exists adds nothing.
    expect(rows[3]?.duplicates).toEqual([expect.objectContaining({ against: 'existing', skipsRow: true })]);
    expect(plan.organisations.map((o) => o.existingId)).toEqual(['org-volvo', 'org-krinova']);
    expect(plan.contacts.map((c) => c.data.email)).toEqual(['ann@volvo.example', 'cia@krinova.example']);
  });

  it('property: the plan never holds two contacts with the same address, however the file repeats them', () => {
    const address = fc.constantFrom(
      'a@x.example',
      'A@X.example',
      'b@x.example',
      ' b@x.example',
      'c@y.example',
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('Ett AB', 'Två AB', ''), address), { maxLength: 30 }),
        (lines) => {
          const csv = `Företag;Namn;E-post\n${lines.map(([org, email], i) => `${org};Person ${i};${email}`).join('\n')}\n`;
          const existing = { emailKeys: new Map([[emailKey('c@y.example'), 'c1']]), organisations: [] };
          const { plan, rows } = previewCsv(csv, defaults, existing);
          const keys = plan.contacts.map((c) => emailKey(c.data.email));
          expect(new Set(keys).size).toBe(keys.length);
          expect(keys).not.toContain(emailKey('c@y.example'));
          expect(plan.contacts.length).toBe(rows.filter((r) => r.status === 'ok').length);
          const orgKeys = plan.organisations.map((o) => o.key);
          expect(new Set(orgKeys).size).toBe(orgKeys.length);
        },
      ),
    );
  });
});

describe('Windows-1252', () => {
  it('decodes every byte from 80 to 9F as the Encoding Standard says (whatever Node’s decoder does)', () => {
    const expected = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';
    const bytes = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);
    expect(decodeWindows1252(bytes)).toBe(expected);
    expect(decodeWindows1252(windows1252('Åäö ÆØ æø'))).toBe('Åäö ÆØ æø');
  });
});
