// Least squares / ridge vs closed forms, CV choice of λ, and the simulation's true coefficients.
import { describe, expect, it } from 'vitest';
import {
  createRng,
  endocytosis,
  fitLinear,
  matMul,
  pinvSym,
  predictLinear,
  r2,
  ridgeCV,
  simulate1d,
  splitIndices,
  takeRows,
  topkFeatures,
  wavedec,
} from '../../../../src/core/index.ts';
import { TOL_PREDICT } from '../../tolerances.ts';

function design(n: number, p: number, seed: number): { X: Float64Array; y: Float64Array; w: number[] } {
  const rng = createRng(seed);
  const X = rng.normals(n * p);
  const w = Array.from({ length: p }, (_, j) => j - p / 2);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    y[i] = 0.7 + 0.05 * rng.normal();
    for (let j = 0; j < p; j++) y[i] += X[i * p + j] * w[j];
  }
  return { X, y, w };
}

describe('fitLinear', () => {
  it('ridge equals (XcᵀXc + λI)⁻¹Xcᵀyc with an unpenalised intercept', () => {
    const n = 60;
    const p = 4;
    const { X, y } = design(n, p, 1);
    const lambda = 3.5;
    // Closed form, computed independently: centre, form the system, invert with pinvSym.
    const xm = new Array<number>(p).fill(0);
    let ym = 0;
    for (let i = 0; i < n; i++) {
      ym += y[i] / n;
      for (let j = 0; j < p; j++) xm[j] += X[i * p + j] / n;
    }
    const Xc = X.map((v, k) => v - xm[k % p]);
    const Xt = new Float64Array(p * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) Xt[j * n + i] = Xc[i * p + j];
    const G = matMul(Xt, Xc, p, n, p);
    for (let j = 0; j < p; j++) G[j * p + j] += lambda;
    const w = matMul(
      pinvSym(G, p),
      matMul(
        Xt,
        y.map((v) => v - ym),
        p,
        n,
        1,
      ),
      p,
      p,
      1,
    );
    const m = fitLinear(X, n, p, y, lambda);
    for (let j = 0; j < p; j++) expect(Math.abs(m.coef[j] - w[j])).toBeLessThan(TOL_PREDICT.ridge);
    const b = ym - xm.reduce((a, v, j) => a + v * w[j], 0);
    expect(Math.abs(m.intercept - b)).toBeLessThan(TOL_PREDICT.ridge);
  });

  it('least squares recovers exact coefficients; singular designs fall back to min-norm', () => {
    const n = 30;
    const p = 3;
    const rng = createRng(2);
    const X = rng.normals(n * p);
    const y = new Float64Array(n).map((_, i) => 1 + 2 * X[i * p] - X[i * p + 1] + 0.5 * X[i * p + 2]);
    const m = fitLinear(X, n, p, y);
    expect(Array.from(m.coef).map((v) => Number(v.toFixed(9)))).toEqual([2, -1, 0.5]);
    expect(m.intercept).toBeCloseTo(1, 9);
    // duplicate column: min-norm splits the weight equally
    const Xd = new Float64Array(n * 2).map((_, k) => X[Math.floor(k / 2) * p]);
    const md = fitLinear(
      Xd,
      n,
      2,
      y.map((_, i) => 3 * X[i * p]),
    );
    expect(md.coef[0]).toBeCloseTo(1.5, 8);
    expect(md.coef[1]).toBeCloseTo(1.5, 8);
    expect(Array.from(predictLinear(m, X.subarray(0, 3), 1))[0]).toBeCloseTo(y[0], 9);
  });
});

describe('ridgeCV', () => {
  it('prefers little shrinkage for a well-determined model and much for pure noise', () => {
    const { X, y } = design(200, 5, 3);
    const good = ridgeCV(X, 200, 5, y, [0, 0.1, 1000]);
    expect(good.model.lambda).toBeLessThan(1000);
    const noise = createRng(9).normals(200);
    const bad = ridgeCV(X, 200, 5, noise, [0, 1e6]);
    expect(bad.model.lambda).toBe(1e6);
    expect(bad.cvMse[1]).toBeLessThan(bad.cvMse[0]);
  });
});

describe('simulation: linear model on the true coefficients', () => {
  it('reaches R² ≥ 0.95 on held-out data', () => {
    const n = 1500;
    const d = simulate1d({ n, seed: 7 });
    const F = new Float64Array(n * 3);
    for (let i = 0; i < n; i++) {
      const c = wavedec(d.x.subarray(i * 64, (i + 1) * 64), 'db5', 'zero', 4)[d.truth.coeffIndex];
      F.set([c[7], c[8], c[9]], i * 3);
    }
    const { train, test } = splitIndices(n, 0.25, 7);
    const m = fitLinear(
      takeRows(F, 3, train),
      train.length,
      3,
      Array.from(train, (i) => d.y[i]),
    );
    const score = r2(
      Array.from(test, (i) => d.y[i]),
      predictLinear(m, takeRows(F, 3, test), test.length),
    );
    expect(score).toBeGreaterThanOrEqual(0.95);
    // and the weights are the amplitude 2
    for (const w of m.coef) expect(Math.abs(w - 2)).toBeLessThan(0.05);
  });
});

describe('endocytosis: top-k db5 features + ridge CV', () => {
  it('explains most of the held-out variance (seeded: R² ≈ 0.89)', () => {
    const n = 2000;
    const d = endocytosis({ n, seed: 2 });
    const k = 2;
    const F = topkFeatures(d.x, n, 40, 'db5', 4, k, 'value');
    const p = 5 * k;
    const { train, test } = splitIndices(n, 0.25, 1);
    const cv = ridgeCV(
      takeRows(F, p, train),
      train.length,
      p,
      Array.from(train, (i) => d.y[i]),
    );
    const score = r2(
      Array.from(test, (i) => d.y[i]),
      predictLinear(cv.model, takeRows(F, p, test), test.length),
    );
    expect(score).toBeGreaterThan(0.8);
    expect(score).toBeLessThan(0.99); // non-linear target: a linear model should not be perfect
  });
});
