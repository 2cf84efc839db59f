// Compression columns of the evaluation table, from per-sample rows (coefficients or attributions):
// the mean over samples of core's energyCount(·, 0.99).fraction and of fractionAbove(|a| > ε).
// ε is relative by default — a fraction of each sample's largest |attribution| — because attributions
// of different wavelets (and of the teacher in input space) live on different scales; a fixed absolute
// ε would compare thresholds, not representations.
import { energyCount, fractionAbove } from '../../core/predict/compression.ts';
import type { Compression } from './types.ts';

export interface AttrThreshold {
  /** 'relative': ε = value · max_i |a_i| per sample; 'absolute': ε = value. */
  readonly kind: 'relative' | 'absolute';
  readonly value: number;
}

export const DEFAULT_ATTR_THRESHOLD: AttrThreshold = { kind: 'relative', value: 0.01 };

/** Mean fraction of coefficients carrying 99% of each row's energy (rows: n × P). */
export function meanEnergy99(rows: Float64Array, n: number, P: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += energyCount(rows.subarray(i * P, (i + 1) * P), 0.99).fraction;
  return s / n;
}

/** Mean fraction of entries with |a| above the threshold, per row. */
export function meanAttrAbove(rows: Float64Array, n: number, P: number, t: AttrThreshold): number {
  if (!(t.value >= 0)) throw new Error(`meanAttrAbove: threshold must be ≥ 0, got ${t.value}`);
  let s = 0;
  for (let i = 0; i < n; i++) {
    const row = rows.subarray(i * P, (i + 1) * P);
    let eps = t.value;
    if (t.kind === 'relative') {
      let m = 0;
      for (const v of row) m = Math.max(m, Math.abs(v));
      eps = t.value * m;
    }
    s += fractionAbove(row, eps);
  }
  return s / n;
}

export function compressionOf(
  coeffs: Float64Array | null,
  attributions: Float64Array | null,
  n: number,
  P: number,
  t: AttrThreshold,
): Compression {
  return {
    energy99: coeffs ? meanEnergy99(coeffs, n, P) : null,
    attrAbove: attributions ? meanAttrAbove(attributions, n, P, t) : null,
  };
}
