// Shape-only layers and inference-time identities: Flatten, Reshape, Permute, ZeroPadding1D/2D,
// Cropping1D/2D, and Dropout & co. (identity at inference).
import * as tf from '@tensorflow/tfjs-core';
import type { Tensor } from '@tensorflow/tfjs-core';
import { LayerError, requireChannelsLast, sizeOf } from './types.ts';
import type { BuiltLayer, LayerContext } from './types.ts';

const none = { tensors: [] as Tensor[] };

export const identity = (ctx: LayerContext): BuiltLayer => ({
  ...none,
  outShape: ctx.inShape,
  apply: (x) => x,
});

export function flattenLayer(ctx: LayerContext): BuiltLayer {
  requireChannelsLast(ctx.config);
  const n = sizeOf(ctx.inShape);
  return { ...none, outShape: [n], apply: (x) => tf.reshape(x, [x.shape[0]!, n]) };
}

export function reshapeLayer(ctx: LayerContext): BuiltLayer {
  const target = (ctx.config['target_shape'] ?? ctx.config['targetShape']) as (number | null)[] | undefined;
  if (!Array.isArray(target)) throw new LayerError('no target_shape');
  const n = sizeOf(ctx.inShape);
  const known = target.filter((d): d is number => typeof d === 'number' && d > 0);
  const free = target.length - known.length;
  if (free > 1 || (free === 0 && sizeOf(known) !== n) || (free === 1 && n % sizeOf(known) !== 0))
    throw new LayerError(`cannot reshape [${ctx.inShape.join(', ')}] to [${target.join(', ')}]`);
  const outShape = target.map((d) => (typeof d === 'number' && d > 0 ? d : n / sizeOf(known)));
  return { ...none, outShape, apply: (x) => tf.reshape(x, [x.shape[0]!, ...outShape]) };
}

export function permuteLayer(ctx: LayerContext): BuiltLayer {
  const dims = ctx.config['dims'] as number[] | undefined;
  if (!Array.isArray(dims) || dims.length !== ctx.inShape.length)
    throw new LayerError(`dims ${JSON.stringify(dims)} do not fit the input`);
  return {
    ...none,
    outShape: dims.map((d) => ctx.inShape[d - 1]!),
    apply: (x) => tf.transpose(x, [0, ...dims]),
  };
}

/** Keras padding/cropping specs: n, [a, b] per dim, or [[a, b], [c, d]]. */
function pairs(ctx: LayerContext, key: string, rank: number): [number, number][] {
  const v = ctx.config[key];
  if (typeof v === 'number') return Array.from({ length: rank }, () => [v, v]);
  if (Array.isArray(v) && v.every((e) => Array.isArray(e))) return v as [number, number][];
  if (Array.isArray(v) && rank === 1 && v.length === 2) return [v as [number, number]];
  if (Array.isArray(v) && rank === 2 && v.length === 2)
    return (v as number[]).map((e) => [e, e] as [number, number]);
  throw new LayerError(`${key} = ${JSON.stringify(v)} is not understood`);
}

function zeroPadding(ctx: LayerContext, rank: 1 | 2): BuiltLayer {
  requireChannelsLast(ctx.config);
  const p = pairs(ctx, 'padding', rank);
  const outShape = ctx.inShape.map((d, i) => (i < rank ? d + p[i]![0] + p[i]![1] : d));
  return { ...none, outShape, apply: (x) => tf.pad(x, [[0, 0], ...p, [0, 0]]) };
}

function cropping(ctx: LayerContext, rank: 1 | 2): BuiltLayer {
  requireChannelsLast(ctx.config);
  const p = pairs(ctx, 'cropping', rank);
  const outShape = ctx.inShape.map((d, i) => (i < rank ? d - p[i]![0] - p[i]![1] : d));
  if (outShape.some((d) => d <= 0)) throw new LayerError('cropping removes the whole input');
  const begin = [0, ...p.map((q) => q[0]), 0];
  return { ...none, outShape, apply: (x) => tf.slice(x, begin, [x.shape[0]!, ...outShape]) };
}

export const zeroPadding1d = (ctx: LayerContext) => zeroPadding(ctx, 1);
export const zeroPadding2d = (ctx: LayerContext) => zeroPadding(ctx, 2);
export const cropping1d = (ctx: LayerContext) => cropping(ctx, 1);
export const cropping2d = (ctx: LayerContext) => cropping(ctx, 2);
