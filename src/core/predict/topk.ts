// Top-k-per-scale features for the 1-D distilled predictor, as awave's biology notebooks
// (notebooks/biology/feature_transform.py, `max_fun` / `max_transformer`): for every band of the
// wavelet transform, the k coefficients that are largest by value (or by |value|), kept SIGNED, in
// decreasing order of the criterion; bands concatenated. awave's band order is its DWT1d tuple
// (cA, cD_1 … cD_J); ours is wavedec's (cA_J, cD_J … cD_1) — only the feature order differs.
import type { Mode, WaveletLike } from '../types.ts';
import { apiError } from '../validate.ts';
import { wavedec } from '../wavedec.ts';
import { resolveWavelet } from '../wavelets.ts';

export type TopkBy = 'value' | 'abs';

/**
 * topk(values, k, by): the k entries with the largest value ('value') or magnitude ('abs'), signed, in
 * decreasing order of that criterion. Ties go to the larger index first (numpy's argsort(…)[::-1]).
 */
export function topk(values: ArrayLike<number>, k: number, by: TopkBy = 'value'): Float64Array {
  if (!Number.isInteger(k) || k < 1 || k > values.length)
    throw apiError('topk', `k must be an integer in [1, ${values.length}] (the band length), got ${k}`);
  const key = (i: number): number => (by === 'abs' ? Math.abs(values[i]) : values[i]);
  const idx = Array.from({ length: values.length }, (_, i) => i).sort((a, b) => key(b) - key(a) || b - a);
  const out = new Float64Array(k);
  for (let t = 0; t < k; t++) out[t] = values[idx[t]];
  return out;
}

/** topkPerScale(coeffs, k, by): topk of every band of a wavedec list, concatenated (bands·k values). */
export function topkPerScale(
  coeffs: readonly ArrayLike<number>[],
  k: number,
  by: TopkBy = 'value',
): Float64Array {
  const out = new Float64Array(coeffs.length * k);
  coeffs.forEach((band, b) => out.set(topk(band, k, by), b * k));
  return out;
}

/**
 * topkFeatures(x, n, length, wavelet, level, k, by, mode): the n × ((level+1)·k) row-major feature
 * matrix of the rows of x (n·length) under wavedec(row, wavelet, mode, level).
 */
export function topkFeatures(
  x: Float64Array,
  n: number,
  length: number,
  wavelet: WaveletLike,
  level: number,
  k: number,
  by: TopkBy = 'value',
  mode: Mode = 'zero',
): Float64Array {
  if (x.length !== n * length)
    throw apiError('topkFeatures', `x must hold n·length = ${n * length} values, got ${x.length}`);
  const w = resolveWavelet('topkFeatures', wavelet);
  const F = (level + 1) * k;
  const out = new Float64Array(n * F);
  for (let i = 0; i < n; i++)
    out.set(topkPerScale(wavedec(x.subarray(i * length, (i + 1) * length), w, mode, level), k, by), i * F);
  return out;
}
