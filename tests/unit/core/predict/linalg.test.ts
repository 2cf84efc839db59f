// Symmetric eigensolver, pseudo-inverse (Moore–Penrose conditions), Cholesky, covariance.
import { describe, expect, it } from 'vitest';
import {
  cholesky,
  choleskySolve,
  covariance,
  createRng,
  matMul,
  pinvSym,
  symEig,
} from '../../../../src/core/index.ts';
import { TOL_PREDICT } from '../../tolerances.ts';

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};

/** B Bᵀ for a random n×r B: symmetric PSD of rank r. */
function lowRank(n: number, r: number, seed: number): Float64Array {
  const B = createRng(seed).normals(n * r);
  const Bt = new Float64Array(r * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < r; j++) Bt[j * n + i] = B[i * r + j];
  return matMul(B, Bt, n, r, n);
}

describe('symEig', () => {
  it('A V = V Λ, VᵀV = I, eigenvalues descending and matching a 2×2 by hand', () => {
    const n = 10;
    const A = lowRank(n, n, 1);
    const { values, vectors } = symEig(A, n);
    const AV = matMul(A, vectors, n, n, n);
    const VL = vectors.map((v, k) => v * values[k % n]);
    expect(maxDiff(AV, VL)).toBeLessThan(TOL_PREDICT.linalg * 100);
    const Vt = new Float64Array(n * n);
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) Vt[j * n + i] = vectors[i * n + j];
    const I = Array.from({ length: n * n }, (_, k) => (k % (n + 1) === 0 ? 1 : 0));
    expect(maxDiff(matMul(Vt, vectors, n, n, n), I)).toBeLessThan(TOL_PREDICT.linalg);
    for (let k = 1; k < n; k++) expect(values[k]).toBeLessThanOrEqual(values[k - 1]);
    // [[2, 1], [1, 2]] has eigenvalues 3 and 1.
    const e = symEig([2, 1, 1, 2], 2).values;
    expect(maxDiff(e, [3, 1])).toBeLessThan(TOL_PREDICT.linalg);
  });
});

describe('pinvSym', () => {
  it('satisfies the four Moore–Penrose conditions on a rank-deficient matrix', () => {
    const n = 12;
    const A = lowRank(n, 5, 3);
    const P = pinvSym(A, n);
    const APA = matMul(matMul(A, P, n, n, n), A, n, n, n);
    const PAP = matMul(matMul(P, A, n, n, n), P, n, n, n);
    const AP = matMul(A, P, n, n, n);
    const APt = AP.map((_, k) => AP[(k % n) * n + Math.floor(k / n)]);
    expect(maxDiff(APA, A)).toBeLessThan(TOL_PREDICT.linalg * 100);
    expect(maxDiff(PAP, P)).toBeLessThan(TOL_PREDICT.linalg * 100);
    expect(maxDiff(AP, APt)).toBeLessThan(TOL_PREDICT.linalg * 100);
    // A P is the projector onto range(A): its trace is the rank.
    let tr = 0;
    for (let i = 0; i < n; i++) tr += AP[i * n + i];
    expect(tr).toBeCloseTo(5, 8);
  });

  it('equals the inverse for a full-rank matrix and 0 for the zero matrix', () => {
    const n = 6;
    const A = lowRank(n, n, 4);
    const P = pinvSym(A, n);
    const I = Array.from({ length: n * n }, (_, k) => (k % (n + 1) === 0 ? 1 : 0));
    expect(maxDiff(matMul(A, P, n, n, n), I)).toBeLessThan(TOL_PREDICT.linalg * 100);
    expect(Array.from(pinvSym(new Float64Array(9), 3))).toEqual(new Array(9).fill(0));
  });
});

describe('cholesky / covariance', () => {
  it('solves SPD systems and reports non-SPD matrices', () => {
    const n = 5;
    const A = lowRank(n, n, 6);
    const L = cholesky(A, n);
    expect(L).not.toBeNull();
    const b = [1, 2, 3, 4, 5];
    const x = choleskySolve(L as Float64Array, b, n);
    expect(maxDiff(matMul(A, x, n, n, 1), b)).toBeLessThan(TOL_PREDICT.linalg * 100);
    expect(cholesky([1, 2, 2, 1], 2)).toBeNull();
    // singular in exact arithmetic, positive by rounding: rejected only with a relative floor
    expect(cholesky([1, 1, 1, 1 + 1e-15], 2)).not.toBeNull();
    expect(cholesky([1, 1, 1, 1 + 1e-15], 2, 1e-12)).toBeNull();
  });

  it('matches numpy.cov (divisor n − 1) on a hand example', () => {
    // rows (1, 2), (3, 6), (5, 7): means (3, 5); cov = [[4, 5], [5, 7]]
    const { cov, mean } = covariance([1, 2, 3, 6, 5, 7], 3, 2);
    expect(Array.from(mean)).toEqual([3, 5]);
    expect(maxDiff(cov, [4, 5, 5, 7])).toBeLessThan(TOL_PREDICT.linalg);
  });
});
