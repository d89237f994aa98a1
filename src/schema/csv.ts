// A CSV file that a spreadsheet opens as it should, written out by hand (a few lines, no library):
// - UTF-8 with a byte-order mark, without which Excel reads UTF-8 as the Windows code page
//   ("PatiÃ«nt");
// - the separator Excel expects for the reader's language (a Dutch Excel splits on ";", an
//   English one on ",");
// - a cell quoted when it holds the separator, a quote, a line break or spaces at its ends, its
//   quotes doubled (RFC 4180), lines ending in CRLF;
// - no formulas: a cell that begins with = + - @ (or a tab or carriage return, which Excel skips
//   before reading one) gets a ' in front, so a name like "=HYPERLINK(…)" typed into an account
//   stays text when the administrator opens the file (CSV injection).

export const BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string, sep: string): string {
  const v = FORMULA_START.test(value) ? `'${value}` : value;
  return v.includes(sep) || /["\r\n]/.test(v) || /^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** The whole file: the byte-order mark, then one line per row, each ending in CRLF. */
export function csvFile(rows: readonly (readonly string[])[], sep: ';' | ','): string {
  return BOM + rows.map((r) => r.map((c) => csvCell(c, sep)).join(sep) + '\r\n').join('');
}

/**
 * The rows back out of a file made by csvFile (for tests and for checking a download): the inverse
 * of the quoting, not a general CSV reader.
 */
export function readCsv(file: string, sep: ';' | ','): string[][] {
  const text = file.startsWith(BOM) ? file.slice(1) : file;
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] ?? '';
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
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
  return rows;
}
