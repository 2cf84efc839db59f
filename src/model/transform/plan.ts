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
  /** The same maps in the plan's internal layout, for the training loop (see NativeOps). */
  readonly native: NativeOps;
}

/**
 * forward/inverse/inverseAdjoint in the layout the plan computes in: 1-D [N, L] (the standard one);
 * 2-D [rows, N, cols], where both axes are plain 2-D matMuls (rows on the left, cols on the right) and
 * no level needs a transpose. The loss only sums over elements, so it can stay in this layout and pay
 * for one transpose of x (a constant) instead of several per level and band. `toNative`/`fromNative`
 * convert signals and bands ([N, h, w] ↔ [h, N, w]).
 */
export interface NativeOps {
  /** Index of the batch axis in native tensors (0 in 1-D, 1 in 2-D). */
  readonly batchAxis: number;
  toNative(t: tf.Tensor): tf.Tensor;
  fromNative(t: tf.Tensor): tf.Tensor;
  forward(xn: tf.Tensor): tf.Tensor[];
  inverse(bands: readonly tf.Tensor[]): tf.Tensor;
  inverseAdjoint(gn: tf.Tensor): tf.Tensor[];
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
