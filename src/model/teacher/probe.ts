// A tiny second-order probe: L(θ) = Σ (∂ Σf(x)/∂x)² at x = θ·x0, and dL/dθ by tf.grad of tf.grad,
// checked against central differences. It catches both kinds of breakage seen in tfjs 4.22:
// a thrown "gradient function not found" and a silently missing path (stock tanh gives a wrong,
// finite number). Kinks (relu) can spoil a difference quotient, so a mismatch only counts when two
// step sizes agree with each other and not with the analytic value.
import * as tf from '@tensorflow/tfjs-core';
import type { Tensor } from '@tensorflow/tfjs-core';
import { mulberry32 } from './rng.ts';

export interface ProbeResult {
  ok: boolean;
  /** Why not, when !ok. */
  reason: string;
  analytic: number;
  finiteDiff: number;
}

function lossAt(f: (x: Tensor) => Tensor, x0: Tensor) {
  return (theta: Tensor): tf.Scalar => {
    const g = tf.grad((z: Tensor) => tf.sum(f(z)))(tf.mul(x0, theta));
    return tf.sum(tf.square(g));
  };
}

export function secondOrderProbe(
  f: (x: Tensor) => Tensor,
  inShape: readonly number[],
  seed = 7,
): ProbeResult {
  return tf.tidy(() => {
    const rnd = mulberry32(seed);
    const n = 2 * inShape.reduce((p, d) => p * d, 1);
    const x0 = tf.tensor(
      Float32Array.from({ length: n }, () => 2 * rnd() - 1),
      [2, ...inShape],
      'float32',
    );
    const L = lossAt(f, x0);
    const at = (t: number) => L(tf.scalar(t)).dataSync()[0]!;
    const fd = (h: number) => (at(1 + h) - at(1 - h)) / (2 * h);
    const fd1 = fd(1e-2);
    const fd2 = fd(3e-3);
    const l0 = Math.abs(at(1));
    let analytic = NaN;
    try {
      analytic = tf.grad(L)(tf.scalar(1)).dataSync()[0]!;
    } catch (e) {
      const msg = (e as Error).message;
      // tfjs throws this when L does not depend on θ at all: right for an affine f (its input gradient
      // is constant), a missing path otherwise.
      if (/Cannot compute gradient of y=f\(x\)/.test(msg) && Math.abs(fd2) <= 1e-5 * Math.max(1, l0))
        return { ok: true, reason: '', analytic: 0, finiteDiff: fd2 };
      return {
        ok: false,
        reason: `gradient of the input gradient failed: ${msg}`,
        analytic,
        finiteDiff: fd2,
      };
    }
    if (!Number.isFinite(analytic) || !Number.isFinite(l0))
      return {
        ok: false,
        reason: `non-finite value (L = ${l0}, dL/dθ = ${analytic})`,
        analytic,
        finiteDiff: fd2,
      };
    const floor = 1e-5 * Math.max(1, l0);
    const smooth = Math.abs(fd1 - fd2) <= 0.01 * Math.max(Math.abs(fd1), Math.abs(fd2)) + floor;
    const off = Math.abs(analytic - fd2) > 0.05 * Math.max(Math.abs(fd2), Math.abs(analytic)) + floor;
    if (smooth && off)
      return {
        ok: false,
        reason: `second derivative ${analytic.toPrecision(5)} disagrees with finite differences ${fd2.toPrecision(5)} (a gradient path is missing)`,
        analytic,
        finiteDiff: fd2,
      };
    return { ok: true, reason: '', analytic, finiteDiff: fd2 };
  });
}
