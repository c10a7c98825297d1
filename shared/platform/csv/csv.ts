/**
 * CSV for spreadsheets (the attendee list staff hand to the caterer and the reception).
 *
 * Spreadsheet programs run a cell that starts with `=`, `+`, `-` or `@` as a formula (and some
 * also after a leading tab or carriage return), so a participant who types `=HYPERLINK(…)` as
 * their name could otherwise make Excel fetch a URL or run a command (CSV injection, OWASP).
 * Such cells get a leading `'`, which spreadsheets show as text and never evaluate.
 */

export type CsvSeparator = ',' | ';';
export type CsvValue = string | number | boolean | null | undefined;

/** What a cell may not start with: each makes Excel, LibreOffice or Google Sheets evaluate it. */
export const FORMULA_TRIGGERS = ['=', '+', '-', '@', '\t', '\r'] as const;

/** Excel opens UTF-8 CSV correctly only with the byte order mark (else å, ä, ø come out garbled). */
export const UTF8_BOM = '\uFEFF';

const startsWithTrigger = (text: string) => (FORMULA_TRIGGERS as readonly string[]).includes(text.charAt(0));

/**
 * One cell: formula triggers neutralised with a leading `'`, then quoted (RFC 4180) when it
 * holds the separator, a quote, CR or LF, with quotes inside doubled.
 */
export function csvCell(value: CsvValue, separator: CsvSeparator = ','): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (startsWithTrigger(text)) text = `'${text}`;
  const needsQuotes =
    text.includes(separator) || text.includes('"') || text.includes('\r') || text.includes('\n');
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Rows to CSV text: cells separated by `separator`, rows by CRLF (RFC 4180), no trailing newline. */
export function toCsv(rows: readonly (readonly CsvValue[])[], separator: CsvSeparator = ','): string {
  return rows.map((row) => row.map((cell) => csvCell(cell, separator)).join(separator)).join('\r\n');
}

/** A CSV file as Excel wants it: the BOM, the rows, and a final line break. */
export function csvDocument(rows: readonly (readonly CsvValue[])[], separator: CsvSeparator = ','): string {
  return `${UTF8_BOM}${toCsv(rows, separator)}\r\n`;
}

/** A file name for `Content-Disposition`: ASCII letters, digits and dashes only. */
export function csvFileName(title: string, fallback = 'attendees'): string {
  const base = title
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[æÆ]/g, 'ae')
    .replace(/[øØ]/g, 'o')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/(^-+|-+$)/g, '')
    .slice(0, 60);
  return `${base || fallback}.csv`;
}
