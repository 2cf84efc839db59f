// TRIM (Singh et al.) as awave's TrimModel with use_residuals=True: the teacher f is prepended with Ψ⁻¹
// and fed x_in = Ψ⁻¹c + stopGradient(x − Ψ⁻¹c), so it sees exactly x while ∂f/∂c flows through Ψ⁻¹:
//   saliency = Ψ⁻¹ᵀ ∇f(x),  input×gradient = c ⊙ Ψ⁻¹ᵀ ∇f(x),
//   integrated gradients = c ⊙ Ψ⁻¹ᵀ mean_k ∇f(x_k),  x_k = Ψ⁻¹(α_k c) + r  (r the fixed residual).
// Attributions are built with tf.grads inside the caller's gradient, so d loss / d h0 goes through
// them (awave's create_graph=True).
//
// Two ways to differentiate them w.r.t. h0 (`residualGradient`):
//  'awave' — the literal TrimModel graph. Its x_in has the value x but a graph path Ψ⁻¹Ψx → h0, so the
//            outer gradient picks up H_f·d(Ψ⁻¹Ψx)/dh0, a term the loss's value does not have.
//  'exact' — (default) ∇f is taken where the teacher really is evaluated (x for saliency/ixg, which
//            does not move with h0), then pulled back by Ψ⁻¹ᵀ(h0). This is the derivative of the loss
//            value (finite differences agree for any teacher), it needs no teacher second derivatives
//            for saliency/ixg, and it equals 'awave' exactly when f is piecewise linear (ReLU nets, the
//            reference teachers: H_f = 0), which the tests check.
import * as tf from '@tensorflow/tfjs-core';
import type { AttributionMethod } from '../../protocol/config.ts';
import type { Teacher } from '../teacher/types.ts';
import type { BoundTransform } from '../transform/plan.ts';
import { stopGradient } from './stopGradient.ts';

export type ResidualGradient = 'exact' | 'awave';

export interface TrimOptions {
  method: AttributionMethod;
  /** Teacher output index explained. */
  target: number;
  /** Integrated-gradients path points (≥ 1); ignored by the other methods. */
  igSteps: number;
  residualGradient?: ResidualGradient;
  /**
   * ∇_x Σ_n f(x)[n, target] at this batch, if the caller has it ('exact' saliency/ixg only): the teacher
   * is frozen and x fixed, so a trainer can compute it once per sample instead of once per step.
   */
  inputGrad?: tf.Tensor;
}

/** Path points α of integrated gradients: awave's grid k/(M−1), k = 0…M−1 (M = 1: α = 1 only). */
export function igAlphas(steps: number): number[] {
  if (!Number.isInteger(steps) || steps < 1)
    throw new Error(`igAlphas: steps must be an integer ≥ 1, got ${steps}`);
  return steps === 1 ? [1] : Array.from({ length: steps }, (_, k) => k / (steps - 1));
}

/** Σ_n f(z)[n, target] as a function of the teacher's input z: [B, ...signalShape]. */
export function targetSum(teacher: Teacher, target: number) {
  const inShape = [...teacher.inputShape];
  return (z: tf.Tensor): tf.Scalar => {
    const B = z.shape[0];
    const out = teacher.apply(tf.reshape(z, [B, ...inShape])) as tf.Tensor2D;
    return tf.sum(tf.slice(out, [0, target], [B, 1]));
  };
}

/** Throws, naming the values, unless `teacher` takes signals of `signalShape` and has output `target`. */
export function assertTeacherFits(teacher: Teacher, signalShape: readonly number[], target: number): void {
  if (!Number.isInteger(target) || target < 0 || target >= teacher.outputSize)
    throw new Error(
      `TRIM: target ${target} is not an output index of a ${teacher.outputSize}-output teacher`,
    );
  const need = teacher.inputShape.reduce((p, d) => p * d, 1);
  if (need !== signalShape.reduce((p, d) => p * d, 1))
    throw new Error(
      `TRIM: teacher input [${teacher.inputShape.join(', ')}] does not fit signals of shape [${signalShape.join(', ')}]`,
    );
}

/**
 * Attributions of `teacher`'s output `target` w.r.t. each coefficient band. x: [N, ...signalShape] (the
 * teacher's layout); coeffs: the bands of Ψx in pywt order in the transform's native layout (see
 * NativeOps); the attributions come back in that layout too.
 */
export function trimAttributions(
  bound: BoundTransform,
  teacher: Teacher,
  x: tf.Tensor,
  coeffs: readonly tf.Tensor[],
  opts: TrimOptions,
): tf.Tensor[] {
  assertTeacherFits(teacher, x.shape.slice(1), opts.target);
  const nat = bound.native;
  const alphas = opts.method === 'integrated_gradients' ? igAlphas(opts.igSteps) : [1];
  const M = alphas.length;
  const F = targetSum(teacher, opts.target);
  // Path points are stacked along the batch axis; this averages them back.
  const pathMean = (g: tf.Tensor, axis: number) => {
    const shape = [...g.shape];
    shape.splice(axis, 1, M, g.shape[axis]! / M);
    return tf.mean(tf.reshape(g, shape), axis);
  };
  const stack = (t: tf.Tensor, axis: number) =>
    tf.concat(
      alphas.map((a) => (a === 1 ? t : tf.mul(t, a))),
      axis,
    );
  // The residual is fixed by the full coefficients, so the IG path runs from r (≈ 0: coefficient
  // baseline 0) to x. awave's literal form recomputes it per α, making every point x (IG = ixg).
  // Built only where used: saliency and input×gradient with the exact gradient never need Ψ⁻¹c, and
  // an unused inverse still costs its forward pass (a third of a 2-D step's transform work on wasm).
  const xhat = () => nat.fromNative(nat.inverse(coeffs));
  let grads: tf.Tensor[];
  if (opts.residualGradient === 'awave') {
    const res = stopGradient(tf.sub(x, xhat()));
    const resAll =
      M === 1
        ? res
        : tf.concat(
            alphas.map(() => res),
            0,
          );
    const points = M === 1 ? [...coeffs] : coeffs.map((c) => stack(c, nat.batchAxis));
    const g = tf.grads((...bands: tf.Tensor[]) => F(tf.add(nat.fromNative(nat.inverse(bands)), resAll)))(
      points,
    );
    grads = M === 1 ? g : g.map((gb) => pathMean(gb, nat.batchAxis));
  } else {
    // x_k = α·x̂ + (x − x̂): only α < 1 points move with h0 (through x̂).
    const xh = alphas.some((a) => a !== 1) ? xhat() : null;
    const pts = alphas.map((a) => (a === 1 ? x : tf.sub(x, tf.mul(xh!, 1 - a))));
    const gx = M === 1 ? (opts.inputGrad ?? tf.grad(F)(x)) : pathMean(tf.grad(F)(tf.concat(pts, 0)), 0);
    // Pulled back by Ψ⁻¹ᵀ(h0), written out as matMuls: differentiable in h0 through the synthesis matrices.
    grads = nat.inverseAdjoint(nat.toNative(gx));
  }
  return grads.map((g, i) => (opts.method === 'saliency' ? g : tf.mul(coeffs[i]!, g)));
}

/**
 * ∇_x Σ_n f(x)[n, target] for every signal of X (standard layout), in chunks. With the 'exact' residual
 * gradient this is all saliency and input×gradient need from the frozen teacher, so a trainer computes
 * it once instead of a teacher forward+backward per step.
 */
export function teacherInputGrads(teacher: Teacher, target: number, X: tf.Tensor, chunk = 256): tf.Tensor {
  const N = X.shape[0];
  const F = targetSum(teacher, target);
  return tf.tidy(() => {
    const parts: tf.Tensor[] = [];
    for (let s = 0; s < N; s += chunk) parts.push(tf.grad(F)(tf.slice(X, s, Math.min(chunk, N - s))));
    return parts.length === 1 ? parts[0]! : tf.concat(parts, 0);
  });
}
