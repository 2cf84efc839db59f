// Central finite differences for float32 tf code: directional first derivatives of a scalar function
// and of a gradient (second order), with the vectors drawn from a seeded source.
import * as tf from '@tensorflow/tfjs-core';

export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296 - 0.5;
  };
}

export function randomArray(n: number, rnd: () => number, scale = 1): Float32Array {
  return Float32Array.from({ length: n }, () => scale * rnd() * 2);
}

/** (f(p + εv) − f(p − εv)) / 2ε for a scalar-valued f of a tensor. */
function central(f: (p: tf.Tensor) => tf.Scalar, p: tf.Tensor, v: tf.Tensor, eps: number): number {
  return tf.tidy(() => {
    const up = f(tf.add(p, tf.mul(v, eps))).dataSync()[0]!;
    const dn = f(tf.sub(p, tf.mul(v, eps))).dataSync()[0]!;
    return (up - dn) / (2 * eps);
  });
}

/**
 * Central difference with one Richardson step, (4·D(ε/2) − D(ε))/3: truncation O(ε⁴), so ε can stay
 * large enough that float32 rounding (≈1e-7·|f|/ε) does not dominate.
 */
export function fdScalar(f: (p: tf.Tensor) => tf.Scalar, p: tf.Tensor, v: tf.Tensor, eps: number): number {
  return (4 * central(f, p, v, eps / 2) - central(f, p, v, eps)) / 3;
}

/** ⟨∇f(p), v⟩ by tf.grad. */
export function gradDot(f: (p: tf.Tensor) => tf.Scalar, p: tf.Tensor, v: tf.Tensor): number {
  return tf.tidy(() => tf.sum(tf.mul(tf.grad(f)(p), v)).dataSync()[0]!);
}

/** Second order: ⟨∇⟨∇f, u⟩(p), v⟩ through tf.grad of tf.grad, and its central difference. */
export function hessianCheck(
  f: (p: tf.Tensor) => tf.Scalar,
  p: tf.Tensor,
  u: tf.Tensor,
  v: tf.Tensor,
  eps: number,
) {
  const gu = (q: tf.Tensor) => tf.sum(tf.mul(tf.grad(f)(q), u)) as tf.Scalar;
  return { analytic: gradDot(gu, p, v), fd: fdScalar(gu, p, v, eps) };
}

/** |a − b| relative to max(|a|, |b|, floor). */
export function relErr(a: number, b: number, floor = 1e-3): number {
  return Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b), floor);
}
