// Coefficient lists as JSON, in pywt's order: 1-D [cA_J, cD_J, …, cD_1] as number arrays;
// 2-D [cA_J, [cH_J, cV_J, cD_J], …, [cH_1, cV_1, cD_1]] with each band as rows.
import type { Array2D, Coeffs2D } from '../core/index.ts';
import { fromRows, toRows } from '../core/index.ts';
import { CliError } from './errors.ts';

export type Rows = number[][];
export type Coeffs2DJson = [Rows, ...Array<[Rows, Rows, Rows]>];

export function coeffs1DToJson(c: readonly Float64Array[]): number[][] {
  return c.map((a) => Array.from(a));
}

export function coeffs2DToJson(c: Coeffs2D): Coeffs2DJson {
  const [cA, ...details] = c;
  return [
    toRows(cA),
    ...details.map((d) => [toRows(d[0]), toRows(d[1]), toRows(d[2])] as [Rows, Rows, Rows]),
  ];
}

function numbers(v: unknown, where: string): Float64Array {
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'number' && Number.isFinite(x))) {
    throw new CliError(`${where}: expected an array of finite numbers`);
  }
  return Float64Array.from(v as number[]);
}

function band(v: unknown, where: string): Array2D {
  if (!Array.isArray(v) || v.length === 0) throw new CliError(`${where}: expected a non-empty array of rows`);
  const rows = v.map((r, i) => Array.from(numbers(r, `${where}[${i}]`)));
  if (rows.some((r) => r.length !== rows[0]!.length)) throw new CliError(`${where}: ragged rows`);
  return fromRows(rows);
}

/** True when coeffs look 2-D: cA is an array of rows. */
export function is2DCoeffs(v: unknown): boolean {
  return Array.isArray(v) && Array.isArray(v[0]) && Array.isArray((v[0] as unknown[])[0]);
}

export function coeffs1DFromJson(v: unknown, where: string): Float64Array[] {
  if (!Array.isArray(v) || v.length === 0)
    throw new CliError(`${where}: expected a non-empty list [cA_J, cD_J, ..., cD_1]`);
  return v.map((a, i) => numbers(a, `${where}[${i}]`));
}

export function coeffs2DFromJson(v: unknown, where: string): Coeffs2D {
  if (!Array.isArray(v) || v.length === 0)
    throw new CliError(`${where}: expected [cA_J, [cH_J, cV_J, cD_J], ...]`);
  const cA = band(v[0], `${where}[0]`);
  const details = v.slice(1).map((d, j) => {
    const w = `${where}[${j + 1}]`;
    if (!Array.isArray(d) || d.length !== 3) throw new CliError(`${w}: expected [cH, cV, cD]`);
    return [band(d[0], `${w}[0]`), band(d[1], `${w}[1]`), band(d[2], `${w}[2]`)] as [
      Array2D,
      Array2D,
      Array2D,
    ];
  });
  return [cA, ...details];
}
