import { CsvError, parse } from 'csv-parse/sync';
import * as z from 'zod';
import { type Issue, issueOf } from '../platform/texts/issues.js';
import { type Language, languageSchema } from '../platform/texts/language.js';
import { type Country, countries, type OrgNumberProblem, parseOrganisationNumber } from './org-number.js';
import {
  emailKey,
  emailSchema,
  lawfulBasisSchema,
  normaliseTag,
  type OrganisationSize,
  type OrganisationType,
  organisationSizes,
  organisationTypes,
} from './schemas.js';
import { simplify } from './simplify.js';

/**
 * CSV import of organisations and contacts, the pure part: bytes → text (UTF-8 with or without
 * BOM, UTF-16 from Excel's "Unicode text", else Windows-1252 from Excel's Swedish/Danish
 * "CSV (semicolon)"), text → records (`;`, `,` or tab, found from the header line), records →
 * organisations and contacts with row-level errors, then duplicates within the file and against
 * what the tenant already has. Nothing here reads or writes the table.
 */

export const CSV_MAX_BYTES = 2 * 1024 * 1024;
export const CSV_MAX_ROWS = 5000;

/** Why a file cannot be read at all, for pages to word (the message is English, for the JSON API). */
export type CsvFileProblem = 'tooLarge' | 'notCsv' | 'empty' | 'tooManyRows' | 'noKeyColumn';

export class CsvImportError extends Error {
  constructor(
    /** 413 (too large) or 422 (not a usable file). */
    readonly status: 413 | 422,
    message: string,
    readonly problem: CsvFileProblem,
    /** What the words need: the limits, the rows found, the columns found. */
    readonly params: { maxMegabytes?: number; rows?: number; maxRows?: number; columns?: string } = {},
  ) {
    super(message);
    this.name = 'CsvImportError';
  }
}

export type CsvEncoding = 'utf-8' | 'utf-16le' | 'windows-1252';

/** Text of the file: a BOM decides; else UTF-8 if the bytes are valid UTF-8, else Windows-1252. */
export function decodeCsv(bytes: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (bytes.length > CSV_MAX_BYTES) {
    const maxMegabytes = CSV_MAX_BYTES / 1024 / 1024;
    throw new CsvImportError(413, `The file is larger than ${maxMegabytes} MB`, 'tooLarge', { maxMegabytes });
  }
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // Not UTF-8: Excel's Swedish and Danish "CSV" is Windows-1252 (å = E5, ä = E4, ø = F8…).
    return { text: decodeWindows1252(bytes), encoding: 'windows-1252' };
  }
}

/**
 * Bytes 80–9F of Windows-1252 (WHATWG index): € ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ,
 * and the five unassigned bytes as themselves.
 */
const WINDOWS_1252_C1 = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d,
  0x17d, 0x8f, 0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a,
  0x153, 0x9d, 0x17e, 0x178,
];

/**
 * `TextDecoder('windows-1252')`, with bytes 80–9F mapped as the Encoding Standard says. Node
 * 20.18.3 and later decode them as Latin-1 control characters instead (nodejs/node#60888), which
 * would turn Excel's €, – and curly quotes into invisible characters; where the decoder is right,
 * the mapping changes nothing.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
  return new TextDecoder('windows-1252')
    .decode(bytes)
    .replace(/[\u0080-\u009f]/g, (c) =>
      String.fromCharCode(WINDOWS_1252_C1[c.charCodeAt(0) - 0x80] ?? c.charCodeAt(0)),
    );
}

export type Delimiter = ';' | ',' | '\t';
const delimiters: Delimiter[] = [';', ',', '\t'];

/** The delimiter the header line uses most, counting outside quotes (`;` wins ties, as Excel writes it). */
export function detectDelimiter(headerLine: string): Delimiter {
  const counts = new Map<Delimiter, number>(delimiters.map((d) => [d, 0]));
  let quoted = false;
  for (const char of headerLine) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && counts.has(char as Delimiter))
      counts.set(char as Delimiter, (counts.get(char as Delimiter) ?? 0) + 1);
  }
  let best: Delimiter = ';';
  for (const d of delimiters) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

export const importFields = [
  'organisationName',
  'organisationNumber',
  'country',
  'industry',
  'area',
  'size',
  'organisationType',
  'contactName',
  'firstName',
  'lastName',
  'email',
  'role',
  'language',
  'tags',
] as const;
export type ImportField = (typeof importFields)[number];

/** Column names people use, in Swedish, Danish and English (already simplified). */
const headerAliases: Record<ImportField, string[]> = {
  organisationName: [
    'foretag',
    'foretagsnamn',
    'organisation',
    'organisationsnamn',
    'organisationnamn',
    'organization',
    'organizationname',
    'organisationname',
    'virksomhed',
    'virksomhedsnavn',
    'firma',
    'firmanavn',
    'firmanamn',
    'bolag',
    'company',
    'companyname',
  ],
  organisationNumber: [
    'orgnr',
    'orgnummer',
    'organisationsnummer',
    'organisationsnr',
    'organisationnumber',
    'organizationnumber',
    'orgno',
    'cvr',
    'cvrnr',
    'cvrnummer',
    'cvrno',
    'companynumber',
    'registrationnumber',
  ],
  country: ['land', 'country'],
  industry: ['bransch', 'branche', 'industry', 'sektor', 'sector'],
  area: [
    'omrade',
    'ort',
    'kommundel',
    'tatort',
    'bydel',
    'lokalomrade',
    'area',
    'district',
    'locality',
    'town',
  ],
  size: [
    'storlek',
    'foretagsstorlek',
    'anstallda',
    'antalanstallda',
    'storrelse',
    'ansatte',
    'antalansatte',
    'size',
    'employees',
    'companysize',
  ],
  organisationType: [
    'typ',
    'type',
    'organisationstyp',
    'organisationstype',
    'organisationtype',
    'organizationtype',
    'virksomhedstype',
    'kategori',
    'category',
  ],
  contactName: [
    'namn',
    'kontaktperson',
    'kontakt',
    'kontaktnamn',
    'navn',
    'kontaktnavn',
    'fuldtnavn',
    'fulltnamn',
    'name',
    'contact',
    'contactname',
    'contactperson',
    'fullname',
  ],
  firstName: ['fornamn', 'fornavn', 'firstname', 'givenname'],
  lastName: ['efternamn', 'efternavn', 'lastname', 'surname', 'familyname'],
  email: [
    'epost',
    'epostadress',
    'mejl',
    'mail',
    'email',
    'emailadress',
    'emailadresse',
    'emailaddress',
    'mailadresse',
    'mailadress',
  ],
  role: [
    'roll',
    'titel',
    'befattning',
    'rolle',
    'stilling',
    'stillingsbetegnelse',
    'role',
    'title',
    'jobtitle',
  ],
  language: ['sprak', 'sprog', 'language', 'lang'],
  tags: ['taggar', 'tagg', 'tags', 'tag', 'etiketter', 'etiketter', 'nyckelord', 'emneord', 'keywords'],
};

const aliasToField = new Map<string, ImportField>(
  Object.entries(headerAliases).flatMap(([field, aliases]) =>
    aliases.map((alias) => [alias, field as ImportField] as const),
  ),
);

export function fieldForHeader(header: string): ImportField | undefined {
  return aliasToField.get(simplify(header));
}

export interface ColumnMapping {
  /** 0-based position in the record. */
  index: number;
  /** The header as written in the file. */
  header: string;
  field: ImportField;
}

export interface CsvRecord {
  /** Row number as a spreadsheet shows it: the header row is 1 (2 after an Excel `sep=` line). */
  row: number;
  cells: string[];
}

export interface ParsedCsv {
  encoding: CsvEncoding;
  delimiter: Delimiter;
  columns: ColumnMapping[];
  /** Headers no field was found for (or a second column for a field already mapped). */
  ignoredColumns: string[];
  /** The header row as written, every column (for handing rows back in the file's own shape). */
  header: string[];
  records: CsvRecord[];
}

/** Decodes, splits and maps the columns of a CSV file. Throws CsvImportError when it cannot. */
export function parseCsv(input: Uint8Array | string): ParsedCsv {
  const decoded =
    typeof input === 'string'
      ? decodeCsv(new TextEncoder().encode(input.replace(/^\uFEFF/, '')))
      : decodeCsv(input);
  let text = decoded.text;
  let rowOffset = 0;
  let delimiter: Delimiter | undefined;
  // Excel understands (and some exports write) a first line `sep=;` naming the delimiter.
  const sep = /^sep=(.)\r?\n/i.exec(text);
  if (sep && delimiters.includes(sep[1] as Delimiter)) {
    delimiter = sep[1] as Delimiter;
    text = text.slice(sep[0].length);
    rowOffset = 1;
  }
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  delimiter ??= detectDelimiter(firstLine);
  let rows: string[][];
  try {
    rows = parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      max_record_size: 64 * 1024,
    });
  } catch (error) {
    if (error instanceof CsvError)
      throw new CsvImportError(422, `The file is not valid CSV: ${error.message}`, 'notCsv');
    throw error;
  }
  const [header, ...data] = rows;
  if (!header || header.every((cell) => cell.trim() === '')) {
    throw new CsvImportError(422, 'The file is empty: the first row must name the columns', 'empty');
  }
  if (data.length > CSV_MAX_ROWS) {
    throw new CsvImportError(
      422,
      `The file has ${data.length} rows; at most ${CSV_MAX_ROWS} can be imported at once`,
      'tooManyRows',
      { rows: data.length, maxRows: CSV_MAX_ROWS },
    );
  }
  const columns: ColumnMapping[] = [];
  const ignoredColumns: string[] = [];
  header.forEach((raw, index) => {
    const headerText = raw.trim();
    const field = fieldForHeader(headerText);
    if (field && !columns.some((c) => c.field === field)) columns.push({ index, header: headerText, field });
    else if (headerText !== '') ignoredColumns.push(headerText);
  });
  const has = (field: ImportField) => columns.some((c) => c.field === field);
  if (!has('organisationName') && !has('email')) {
    const found = header.map((h) => h.trim()).join(', ');
    throw new CsvImportError(
      422,
      'No column for the organisation ("Företag", "Organisation", "Virksomhed", "Company") or the ' +
        `email address ("E-post", "E-mail", "Email") was found among: ${found}`,
      'noKeyColumn',
      { columns: found },
    );
  }
  return {
    encoding: decoded.encoding,
    delimiter,
    header: header.map((h) => h.trim()),
    columns,
    ignoredColumns,
    records: data.map((cells, i) => ({ row: i + 2 + rowOffset, cells })),
  };
}

/* ---------- values ---------- */

const typeAliases: Record<OrganisationType, string[]> = {
  company: [
    'company',
    'foretag',
    'virksomhed',
    'bolag',
    'firma',
    'aktiebolag',
    'ab',
    'as',
    'aps',
    'business',
  ],
  'business-association': [
    'businessassociation',
    'association',
    'branschorganisation',
    'naringslivsorganisation',
    'foretagarforening',
    'forening',
    'intresseorganisation',
    'brancheforening',
    'brancheorganisation',
    'erhvervsforening',
    'erhvervsorganisation',
  ],
  'public-partner': [
    'publicpartner',
    'public',
    'publicsector',
    'offentlig',
    'offentligpartner',
    'offentligaktor',
    'offentligaktoer',
    'myndighet',
    'myndighed',
    'kommun',
    'kommune',
    'region',
  ],
  education: [
    'education',
    'school',
    'university',
    'utbildning',
    'skola',
    'hogskola',
    'universitet',
    'uddannelse',
    'skole',
    'uddannelsesinstitution',
  ],
  other: ['other', 'ovrigt', 'ovrig', 'annat', 'andet', 'andre', 'ovrige'],
};
const typeByAlias = new Map(
  Object.entries(typeAliases).flatMap(([type, aliases]) =>
    [simplify(type), ...aliases].map((a) => [a, type as OrganisationType] as const),
  ),
);

export function parseOrganisationType(value: string): OrganisationType | undefined {
  return typeByAlias.get(simplify(value));
}

const languageAliases: Record<Language, string[]> = {
  sv: ['sv', 'se', 'svenska', 'svensk', 'swedish', 'svensk'],
  da: ['da', 'dk', 'dansk', 'danska', 'danish'],
  en: ['en', 'engelska', 'engelsk', 'english'],
};
const languageByAlias = new Map(
  Object.entries(languageAliases).flatMap(([lang, aliases]) =>
    aliases.map((a) => [a, lang as Language] as const),
  ),
);
export function parseLanguage(value: string): Language | undefined {
  return languageByAlias.get(simplify(value));
}

const countryByAlias = new Map<string, Country>([
  ['se', 'SE'],
  ['sverige', 'SE'],
  ['sweden', 'SE'],
  ['dk', 'DK'],
  ['danmark', 'DK'],
  ['denmark', 'DK'],
]);
export function parseCountry(value: string): Country | undefined {
  return countryByAlias.get(simplify(value));
}

/** A size band, or a number of employees put in its band. */
export function parseSize(value: string): OrganisationSize | undefined {
  const compact = value.replace(/[\s\u00a0]/g, '').replace(/[–—]/g, '-');
  if ((organisationSizes as readonly string[]).includes(compact)) return compact as OrganisationSize;
  if (/^\d{1,7}$/.test(compact)) {
    const n = Number(compact);
    return n < 10 ? '1-9' : n < 50 ? '10-49' : n < 250 ? '50-249' : '250+';
  }
  if (/^250(-|\+|ormore|ellerfler|ellerflere)?$/i.test(compact)) return '250+';
  return undefined;
}

export const splitTags = (value: string) =>
  value
    .split(/[,;|]/)
    .map(normaliseTag)
    .filter((t) => t !== '');

/* ---------- rows ---------- */

export interface RowError {
  row: number;
  /** The column as headed in the file (or the field's name when the file has no such column). */
  column: string;
  field: ImportField;
  /** In English (the JSON API's). */
  message: string;
  /** The problem without words, for pages to word in the reader's language (`rowErrorText`). */
  issue: Issue;
}

/**
 * The import's own rules, as `Issue.reason` of a row error (besides zod's codes for lengths and
 * addresses, and `organisationNumber.<problem>` of `parseOrganisationNumber`).
 */
export type RowRule =
  | 'requiredWithOrganisationNumber'
  | 'requiredForContact'
  | 'emptyRow'
  | 'tagTooLong'
  | 'expectedCountry'
  | 'expectedOrganisationType'
  | 'expectedSize'
  | 'expectedLanguage'
  | 'formulaLike'
  | `organisationNumber.${OrgNumberProblem}`;

export interface ImportedOrganisation {
  name: string;
  organisationNumber?: string;
  country: Country;
  industry?: string;
  area?: string;
  size?: OrganisationSize;
  organisationType: OrganisationType;
  tags: string[];
}

export interface ImportedContact {
  name: string;
  email: string;
  role?: string;
  language: Language;
  tags: string[];
}

export interface Duplicate {
  field: 'email' | 'organisationNumber' | 'organisationName';
  /** Repeats an earlier row of this file, or a record the tenant already has. */
  against: 'file' | 'existing';
  /** The earlier row (against `file`). */
  row?: number;
  /** The existing record's id (against `existing`). */
  id?: string;
  /** True when the row is left out because of it; false when it only links to that record. */
  skipsRow: boolean;
  message: string;
}

export type RowStatus = 'ok' | 'error' | 'duplicate';

export interface ImportRow {
  row: number;
  status: RowStatus;
  organisation?: ImportedOrganisation;
  contact?: ImportedContact;
  errors: RowError[];
  /** Problems that do not stop the row: what was left out of it, or what to look at twice. */
  warnings: RowError[];
  duplicates: Duplicate[];
}

/**
 * Text a spreadsheet would run as a formula (`=HYPERLINK(…)`, `@SUM(…)`, `+1+1`, `-2+3`). It is
 * saved as typed, and every CSV export guards it; the warning is so staff see what they import.
 * A dash alone ("none") or before a space is not one.
 */
const looksLikeFormula = (text: string) => /^[=@]/.test(text) || /^[+-][^\s]/.test(text);

export interface RowDefaults {
  country: Country;
  language: Language;
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: cleaning control characters is the point.
const controlOrSpaceRun = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\s]+/g;

const LIMITS: Partial<Record<ImportField, number>> = {
  organisationName: 200,
  contactName: 200,
  industry: 120,
  area: 80,
  role: 120,
};

/** Reads one record into an organisation and/or a contact, collecting every error of the row. */
export function readRow(record: CsvRecord, columns: ColumnMapping[], defaults: RowDefaults): ImportRow {
  const errors: RowError[] = [];
  const warnings: RowError[] = [];
  const columnOf = (field: ImportField) => columns.find((c) => c.field === field);
  // One line each: line breaks, NUL and other control characters become a space, as runs of
  // white space do (a name goes into mail headers, which refuse them).
  const cell = (field: ImportField) => {
    const column = columnOf(field);
    return column ? (record.cells[column.index] ?? '').replace(controlOrSpaceRun, ' ').trim() : '';
  };
  const problem = (field: ImportField, message: string, issue: Omit<Issue, 'path'>): RowError => ({
    row: record.row,
    column: columnOf(field)?.header ?? field,
    field,
    message,
    issue: { ...issue, path: [field] },
  });
  const fail = (field: ImportField, message: string, issue: Omit<Issue, 'path'>) =>
    errors.push(problem(field, message, issue));
  const rule = (reason: RowRule, params?: Record<string, unknown>): Omit<Issue, 'path'> => ({
    code: 'custom',
    reason,
    ...(params ? { params } : {}),
  });
  const limited = (field: ImportField) => {
    const value = cell(field);
    const max = LIMITS[field];
    if (max !== undefined && value.length > max)
      fail(field, `At most ${max} characters`, { code: 'too_big', origin: 'string', maximum: max });
    return value;
  };

  const orgName = limited('organisationName');
  const orgNumberText = cell('organisationNumber');
  const countryText = cell('country');
  const contactName =
    limited('contactName') || [cell('firstName'), cell('lastName')].filter(Boolean).join(' ');
  const emailText = cell('email');
  const role = limited('role');
  const tags = splitTags(cell('tags'));
  if (tags.length > 20) fail('tags', 'At most 20 tags', { code: 'too_big', origin: 'array', maximum: 20 });
  if (tags.some((t) => t.length > 40))
    fail('tags', 'A tag has at most 40 characters', rule('tagTooLong', { maximum: 40 }));

  let organisation: ImportedOrganisation | undefined;
  let badOrganisationNumber: RowError | undefined;
  if (orgName || orgNumberText) {
    if (!orgName)
      fail(
        'organisationName',
        'Required when an organisation number is given',
        rule('requiredWithOrganisationNumber'),
      );
    let country: Country | undefined;
    if (countryText) {
      country = parseCountry(countryText);
      if (!country) fail('country', `Expected one of ${countries.join(', ')}`, rule('expectedCountry'));
    }
    let organisationNumber: string | undefined;
    if (orgNumberText) {
      const parsed = parseOrganisationNumber(orgNumberText, country);
      if (parsed.ok) {
        organisationNumber = parsed.value;
        country = parsed.country;
      } else {
        const { ok: _, problem: reason, message, ...params } = parsed;
        badOrganisationNumber = problem(
          'organisationNumber',
          message,
          rule(`organisationNumber.${reason}`, params),
        );
      }
    }
    const typeText = cell('organisationType');
    const organisationType = typeText ? parseOrganisationType(typeText) : 'company';
    if (!organisationType)
      fail(
        'organisationType',
        `Expected one of ${organisationTypes.join(', ')}`,
        rule('expectedOrganisationType'),
      );
    const sizeText = cell('size');
    const size = sizeText ? parseSize(sizeText) : undefined;
    if (sizeText && !size)
      fail('size', `Expected ${organisationSizes.join(', ')} or a number of employees`, rule('expectedSize'));
    const industry = limited('industry');
    const area = limited('area');
    organisation = {
      name: orgName,
      ...(organisationNumber ? { organisationNumber } : {}),
      country: country ?? defaults.country,
      ...(industry ? { industry } : {}),
      ...(area ? { area } : {}),
      ...(size ? { size } : {}),
      organisationType: organisationType ?? 'company',
      tags: [],
    };
  }

  let contact: ImportedContact | undefined;
  const languageText = cell('language');
  if (contactName || emailText || role) {
    if (!contactName)
      fail(
        columnOf('contactName') ? 'contactName' : 'firstName',
        'Required for a contact',
        rule('requiredForContact'),
      );
    let email = '';
    if (!emailText) fail('email', 'Required for a contact', rule('requiredForContact'));
    else {
      const parsed = emailSchema.safeParse(emailText);
      if (parsed.success) email = parsed.data;
      else {
        const first = parsed.error.issues[0];
        fail(
          'email',
          first?.message ?? 'Not a valid email address',
          first ? issueOf(first) : { code: 'custom', reason: 'email' },
        );
      }
    }
    let language: Language = defaults.language;
    if (languageText) {
      const parsed = parseLanguage(languageText);
      if (parsed) language = parsed;
      else fail('language', `Expected one of ${languageSchema.options.join(', ')}`, rule('expectedLanguage'));
    }
    contact = { name: contactName, email, ...(role ? { role } : {}), language, tags };
  } else if (organisation) {
    organisation.tags = tags;
  }

  // A typo in the number costs the number, not the contact: the organisation is matched by its
  // name instead. A row that is only the organisation keeps the error, so the number gets fixed.
  if (badOrganisationNumber) {
    if (contact && orgName) warnings.push(badOrganisationNumber);
    else errors.push(badOrganisationNumber);
  }
  for (const field of [
    'organisationName',
    'contactName',
    'firstName',
    'lastName',
    'role',
    'industry',
    'area',
  ] as const) {
    if (looksLikeFormula(cell(field)))
      warnings.push(
        problem(field, 'Looks like a spreadsheet formula; it is saved as text', rule('formulaLike')),
      );
  }

  if (!organisation && !contact) {
    fail(
      columnOf('organisationName') ? 'organisationName' : 'email',
      'The row has neither an organisation nor a contact',
      rule('emptyRow'),
    );
  }
  return {
    row: record.row,
    status: errors.length > 0 ? 'error' : 'ok',
    ...(organisation ? { organisation } : {}),
    ...(contact ? { contact } : {}),
    errors,
    warnings,
    duplicates: [],
  };
}

const isBlank = (record: CsvRecord) => record.cells.every((c) => c.trim() === '');

/* ---------- duplicates and the plan ---------- */

export interface ExistingOrganisation {
  organisationId: string;
  name: string;
  organisationNumber?: string;
  country?: string;
}

export interface ExistingRecords {
  /** Contact id by `emailKey` of every address the tenant has. */
  emailKeys: Map<string, string>;
  organisations: ExistingOrganisation[];
}

export const simplifyName = (name: string) => name.trim().replace(/\s+/g, ' ').toLocaleLowerCase('sv');

/** The key an organisation is created once per: its number, else its name. */
export function organisationGroupKey(
  org: Pick<ImportedOrganisation, 'name' | 'organisationNumber' | 'country'>,
) {
  return org.organisationNumber
    ? `nr:${org.country}#${org.organisationNumber.replace(/\D/g, '')}`
    : `name:${simplifyName(org.name)}`;
}

export interface PlannedOrganisation {
  key: string;
  /** First row the organisation appears on. */
  row: number;
  data: ImportedOrganisation;
  /** Set when the tenant already has it: contacts are linked to it, nothing is created. */
  existingId?: string;
}

export interface PlannedContact {
  row: number;
  data: ImportedContact;
  organisationKey?: string;
}

export interface ImportPlan {
  organisations: PlannedOrganisation[];
  contacts: PlannedContact[];
}

export interface ImportSummary {
  /** Data rows, blank rows not counted. */
  rows: number;
  ok: number;
  errors: number;
  duplicates: number;
  /** Rows saved with a warning (see `ImportRow.warnings`). */
  warnings: number;
  blankRows: number;
  organisationsToCreate: number;
  organisationsExisting: number;
  contactsToCreate: number;
  encoding: CsvEncoding;
  delimiter: Delimiter;
  columns: { header: string; field: ImportField }[];
  ignoredColumns: string[];
}

/** The rows a commit leaves out (errors, duplicates), as the file had them, to fix and import again. */
export interface RejectedRows {
  header: string[];
  rows: { row: number; cells: string[] }[];
}

export interface ImportPreview {
  rows: ImportRow[];
  plan: ImportPlan;
  summary: ImportSummary;
  rejected: RejectedRows;
}

/**
 * Marks duplicates and builds what a commit would save. Contacts: one per address; a repeat in
 * the file or an address the tenant has already is left out. Organisations: one per number, else
 * per name; a repeat links to the first, an existing one is linked to, never created again.
 */
export function planImport(rows: ImportRow[], existing: ExistingRecords): ImportPlan {
  const existingByKey = new Map<string, ExistingOrganisation>();
  for (const org of existing.organisations) {
    if (org.organisationNumber && (org.country === 'SE' || org.country === 'DK')) {
      const key = organisationGroupKey({
        name: org.name,
        organisationNumber: org.organisationNumber,
        country: org.country,
      });
      if (!existingByKey.has(key)) existingByKey.set(key, org);
    }
    const nameKey = `name:${simplifyName(org.name)}`;
    if (!existingByKey.has(nameKey)) existingByKey.set(nameKey, org);
  }
  // A row without a number belongs to the numbered organisation of the same name in the file.
  const numberedByName = new Map<string, { key: string; data: ImportedOrganisation }>();
  for (const r of rows) {
    if (r.status !== 'ok' || !r.organisation?.organisationNumber) continue;
    const name = simplifyName(r.organisation.name);
    if (!numberedByName.has(name)) {
      numberedByName.set(name, { key: organisationGroupKey(r.organisation), data: r.organisation });
    }
  }

  const organisations = new Map<string, PlannedOrganisation>();
  const emails = new Map<string, number>();
  const contacts: PlannedContact[] = [];
  const orgOnlyRows = new Set<string>();
  for (const r of rows) {
    if (r.status !== 'ok') continue;
    let organisationKey: string | undefined;
    if (r.organisation) {
      const numbered = r.organisation.organisationNumber
        ? undefined
        : numberedByName.get(simplifyName(r.organisation.name));
      organisationKey = numbered?.key ?? organisationGroupKey(r.organisation);
      const field = organisationKey.startsWith('nr:') ? 'organisationNumber' : 'organisationName';
      const orgOnly = !r.contact;
      const linked = orgOnly ? '' : ': the contact is linked to it';
      const earlier = organisations.get(organisationKey);
      const match = earlier ? undefined : existingByKey.get(organisationKey);
      if (earlier) {
        r.duplicates.push(
          earlier.existingId
            ? {
                field,
                against: 'existing',
                id: earlier.existingId,
                skipsRow: orgOnly,
                message: `The organisation already exists${linked}`,
              }
            : {
                field,
                against: 'file',
                row: earlier.row,
                skipsRow: orgOnly,
                message: `Same organisation as row ${earlier.row}${linked}`,
              },
        );
      } else if (match) {
        organisations.set(organisationKey, {
          key: organisationKey,
          row: r.row,
          data: numbered?.data ?? r.organisation,
          existingId: match.organisationId,
        });
        r.duplicates.push({
          field,
          against: 'existing',
          id: match.organisationId,
          skipsRow: orgOnly,
          message: `The organisation already exists${linked}`,
        });
      } else {
        organisations.set(organisationKey, {
          key: organisationKey,
          row: r.row,
          data: numbered?.data ?? r.organisation,
        });
        if (orgOnly) orgOnlyRows.add(organisationKey);
      }
    }
    if (r.contact) {
      const key = emailKey(r.contact.email);
      const earlierRow = emails.get(key);
      const existingId = existing.emailKeys.get(key);
      if (earlierRow !== undefined) {
        r.duplicates.push({
          field: 'email',
          against: 'file',
          row: earlierRow,
          skipsRow: true,
          message: `The same email address as row ${earlierRow}`,
        });
      } else if (existingId !== undefined) {
        r.duplicates.push({
          field: 'email',
          against: 'existing',
          id: existingId,
          skipsRow: true,
          message: 'A contact with this email address already exists',
        });
      } else {
        emails.set(key, r.row);
        contacts.push({ row: r.row, data: r.contact, ...(organisationKey ? { organisationKey } : {}) });
      }
    }
    if (r.duplicates.some((d) => d.skipsRow)) r.status = 'duplicate';
  }
  // An organisation is only created (or linked) for a row that is saved.
  const used = new Set(contacts.map((c) => c.organisationKey));
  for (const key of organisations.keys()) {
    if (!used.has(key) && !orgOnlyRows.has(key)) organisations.delete(key);
  }
  return { organisations: [...organisations.values()], contacts };
}

/** The whole preview of a file: rows, errors, duplicates, the plan and a summary. */
export function previewCsv(
  input: Uint8Array | string,
  defaults: RowDefaults,
  existing: ExistingRecords,
): ImportPreview {
  const parsed = parseCsv(input);
  const nonBlank = parsed.records.filter((r) => !isBlank(r));
  const rows = nonBlank.map((record) => readRow(record, parsed.columns, defaults));
  const plan = planImport(rows, existing);
  const count = (status: RowStatus) => rows.filter((r) => r.status === status).length;
  const left = new Set(rows.filter((r) => r.status !== 'ok').map((r) => r.row));
  return {
    rows,
    plan,
    rejected: {
      header: parsed.header,
      rows: nonBlank.filter((r) => left.has(r.row)).map(({ row, cells }) => ({ row, cells })),
    },
    summary: {
      rows: rows.length,
      ok: count('ok'),
      errors: count('error'),
      duplicates: count('duplicate'),
      warnings: rows.filter((r) => r.status === 'ok' && r.warnings.length > 0).length,
      blankRows: parsed.records.length - nonBlank.length,
      organisationsToCreate: plan.organisations.filter((o) => !o.existingId).length,
      organisationsExisting: plan.organisations.filter((o) => o.existingId).length,
      contactsToCreate: plan.contacts.length,
      encoding: parsed.encoding,
      delimiter: parsed.delimiter,
      columns: parsed.columns.map(({ header, field }) => ({ header, field })),
      ignoredColumns: parsed.ignoredColumns,
    },
  };
}

/** What a commit request carries (the preview's `importId` is in the path). */
export const commitRequestSchema = z.object({ lawfulBasis: lawfulBasisSchema }).strict();
