// Row-major float64 matrices: conversion from nested lists, validation, and cropping.
import type { Array2D } from './types.ts';
import { apiError } from './validate.ts';

function isArray2D(x: unknown): x is Array2D {
  return typeof x === 'object' && x !== null && 'rows' in x && 'cols' in x && 'data' in x;
}

/**
 * A validated Array2D from an Array2D or a list of equal-length rows (at least 1×1, every entry
 * finite). Errors name `fn` and the offending row or entry. An Array2D with a Float64Array is returned
 * as is (not copied); nested lists are copied.
 */
export function toArray2D(x: Array2D | ArrayLike<ArrayLike<number>>, fn: string, name = 'x'): Array2D {
  if (isArray2D(x)) {
    const { rows, cols, data } = x;
    if (!Number.isInteger(rows) || !Number.isInteger(cols) || rows < 1 || cols < 1)
      throw apiError(fn, `${name} must be at least 1×1, got ${String(rows)}×${String(cols)}`);
    if (!data || data.length !== rows * cols)
      throw apiError(fn, `${name}.data has ${data?.length} entries, expected rows·cols = ${rows * cols}`);
    const out = data instanceof Float64Array ? data : Float64Array.from(data as ArrayLike<number>);
    for (let i = 0; i < out.length; i++)
      if (!Number.isFinite(out[i]))
        throw apiError(
          fn,
          `${name}[${Math.floor(i / cols)}][${i % cols}] is not a finite number (${String(data[i])})`,
        );
    return out === data ? x : { rows, cols, data: out };
  }
  if (x === null || typeof x !== 'object' || typeof x.length !== 'number')
    throw apiError(fn, `${name} must be an Array2D or a list of rows, got ${x === null ? 'null' : typeof x}`);
  const rows = x.length;
  if (rows < 1) throw apiError(fn, `${name} has no rows`);
  const first = x[0];
  const cols = first && typeof first === 'object' ? first.length : -1;
  if (!(cols >= 1)) throw apiError(fn, `${name}[0] must be a non-empty row of numbers`);
  const data = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    const row = x[r];
    if (!row || typeof row !== 'object' || row.length !== cols)
      throw apiError(
        fn,
        `ragged rows: ${name}[${r}] has ${row && typeof row === 'object' ? row.length : 'no'} columns, ${name}[0] has ${cols}`,
      );
    for (let c = 0; c < cols; c++) {
      const v = row[c];
      if (typeof v !== 'number' || !Number.isFinite(v))
        throw apiError(fn, `${name}[${r}][${c}] is not a finite number (${String(v)})`);
      data[r * cols + c] = v;
    }
  }
  return { rows, cols, data };
}

/** An Array2D from a list of equal-length rows (validated as toArray2D). */
export function fromRows(rows: number[][]): Array2D {
  return toArray2D(rows, 'fromRows', 'rows');
}

/** The rows of `a` as plain number arrays. */
export function toRows(a: Array2D): number[][] {
  return Array.from({ length: a.rows }, (_, r) => Array.from(a.data.subarray(r * a.cols, (r + 1) * a.cols)));
}

/** The top-left rows×cols block of `a` (a copy; `a` itself when the shape already fits). */
export function crop(a: Array2D, rows: number, cols: number): Array2D {
  if (rows === a.rows && cols === a.cols) return a;
  const data = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) data.set(a.data.subarray(r * a.cols, r * a.cols + cols), r * cols);
  return { rows, cols, data };
}
