// The distilled 1-D predictors (float64, core maths), each fitted on the training rows and timed on
// the held-out rows:
//  • top-k per scale + ridge (awave's biology pipeline, notebooks/biology/feature_transform.py): the k
//    largest coefficients of every band of the wavelet, ridge with the λ chosen by k-fold CV;
//  • top attributed coefficients + linear: the m ≤ 10 flat coefficient positions with the largest mean
//    |attribution| over the training rows (the positions the teacher relies on, seen through this
//    wavelet), then a linear model on those m coefficients;
//  • raw ridge: the same ridge on the raw samples (no transform), the linear baseline.
import { flattenCoeffs } from '../../core/predict/compression.ts';
import { predictLinear, ridgeCV } from '../../core/predict/linear.ts';
import { topkFeatures, type TopkBy } from '../../core/predict/topk.ts';
import type { Mode } from '../../core/types.ts';
import { wavedec } from '../../core/wavedec.ts';
import { waveletFromH0 } from '../../core/wavelets.ts';
import { pick, rowsOf, type Split3 } from './splits.ts';

export interface Data1d {
  /** n × L, row-major. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  readonly n: number;
  readonly L: number;
}

export interface RidgeOptions {
  readonly lambdas: readonly number[];
  readonly folds: number;
  readonly seed: number;
}

export const DEFAULT_RIDGE: RidgeOptions = {
  lambdas: [0, 1e-4, 1e-3, 1e-2, 1e-1, 1, 10, 100, 1000],
  folds: 5,
  seed: 1,
};

/** A fitted predictor's held-out predictions, inference cost and facts for the table. */
export interface Fitted {
  readonly yhat: Float64Array;
  readonly msPerSample: number;
  /** Linear weights + intercept (filter taps are counted by the caller). */
  readonly modelParams: number;
  readonly details: Record<string, unknown>;
}

export type Clock = () => number;

/** Flat pywt-order coefficient rows (n × P) of every signal under the wavelet h0. */
export function coeffRows1d(
  x: Float64Array,
  n: number,
  L: number,
  h0: ArrayLike<number>,
  mode: Mode,
  level: number,
) {
  const w = waveletFromH0(h0);
  const first = wavedec(x.subarray(0, L), w, mode, level);
  const P = first.reduce((s, b) => s + b.length, 0);
  const out = new Float64Array(n * P);
  out.set(flattenCoeffs(first), 0);
  for (let i = 1; i < n; i++)
    out.set(flattenCoeffs(wavedec(x.subarray(i * L, (i + 1) * L), w, mode, level)), i * P);
  return { rows: out, P, bandLengths: first.map((b) => b.length) };
}

function fitRidge(Xtr: Float64Array, ntr: number, p: number, ytr: Float64Array, r: RidgeOptions) {
  return ridgeCV(Xtr, ntr, p, ytr, r.lambdas, Math.min(r.folds, ntr), r.seed).model;
}

/** Top-k per scale of the wavelet h0 + ridge CV. */
export function topkRidge(
  d: Data1d,
  split: Split3,
  h0: ArrayLike<number>,
  o: { mode: Mode; level: number; k: number; by: TopkBy; ridge: RidgeOptions },
  now: Clock,
): Fitted {
  const w = waveletFromH0(h0);
  const feats = (x: Float64Array, m: number) => topkFeatures(x, m, d.L, w, o.level, o.k, o.by, o.mode);
  const p = (o.level + 1) * o.k;
  const model = fitRidge(
    feats(rowsOf(d.x, d.L, split.train), split.train.length),
    split.train.length,
    p,
    pick(d.y, split.train),
    o.ridge,
  );
  const xte = rowsOf(d.x, d.L, split.test);
  const t0 = now();
  const yhat = predictLinear(model, feats(xte, split.test.length), split.test.length);
  const ms = (now() - t0) / split.test.length;
  return {
    yhat,
    msPerSample: ms,
    modelParams: p + 1,
    details: { k: o.k, by: o.by, ridge_lambda: model.lambda },
  };
}

/** Flat positions of the m largest mean |attribution| over the rows `idx` (ties: lower position). */
export function topAttributedPositions(
  attr: Float64Array,
  P: number,
  idx: ArrayLike<number>,
  m: number,
): number[] {
  const mean = new Float64Array(P);
  for (let r = 0; r < idx.length; r++) {
    const o = idx[r]! * P;
    for (let j = 0; j < P; j++) mean[j]! += Math.abs(attr[o + j]!) / idx.length;
  }
  return Array.from({ length: P }, (_, j) => j)
    .sort((a, b) => mean[b]! - mean[a]! || a - b)
    .slice(0, Math.min(m, P));
}

/** Linear model (ridge CV) on the coefficients at `positions` of the wavelet h0. */
export function positionsLinear(
  d: Data1d,
  split: Split3,
  h0: ArrayLike<number>,
  positions: readonly number[],
  o: { mode: Mode; level: number; ridge: RidgeOptions },
  now: Clock,
): Fitted {
  const m = positions.length;
  const select = (x: Float64Array, count: number) => {
    const { rows, P } = coeffRows1d(x, count, d.L, h0, o.mode, o.level);
    const out = new Float64Array(count * m);
    for (let i = 0; i < count; i++) for (let j = 0; j < m; j++) out[i * m + j] = rows[i * P + positions[j]!]!;
    return out;
  };
  const model = fitRidge(
    select(rowsOf(d.x, d.L, split.train), split.train.length),
    split.train.length,
    m,
    pick(d.y, split.train),
    o.ridge,
  );
  const xte = rowsOf(d.x, d.L, split.test);
  const t0 = now();
  const yhat = predictLinear(model, select(xte, split.test.length), split.test.length);
  const ms = (now() - t0) / split.test.length;
  return {
    yhat,
    msPerSample: ms,
    modelParams: m + 1,
    details: { ridge_lambda: model.lambda, coef: Array.from(model.coef) },
  };
}

/** Ridge CV on the raw samples. */
export function rawRidge(d: Data1d, split: Split3, ridge: RidgeOptions, now: Clock): Fitted {
  const model = fitRidge(
    rowsOf(d.x, d.L, split.train),
    split.train.length,
    d.L,
    pick(d.y, split.train),
    ridge,
  );
  const xte = rowsOf(d.x, d.L, split.test);
  const t0 = now();
  const yhat = predictLinear(model, xte, split.test.length);
  return {
    yhat,
    msPerSample: (now() - t0) / split.test.length,
    modelParams: d.L + 1,
    details: { ridge_lambda: model.lambda },
  };
}
