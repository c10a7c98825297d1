import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cvrCheckDigit,
  cvrValid,
  luhnCheckDigit,
  luhnValid,
  parseOrganisationNumber,
} from '../../shared/directory/org-number.js';
import { organisationInputSchema } from '../../shared/directory/schemas.js';

const digits = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n });

describe('Swedish organisation numbers (Luhn)', () => {
  it.each([
    ['556012-5790', 'Volvo AB'],
    ['556016-0680', 'Telefonaktiebolaget LM Ericsson'],
    ['556042-7220', 'H & M Hennes & Mauritz AB'],
    ['556703-7485', 'Spotify AB'],
    ['212000-0944', 'a municipality (21…)'],
  ])('accepts %s (%s)', (number) => {
    expect(parseOrganisationNumber(number)).toEqual({ ok: true, country: 'SE', value: number });
  });

  it('normalises the ways people write them to NNNNNN-NNNN', () => {
    for (const written of [
      '5560125790',
      '556012 5790',
      ' 556012-5790 ',
      '16556012-5790',
      'SE5560125790',
      'SE556012579001',
      '556012–5790',
    ]) {
      expect(parseOrganisationNumber(written), written).toEqual({
        ok: true,
        country: 'SE',
        value: '556012-5790',
      });
    }
  });

  it('refuses a wrong check digit, naming the algorithm', () => {
    const result = parseOrganisationNumber('556012-5791');
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/check digit.*Luhn/);
  });

  it('refuses numbers of the wrong shape', () => {
    for (const bad of ['55601-25790', '556012-579', '0000000000', 'abc', '556012-57900', '17556012-5790']) {
      expect(parseOrganisationNumber(bad).ok, bad).toBe(false);
    }
  });

  it('property: nine digits plus their Luhn digit are accepted; any other last digit is refused', () => {
    fc.assert(
      fc.property(digits(9), fc.integer({ min: 1, max: 9 }), (nine, shift) => {
        const body = nine.join('');
        fc.pre(!/^0+$/.test(body));
        const check = luhnCheckDigit(body);
        const good = parseOrganisationNumber(`${body}${check}`);
        expect(good).toEqual({
          ok: true,
          country: 'SE',
          value: `${body.slice(0, 6)}-${body.slice(6)}${check}`,
        });
        const wrong = (check + shift) % 10;
        expect(parseOrganisationNumber(`${body.slice(0, 6)}-${body.slice(6)}${wrong}`).ok).toBe(false);
      }),
    );
  });

  it('property: changing any one digit of a valid number is always detected', () => {
    fc.assert(
      fc.property(
        digits(9),
        fc.integer({ min: 0, max: 9 }),
        fc.integer({ min: 1, max: 9 }),
        (nine, at, shift) => {
          const valid = `${nine.join('')}${luhnCheckDigit(nine.join(''))}`;
          const changed = valid.slice(0, at) + String((Number(valid[at]) + shift) % 10) + valid.slice(at + 1);
          expect(luhnValid(changed)).toBe(false);
        },
      ),
    );
  });
});

describe('Danish CVR numbers (modulus 11)', () => {
  it.each([
    ['24256790', 'Novo Nordisk A/S'],
    ['61056416', 'Carlsberg A/S'],
    ['22756214', 'A.P. Møller - Mærsk A/S'],
    ['54562519', 'LEGO A/S'],
    ['64502018', 'Helsingør Kommune'],
  ])('accepts %s (%s)', (number) => {
    expect(parseOrganisationNumber(number)).toEqual({ ok: true, country: 'DK', value: number });
  });

  it('normalises spaces and the DK prefix to eight digits', () => {
    for (const written of ['24 25 67 90', 'DK24256790', 'DK-24256790', 'dk 2425 6790']) {
      expect(parseOrganisationNumber(written), written).toEqual({
        ok: true,
        country: 'DK',
        value: '24256790',
      });
    }
  });

  it('refuses a wrong check digit, a leading 0 and the wrong length', () => {
    const wrong = parseOrganisationNumber('24256791');
    expect(!wrong.ok && wrong.message).toMatch(/check digit.*modulus 11/);
    expect(parseOrganisationNumber('04256790').ok).toBe(false);
    expect(parseOrganisationNumber('DK2425679').ok).toBe(false);
  });

  it('property: a CVR with a wrong check digit is always refused', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        digits(6),
        fc.integer({ min: 0, max: 9 }),
        (first, rest, last) => {
          const seven = `${first}${rest.join('')}`;
          const check = cvrCheckDigit(seven);
          const result = parseOrganisationNumber(`${seven}${last}`);
          // Some prefixes have no valid check digit at all (the remainder would need 10).
          expect(result.ok).toBe(check === last);
          expect(cvrValid(`${seven}${last}`)).toBe(check === last);
        },
      ),
    );
  });

  it('property: changing any one digit of a valid CVR is always detected', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 9 }),
        digits(6),
        fc.integer({ min: 1, max: 7 }),
        fc.integer({ min: 1, max: 9 }),
        (first, rest, at, shift) => {
          const seven = `${first}${rest.join('')}`;
          const check = cvrCheckDigit(seven);
          fc.pre(check !== undefined);
          const valid = `${seven}${check}`;
          const changed = valid.slice(0, at) + String((Number(valid[at]) + shift) % 10) + valid.slice(at + 1);
          expect(cvrValid(changed)).toBe(false);
        },
      ),
    );
  });
});

describe('the country of a number', () => {
  it('comes from the format when none is given, and a stated country must match', () => {
    expect(parseOrganisationNumber('24256790')).toMatchObject({ ok: true, country: 'DK' });
    expect(parseOrganisationNumber('5560125790')).toMatchObject({ ok: true, country: 'SE' });
    expect(parseOrganisationNumber('24256790', 'SE').ok).toBe(false);
    expect(parseOrganisationNumber('DK24256790', 'SE')).toMatchObject({ ok: false, message: /DK number/ });
  });

  it('normalises through the organisation schema and names the field when wrong', () => {
    const good = organisationInputSchema.parse({ name: 'Volvo AB', organisationNumber: '5560125790' });
    expect(good).toMatchObject({
      organisationNumber: '556012-5790',
      country: 'SE',
      organisationType: 'company',
    });
    const bad = organisationInputSchema.safeParse({ name: 'Novo', organisationNumber: '24256791' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['organisationNumber']);
  });
});
