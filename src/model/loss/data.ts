// awave's data terms. Normalisation is per signal (N), never per sample:
//   rec = Σ(x − x̂)² / N,   l1 = Σ_bands Σ|coef| / (N·(J+1)),
// where a 2-D level's three detail bands count as ONE band (awave stores them as one [N,1,3,h,w]
// tensor), so the divisor is J+1 in both 1-D and 2-D.
import * as tf from '@tensorflow/tfjs-core';

/** x̂ must already be cropped to x's shape and in the same layout; n = number of signals (awave's odd-length reconstruction has L+1 samples and
 * cannot be compared at all; we compare pywt's first L). */
export function reconstructionLoss(x: tf.Tensor, xhat: tf.Tensor, n: number = x.shape[0]): tf.Scalar {
  return tf.div(tf.sum(tf.squaredDifference(x, xhat)), n);
}

/** Mean over the batch (n signals) of the per-scale-averaged L1 norm; `scales` = J+1. */
export function l1BandLoss(
  bands: readonly tf.Tensor[],
  scales: number,
  n: number = bands[0]!.shape[0],
): tf.Scalar {
  const N = n;
  const sums = bands.map((b) => tf.sum(tf.abs(b)));
  return tf.div(tf.addN(sums), N * scales);
}
