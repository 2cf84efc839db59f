// CSV / TSV / whitespace-separated text → ParsedArray. Papaparse does the quoting and delimiter
// detection; this file decides what a numeric table is and names the first bad cell.
import Papa from 'papaparse';
import { assertNotEmpty } from './finite.ts';
import { ArrayParseError, type ParsedArray } from './types.ts';

export interface DelimitedOptions {
  /** ',' | '\t' | ';' | '|' | 'whitespace'; default: detected (papaparse's guess, else whitespace). */
  readonly delimiter?: string;
  /** Label used in error messages (default 'csv'). */
  readonly format?: string;
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const NON_FINITE = /^[+-]?(?:nan|inf|infinity)$/i;

/** Row (1-based) and its cells, blank lines dropped. */
type Row = { readonly line: number; readonly cells: readonly string[] };

function splitRows(text: string, delimiter: string | undefined, format: string): Row[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const firstLine = body.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  const whitespace =
    delimiter === 'whitespace' ||
    (delimiter === undefined && !/[,\t;|]/.test(firstLine) && /\S\s+\S/.test(firstLine));
  if (whitespace) {
    // numpy.savetxt's default: runs of spaces between fields.
    return body
      .split(/\r?\n/)
      .map((l, i) => ({ line: i + 1, cells: l.trim() === '' ? [] : l.trim().split(/\s+/) }))
      .filter((r) => r.cells.length > 0);
  }
  const res = Papa.parse<string[]>(body, {
    delimiter: delimiter ?? '',
    skipEmptyLines: false,
    header: false,
  });
  // A one-column file has no delimiter to detect: that is not an error.
  const bad = res.errors.find((e) => e.code !== 'UndetectableDelimiter');
  if (bad) {
    const line = bad.row !== undefined ? bad.row + 1 : undefined;
    throw new ArrayParseError(
      format,
      `${bad.message}${line !== undefined ? ` at row ${line}` : ''}`,
      line !== undefined ? { row: line } : {},
    );
  }
  return res.data
    .map((cells, i) => ({ line: i + 1, cells }))
    .filter((r) => !(r.cells.length === 0 || (r.cells.length === 1 && r.cells[0]!.trim() === '')));
}

function cellValue(format: string, raw: string, row: number, col: number): number {
  const s = raw.trim();
  if (s === '') throw new ArrayParseError(format, `empty cell at row ${row}, col ${col}`, { row, col });
  if (NON_FINITE.test(s)) {
    throw new ArrayParseError(
      format,
      `non-finite value "${s}" at row ${row}, col ${col}: values must be finite`,
      { row, col },
    );
  }
  if (!NUMBER.test(s)) {
    const shown = s.length > 20 ? `${s.slice(0, 20)}…` : s;
    throw new ArrayParseError(format, `non-numeric cell "${shown}" at row ${row}, col ${col}`, { row, col });
  }
  const v = Number(s);
  if (!Number.isFinite(v))
    throw new ArrayParseError(format, `value "${s}" overflows float64 at row ${row}, col ${col}`, {
      row,
      col,
    });
  return v;
}

/**
 * Parse a numeric table. A first row whose cells are all non-numeric is a header and skipped.
 * Shape: one data row or one column → 1-D `[n]`; otherwise `[rows, cols]`.
 */
export function parseDelimited(text: string, options: DelimitedOptions = {}): ParsedArray {
  const format = options.format ?? 'csv';
  let rows = splitRows(text, options.delimiter, format);
  const first = rows[0];
  if (
    first &&
    first.cells.every((c) => {
      const s = c.trim();
      return s !== '' && !NUMBER.test(s) && !NON_FINITE.test(s);
    })
  ) {
    rows = rows.slice(1);
  }
  if (rows.length === 0) throw new ArrayParseError(format, 'no numeric rows (empty input)');
  const cols = rows[0]!.cells.length;
  const data = new Float64Array(rows.length * cols);
  rows.forEach((r, i) => {
    if (r.cells.length !== cols) {
      throw new ArrayParseError(
        format,
        `ragged rows: row ${r.line} has ${r.cells.length} columns, row ${rows[0]!.line} has ${cols}`,
        { row: r.line },
      );
    }
    r.cells.forEach((c, j) => {
      data[i * cols + j] = cellValue(format, c, r.line, j + 1);
    });
  });
  const shape = rows.length === 1 ? [cols] : cols === 1 ? [rows.length] : [rows.length, cols];
  assertNotEmpty(format, shape);
  return { shape, data };
}
