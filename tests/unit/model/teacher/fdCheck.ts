// d/dθ at θ = 0 of a scalar function of a scalar tensor: tf.grad vs central differences with one
// Richardson step, R(h) = (4·D(h/2) − D(h))/3 (truncation h⁴·L⁽⁵⁾/480), in float32.
//
// Two float32 facts shape the check:
//  - rounding: each L evaluation carries ≈ ε₃₂·|L| error, so R(h) carries ≈ 2ε₃₂|L|/h. `noise` is that
//    bound ×20; the test requires |analytic − fd| ≤ rel·|analytic| + noise and analytic ≥ 50·noise,
//    so a missing or wrong gradient path (an O(|analytic|) error) cannot pass.
//  - kinks (relu, max): a stencil that straddles one gives a meaningless quotient. Several step sizes
//    are tried and the closest is kept: a wrong analytic value is wrong at every step size.
import * as tf from '@tensorflow/tfjs-core';

export interface FdResult {
  analytic: number;
  fd: number;
  eps: number;
  /** Rounding bound of fd at this eps (absolute). */
  noise: number;
  /** |analytic − fd| ≤ relTol·max(|analytic|, |fd|) + noise. */
  pass: (relTol: number) => boolean;
  /** analytic is well above the noise: the comparison has teeth. */
  signal: number;
}

const EPS32 = 2 ** -24;

export function fdCheck(L: (theta: tf.Tensor) => tf.Scalar, epsList: number[]): FdResult {
  const at = (t: number) => tf.tidy(() => L(tf.scalar(t)).dataSync()[0]!);
  const l0 = Math.abs(at(0));
  const analytic = tf.tidy(() => tf.grad(L)(tf.scalar(0)).dataSync()[0]!);
  let best: FdResult | null = null;
  for (const eps of epsList) {
    const D = (h: number) => (at(h) - at(-h)) / (2 * h);
    const fd = (4 * D(eps / 2) - D(eps)) / 3;
    const noise = (40 * EPS32 * Math.max(l0, 1e-12)) / eps;
    const r: FdResult = {
      analytic,
      fd,
      eps,
      noise,
      pass: (relTol) =>
        Math.abs(analytic - fd) <= relTol * Math.max(Math.abs(analytic), Math.abs(fd)) + noise,
      signal: Math.abs(analytic) / noise,
    };
    if (best === null || Math.abs(analytic - fd) < Math.abs(analytic - best.fd)) best = r;
  }
  return best!;
}
