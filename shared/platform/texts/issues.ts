import type { z } from 'zod';
import type { Language } from './language.js';
import { type TextTable, textsOf } from './table.js';

/*
 * Validation issues, worded for pages in the reader's language. A zod issue carries a stable
 * code (`too_small`, `too_big`, `invalid_format`, `invalid_value`, …) and the numbers behind it;
 * a custom refinement names its rule in `params.reason` (`organisationNumber.checkDigit`). Pages
 * word an issue from those and name its field; zod's English `message` stays what the JSON API
 * answers. A capability words its own custom rules (`IssueWording`); anything nobody words is
 * "the value is not valid", translated.
 */

/** One validation problem, without words: what pages translate. */
export interface Issue {
  /** zod's issue code, or `custom` for a refinement. */
  code: string;
  /** Where in the validated value (`['place', 'name']`); for a request, after its part. */
  path: (string | number)[];
  /** What a size is about: `string`, `array`, `number`, `int`, `date`, … */
  origin?: string;
  minimum?: number;
  maximum?: number;
  /** False when the bound itself is refused (`.positive()`, `.lt(…)`). */
  inclusive?: boolean;
  /** `invalid_format`: `email`, `datetime`, `date`, `regex`, … */
  format?: string;
  /** `invalid_type`: the type wanted (`string`, `number`, `int`, …). */
  expected?: string;
  /** `invalid_type`, `invalid_value`: nothing was given at all. */
  missing?: boolean;
  /** `unrecognized_keys`: the keys nobody asked for. */
  keys?: string[];
  /** `custom`: the refinement's rule, from its `params.reason`. */
  reason?: string;
  /** `custom`: whatever else the refinement's `params` carry (the number, the country…). */
  params?: Record<string, unknown>;
}

/** The zod issue codes pages word; any other code is worded as `invalid`. */
export const issueCodes = [
  'invalid_type',
  'too_small',
  'too_big',
  'invalid_format',
  'invalid_value',
  'unrecognized_keys',
  'custom',
] as const;

const numeric = (value: unknown): number | undefined =>
  typeof value === 'number' ? value : typeof value === 'bigint' ? Number(value) : undefined;

function valueAt(input: unknown, path: readonly (string | number)[]): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string | number, unknown>)[key];
  }
  return value;
}

/**
 * A zod issue as pages word it. `input`, the value that was validated, tells a missing field
 * from a wrong one (zod's issues leave the input out unless asked to report it).
 */
export function issueOf(zodIssue: z.core.$ZodIssue, input?: unknown): Issue {
  const raw = zodIssue as unknown as Record<string, unknown>;
  const path = zodIssue.path.map((key) => (typeof key === 'number' ? key : String(key)));
  const params = raw.params && typeof raw.params === 'object' ? (raw.params as Record<string, unknown>) : {};
  const missing =
    (zodIssue.code === 'invalid_type' || zodIssue.code === 'invalid_value') &&
    ('input' in raw ? raw.input === undefined : input !== undefined && valueAt(input, path) === undefined);
  const minimum = numeric(raw.minimum);
  const maximum = numeric(raw.maximum);
  return {
    code: zodIssue.code,
    path,
    ...(typeof raw.origin === 'string' ? { origin: raw.origin } : {}),
    ...(minimum !== undefined ? { minimum } : {}),
    ...(maximum !== undefined ? { maximum } : {}),
    ...(typeof raw.inclusive === 'boolean' ? { inclusive: raw.inclusive } : {}),
    ...(typeof raw.format === 'string' ? { format: raw.format } : {}),
    ...(typeof raw.expected === 'string' ? { expected: raw.expected } : {}),
    ...(missing ? { missing: true } : {}),
    ...(Array.isArray(raw.keys) ? { keys: raw.keys.map(String) } : {}),
    ...(typeof params.reason === 'string' ? { reason: params.reason } : {}),
    ...(Object.keys(params).length > 0 ? { params } : {}),
  };
}

export const issuesOf = (error: z.ZodError, input?: unknown): Issue[] =>
  error.issues.map((issue) => issueOf(issue, input));

/** The words for every issue code, one typed table per language. */
export interface IssueTexts {
  required: string;
  tooShort: (min: number) => string;
  tooLong: (max: number) => string;
  tooFew: (min: number) => string;
  tooMany: (max: number) => string;
  atLeast: (min: number) => string;
  atMost: (max: number) => string;
  greaterThan: (min: number) => string;
  lessThan: (max: number) => string;
  wholeNumber: string;
  number: string;
  email: string;
  dateTime: string;
  date: string;
  format: string;
  option: string;
  unknownFields: (fields: string) => string;
  /** A line break, NUL or another control character where only one line of text belongs (`reason: 'controlCharacters'`). */
  controlCharacters: string;
  /** A paging cursor that is not one of the list's (a link edited by hand, or too old). */
  notACursor: string;
  /** What any other problem says. */
  invalid: string;
  /** A problem with a named field. */
  withField: (field: string, problem: string) => string;
}

const sv: IssueTexts = {
  required: 'Fyll i fältet.',
  tooShort: (min) => `Minst ${min} tecken.`,
  tooLong: (max) => `Högst ${max} tecken.`,
  tooFew: (min) => `Ange minst ${min}.`,
  tooMany: (max) => `Högst ${max} stycken.`,
  atLeast: (min) => `Minsta värde är ${min}.`,
  atMost: (max) => `Största värde är ${max}.`,
  greaterThan: (min) => `Måste vara större än ${min}.`,
  lessThan: (max) => `Måste vara mindre än ${max}.`,
  wholeNumber: 'Ange ett heltal.',
  number: 'Ange ett tal.',
  email: 'Ange en giltig e-postadress.',
  dateTime: 'Ange datum och tid.',
  date: 'Ange ett datum.',
  format: 'Värdet har fel format.',
  option: 'Välj ett av alternativen.',
  unknownFields: (fields) => `Okända fält: ${fields}.`,
  controlCharacters: 'Får inte innehålla radbrytningar eller andra kontrolltecken.',
  notACursor: 'Den sidan av listan finns inte. Börja om från listans början.',
  invalid: 'Värdet är inte giltigt.',
  withField: (field, problem) => `${field}: ${problem}`,
};

const da: IssueTexts = {
  required: 'Udfyld feltet.',
  tooShort: (min) => `Mindst ${min} tegn.`,
  tooLong: (max) => `Højst ${max} tegn.`,
  tooFew: (min) => `Angiv mindst ${min}.`,
  tooMany: (max) => `Højst ${max} styk.`,
  atLeast: (min) => `Mindste værdi er ${min}.`,
  atMost: (max) => `Største værdi er ${max}.`,
  greaterThan: (min) => `Skal være større end ${min}.`,
  lessThan: (max) => `Skal være mindre end ${max}.`,
  wholeNumber: 'Angiv et heltal.',
  number: 'Angiv et tal.',
  email: 'Angiv en gyldig e-mailadresse.',
  dateTime: 'Angiv dato og tid.',
  date: 'Angiv en dato.',
  format: 'Værdien har et forkert format.',
  option: 'Vælg en af mulighederne.',
  unknownFields: (fields) => `Ukendte felter: ${fields}.`,
  controlCharacters: 'Må ikke indeholde linjeskift eller andre kontroltegn.',
  notACursor: 'Den side af listen findes ikke. Begynd forfra fra listens begyndelse.',
  invalid: 'Værdien er ikke gyldig.',
  withField: (field, problem) => `${field}: ${problem}`,
};

const en: IssueTexts = {
  required: 'Fill in this field.',
  tooShort: (min) => `At least ${min} characters.`,
  tooLong: (max) => `At most ${max} characters.`,
  tooFew: (min) => `Give at least ${min}.`,
  tooMany: (max) => `At most ${max} items.`,
  atLeast: (min) => `The smallest value is ${min}.`,
  atMost: (max) => `The largest value is ${max}.`,
  greaterThan: (min) => `Must be greater than ${min}.`,
  lessThan: (max) => `Must be less than ${max}.`,
  wholeNumber: 'Enter a whole number.',
  number: 'Enter a number.',
  email: 'Enter a valid email address.',
  dateTime: 'Enter a date and time.',
  date: 'Enter a date.',
  format: 'The value is not in the right format.',
  option: 'Choose one of the options.',
  unknownFields: (fields) => `Unknown fields: ${fields}.`,
  controlCharacters: 'Must not contain line breaks or other control characters.',
  notACursor: 'That page of the list does not exist. Start again from the top of the list.',
  invalid: 'The value is not valid.',
  withField: (field, problem) => `${field}: ${problem}`,
};

export const issueMessages: TextTable<IssueTexts> = { sv, da, en };

export const issueTexts: (language: Language) => IssueTexts = textsOf(issueMessages);

/** A capability's words for its own rules (custom refinements); undefined leaves the issue to platform. */
export type IssueWording = (issue: Issue, language: Language) => string | undefined;

const NUMBERS = new Set(['number', 'int', 'bigint']);

/** An issue in words, in the language: by its code and numbers, else "the value is not valid". */
export function issueText(issue: Issue, language: Language, custom?: IssueWording): string {
  const own = custom?.(issue, language);
  if (own) return own;
  const m = issueTexts(language);
  const { origin, minimum, maximum } = issue;
  switch (issue.code) {
    case 'invalid_type':
      if (issue.missing) return m.required;
      if (issue.expected === 'int') return m.wholeNumber;
      if (issue.expected && NUMBERS.has(issue.expected)) return m.number;
      return m.invalid;
    case 'too_small':
      if (minimum === undefined) return m.invalid;
      if (origin === 'string') return minimum <= 1 ? m.required : m.tooShort(minimum);
      if (origin === 'array' || origin === 'set') return m.tooFew(minimum);
      if (origin && NUMBERS.has(origin))
        return issue.inclusive === false ? m.greaterThan(minimum) : m.atLeast(minimum);
      return m.invalid;
    case 'too_big':
      if (maximum === undefined) return m.invalid;
      if (origin === 'string') return m.tooLong(maximum);
      if (origin === 'array' || origin === 'set') return m.tooMany(maximum);
      if (origin && NUMBERS.has(origin))
        return issue.inclusive === false ? m.lessThan(maximum) : m.atMost(maximum);
      return m.invalid;
    case 'invalid_format':
      if (issue.format === 'email') return m.email;
      if (issue.format === 'datetime') return m.dateTime;
      if (issue.format === 'date') return m.date;
      return m.format;
    case 'invalid_value':
      return issue.missing ? m.required : m.option;
    case 'unrecognized_keys':
      return m.unknownFields((issue.keys ?? []).join(', '));
    case 'custom':
      if (issue.reason === 'email') return m.email;
      return issue.reason === 'controlCharacters' ? m.controlCharacters : m.invalid;
    default:
      return m.invalid;
  }
}

/** The words for a form's fields in a language, by the issue's path joined with dots (`place.name`). */
export type FieldLabels = (language: Language) => Readonly<Partial<Record<string, string>>>;

/**
 * An issue in words that name its field ("Rättslig grund: Välj ett av alternativen."): the label
 * when one is given, else the field's own name, so the field is always named.
 */
export function describeIssue(
  issue: Issue,
  language: Language,
  options: { labels?: FieldLabels; custom?: IssueWording } = {},
): string {
  const problem = issueText(issue, language, options.custom);
  const key = issue.path.join('.');
  if (key === '') return problem;
  const labels = options.labels?.(language) ?? {};
  const label = labels[key] ?? labels[String(issue.path[0])] ?? key;
  return issueTexts(language).withField(label, problem);
}
