import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ExistingRecords, previewCsv } from '../../shared/directory/csv-import.js';
import {
  contactInputSchema,
  contactUpdateSchema,
  organisationInputSchema,
  organisationUpdateSchema,
} from '../../shared/directory/schemas.js';
import { hasControlCharacters } from '../../shared/platform/mail-kit/headers.js';

/**
 * A person's or organisation's name is one line: a contact's name is the display name of every
 * mail to them, so CR, LF, NUL and other control characters are refused where a name enters (the
 * API), or cleaned (the CSV import), never found later when a mail is built.
 */

const contact = { email: 'anna@example.se', lawfulBasis: { basis: 'consent' } };
const schemas = [
  ['a new contact', contactInputSchema, contact],
  ['a contact update', contactUpdateSchema, contact],
  ['a new organisation', organisationInputSchema, {}],
  ['an organisation update', organisationUpdateSchema, {}],
] as const;

const controls = [
  '\r\n',
  '\n',
  '\r',
  '\u0000',
  '\t',
  '\u0007',
  '\u001b',
  '\u007f',
  '\u0085',
  '\u2028',
  '\u2029',
];

describe('names', () => {
  describe.each(schemas)('%s', (_what, schema, rest) => {
    it.each(controls.map((c) => [JSON.stringify(c), c]))('refuses %s inside the name, on `name`', (_c, c) => {
      const parsed = schema.safeParse({ ...rest, name: `Anna${c}Bcc: x@y.se` });
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['name']);
    });

    it('accepts a plain name, trimmed (white space around it included)', () => {
      const parsed = schema.safeParse({ ...rest, name: '  Åsa Öberg-Ærø\n' });
      expect(parsed.success && parsed.data.name).toBe('Åsa Öberg-Ærø');
    });

    it('property: whatever is accepted has no control character in its name', () => {
      fc.assert(
        fc.property(fc.string({ unit: 'binary', minLength: 1, maxLength: 30 }), (name) => {
          const parsed = schema.safeParse({ ...rest, name });
          if (parsed.success) expect(hasControlCharacters(parsed.data.name)).toBe(false);
          else if (name.trim() !== '' && !hasControlCharacters(name.trim()))
            expect.unreachable(`refused ${JSON.stringify(name)}`);
        }),
      );
    });
  });

  it('the CSV import cleans them: a control character becomes a space, as a line break does', () => {
    const nothing: ExistingRecords = { emailKeys: new Map(), organisations: [] };
    const csv =
      'Företag;Namn;Roll;E-post\n"Acme\u0000AB";"Anna\u0007\u0085Berg\u0000";"VD\r\nägare";anna@x.example\n';
    const [row] = previewCsv(csv, { country: 'SE', language: 'sv' }, nothing).rows;
    expect(row?.status).toBe('ok');
    expect(row?.organisation?.name).toBe('Acme AB');
    expect(row?.contact?.name).toBe('Anna Berg');
    expect(row?.contact?.role).toBe('VD ägare');
  });
});
