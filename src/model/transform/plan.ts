// The common shape of a differentiable multilevel DWT (1-D or 2-D) bound to a learnable h0.
import type * as tf from '@tensorflow/tfjs-core';
import type { TrainMode } from '../../protocol/config.ts';

/** A transform with the filter fixed for one step: forward and inverse share the per-step matrices. */
export interface BoundTransform {
  /** x: [N, ...signalShape] → bands in pywt order (2-D: cA_J, cH_J, cV_J, cD_J, …, cD_1), each [N, …]. */
  forward(x: tf.Tensor): tf.Tensor[];
  /** pywt's waverec/waverec2 of the bands: [N, ...] of pywt's length (odd inputs come back one longer). */
  inverseFull(bands: readonly tf.Tensor[]): tf.Tensor;
  /** The inverse cropped to the signal's shape (what the loss and TRIM compare with x). */
  inverse(bands: readonly tf.Tensor[]): tf.Tensor;
  /**
   * The adjoint of `inverse`: g [N, ...signalShape] ↦ Ψ⁻¹ᵀg as bands (pywt order). TRIM's ∂f/∂c is this
   * applied to ∇f; written out as matMuls it costs half of differentiating `inverse` with tf.grads.
   */
  inverseAdjoint(g: tf.Tensor): tf.Tensor[];
}

export interface TransformPlan {
  readonly dims: 1 | 2;
  /** Signal shape without the batch dim: [L] or [H, W]. */
  readonly signalShape: readonly number[];
  readonly K: number;
  readonly mode: TrainMode;
  readonly level: number;
  /** Per band, pywt order, without the batch dim. */
  readonly bandShapes: readonly (readonly number[])[];
  /** Per band, its scale (0 = cA_J, 1 = level J details, …, J = level 1): awave's J+1 L1 groups. */
  readonly bandScale: readonly number[];
  bind(h0: tf.Tensor1D): BoundTransform;
}
