// Least squares and ridge regression with k-fold cross-validation over a λ grid, for the 1-D distilled
// predictor (top-k wavelet features → target). The intercept is never penalised: X and y are centred,
// w solves (XcᵀXc + λI) w = Xcᵀyc by Cholesky, b = ȳ − x̄ᵀw (sklearn's Ridge objective
// ‖y − b − Xw‖² + λ‖w‖²). With p ≲ 100 features the normal equations are cheap; when XcᵀXc is singular
// at λ = 0 the minimum-norm solution w = (XcᵀXc)⁺ Xcᵀyc is used instead.
import { cholesky, choleskySolve, pinvSym, matVec } from '../linalg.ts';
import { kFoldIndices } from '../rng.ts';
import { apiError } from '../validate.ts';

export interface LinearModel {
  readonly coef: Float64Array;
  readonly intercept: number;
  readonly lambda: number;
}

/**
 * fitLinear(X, n, p, y, lambda, intercept): ridge (lambda > 0) or ordinary least squares (lambda = 0) on
 * the row-major n×p matrix X. `intercept: false` fits through the origin.
 */
export function fitLinear(
  X: ArrayLike<number>,
  n: number,
  p: number,
  y: ArrayLike<number>,
  lambda = 0,
  intercept = true,
): LinearModel {
  const fn = 'fitLinear';
  if (X.length !== n * p) throw apiError(fn, `X must hold n·p = ${n * p} values, got ${X.length}`);
  if (y.length !== n) throw apiError(fn, `y must hold n = ${n} values, got ${y.length}`);
  if (!(lambda >= 0)) throw apiError(fn, `lambda must be ≥ 0, got ${lambda}`);
  const xm = new Float64Array(p);
  let ym = 0;
  if (intercept) {
    for (let i = 0; i < n; i++) {
      ym += y[i];
      for (let j = 0; j < p; j++) xm[j] += X[i * p + j];
    }
    ym /= n;
    for (let j = 0; j < p; j++) xm[j] /= n;
  }
  const G = new Float64Array(p * p);
  const r = new Float64Array(p);
  const d = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) d[j] = X[i * p + j] - xm[j];
    const yi = y[i] - ym;
    for (let a = 0; a < p; a++) {
      r[a] += d[a] * yi;
      for (let b = a; b < p; b++) G[a * p + b] += d[a] * d[b];
    }
  }
  for (let a = 0; a < p; a++) {
    G[a * p + a] += lambda;
    for (let b = 0; b < a; b++) G[a * p + b] = G[b * p + a];
  }
  // Pivots below 1e-12 of the largest diagonal mean XcᵀXc + λI is singular to working precision.
  const L = cholesky(G, p, 1e-12);
  const coef = L ? choleskySolve(L, r, p) : matVec(pinvSym(G, p, 1e-12), p, p, r);
  let b0 = ym;
  for (let j = 0; j < p; j++) b0 -= xm[j] * coef[j];
  return { coef, intercept: b0, lambda };
}

/** predictLinear(model, X, n): X w + b for the n rows of X. */
export function predictLinear(model: LinearModel, X: ArrayLike<number>, n: number): Float64Array {
  const p = model.coef.length;
  const out = matVec(X, n, p, model.coef);
  for (let i = 0; i < n; i++) out[i] += model.intercept;
  return out;
}

/** Rows `idx` of the row-major n×p matrix X. */
export function takeRows(X: ArrayLike<number>, p: number, idx: ArrayLike<number>): Float64Array {
  const out = new Float64Array(idx.length * p);
  for (let r = 0; r < idx.length; r++) for (let j = 0; j < p; j++) out[r * p + j] = X[idx[r] * p + j];
  return out;
}

export interface RidgeCVResult {
  readonly model: LinearModel;
  readonly lambdas: Float64Array;
  /** Mean validation MSE per λ (averaged over folds, each fold weighted by its size). */
  readonly cvMse: Float64Array;
}

/**
 * ridgeCV(X, n, p, y, lambdas, folds, seed): the λ with the lowest k-fold validation MSE (first on
 * ties), then a refit on all n rows. Folds come from kFoldIndices(n, folds, seed).
 */
export function ridgeCV(
  X: ArrayLike<number>,
  n: number,
  p: number,
  y: ArrayLike<number>,
  lambdas: ArrayLike<number> = [0, 1e-4, 1e-3, 1e-2, 1e-1, 1, 10, 100, 1000],
  folds = 5,
  seed = 1,
): RidgeCVResult {
  if (lambdas.length < 1) throw apiError('ridgeCV', 'need at least one λ');
  const parts = kFoldIndices(n, folds, seed);
  const cvMse = new Float64Array(lambdas.length);
  for (const val of parts) {
    const inVal = new Uint8Array(n);
    for (const i of val) inVal[i] = 1;
    const tr: number[] = [];
    for (let i = 0; i < n; i++) if (!inVal[i]) tr.push(i);
    const Xtr = takeRows(X, p, tr);
    const ytr = tr.map((i) => y[i]);
    const Xva = takeRows(X, p, val);
    for (let l = 0; l < lambdas.length; l++) {
      const pred = predictLinear(fitLinear(Xtr, tr.length, p, ytr, lambdas[l]), Xva, val.length);
      let se = 0;
      for (let t = 0; t < val.length; t++) se += (pred[t] - y[val[t]]) ** 2;
      cvMse[l] += se / n;
    }
  }
  let best = 0;
  for (let l = 1; l < lambdas.length; l++) if (cvMse[l] < cvMse[best]) best = l;
  return { model: fitLinear(X, n, p, y, lambdas[best]), lambdas: Float64Array.from(lambdas), cvMse };
}
