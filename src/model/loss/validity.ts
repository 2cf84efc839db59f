// awave's wavelet-validity penalties on the lowpass filter h0 (awave.losses, exact definitions):
//   lsum   = ½(Σh0 − √2)²                       hsum = ½(Σg)²,  g[k] = (−1)^k h0[K−1−k]
//   l2norm = ½(Σh0² − 1)²                       cmf  = ½Σ_{k<K/2}(|Ĥ_k|² + |Ĥ_{k+K/2}|² − 2)², Ĥ = DFT_K(h0)
//   conv   = ½Σ(v − e)², v = conv1d(h0, h0, stride 2, padding K), e = δ at K/2
// Everything is matMul/mul/sum against constant matrices (cached per K), so second order is safe.
import * as tf from '@tensorflow/tfjs-core';

interface ValidityConsts {
  /** (−1)^(K−1−j): Σg = Σ_j h0[j]·hsumSign[j]. */
  hsumSign: tf.Tensor2D;
  /** [K, K] DFT real and imaginary parts (row k = frequency k). */
  dftRe: tf.Tensor2D;
  dftIm: tf.Tensor2D;
  /** [(K+1)·K, K]: row (i·K + k) selects h0[k + 2i − K] (zero row when out of range). */
  convShift: tf.Tensor2D;
  /** δ at K/2, length K+1. */
  convTarget: tf.Tensor1D;
}

const CONSTS = new Map<number, ValidityConsts>();

function consts(K: number): ValidityConsts {
  let c = CONSTS.get(K);
  if (c) return c;
  if (K < 2 || K % 2 !== 0) throw new Error(`validity: filter length must be even and ≥ 2, got ${K}`);
  const sign = new Float32Array(K);
  for (let j = 0; j < K; j++) sign[j] = (K - 1 - j) % 2 === 0 ? 1 : -1;
  const re = new Float32Array(K * K);
  const im = new Float32Array(K * K);
  for (let k = 0; k < K; k++)
    for (let n = 0; n < K; n++) {
      const th = (-2 * Math.PI * ((k * n) % K)) / K; // reduce k·n mod K for exact angles
      re[k * K + n] = Math.cos(th);
      im[k * K + n] = Math.sin(th);
    }
  const nOut = K + 1; // conv1d length: (K + 2K − K)/2 + 1
  const shift = new Float32Array(nOut * K * K);
  for (let i = 0; i < nOut; i++)
    for (let k = 0; k < K; k++) {
      const l = k + 2 * i - K;
      if (l >= 0 && l < K) shift[(i * K + k) * K + l] = 1;
    }
  const e = new Float32Array(nOut);
  e[K / 2] = 1;
  c = tf.tidy(() => ({
    hsumSign: tf.keep(tf.tensor2d(sign, [K, 1])),
    dftRe: tf.keep(tf.tensor2d(re, [K, K])),
    dftIm: tf.keep(tf.tensor2d(im, [K, K])),
    convShift: tf.keep(tf.tensor2d(shift, [nOut * K, K])),
    convTarget: tf.keep(tf.tensor1d(e)),
  }));
  CONSTS.set(K, c);
  return c;
}

/**
 * Frees the cached constants. They live on the backend active when first used, so a backend switch
 * must drop them (as clearSelectorCache): using them from another backend moves them with a
 * synchronous read, which on WebGPU in a Worker breaks the device and the Worker's WebGL context.
 */
export function clearValidityCache(): void {
  for (const c of CONSTS.values()) tf.dispose(Object.values(c));
  CONSTS.clear();
}

export interface ValidityTerms {
  lsum: tf.Scalar;
  hsum: tf.Scalar;
  l2norm: tf.Scalar;
  cmf: tf.Scalar;
  conv: tf.Scalar;
}

/** All five validity terms of a lowpass filter `h0` (shape [K]). */
export function validityTerms(h0: tf.Tensor1D): ValidityTerms {
  const K = h0.shape[0];
  const c = consts(K);
  const half = (t: tf.Tensor) => tf.mul(0.5, tf.square(t)) as tf.Tensor;
  const scalar = (t: tf.Tensor) => tf.reshape(t, []) as tf.Scalar;
  const col = tf.reshape(h0, [K, 1]);
  const lsum = scalar(half(tf.sub(tf.sum(h0), Math.SQRT2)));
  const hsum = scalar(half(tf.sum(tf.mul(col, c.hsumSign))));
  const l2norm = scalar(half(tf.sub(tf.sum(tf.square(h0)), 1)));
  const re = tf.matMul(c.dftRe, col);
  const im = tf.matMul(c.dftIm, col);
  const mod = tf.reshape(tf.add(tf.square(re), tf.square(im)), [K]);
  const ident = tf.add(tf.slice(mod, 0, K / 2), tf.slice(mod, K / 2, K / 2));
  const cmf = scalar(tf.sum(half(tf.sub(ident, 2))));
  // v_i = Σ_k h0[k]·h0[k + 2i − K]: shift-select then contract with h0 again.
  const shifted = tf.reshape(tf.matMul(c.convShift, col), [K + 1, K]);
  const v = tf.reshape(tf.matMul(shifted, col), [K + 1]);
  const conv = scalar(tf.sum(half(tf.sub(v, c.convTarget))));
  return { lsum, hsum, l2norm, cmf, conv };
}
