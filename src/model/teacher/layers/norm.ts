// BatchNormalization at inference: an affine map per feature, y = x·s + t with
// s = γ/√(var+ε), t = β − mean·s folded in float64 at load time (γ = 1 / β = 0 when scale / center
// are off). LayerNormalization normalises each sample over its last axis.
import * as tf from '@tensorflow/tfjs-core';
import { cfgBool, cfgNum, LayerError } from './types.ts';
import type { BuiltLayer, LayerContext } from './types.ts';

function singleAxis(ctx: LayerContext): number {
  const a = ctx.config['axis'];
  const ax = Array.isArray(a) ? (a.length === 1 ? Number(a[0]) : NaN) : typeof a === 'number' ? a : -1;
  const rank = ctx.inShape.length + 1;
  const norm = ax < 0 ? ax + rank : ax;
  if (!Number.isInteger(norm) || norm < 1 || norm >= rank)
    throw new LayerError(`axis ${JSON.stringify(a)} is not supported (one feature axis)`);
  return norm;
}

function vec(ctx: LayerContext, key: string, n: number, dflt: number): Float64Array {
  const w = ctx.weights.get(key);
  if (!w) {
    if (Number.isNaN(dflt))
      throw new LayerError(`missing weight '${key}' (have: ${[...ctx.weights.keys()].join(', ') || 'none'})`);
    return new Float64Array(n).fill(dflt);
  }
  if (w.values.length !== n)
    throw new LayerError(`weight '${w.name}' has ${w.values.length} values, expected ${n}`);
  return Float64Array.from(w.values);
}

export function batchNormalization(ctx: LayerContext): BuiltLayer {
  const axis = singleAxis(ctx);
  const n = ctx.inShape[axis - 1]!;
  const eps = cfgNum(ctx.config, 'epsilon', 1e-3);
  const gamma = cfgBool(ctx.config, 'scale', true) ? vec(ctx, 'gamma', n, NaN) : vec(ctx, '', n, 1);
  const beta = cfgBool(ctx.config, 'center', true) ? vec(ctx, 'beta', n, NaN) : vec(ctx, '', n, 0);
  const mean = vec(ctx, 'moving_mean', n, NaN);
  const variance = vec(ctx, 'moving_variance', n, NaN);
  const s = gamma.map((g, i) => g / Math.sqrt(variance[i]! + eps));
  const t = beta.map((b, i) => b - mean[i]! * s[i]!);
  const shape = ctx.inShape.map((d, i) => (i === axis - 1 ? d : 1));
  const S = tf.keep(tf.tensor(Float32Array.from(s), shape, 'float32'));
  const T = tf.keep(tf.tensor(Float32Array.from(t), shape, 'float32'));
  return { outShape: ctx.inShape, tensors: [S, T], apply: (x) => tf.add(tf.mul(x, S), T) };
}

export function layerNormalization(ctx: LayerContext): BuiltLayer {
  const axis = singleAxis(ctx);
  if (axis !== ctx.inShape.length) throw new LayerError('only the last axis is supported');
  const n = ctx.inShape[axis - 1]!;
  const eps = cfgNum(ctx.config, 'epsilon', 1e-3);
  const g = tf.keep(
    tf.tensor1d(
      Float32Array.from(cfgBool(ctx.config, 'scale', true) ? vec(ctx, 'gamma', n, NaN) : vec(ctx, '', n, 1)),
    ),
  );
  const b = tf.keep(
    tf.tensor1d(
      Float32Array.from(cfgBool(ctx.config, 'center', true) ? vec(ctx, 'beta', n, NaN) : vec(ctx, '', n, 0)),
    ),
  );
  return {
    outShape: ctx.inShape,
    tensors: [g, b],
    apply: (x) => {
      const m = tf.mean(x, -1, true);
      const d = tf.sub(x, m);
      const v = tf.mean(tf.square(d), -1, true);
      return tf.add(tf.mul(tf.div(d, tf.sqrt(tf.add(v, eps))), g), b);
    },
  };
}
