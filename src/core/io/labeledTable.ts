// A table of samples (one row each) with an optional label column, as a user exports it from pandas or a
// spreadsheet: header optional, labels numeric (regression) or names (classification). Papaparse does
// the CSV/TSV dialect; this file decides what is a sample, what is a label, and names the first bad cell.
import Papa from 'papaparse';
import { ArrayParseError } from './types.ts';

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
const NON_FINITE = /^[+-]?(?:nan|inf|infinity)$/i;
const LABEL_NAMES = /^(label|labels|y|target|class|category)$/i;

/** 'auto': a header column named label/y/target/class, else a non-numeric first or last column; or an index/name, or none. */
export type LabelColumn = 'auto' | 'none' | 'first' | 'last' | number | string;

export interface LabeledTable {
  /** Samples row-major, N × L. */
  data: Float64Array;
  shape: [number, number];
  /** One label per sample (as written), or null when there is no label column. */
  labels: string[] | null;
  labelName: string | null;
  header: string[] | null;
}

function rowsOf(text: string, format: string, delimiter?: string): string[][] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const res = Papa.parse<string[]>(body, {
    delimiter: delimiter ?? '',
    skipEmptyLines: 'greedy',
    header: false,
  });
  const bad = res.errors.find((e) => e.code !== 'UndetectableDelimiter');
  if (bad) {
    const row = bad.row !== undefined ? bad.row + 1 : undefined;
    throw new ArrayParseError(
      format,
      `${bad.message}${row !== undefined ? ` at row ${row}` : ''}`,
      row !== undefined ? { row } : {},
    );
  }
  return res.data.map((r) => r.map((c) => c.trim()));
}

const isNumeric = (s: string) => NUMBER.test(s) || NON_FINITE.test(s);

function pickLabel(header: string[] | null, first: string[], want: LabelColumn, format: string): number {
  const cols = first.length;
  if (want === 'none') return -1;
  if (want === 'first') return 0;
  if (want === 'last') return cols - 1;
  if (typeof want === 'number') {
    if (!Number.isInteger(want) || want < 0 || want >= cols)
      throw new ArrayParseError(
        format,
        `label column ${want} does not exist (the table has ${cols} columns)`,
      );
    return want;
  }
  if (want !== 'auto') {
    const i = header?.findIndex((h) => h === want) ?? -1;
    if (i < 0)
      throw new ArrayParseError(
        format,
        `no column named "${want}" in the header${header ? ` (${header.slice(0, 8).join(', ')}${header.length > 8 ? ', …' : ''})` : ' (the file has no header row)'}`,
      );
    return i;
  }
  const named = header?.findIndex((h) => LABEL_NAMES.test(h)) ?? -1;
  if (named >= 0) return named;
  const text = (c: string | undefined) => c !== undefined && c !== '' && !isNumeric(c);
  if (cols > 1 && text(first[cols - 1])) return cols - 1;
  if (cols > 1 && text(first[0])) return 0;
  return -1;
}

/** Parses CSV/TSV text into samples and labels. `format` names the file kind in messages. */
export function parseLabeledTable(
  text: string,
  opts: { labelColumn?: LabelColumn; format?: string; delimiter?: string } = {},
): LabeledTable {
  const format = opts.format ?? 'csv';
  let rows = rowsOf(text, format, opts.delimiter);
  if (rows.length === 0 || rows.every((r) => r.every((c) => c === '')))
    throw new ArrayParseError(format, 'the file is empty');
  let header: string[] | null = null;
  // A header is a first row with no numbers in it at all.
  if (rows[0]!.every((c) => c !== '' && !isNumeric(c))) {
    header = rows[0]!;
    rows = rows.slice(1);
  }
  if (rows.length === 0) throw new ArrayParseError(format, 'no data rows after the header');
  const cols = (header ?? rows[0]!).length;
  const lineOf = (i: number) => i + 1 + (header ? 1 : 0);
  rows.forEach((r, i) => {
    if (r.length !== cols)
      throw new ArrayParseError(
        format,
        `ragged rows: row ${lineOf(i)} has ${r.length} columns, expected ${cols}`,
        { row: lineOf(i) },
      );
  });
  const li = pickLabel(header, rows[0]!, opts.labelColumn ?? 'auto', format);
  const L = cols - (li >= 0 ? 1 : 0);
  if (L < 1) throw new ArrayParseError(format, 'no sample columns besides the label column');
  const data = new Float64Array(rows.length * L);
  const labels: string[] | null = li >= 0 ? [] : null;
  rows.forEach((r, i) => {
    let k = 0;
    r.forEach((cell, j) => {
      if (j === li) {
        if (cell === '')
          throw new ArrayParseError(format, `empty label at row ${lineOf(i)}, col ${j + 1}`, {
            row: lineOf(i),
            col: j + 1,
          });
        labels!.push(cell);
        return;
      }
      const where = `row ${lineOf(i)}, col ${j + 1}`;
      if (cell === '')
        throw new ArrayParseError(format, `empty cell at ${where}`, { row: lineOf(i), col: j + 1 });
      if (NON_FINITE.test(cell))
        throw new ArrayParseError(format, `non-finite value "${cell}" at ${where}: values must be finite`, {
          row: lineOf(i),
          col: j + 1,
        });
      if (!NUMBER.test(cell)) {
        const shown = cell.length > 20 ? `${cell.slice(0, 20)}…` : cell;
        throw new ArrayParseError(format, `non-numeric cell "${shown}" at ${where}`, {
          row: lineOf(i),
          col: j + 1,
        });
      }
      const v = Number(cell);
      if (!Number.isFinite(v))
        throw new ArrayParseError(format, `value "${cell}" overflows float64 at ${where}`, {
          row: lineOf(i),
          col: j + 1,
        });
      data[i * L + k++] = v;
    });
  });
  return {
    data,
    shape: [rows.length, L],
    labels,
    labelName: li >= 0 ? (header?.[li] ?? `column ${li + 1}`) : null,
    header,
  };
}

/**
 * Cuts one long series into non-overlapping windows of `length` samples (the tail that does not fill a
 * window is dropped), so a single recording becomes N samples of a fixed length.
 */
export function windowSeries(
  series: Float64Array,
  length: number,
): { data: Float64Array; shape: [number, number] } {
  if (!Number.isInteger(length) || length < 2)
    throw new ArrayParseError('windows', `window length must be an integer ≥ 2, got ${length}`);
  const n = Math.floor(series.length / length);
  if (n < 1)
    throw new ArrayParseError(
      'windows',
      `the series has ${series.length} values, fewer than one window of ${length}`,
    );
  return { data: series.slice(0, n * length), shape: [n, length] };
}

/**
 * A labels file for images: rows "file name, label" (a header is allowed). Keys are base names without
 * folders, so "maps/a.png" in the file matches an uploaded "a.png".
 */
export function parseLabelsByName(text: string, format = 'labels csv'): Map<string, string> {
  const rows = rowsOf(text, format);
  if (rows.length === 0) throw new ArrayParseError(format, 'the labels file is empty');
  const out = new Map<string, string>();
  const looksLikeHeader = (r: string[]) => /^(file|filename|file_name|name|image|path)$/i.test(r[0] ?? '');
  rows.forEach((r, i) => {
    if (i === 0 && looksLikeHeader(r)) return;
    if (r.length < 2 || r[0] === '' || r[1] === '')
      throw new ArrayParseError(format, `row ${i + 1} needs "file name, label", got "${r.join(',')}"`, {
        row: i + 1,
      });
    out.set(baseName(r[0]!), r[1]!);
  });
  return out;
}

export function baseName(path: string): string {
  return path.split(/[\\/]/).pop()!;
}
