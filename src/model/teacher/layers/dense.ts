// Dense on the last axis (Keras semantics for inputs of any rank) + its activation.
import * as tf from '@tensorflow/tfjs-core';
import type { Tensor } from '@tensorflow/tfjs-core';
import { getActivation } from '../activations.ts';
import { cfgBool, cfgNum, LayerError, weight } from './types.ts';
import type { BuiltLayer, LayerContext } from './types.ts';

export function dense(ctx: LayerContext): BuiltLayer {
  const units = cfgNum(ctx.config, 'units', NaN);
  if (!Number.isInteger(units) || units <= 0)
    throw new LayerError(`units = ${String(ctx.config['units'])} is not a positive integer`);
  const inDim = ctx.inShape[ctx.inShape.length - 1]!;
  const act = getActivation(ctx.config['activation']);
  const kernel = weight(ctx, 'kernel', [inDim, units]);
  const bias = cfgBool(ctx.config, 'use_bias', true) ? weight(ctx, 'bias', [units]) : null;
  const outShape = [...ctx.inShape.slice(0, -1), units];
  return {
    outShape,
    tensors: bias ? [kernel, bias] : [kernel],
    apply: (x: Tensor) => {
      const flat = x.rank === 2 ? (x as tf.Tensor2D) : tf.reshape(x, [-1, inDim]);
      let y: Tensor = tf.matMul(flat as tf.Tensor2D, kernel as tf.Tensor2D);
      if (bias) y = tf.add(y, bias);
      if (x.rank !== 2) y = tf.reshape(y, [x.shape[0]!, ...outShape]);
      return act(y);
    },
  };
}
