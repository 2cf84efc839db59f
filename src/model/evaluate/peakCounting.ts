// Peak counting on 2-D maps (awave notebooks/cosmology/peak_counting.py, core's PeakCount maths): peaks
// of the raw map, each filter's response read at the peaks and histogrammed, χ² against every
// cosmology's mean histogram, the nearest cosmology's Ω_m is the prediction.
// One deviation from awave, on purpose: awave bins every filter on one fixed grid (np.linspace(−0.03,
// 0.19, 23)), tuned to its raw maps; wavelet and Laplace responses have other ranges, so a shared grid
// would drop most of their peaks. Here each filter gets its own `bins` equal-width bins spanning the
// [q, 1 − q] quantiles of its responses at the TRAINING maps' peaks (so test data never shapes the bins).
import { findPeaks, valuesAt } from '../../core/predict/peaks.ts';
import {
  fitPeakCount,
  histogram,
  linspace,
  predictPeakCount,
  type MapFilter,
} from '../../core/predict/peakCount.ts';
import type { Clock } from './predictors1d.ts';
import { type Split3 } from './splits.ts';

export interface Data2d {
  /** n maps of H × W, row-major. */
  readonly x: Float64Array;
  /** Target per map (Ω_m). */
  readonly y: Float64Array;
  /** Class (cosmology) per map: the peak-count model's classes. */
  readonly labels: Int32Array;
  readonly n: number;
  readonly H: number;
  readonly W: number;
}

export interface PeakOptions {
  /** Bins per filter (default 10). */
  readonly bins: number;
  /** Tail fraction left out of each filter's bin range (default 0.005). */
  readonly quantile: number;
}

export const DEFAULT_PEAKS: PeakOptions = { bins: 10, quantile: 0.005 };

/** Filter responses at the raw map's peaks, per map and filter. */
function peakValues(d: Data2d, idx: ArrayLike<number>, filters: readonly MapFilter[]): Float64Array[][] {
  const px = d.H * d.W;
  return Array.from({ length: idx.length }, (_, r) => {
    const m = d.x.subarray(idx[r]! * px, (idx[r]! + 1) * px);
    const peaks = findPeaks(m, d.H, d.W);
    return filters.map((f) => valuesAt(f(m, d.H, d.W), peaks));
  });
}

function quantile(sorted: Float64Array, q: number): number {
  const pos = q * (sorted.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return sorted[lo]! + (pos - lo) * (sorted[hi]! - sorted[lo]!);
}

/** Per filter: `bins`+1 equal-width edges over the [q, 1−q] quantiles of the pooled values. */
export function peakEdges(values: Float64Array[][], filters: number, o: PeakOptions): Float64Array[] {
  return Array.from({ length: filters }, (_, f) => {
    const all = Float64Array.from(values.flatMap((perMap) => Array.from(perMap[f]!))).sort();
    if (all.length === 0) throw new Error('peakEdges: the training maps have no peaks');
    let lo = quantile(all, o.quantile);
    let hi = quantile(all, 1 - o.quantile);
    if (!(hi > lo)) [lo, hi] = [lo - 0.5, lo + 0.5]; // a constant response: one bin holds it
    return linspace(lo, hi, o.bins + 1);
  });
}

function features(values: Float64Array[][], edges: Float64Array[]): Float64Array {
  const nb = edges[0]!.length - 1;
  const dim = edges.length * nb;
  const out = new Float64Array(values.length * dim);
  values.forEach((perMap, i) => perMap.forEach((v, f) => out.set(histogram(v, edges[f]!), i * dim + f * nb)));
  return out;
}

export interface PeakFitted {
  readonly yhat: Float64Array;
  readonly labelHat: Int32Array;
  readonly msPerSample: number;
  readonly modelParams: number;
  readonly details: Record<string, unknown>;
}

/** Fit the peak-count model on the training maps with `filters`; predict the test maps (timed). */
export function peakCount(
  d: Data2d,
  split: Split3,
  filters: readonly MapFilter[],
  o: PeakOptions,
  now: Clock,
): PeakFitted {
  const trVals = peakValues(d, split.train, filters);
  const edges = peakEdges(trVals, filters.length, o);
  const dim = filters.length * o.bins;
  const model = fitPeakCount(
    features(trVals, edges),
    split.train.length,
    dim,
    Array.from(split.train, (i) => d.labels[i]!),
    Array.from(split.train, (i) => d.y[i]!),
  );
  const t0 = now();
  const pred = predictPeakCount(
    model,
    features(peakValues(d, split.test, filters), edges),
    split.test.length,
  );
  const ms = (now() - t0) / split.test.length;
  const classes = model.labels.length;
  return {
    yhat: pred.prediction,
    labelHat: pred.label,
    msPerSample: ms,
    // Per class: the mean histogram and the symmetric pseudo-inverse covariance.
    modelParams: classes * (dim + (dim * (dim + 1)) / 2),
    details: {
      bins: o.bins,
      quantile: o.quantile,
      filters: filters.length,
      classes,
      edges: edges.map((e) => [e[0], e.at(-1)]),
    },
  };
}
