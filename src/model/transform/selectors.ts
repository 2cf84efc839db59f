// Constant selector tensors for one analysis/synthesis level along one axis.
//
// A DWT level is linear in the signal AND in h0 (the whole bank — decLo, decHi, recLo, recHi — is a
// linear function of h0), so for a fixed (length, K, mode)
//   [cA; cD] = A(h0)·x,   A(h0) = Σ_j h0[j]·S_j,     x̂ = B(h0)·[cA; cD],   B(h0) = Σ_j h0[j]·T_j.
// S_j and T_j are built once, in float64, by running the core's pywt-exact dwt/idwt with the bank of the
// unit filter e_j on unit input vectors, so every pywt mode's boundary handling comes for free. Per step
// a level costs one [1,K]×[K, rows·cols] matMul per matrix and one matMul to apply it; both are
// second-order safe (tfjs' conv filter gradient is not, and stridedSlice fails even at first order).
// Lowpass and highpass halves are kept as separate matrices: slicing [cA|cD] out of one product and
// concatenating them back cost more than all the matMuls on the cpu backend (Slice/SplitV kernels).
// Cost: the selectors are dense, ≈ 4·K·n·(n/2) float32 per axis length n (K = 10, n = 64: 0.6 MB;
// n = 256: 10 MB; n = 1024, K = 20: 170 MB and ~4 s to build), so this suits AWD's usual sizes
// (signals up to a few hundred samples, images up to ~256 per side), not very long signals.
import * as tf from '@tensorflow/tfjs-core';
import { dwt, idwt, waveletFromBank } from '../../core/index.ts';
import type { Mode, Wavelet } from '../../core/index.ts';

export interface AxisSelectors {
  /** Input length of the analysis step. */
  readonly n: number;
  /** Length of cA and cD. */
  readonly m: number;
  /** Output length of the synthesis step (pywt's idwt length: 2m − K + 2, or 2m for periodization). */
  readonly nOut: number;
  /** [K, m·n]: row j is S_j flattened row-major (cA = A_lo·x). */
  readonly analysisLo: tf.Tensor2D;
  /** [K, m·n]: the cD twin. */
  readonly analysisHi: tf.Tensor2D;
  /** [K, nOut·m]: row j is T_j flattened (x̂ = B_lo·cA + B_hi·cD). */
  readonly synthesisHi: tf.Tensor2D;
  /**
   * [K, nOut·mIn] for an approximation of length mIn ∈ {m, m+1}: pywt's waverec drops the extra last
   * sample, which here is a zero column, so no slice (slow on cpu, and a pad in the backward) is needed.
   */
  synthesisLo(mIn: number): tf.Tensor2D;
}

/** The filter bank awave builds from a lowpass h0 (README: dec = rec reversed, g[k] = (−1)^k h0[K−1−k]). */
export function bankOfH0(h0: ArrayLike<number>): Wavelet {
  const K = h0.length;
  const recLo = Array.from(h0);
  const recHi = recLo.map((_, k) => (k % 2 === 0 ? 1 : -1) * recLo[K - 1 - k]!);
  return waveletFromBank({
    decLo: recLo.slice().reverse(),
    decHi: recHi.slice().reverse(),
    recLo,
    recHi,
  });
}

const CACHE = new Map<string, AxisSelectors>();

function unit(len: number, i: number): Float64Array {
  const e = new Float64Array(len);
  e[i] = 1;
  return e;
}

/** Selectors for one level along an axis of length n; cached for the process (they are constants). */
export function axisSelectors(n: number, K: number, mode: Mode): AxisSelectors {
  const key = `${n}|${K}|${mode}`;
  const hit = CACHE.get(key);
  if (hit) return hit;
  if (!Number.isInteger(n) || n < 1)
    throw new Error(`axisSelectors: length must be a positive integer, got ${n}`);
  if (!Number.isInteger(K) || K < 2 || K % 2 !== 0)
    throw new Error(`axisSelectors: filter length must be even and ≥ 2, got ${K}`);
  const banks = Array.from({ length: K }, (_, j) => bankOfH0(unit(K, j)));
  const m = dwt(unit(n, 0), banks[0]!, mode).cA.length;
  const nOut = idwt(unit(m, 0), new Float64Array(m), banks[0]!, mode).length;
  const Slo = new Float32Array(K * m * n);
  const Shi = new Float32Array(K * m * n);
  const Tlo = new Float64Array(K * nOut * m);
  const Thi = new Float32Array(K * nOut * m);
  const zeros = new Float64Array(m);
  for (let j = 0; j < K; j++) {
    const w = banks[j]!;
    for (let i = 0; i < n; i++) {
      const { cA, cD } = dwt(unit(n, i), w, mode);
      for (let r = 0; r < m; r++) {
        Slo[(j * m + r) * n + i] = cA[r]!;
        Shi[(j * m + r) * n + i] = cD[r]!;
      }
    }
    for (let i = 0; i < m; i++) {
      const lo = idwt(unit(m, i), zeros, w, mode);
      const hi = idwt(zeros, unit(m, i), w, mode);
      for (let r = 0; r < nOut; r++) {
        Tlo[(j * nOut + r) * m + i] = lo[r]!;
        Thi[(j * nOut + r) * m + i] = hi[r]!;
      }
    }
  }
  const lo = new Map<number, tf.Tensor2D>();
  const synthesisLo = (mIn: number): tf.Tensor2D => {
    let t = lo.get(mIn);
    if (t) return t;
    if (mIn !== m && mIn !== m + 1)
      throw new Error(`waverec: approximation of length ${mIn} does not fit details of length ${m}`);
    const T = new Float32Array(K * nOut * mIn);
    for (let row = 0; row < K * nOut; row++) for (let i = 0; i < m; i++) T[row * mIn + i] = Tlo[row * m + i]!;
    t = tf.keep(tf.tensor2d(T, [K, nOut * mIn]));
    lo.set(mIn, t);
    return t;
  };
  const sel: AxisSelectors = {
    n,
    m,
    nOut,
    analysisLo: tf.keep(tf.tensor2d(Slo, [K, m * n])),
    analysisHi: tf.keep(tf.tensor2d(Shi, [K, m * n])),
    synthesisHi: tf.keep(tf.tensor2d(Thi, [K, nOut * m])),
    synthesisLo,
  };
  // Dispose handles for clearSelectorCache.
  OWNED.set(key, () => [sel.analysisLo, sel.analysisHi, sel.synthesisHi, ...lo.values()]);
  CACHE.set(key, sel);
  return sel;
}

const OWNED = new Map<string, () => tf.Tensor[]>();

/** Frees every cached selector (tests and long-lived workers switching sizes). */
export function clearSelectorCache(): void {
  for (const f of OWNED.values()) tf.dispose(f());
  OWNED.clear();
  CACHE.clear();
}

/** Σ_j h0[j]·S_j as a [rows, cols] matrix: one [1,K]×[K, rows·cols] matMul. */
export function filterMatrix(h0Row: tf.Tensor2D, S: tf.Tensor2D, rows: number, cols: number): tf.Tensor2D {
  return tf.reshape(tf.matMul(h0Row, S), [rows, cols]);
}

/** The per-step matrices of one level: A_lo, A_hi [m, n]; B_hi [nOut, m]; B_lo for an input length. */
export interface LevelMatrices {
  Alo: tf.Tensor2D;
  Ahi: tf.Tensor2D;
  Bhi: tf.Tensor2D;
  Blo(mIn: number): tf.Tensor2D;
}

export function levelMatrices(h0Row: tf.Tensor2D, s: AxisSelectors): LevelMatrices {
  const memo = new Map<number, tf.Tensor2D>();
  return {
    Alo: filterMatrix(h0Row, s.analysisLo, s.m, s.n),
    Ahi: filterMatrix(h0Row, s.analysisHi, s.m, s.n),
    Bhi: filterMatrix(h0Row, s.synthesisHi, s.nOut, s.m),
    Blo: (mIn) => {
      let b = memo.get(mIn);
      if (!b) memo.set(mIn, (b = filterMatrix(h0Row, s.synthesisLo(mIn), s.nOut, mIn)));
      return b;
    },
  };
}
