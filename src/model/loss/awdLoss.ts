// The full AWD objective at one h0 (awave.losses.Loss + Trainer._train_iteration). Every term is a tf
// scalar on the caller's tape, so tf.grad/variableGrads of `total` gives awave's d loss / d h0,
// including the second-order path through the attributions.
import * as tf from '@tensorflow/tfjs-core';
// tfjs-core alone registers no gradients (the union package and tfjs-layers import this); the loss
// is where every gradient user enters, so registering here keeps the engine self-contained.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import type { AttributionMethod } from '../../protocol/config.ts';
import { trimAttributions } from '../attribution/trim.ts';
import type { ResidualGradient } from '../attribution/trim.ts';
import type { Teacher } from '../teacher/types.ts';
import type { TransformPlan } from '../transform/plan.ts';
import { l1BandLoss, reconstructionLoss } from './data.ts';
import type { LossWeights, TermName } from './terms.ts';
import { validityTerms } from './validity.ts';

export interface AwdLossOptions {
  plan: TransformPlan;
  /** Frozen teacher; null leaves l1attr at 0 (awave without a pretrained model). */
  teacher: Teacher | null;
  target: number;
  attribution: AttributionMethod;
  igSteps: number;
  weights: LossWeights;
  /** How attributions are differentiated w.r.t. h0 (see attribution/trim.ts); default 'exact'. */
  residualGradient?: ResidualGradient;
  /** ∇_x Σ f(x)[:, target] for this x, when known (see TrimOptions.inputGrad). */
  inputGrad?: tf.Tensor;
  /** Compute attributions even when weights.l1attr is 0 (for the record); default true. */
  alwaysAttribute?: boolean;
}

export interface AwdLossResult {
  /** Built on first read (in the caller's scope: read it inside the same tidy/gradient). */
  readonly total: tf.Scalar;
  readonly terms: Record<TermName, tf.Scalar>;
  /** Bands of Ψx, pywt order, in the transform's native layout (2-D: [h, N, w]; see NativeOps). */
  coeffs: tf.Tensor[];
  attributions: tf.Tensor[] | null;
  /** Ψ⁻¹Ψx cropped to x's shape, native layout. */
  recon: tf.Tensor;
  /** Converts coeffs, attributions and recon to the standard [N, …] layout (display, tests). */
  standard(): { coeffs: tf.Tensor[]; attributions: tf.Tensor[] | null; recon: tf.Tensor };
}

/** x: [N, ...plan.signalShape]; h0: [K]. */
export function awdLoss(h0: tf.Tensor1D, x: tf.Tensor, opts: AwdLossOptions): AwdLossResult {
  const { plan, weights } = opts;
  const bound = plan.bind(h0);
  const nat = bound.native;
  const N = x.shape[0];
  // The loss only sums over elements, so it runs in the transform's layout: one transpose of x.
  const xn = nat.toNative(x);
  const coeffs = nat.forward(xn);
  const recon = nat.inverse(coeffs);
  const scales = plan.level + 1;
  const wantAttr = opts.teacher !== null && (weights.l1attr > 0 || opts.alwaysAttribute !== false);
  const attributions = wantAttr
    ? trimAttributions(bound, opts.teacher!, x, coeffs, {
        method: opts.attribution,
        target: opts.target,
        igSteps: opts.igSteps,
        residualGradient: opts.residualGradient ?? 'exact',
        ...(opts.inputGrad ? { inputGrad: opts.inputGrad } : {}),
      })
    : null;
  // The terms and total are built on first use: display snapshots only want the bands (standard()),
  // and the ~100 small ops of the terms were half of a 2-D snapshot's kernels. Read them in the same
  // tf scope (and tape) as this call, like the bands.
  let built: { terms: Record<TermName, tf.Scalar>; total: tf.Scalar } | null = null;
  const build = () => {
    if (built) return built;
    const terms: Record<TermName, tf.Scalar> = {
      rec: reconstructionLoss(xn, recon, N),
      ...validityTerms(h0),
      l1wave: l1BandLoss(coeffs, scales, N),
      l1attr: attributions ? l1BandLoss(attributions, scales, N) : tf.scalar(0),
    };
    // Zero-weight terms stay out of the sum (as in awave), so they cost no backward pass.
    const parts: tf.Tensor[] = [terms.rec];
    for (const k of Object.keys(weights) as (keyof LossWeights)[])
      if (weights[k] !== 0) parts.push(tf.mul(terms[k], weights[k]));
    built = { terms, total: tf.addN(parts) as tf.Scalar };
    return built;
  };
  const standard = () => ({
    coeffs: coeffs.map(nat.fromNative),
    attributions: attributions ? attributions.map(nat.fromNative) : null,
    recon: nat.fromNative(recon),
  });
  return {
    get total() {
      return build().total;
    },
    get terms() {
      return build().terms;
    },
    coeffs,
    attributions,
    recon,
    standard,
  };
}
