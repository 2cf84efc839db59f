// Peak-count predictor, as awave's PeakCount (notebooks/cosmology/peak_counting.py):
//   features  — for each map: strict 8-neighbour peaks of the RAW map; for each filter, the filtered map
//               read at those peaks, histogrammed on fixed bin edges (numpy.histogram rules); the
//               per-filter histograms are concatenated (np.hstack);
//   fit       — per class (cosmology): mean feature vector and pinv(np.cov(features)) (divisor n−1);
//   predict   — χ²_c = (f − μ_c)ᵀ Σ_c⁺ (f − μ_c) for each class, argmin; the prediction is that class's
//               target (awave returns the class's parameter tuple, ties to the first in sorted order).
import type { Array2D } from '../types.ts';
import { covariance, pinvSym } from '../linalg.ts';
import { apiError } from '../validate.ts';
import { correlate2d, robertsCross, type Boundary } from './conv2d.ts';
import { kernelList, laplaceV1, laplaceV2, waveletKernels3x3, waveletKernelsFull } from './kernels.ts';
import { findPeaks, valuesAt } from './peaks.ts';

/** A map → same-size filtered map, read at the raw map's peaks. */
export type MapFilter = (x: Float64Array, rows: number, cols: number) => Float64Array;

/** numpy.linspace(start, stop, num) (endpoint included). */
export function linspace(start: number, stop: number, num: number): Float64Array {
  const out = new Float64Array(num);
  for (let i = 0; i < num; i++) out[i] = num === 1 ? start : start + ((stop - start) * i) / (num - 1);
  if (num > 1) out[num - 1] = stop;
  return out;
}

/**
 * histogram(values, edges): numpy.histogram(values, bins=edges)[0] — bins [e_i, e_{i+1}), the last one
 * closed [e_{m−1}, e_m]; values outside [e_0, e_m] are not counted. Edges strictly increasing.
 */
export function histogram(values: ArrayLike<number>, edges: ArrayLike<number>): Float64Array {
  const m = edges.length - 1;
  if (m < 1) throw apiError('histogram', `need at least 2 edges, got ${edges.length}`);
  for (let i = 0; i < m; i++)
    if (!(edges[i + 1] > edges[i])) throw apiError('histogram', 'edges must be strictly increasing');
  const counts = new Float64Array(m);
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (!(v >= edges[0] && v <= edges[m])) continue;
    if (v === edges[m]) {
      counts[m - 1]++;
      continue;
    }
    let lo = 0;
    let hi = m; // invariant: edges[lo] ≤ v < edges[hi]
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (v >= edges[mid]) lo = mid;
      else hi = mid;
    }
    counts[lo]++;
  }
  return counts;
}

/** Raw peak heights (awave 'original'). */
export const rawFilter: MapFilter = (x) => x;

/** Filter by correlation with `kernel` (awave 'custom' kernels, and the Laplace baselines). */
export function kernelFilter(kernel: Array2D, boundary: Boundary = 'zero'): MapFilter {
  return (x, rows, cols) => correlate2d(x, rows, cols, kernel, boundary);
}

/** awave's baselines by name: 'raw', 'laplace_v1', 'laplace_v2', 'roberts_cross'. */
export function baselineFilter(name: 'raw' | 'laplace_v1' | 'laplace_v2' | 'roberts_cross'): MapFilter {
  switch (name) {
    case 'raw':
      return rawFilter;
    case 'laplace_v1':
      return kernelFilter(laplaceV1());
    case 'laplace_v2':
      return kernelFilter(laplaceV2());
    case 'roberts_cross':
      return robertsCross;
    default: {
      const never: never = name;
      throw apiError('baselineFilter', `unknown baseline ${String(never)}`);
    }
  }
}

/**
 * waveletFilters(h0, variant, boundary): the four LL/LH/HL/HH filters of a lowpass h0 (awave's h0 =
 * pywt rec_lo) — '3x3' = awave's extract_patches kernels (centred), 'full' = the K×K outer products.
 * The fixed-db5 baseline is waveletFilters(getWavelet('db5').recLo).
 */
export function waveletFilters(
  h0: ArrayLike<number>,
  variant: '3x3' | 'full' = '3x3',
  boundary: Boundary = 'zero',
): MapFilter[] {
  const k = variant === '3x3' ? waveletKernels3x3(h0) : waveletKernelsFull(h0);
  return kernelList(k).map((kk) => kernelFilter(kk, boundary));
}

/**
 * peakCountFeatures(maps, n, rows, cols, filters, edges): an n × (filters.length·(edges.length−1))
 * row-major feature matrix; row i = concatenated peak histograms of map i (maps: n·rows·cols).
 */
export function peakCountFeatures(
  maps: Float64Array,
  n: number,
  rows: number,
  cols: number,
  filters: readonly MapFilter[],
  edges: ArrayLike<number>,
): Float64Array {
  const px = rows * cols;
  if (maps.length !== n * px)
    throw apiError('peakCountFeatures', `maps must hold n·rows·cols = ${n * px} values, got ${maps.length}`);
  const nb = edges.length - 1;
  const F = filters.length * nb;
  const out = new Float64Array(n * F);
  for (let i = 0; i < n; i++) {
    const m = maps.subarray(i * px, (i + 1) * px);
    const peaks = findPeaks(m, rows, cols);
    filters.forEach((f, fi) => out.set(histogram(valuesAt(f(m, rows, cols), peaks), edges), i * F + fi * nb));
  }
  return out;
}

/** A fitted peak-count model: per class mean histogram and pseudo-inverse covariance. */
export interface PeakCountModel {
  readonly dim: number;
  /** Class labels, ascending (awave sorts its parameter tuples). */
  readonly labels: Int32Array;
  /** Target value of each class (e.g. Ω_m). */
  readonly targets: Float64Array;
  readonly means: Float64Array[];
  readonly invCovs: Float64Array[];
}

/**
 * fitPeakCount(features, n, dim, labels, y): class means and pinv of the class covariances (numpy.cov,
 * divisor n_c − 1; each class needs ≥ 2 samples). y[i] is sample i's target; a class's target is that
 * of its first sample.
 */
export function fitPeakCount(
  features: Float64Array,
  n: number,
  dim: number,
  labels: ArrayLike<number>,
  y: ArrayLike<number>,
): PeakCountModel {
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < n; i++) {
    const l = labels[i];
    const list = byClass.get(l);
    if (list) list.push(i);
    else byClass.set(l, [i]);
  }
  const sorted = [...byClass.keys()].sort((a, b) => a - b);
  const means: Float64Array[] = [];
  const invCovs: Float64Array[] = [];
  const targets = new Float64Array(sorted.length);
  sorted.forEach((l, c) => {
    const idx = byClass.get(l) ?? [];
    if (idx.length < 2)
      throw apiError('fitPeakCount', `class ${l} has ${idx.length} sample(s); need ≥ 2 for a covariance`);
    const X = new Float64Array(idx.length * dim);
    idx.forEach((i, r) => X.set(features.subarray(i * dim, (i + 1) * dim), r * dim));
    const { cov, mean } = covariance(X, idx.length, dim);
    means.push(mean);
    invCovs.push(pinvSym(cov, dim));
    targets[c] = y[idx[0]];
  });
  return { dim, labels: Int32Array.from(sorted), targets, means, invCovs };
}

/**
 * predictPeakCount(model, features, n): for each sample the χ² against every class (n × classes,
 * row-major), the argmin class's label and its target.
 */
export function predictPeakCount(
  model: PeakCountModel,
  features: Float64Array,
  n: number,
): { chi2: Float64Array; label: Int32Array; prediction: Float64Array } {
  const { dim, means, invCovs } = model;
  const C = means.length;
  const chi2 = new Float64Array(n * C);
  const label = new Int32Array(n);
  const prediction = new Float64Array(n);
  const d = new Float64Array(dim);
  for (let i = 0; i < n; i++) {
    let best = 0;
    for (let c = 0; c < C; c++) {
      for (let a = 0; a < dim; a++) d[a] = features[i * dim + a] - means[c][a];
      const P = invCovs[c];
      let q = 0;
      for (let a = 0; a < dim; a++) {
        if (d[a] === 0) continue;
        let s = 0;
        for (let b = 0; b < dim; b++) s += P[a * dim + b] * d[b];
        q += d[a] * s;
      }
      chi2[i * C + c] = q;
      if (q < chi2[i * C + best]) best = c;
    }
    label[i] = model.labels[best];
    prediction[i] = model.targets[best];
  }
  return { chi2, label, prediction };
}
