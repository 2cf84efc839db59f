// Activations written so that a gradient of a gradient exists and is exact on every backend:
// no Greater/LessEqual masks (their kernels have no gradient in stock tfjs), no ClipByValue,
// and exp/tanh/sigmoid/softmax only through kernels whose gradients registerSecondOrderGradients()
// recomputes from the input (shared/notes/TFJS.md).
import * as tf from '@tensorflow/tfjs-core';
import type { Tensor } from '@tensorflow/tfjs-core';

export type Act = (x: Tensor) => Tensor;

const SELU_ALPHA = 1.6732632423543772;
const SELU_SCALE = 1.0507009873554805;

/** min(x, 0) without a comparison. */
const negPart = (x: Tensor) => tf.neg(tf.relu(tf.neg(x)));

/** relu(x) − a·relu(−x). */
export const leakyRelu = (x: Tensor, alpha: number | Tensor): Tensor =>
  tf.sub(tf.relu(x), tf.mul(alpha, tf.relu(tf.neg(x))));

/** x for x > 0, α(eˣ − 1) otherwise: relu(x) + α(exp(min(x,0)) − 1). */
export const elu = (x: Tensor, alpha = 1): Tensor =>
  tf.add(tf.relu(x), tf.mul(alpha, tf.sub(tf.exp(negPart(x)), 1)));

/** min(max(x, lo), hi) as relu differences (hi > lo). */
export const clip = (x: Tensor, lo: number, hi: number): Tensor =>
  tf.add(lo, tf.sub(tf.relu(tf.sub(x, lo)), tf.relu(tf.sub(x, hi))));

/** tfjs-layers' hard sigmoid: clip(0.2x + 0.5, 0, 1). */
export const hardSigmoid = (x: Tensor): Tensor => clip(tf.add(tf.mul(x, 0.2), 0.5), 0, 1);

const ACTS: Record<string, Act> = {
  linear: (x) => x,
  relu: (x) => tf.relu(x),
  relu6: (x) => clip(x, 0, 6),
  tanh: (x) => tf.tanh(x),
  sigmoid: (x) => tf.sigmoid(x),
  hardsigmoid: hardSigmoid,
  elu: (x) => elu(x),
  selu: (x) => tf.mul(SELU_SCALE, elu(x, SELU_ALPHA)),
  leakyrelu: (x) => leakyRelu(x, 0.2), // Keras' leaky_relu activation default slope
  softplus: (x) => tf.softplus(x),
  softsign: (x) => tf.div(x, tf.add(1, tf.abs(x))),
  softmax: (x) => tf.softmax(x),
  logsoftmax: (x) => tf.sub(x, tf.logSumExp(x, -1, true)),
  swish: (x) => tf.mul(x, tf.sigmoid(x)),
  silu: (x) => tf.mul(x, tf.sigmoid(x)),
  mish: (x) => tf.mul(x, tf.tanh(tf.softplus(x))),
  gelu: (x) => tf.mul(tf.mul(0.5, x), tf.add(1, tf.erf(tf.div(x, Math.SQRT2)))),
  gelunew: (x) =>
    tf.mul(
      tf.mul(0.5, x),
      tf.add(1, tf.tanh(tf.mul(Math.sqrt(2 / Math.PI), tf.add(x, tf.mul(0.044715, tf.pow(x, 3)))))),
    ),
  exponential: (x) => tf.exp(x),
};

/** Supported activation identifiers (normalised: lower case, no '_'). */
export const ACTIVATION_NAMES: readonly string[] = Object.keys(ACTS);

export function normaliseActivation(id: unknown): string {
  let s: unknown = id ?? 'linear';
  // Keras 3 may serialise an activation as {class_name, config: {name}}.
  if (typeof s === 'object' && s !== null) {
    const o = s as { class_name?: unknown; config?: { name?: unknown } };
    s = o.config?.name ?? o.class_name;
  }
  return String(s).toLowerCase().replace(/_/g, '');
}

/** The second-order-safe activation for a tfjs-layers/Keras identifier; throws naming unknown ones. */
export function getActivation(id: unknown): Act {
  const key = normaliseActivation(id);
  const act = ACTS[key];
  if (!act)
    throw new Error(
      `activation '${String(key)}' is not supported (supported: ${ACTIVATION_NAMES.join(', ')})`,
    );
  return act;
}
