/*
 * Masking personal data in free-text answers before they are exported or published: email
 * addresses, phone numbers, Swedish personnummer (and samordningsnummer), Danish CPR numbers and
 * the names of people the caller knows of (the directory's contacts). A pattern cannot know every
 * name; known names are what can be masked reliably, and staff read what they publish.
 * Over-masking is preferred to leaking: a date-like number that looks like an id is masked.
 */

export const redactionKinds = ['email', 'phone', 'id-number', 'name'] as const;
export type RedactionKind = (typeof redactionKinds)[number];

/** What a mask reads in the text. */
export const MASKS: Record<RedactionKind, string> = {
  email: '[e-mail]',
  phone: '[phone]',
  'id-number': '[id-number]',
  name: '[name]',
};

export interface Redacted {
  text: string;
  /** How many of each kind were masked. */
  counts: Record<RedactionKind, number>;
  total: number;
}

const email = /[\p{L}\p{N}._%+'-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;

/**
 * Personnummer `YYMMDD-NNNN`, `YYMMDD+NNNN`, `YYYYMMDDNNNN`, `YYYYMMDD-NNNN`, `YYMMDDNNNN`
 * (samordningsnummer: day + 60), and CPR `DDMMYY-NNNN` / `DDMMYYNNNN`. Not part of a longer
 * digit run.
 */
const idNumber = /(?<![\p{N}])(?:\d{8}|\d{6})[-+ ]?\d{4}(?![\p{N}])/gu;

function looksLikeDate(digits: string): boolean {
  const six = digits.length === 8 ? digits.slice(2) : digits;
  const [a, b, c] = [six.slice(0, 2), six.slice(2, 4), six.slice(4, 6)].map(Number) as [
    number,
    number,
    number,
  ];
  const day = (d: number) => (d >= 1 && d <= 31) || (d >= 61 && d <= 91);
  // Swedish: YYMMDD; Danish: DDMMYY.
  const swedish = b >= 1 && b <= 12 && day(c);
  const danish = a >= 1 && a <= 31 && b >= 1 && b <= 12;
  return digits.length === 8 ? swedish : swedish || danish;
}

/**
 * Phone numbers: international (`+46 70-123 45 67`, `0045 12 34 56 78`), Swedish national
 * (`070-123 45 67`, `0451-123 45`, `08 123 456 78`) and Danish eight digits (`12 34 56 78`,
 * `12345678`). Digits may be grouped with spaces, hyphens, dots, slashes or `(0)`.
 */
const phone = new RegExp(
  [
    String.raw`(?:\+|00)\d{1,3}[\s.-]?(?:\(0\)[\s.-]?)?\d(?:[\s./-]?\d){5,11}`,
    String.raw`\b0\d{1,3}(?:[\s./-]|\s?-\s?)?\d(?:[\s.-]?\d){4,8}`,
    String.raw`\b\d{2} \d{2} \d{2} \d{2}\b`,
    String.raw`\b\d{8}\b`,
  ].join('|'),
  'g',
);

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The regular expression of `names`: each full name and each of its parts of three letters or
 * more, whole words only, case-insensitive, longest first (so "Anna Berg" is one mask).
 */
function namePattern(names: readonly string[]): RegExp | undefined {
  const words = new Set<string>();
  for (const name of names) {
    const full = name.trim().replace(/\s+/g, ' ');
    if (full.length >= 3) words.add(full);
    for (const part of full.split(/[\s-]+/)) if (part.length >= 3) words.add(part);
  }
  if (words.size === 0) return undefined;
  const alternatives = [...words].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'giu');
}

/** `text` with personal data masked, and how many of each kind were. */
export function redact(text: string, options: { names?: readonly string[] } = {}): Redacted {
  const counts: Record<RedactionKind, number> = { email: 0, phone: 0, 'id-number': 0, name: 0 };
  let out = text.replace(email, () => {
    counts.email++;
    return MASKS.email;
  });
  out = out.replace(idNumber, (match) => {
    if (!looksLikeDate(match.replace(/\D/g, '').slice(0, -4))) return match;
    counts['id-number']++;
    return MASKS['id-number'];
  });
  out = out.replace(phone, () => {
    counts.phone++;
    return MASKS.phone;
  });
  const names = namePattern(options.names ?? []);
  if (names) {
    out = out.replace(names, () => {
      counts.name++;
      return MASKS.name;
    });
  }
  return { text: out, counts, total: counts.email + counts.phone + counts['id-number'] + counts.name };
}

/** Adds the counts of one redaction to a running total (an export counts over all its cells). */
export function addCounts(into: Record<RedactionKind, number>, from: Record<RedactionKind, number>): void {
  for (const kind of redactionKinds) into[kind] += from[kind];
}
