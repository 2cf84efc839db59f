// Activation-like layers: Activation, ReLU, LeakyReLU, ELU, PReLU, Softmax (second-order-safe forms).
import * as tf from '@tensorflow/tfjs-core';
import type { Tensor } from '@tensorflow/tfjs-core';
import { clip, elu, getActivation, leakyRelu } from '../activations.ts';
import { cfgNum, LayerError, weight } from './types.ts';
import type { BuiltLayer, LayerContext } from './types.ts';

const plain = (ctx: LayerContext, apply: (x: Tensor) => Tensor): BuiltLayer => ({
  outShape: ctx.inShape,
  tensors: [],
  apply,
});

export const activationLayer = (ctx: LayerContext) => plain(ctx, getActivation(ctx.config['activation']));

export function reluLayer(ctx: LayerContext): BuiltLayer {
  const max = ctx.config['max_value'] ?? ctx.config['maxValue'];
  const slope = cfgNum(ctx.config, 'negative_slope', 0);
  const threshold = cfgNum(ctx.config, 'threshold', 0);
  if (threshold !== 0) throw new LayerError(`threshold = ${threshold} is not supported`);
  const base = (x: Tensor) => (slope !== 0 ? leakyRelu(x, slope) : tf.relu(x));
  if (typeof max === 'number') {
    if (slope !== 0) throw new LayerError('max_value together with negative_slope is not supported');
    return plain(ctx, (x) => clip(x, 0, max));
  }
  return plain(ctx, base);
}

// tfjs-layers writes `alpha`, Keras 3 `negative_slope`; both default to 0.3 in the layer.
export const leakyReluLayer = (ctx: LayerContext) =>
  plain(ctx, (x) => leakyRelu(x, cfgNum(ctx.config, 'negative_slope', cfgNum(ctx.config, 'alpha', 0.3))));

export const eluLayer = (ctx: LayerContext) => plain(ctx, (x) => elu(x, cfgNum(ctx.config, 'alpha', 1)));

export function softmaxLayer(ctx: LayerContext): BuiltLayer {
  const axis = ctx.config['axis'];
  const a = Array.isArray(axis) ? axis[0] : (axis ?? -1);
  if (a !== -1 && a !== ctx.inShape.length)
    throw new LayerError(`softmax over axis ${String(a)} is not supported (last axis only)`);
  return plain(ctx, (x) => tf.softmax(x));
}

export function preluLayer(ctx: LayerContext): BuiltLayer {
  const w = ctx.weights.get('alpha');
  if (!w) throw new LayerError('missing weight alpha');
  // Keras stores alpha with shared axes as size-1 dims: it broadcasts against [N, ...inShape].
  const alpha = weight(ctx, 'alpha');
  return { outShape: ctx.inShape, tensors: [alpha], apply: (x) => leakyRelu(x, alpha) };
}
