import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { BOM, csvCell, csvFile, readCsv } from './csv.js';

describe('the CSV file of a download', () => {
  it('starts with a byte-order mark and ends every line in CRLF', () => {
    const f = csvFile([['Tijd', 'Wie'], ['07-12-2026 10:00', 'Anna']], ';');
    expect(f.startsWith(BOM)).toBe(true);
    expect(f.slice(1)).toBe('Tijd;Wie\r\n07-12-2026 10:00;Anna\r\n');
    expect(Buffer.from(f, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('quotes a cell with the separator, a quote, a line break or spaces at its ends, and doubles its quotes', () => {
    expect(csvCell('de Vries; Anna', ';')).toBe('"de Vries; Anna"');
    expect(csvCell('de Vries, Anna', ';')).toBe('de Vries, Anna');
    expect(csvCell('de Vries, Anna', ',')).toBe('"de Vries, Anna"');
    expect(csvCell('zei "nee"', ';')).toBe('"zei ""nee"""');
    expect(csvCell('twee\nregels', ';')).toBe('"twee\nregels"');
    expect(csvCell(' spatie', ';')).toBe('" spatie"');
    expect(csvCell('Patiënt 7F3K-2Q9M', ';')).toBe('Patiënt 7F3K-2Q9M');
  });

  it.each(['=HYPERLINK("http://x.example","klik")', '+31 6 1234', '-2+3', '@SUM(A1)', '\t=1+1', '\r=1+1'])('keeps %j text, never a formula', (v) => {
    const cell = csvCell(v, ';');
    expect(cell.replace(/^"/, '').startsWith("'")).toBe(true);
    expect(readCsv(csvFile([[v]], ';'), ';')).toEqual([[`'${v}`]]);
  });

  it('reads back what it wrote, for any text and either separator', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string({ unit: 'binary' }), { minLength: 1, maxLength: 5 }), { maxLength: 5 }), fc.constantFrom(';' as const, ',' as const), (rows, sep) => {
        const back = readCsv(csvFile(rows, sep), sep);
        expect(back).toEqual(rows.map((r) => r.map((c) => (/^[=+\-@\t\r]/.test(c) ? `'${c}` : c))));
      }),
    );
  });
});
