import { csvDocument } from '../platform/csv/csv.js';
import type { Language } from '../platform/texts/language.js';
import type { StoredRejectedRows } from './store/imports.js';
import { directoryTexts, rowErrorText } from './texts.js';

/**
 * The rows an import left out, as a CSV file in the shape of the one staff uploaded: its own
 * header and cells, and a last column saying what was wrong, in the reader's language. Staff fix
 * the rows in a spreadsheet and import the file again (the extra column is ignored on import).
 * Separated by `;` as Excel writes CSV in Sweden and Denmark; cells guarded against formulas.
 */
export function rejectedRowsCsv(rejected: StoredRejectedRows, language: Language): string {
  const i = directoryTexts(language).import;
  const width = Math.max(rejected.header.length, ...rejected.rows.map((r) => r.cells.length));
  const padded = (cells: string[]) => [...cells, ...Array(width - cells.length).fill('')];
  return csvDocument(
    [
      [...padded(rejected.header), i.problemColumn],
      ...rejected.rows.map((r) => [
        ...padded(r.cells),
        [
          ...r.errors.map((e) => `${e.column}: ${rowErrorText(e, language)}`),
          ...r.duplicates.map((d) => i.duplicate(d)),
        ].join(' '),
      ]),
    ],
    ';',
  );
}

/** Distinct from the contact and attendee exports, and dated so two downloads do not clash. */
export const rejectedRowsFileName = (committedOrCreatedAt: string) =>
  `import-${committedOrCreatedAt.slice(0, 10)}-rows-not-imported.csv`;
