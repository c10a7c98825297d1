/**
 * Test helpers for CSV: an independent reader (not the writer under test), as a spreadsheet
 * reads a file.
 */

/** An RFC 4180 reader, as a spreadsheet reads the file: quoted cells, doubled quotes, CRLF rows. */
export function parseCsv(text: string, separator: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"' && cell === '') quoted = true;
    else if (c === separator) {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  row.push(cell);
  rows.push(row);
  return rows;
}

/** A whole exported file: without its byte-order mark and final line break. */
export const parseCsvDocument = (text: string, separator: string) =>
  parseCsv(text.replace(/^\uFEFF/, '').replace(/\r\n$/, ''), separator);
