// Small dense float64 linear algebra for the distilled predictors: the symmetric eigensolver behind the
// pseudo-inverse of histogram covariances (numpy.linalg.pinv as awave's peak counting uses it), and
// Cholesky solves for least squares / ridge. Matrices are row-major Float64Arrays of size n·n (or n·p).
// Sizes here are ≲ 100, so cyclic Jacobi (accurate to a few ulps, unconditionally convergent) is the
// right tool; no need for Householder + QL.
import { apiError } from './validate.ts';

/** Eigen-decomposition of a symmetric matrix: A = V diag(values) Vᵀ, columns of V orthonormal. */
export interface SymEig {
  /** Eigenvalues, descending. */
  readonly values: Float64Array;
  /** n·n row-major; column j (V[i·n + j]) is the eigenvector of values[j]. */
  readonly vectors: Float64Array;
}

/**
 * symEig(a, n): eigenvalues/vectors of the symmetric n×n matrix `a` (only its symmetric part is used:
 * (A + Aᵀ)/2) by cyclic Jacobi rotations until the off-diagonal mass is below 1e-30 of the total.
 */
export function symEig(a: ArrayLike<number>, n: number): SymEig {
  if (a.length !== n * n) throw apiError('symEig', `expected ${n}·${n} = ${n * n} entries, got ${a.length}`);
  const A = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) A[i * n + j] = 0.5 * (a[i * n + j] + a[j * n + i]);
  const V = new Float64Array(n * n);
  for (let i = 0; i < n; i++) V[i * n + i] = 1;
  let total = 0;
  for (let i = 0; i < n * n; i++) total += A[i] * A[i];
  for (let sweep = 0; sweep < 100; sweep++) {
    let off = 0;
    for (let p = 0; p < n; p++) for (let q = p + 1; q < n; q++) off += A[p * n + q] ** 2;
    if (off <= 1e-30 * total || off === 0) break;
    for (let p = 0; p < n - 1; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = A[p * n + q];
        if (apq === 0) continue;
        // Rotation angle that zeroes A[p][q] (Golub & Van Loan, Alg. 8.5.1, the stable tan form).
        const tau = (A[q * n + q] - A[p * n + p]) / (2 * apq);
        const t = Math.sign(tau || 1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = A[k * n + p];
          const akq = A[k * n + q];
          A[k * n + p] = c * akp - s * akq;
          A[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = A[p * n + k];
          const aqk = A[q * n + k];
          A[p * n + k] = c * apk - s * aqk;
          A[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = V[k * n + p];
          const vkq = V[k * n + q];
          V[k * n + p] = c * vkp - s * vkq;
          V[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const order = Array.from({ length: n }, (_, i) => i).sort((i, j) => A[j * n + j] - A[i * n + i]);
  const values = new Float64Array(n);
  const vectors = new Float64Array(n * n);
  order.forEach((src, dst) => {
    values[dst] = A[src * n + src];
    for (let k = 0; k < n; k++) vectors[k * n + dst] = V[k * n + src];
  });
  return { values, vectors };
}

/**
 * pinvSym(a, n, rcond): Moore–Penrose pseudo-inverse of a symmetric n×n matrix. Eigenvalues with
 * |λ| ≤ rcond·max|λ| count as zero — numpy.linalg.pinv's rule (default rcond 1e-15) applied to the
 * singular values |λ| of a symmetric matrix.
 */
export function pinvSym(a: ArrayLike<number>, n: number, rcond = 1e-15): Float64Array {
  const { values, vectors } = symEig(a, n);
  let maxAbs = 0;
  for (const v of values) maxAbs = Math.max(maxAbs, Math.abs(v));
  const cut = rcond * maxAbs;
  const out = new Float64Array(n * n);
  for (let k = 0; k < n; k++) {
    const lam = values[k];
    if (Math.abs(lam) <= cut || lam === 0) continue;
    const inv = 1 / lam;
    for (let i = 0; i < n; i++) {
      const vik = vectors[i * n + k] * inv;
      if (vik === 0) continue;
      for (let j = 0; j < n; j++) out[i * n + j] += vik * vectors[j * n + k];
    }
  }
  return out;
}

/**
 * cholesky(a, n, relTol): lower-triangular L with A = L Lᵀ for a symmetric positive-definite n×n
 * matrix, or null when a pivot is ≤ relTol·max_i A_ii (A not numerically SPD; relTol 0 = only
 * non-positive pivots fail). A relTol like 1e-12 also rejects matrices that are singular in exact
 * arithmetic but pass by rounding (e.g. XᵀX with duplicated columns).
 */
export function cholesky(a: ArrayLike<number>, n: number, relTol = 0): Float64Array | null {
  let maxDiag = 0;
  for (let i = 0; i < n; i++) maxDiag = Math.max(maxDiag, Math.abs(a[i * n + i]));
  const floor = relTol * maxDiag;
  const L = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let s = a[i * n + j];
      for (let k = 0; k < j; k++) s -= L[i * n + k] * L[j * n + k];
      if (i === j) {
        if (!(s > floor) || !(s > 0)) return null;
        L[i * n + i] = Math.sqrt(s);
      } else L[i * n + j] = s / L[j * n + j];
    }
  }
  return L;
}

/** choleskySolve(L, b, n): x with L Lᵀ x = b (forward then back substitution). */
export function choleskySolve(L: Float64Array, b: ArrayLike<number>, n: number): Float64Array {
  const z = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let s = b[i];
    for (let k = 0; k < i; k++) s -= L[i * n + k] * z[k];
    z[i] = s / L[i * n + i];
  }
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let s = z[i];
    for (let k = i + 1; k < n; k++) s -= L[k * n + i] * x[k];
    x[i] = s / L[i * n + i];
  }
  return x;
}

/** matVec(a, rows, cols, x): A x for a row-major rows×cols matrix. */
export function matVec(a: ArrayLike<number>, rows: number, cols: number, x: ArrayLike<number>): Float64Array {
  const out = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let s = 0;
    for (let j = 0; j < cols; j++) s += a[i * cols + j] * x[j];
    out[i] = s;
  }
  return out;
}

/** matMul(a, b, n, m, p): the n×p product of row-major n×m `a` and m×p `b`. */
export function matMul(
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  n: number,
  m: number,
  p: number,
): Float64Array {
  const out = new Float64Array(n * p);
  for (let i = 0; i < n; i++)
    for (let k = 0; k < m; k++) {
      const aik = a[i * m + k];
      if (aik === 0) continue;
      for (let j = 0; j < p; j++) out[i * p + j] += aik * b[k * p + j];
    }
  return out;
}

/**
 * covariance(x, n, p): the p×p sample covariance of n observations (rows of the row-major n×p `x`),
 * divisor n − 1 (numpy.cov's default), and the column means.
 */
export function covariance(
  x: ArrayLike<number>,
  n: number,
  p: number,
): { cov: Float64Array; mean: Float64Array } {
  if (n < 2) throw apiError('covariance', `need at least 2 observations, got ${n}`);
  const mean = new Float64Array(p);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) mean[j] += x[i * p + j];
  for (let j = 0; j < p; j++) mean[j] /= n;
  const cov = new Float64Array(p * p);
  const d = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) d[j] = x[i * p + j] - mean[j];
    for (let a = 0; a < p; a++) {
      if (d[a] === 0) continue;
      for (let b = a; b < p; b++) cov[a * p + b] += d[a] * d[b];
    }
  }
  for (let a = 0; a < p; a++)
    for (let b = a; b < p; b++) {
      const v = cov[a * p + b] / (n - 1);
      cov[a * p + b] = v;
      cov[b * p + a] = v;
    }
  return { cov, mean };
}
