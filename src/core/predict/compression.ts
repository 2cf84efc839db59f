// Compression measures of a wavelet representation (the paper's Table/Fig. "compression"): how few
// coefficients carry the signal. Inputs are flat coefficient vectors (concatenate a wavedec list with
// flattenCoeffs); dataset-level numbers are the mean over samples (meanOver).

/** Concatenate a list of bands (e.g. wavedec's output) into one vector. */
export function flattenCoeffs(bands: readonly ArrayLike<number>[]): Float64Array {
  let len = 0;
  for (const b of bands) len += b.length;
  const out = new Float64Array(len);
  let o = 0;
  for (const b of bands) {
    for (let i = 0; i < b.length; i++) out[o + i] = b[i];
    o += b.length;
  }
  return out;
}

/**
 * energyCount(c, fraction): the smallest m such that the m largest c_i² sum to ≥ fraction·Σc_i², and
 * m / c.length. An all-zero vector needs 0 coefficients.
 */
export function energyCount(c: ArrayLike<number>, fraction = 0.99): { count: number; fraction: number } {
  const e = Float64Array.from({ length: c.length }, (_, i) => c[i] * c[i])
    .sort()
    .reverse();
  let total = 0;
  for (const v of e) total += v;
  if (total === 0) return { count: 0, fraction: 0 };
  const target = fraction * total;
  let s = 0;
  let m = 0;
  // Tolerate the rounding of the running sum relative to the total (one ulp per term).
  while (m < e.length && s < target * (1 - 4 * Number.EPSILON * e.length)) s += e[m++];
  return { count: m, fraction: m / c.length };
}

/** fractionAbove(a, eps): the fraction of entries with |a_i| > eps (e.g. attributions). */
export function fractionAbove(a: ArrayLike<number>, eps: number): number {
  if (a.length === 0) return 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) if (Math.abs(a[i]) > eps) k++;
  return k / a.length;
}

/** meanOver(rows, f): the mean of f over the rows (per-sample measure → dataset measure). */
export function meanOver<T>(rows: readonly T[], f: (row: T) => number): number {
  if (rows.length === 0) return Number.NaN;
  let s = 0;
  for (const r of rows) s += f(r);
  return s / rows.length;
}
