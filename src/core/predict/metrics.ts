// Held-out metrics with bootstrap standard errors. awave reports RMSE ± the standard deviation of the
// RMSE over bootstrap resamples of the test set (notebooks/cosmology/eval_cosmology.py,
// `rmse_bootstrap`: m = 10000 resamples of size n with replacement, np.std with divisor m, seed 1).
// We do the same with our seeded RNG (default 1000 resamples: the SE's own relative error is then
// ≈ 1/√(2·1000) ≈ 2%, plenty for display).
import { createRng } from '../rng.ts';
import { apiError } from '../validate.ts';

function check(fn: string, y: ArrayLike<number>, yhat: ArrayLike<number>): void {
  if (y.length !== yhat.length)
    throw apiError(fn, `y and prediction lengths differ (${y.length} vs ${yhat.length})`);
  if (y.length < 1) throw apiError(fn, 'empty input');
}

/** Root mean squared error √(mean (y − ŷ)²). */
export function rmse(y: ArrayLike<number>, yhat: ArrayLike<number>): number {
  check('rmse', y, yhat);
  let s = 0;
  for (let i = 0; i < y.length; i++) s += (y[i] - yhat[i]) ** 2;
  return Math.sqrt(s / y.length);
}

/** Mean absolute error. */
export function mae(y: ArrayLike<number>, yhat: ArrayLike<number>): number {
  check('mae', y, yhat);
  let s = 0;
  for (let i = 0; i < y.length; i++) s += Math.abs(y[i] - yhat[i]);
  return s / y.length;
}

/**
 * Coefficient of determination 1 − SS_res/SS_tot (sklearn's r2_score; can be negative). A constant y
 * gives 1 when predicted exactly, else 0 — sklearn's convention.
 */
export function r2(y: ArrayLike<number>, yhat: ArrayLike<number>): number {
  check('r2', y, yhat);
  let m = 0;
  for (let i = 0; i < y.length; i++) m += y[i];
  m /= y.length;
  let ssRes = 0;
  let ssTot = 0;
  for (let i = 0; i < y.length; i++) {
    ssRes += (y[i] - yhat[i]) ** 2;
    ssTot += (y[i] - m) ** 2;
  }
  if (ssTot === 0) return ssRes === 0 ? 1 : 0;
  return 1 - ssRes / ssTot;
}

/** Fraction of exact matches (class labels). */
export function accuracy(y: ArrayLike<number>, yhat: ArrayLike<number>): number {
  check('accuracy', y, yhat);
  let k = 0;
  for (let i = 0; i < y.length; i++) if (y[i] === yhat[i]) k++;
  return k / y.length;
}

export type Metric = (y: ArrayLike<number>, yhat: ArrayLike<number>) => number;

/** A metric value and its bootstrap standard error. */
export interface WithSE {
  readonly value: number;
  readonly se: number;
  readonly reps: number;
}

/**
 * bootstrapSE(y, yhat, metric, reps, seed): metric on the full set, and the standard deviation
 * (divisor reps, as np.std) of the metric over `reps` resamples of the n pairs with replacement.
 */
export function bootstrapSE(
  y: ArrayLike<number>,
  yhat: ArrayLike<number>,
  metric: Metric,
  reps = 1000,
  seed = 1,
): WithSE {
  check('bootstrapSE', y, yhat);
  if (!Number.isInteger(reps) || reps < 2)
    throw apiError('bootstrapSE', `reps must be an integer ≥ 2, got ${reps}`);
  const n = y.length;
  const rng = createRng(seed);
  const ys = new Float64Array(n);
  const ps = new Float64Array(n);
  let s = 0;
  let s2 = 0;
  for (let r = 0; r < reps; r++) {
    for (let i = 0; i < n; i++) {
      const j = rng.int(n);
      ys[i] = y[j];
      ps[i] = yhat[j];
    }
    const v = metric(ys, ps);
    s += v;
    s2 += v * v;
  }
  const mean = s / reps;
  return { value: metric(y, yhat), se: Math.sqrt(Math.max(0, s2 / reps - mean * mean)), reps };
}
