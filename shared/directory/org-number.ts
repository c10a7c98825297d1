/**
 * Organisation numbers of the two countries Samverkan serves.
 *
 * - Sweden: organisationsnummer, ten digits written `NNNNNN-NNNN`; the last digit is a Luhn
 *   (mod 10) check digit over the other nine. Sole traders use their personnummer, which has the
 *   same shape; the 12-digit form (`16` or a century before it) and the VAT form
 *   (`SE` + ten digits + `01`) are accepted and shortened.
 * - Denmark: CVR-nummer, eight digits, the first not 0, with the weighted sum
 *   (weights 2,7,6,5,4,3,2,1) divisible by 11. `DK` in front (the VAT form) is accepted.
 *
 * Normalised forms: `NNNNNN-NNNN` (SE) and `NNNNNNNN` (DK).
 */
export const countries = ['SE', 'DK'] as const;
export type Country = (typeof countries)[number];

/**
 * Why a number is refused, for pages to word in the reader's language (`message` is English, for
 * the JSON API). In a validation issue it is `params.reason`: `organisationNumber.<problem>`.
 */
export type OrgNumberProblem =
  | 'required'
  | 'onlyDigits'
  | 'countryMismatch'
  | 'swedishFormat'
  | 'danishFormat'
  | 'checkDigit'
  | 'unknownFormat';

export interface OrgNumberRefusal {
  ok: false;
  problem: OrgNumberProblem;
  message: string;
  /** `checkDigit`: the number as written. */
  number?: string;
  /** `checkDigit`: whose rule failed (SE: Luhn, DK: modulus 11); `countryMismatch`: the country expected. */
  country?: Country;
  /** `countryMismatch`: the country the number's prefix names. */
  prefix?: Country;
}

export type OrgNumberResult = { ok: true; country: Country; value: string } | OrgNumberRefusal;

/** Luhn (mod 10) over a string of digits, the last being the check digit. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The Luhn check digit that completes `digits`. */
export function luhnCheckDigit(digits: string): number {
  for (let d = 0; d <= 9; d++) if (luhnValid(`${digits}${d}`)) return d;
  throw new Error('unreachable: one Luhn check digit always exists');
}

const CVR_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1] as const;

/** A Danish CVR number: eight digits, not starting with 0, weighted sum divisible by 11. */
export function cvrValid(digits: string): boolean {
  if (!/^[1-9]\d{7}$/.test(digits)) return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (digits.charCodeAt(i) - 48) * (CVR_WEIGHTS[i] ?? 0);
  return sum % 11 === 0;
}

/** The last digit that makes seven digits a valid CVR number, or undefined when none does. */
export function cvrCheckDigit(sevenDigits: string): number | undefined {
  for (let d = 0; d <= 9; d++) if (cvrValid(`${sevenDigits}${d}`)) return d;
  return undefined;
}

const SPACES = /[\s\u00a0]/g;

function swedish(written: string, original: string): OrgNumberResult {
  // The hyphen (or an en dash, as Excel's autocorrect writes it) only before the last four digits.
  const shape = /^(?:(16|18|19|20)?(\d{6}))[-–]?(\d{4})$/.exec(written);
  if (!shape)
    return {
      ok: false,
      problem: 'swedishFormat',
      message: 'Not a Swedish organisation number (NNNNNN-NNNN)',
    };
  const ten = `${shape[2]}${shape[3]}`;
  if (/^0+$/.test(ten) || !luhnValid(ten)) {
    const number = original.trim();
    return {
      ok: false,
      problem: 'checkDigit',
      number,
      country: 'SE',
      message: `The check digit of ${number} is wrong (Luhn)`,
    };
  }
  return { ok: true, country: 'SE', value: `${ten.slice(0, 6)}-${ten.slice(6)}` };
}

function danish(digits: string, original: string): OrgNumberResult {
  if (!/^[1-9]\d{7}$/.test(digits))
    return { ok: false, problem: 'danishFormat', message: 'Not a Danish CVR number (8 digits)' };
  if (!cvrValid(digits)) {
    const number = original.trim();
    return {
      ok: false,
      problem: 'checkDigit',
      number,
      country: 'DK',
      message: `The check digit of ${number} is wrong (modulus 11)`,
    };
  }
  return { ok: true, country: 'DK', value: digits };
}

/**
 * Validates and normalises an organisation number. The country is `expected` when given (the
 * organisation's own country field), otherwise read from the number: a `SE`/`DK` prefix, else
 * its length (8 digits: DK; 10 or 12: SE). Spaces are ignored anywhere.
 */
export function parseOrganisationNumber(input: string, expected?: Country): OrgNumberResult {
  let written = input.replace(SPACES, '').toUpperCase();
  if (written === '') return { ok: false, problem: 'required', message: 'Required' };
  let prefix: Country | undefined;
  const prefixed = /^(SE|DK)-?(.*)$/.exec(written);
  if (prefixed) {
    prefix = prefixed[1] as Country;
    written = prefixed[2] ?? '';
    // Swedish VAT number: SE + organisation number + 01.
    if (prefix === 'SE' && /^\d{12}$/.test(written) && written.endsWith('01')) written = written.slice(0, 10);
  }
  if (!/^\d[\d\-–]*$/.test(written))
    return { ok: false, problem: 'onlyDigits', message: 'Only digits, with an optional hyphen' };
  if (prefix && expected && prefix !== expected) {
    return {
      ok: false,
      problem: 'countryMismatch',
      prefix,
      country: expected,
      message: `A ${prefix} number given for an organisation in ${expected}`,
    };
  }
  const digitCount = written.replace(/\D/g, '').length;
  const byFormat: Country | undefined =
    digitCount === 8 && /^\d+$/.test(written)
      ? 'DK'
      : digitCount === 10 || digitCount === 12
        ? 'SE'
        : undefined;
  const country = prefix ?? expected ?? byFormat;
  if (country === 'DK') return danish(written, input);
  if (country === 'SE') return swedish(written, input);
  return {
    ok: false,
    problem: 'unknownFormat',
    message: 'Not an organisation number: Swedish NNNNNN-NNNN (10 digits) or Danish CVR (8 digits)',
  };
}
