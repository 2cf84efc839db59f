// Max/average pooling (1-D, 2-D; valid or same; any strides) and global pooling, built from slice,
// reshape, concat, maximum, add and mean. tfjs' MaxPoolGrad has no gradient, so tf.maxPool cannot be
// differentiated twice; these compositions can. Pooling is separable, so a 2-D window is pooled one
// axis after the other. Ties in max pooling go to the first element (as tf.maximum's gradient does).
import * as tf from '@tensorflow/tfjs-core';
import type { Tensor } from '@tensorflow/tfjs-core';
import { cfgBool, cfgTuple, LayerError, requireChannelsLast } from './types.ts';
import type { BuiltLayer, LayerContext } from './types.ts';

type Mode = 'max' | 'avg';

interface AxisPlan {
  axis: number; // in the batched tensor
  k: number;
  s: number;
  out: number;
  padBefore: number;
  padAfter: number;
  /** Valid (non-padded) elements per window, for 'same' averages. */
  counts: number[];
}

function plan(axis: number, n: number, k: number, s: number, same: boolean): AxisPlan {
  const out = same ? Math.ceil(n / s) : Math.floor((n - k) / s) + 1;
  if (out <= 0) throw new LayerError(`pool size ${k} is larger than the input (${n})`);
  const total = same ? Math.max((out - 1) * s + k - n, 0) : 0;
  const padBefore = Math.floor(total / 2);
  const counts = Array.from({ length: out }, (_, i) => {
    const lo = i * s - padBefore;
    return Math.min(lo + k, n) - Math.max(lo, 0);
  });
  return { axis, k, s, out, padBefore, padAfter: total - padBefore, counts };
}

/** Elements start, start+s, …, start+(count−1)s along `axis` (tf.stridedSlice has no usable gradient). */
function strided(x: Tensor, axis: number, start: number, count: number, s: number): Tensor {
  const len = x.shape[axis]!;
  const need = start + count * s;
  let t = x;
  if (need > len) {
    const pad = x.shape.map(() => [0, 0] as [number, number]);
    pad[axis] = [0, need - len];
    t = tf.pad(t, pad);
  }
  const begin = t.shape.map((_, i) => (i === axis ? start : 0));
  const size = t.shape.map((d, i) => (i === axis ? count * s : d!));
  t = tf.slice(t, begin, size);
  if (s === 1) return t;
  const split = [...t.shape.slice(0, axis), count, s, ...t.shape.slice(axis + 1)] as number[];
  t = tf.reshape(t, split);
  const b2 = split.map(() => 0);
  const s2 = split.map((d, i) => (i === axis + 1 ? 1 : d));
  return tf.reshape(tf.slice(t, b2, s2), [...split.slice(0, axis + 1), ...split.slice(axis + 2)]);
}

/** Pads by repeating the edge slices: a max over a window that holds a copy of an edge element is unchanged. */
function edgePad(x: Tensor, axis: number, before: number, after: number): Tensor {
  if (before === 0 && after === 0) return x;
  const n = x.shape[axis]!;
  const edge = (at: number) =>
    tf.slice(
      x,
      x.shape.map((_, i) => (i === axis ? at : 0)),
      x.shape.map((d, i) => (i === axis ? 1 : d!)),
    );
  const first = edge(0);
  const last = edge(n - 1);
  return tf.concat([...Array<Tensor>(before).fill(first), x, ...Array<Tensor>(after).fill(last)], axis);
}

function poolAxis(x: Tensor, p: AxisPlan, mode: Mode): Tensor {
  let xp = x;
  if (p.padBefore + p.padAfter > 0) {
    if (mode === 'max') xp = edgePad(x, p.axis, p.padBefore, p.padAfter);
    else {
      const pad = x.shape.map(() => [0, 0] as [number, number]);
      pad[p.axis] = [p.padBefore, p.padAfter];
      xp = tf.pad(x, pad);
    }
  }
  let acc: Tensor | null = null;
  for (let a = 0; a < p.k; a++) {
    const w = strided(xp, p.axis, a, p.out, p.s);
    acc = acc === null ? w : mode === 'max' ? tf.maximum(acc, w) : tf.add(acc, w);
  }
  return acc!;
}

function pooling(ctx: LayerContext, rank: 1 | 2, mode: Mode): BuiltLayer {
  const c = ctx.config;
  requireChannelsLast(c);
  if (ctx.inShape.length !== rank + 1)
    throw new LayerError(`expects input rank ${rank + 1} (+batch), got [${ctx.inShape.join(', ')}]`);
  const ks = cfgTuple(c, 'pool_size', rank, Array<number>(rank).fill(2));
  const st = cfgTuple(c, 'strides', rank, ks);
  const padding = String(c['padding'] ?? 'valid');
  if (padding !== 'valid' && padding !== 'same')
    throw new LayerError(`padding '${padding}' is not supported`);
  const plans = ks.map((k, i) => plan(i + 1, ctx.inShape[i]!, k, st[i]!, padding === 'same'));
  // 1/count per output position (a rectangle's count is the product of the per-axis counts).
  let inv: Tensor | null = null;
  if (mode === 'avg') {
    const shape = [...plans.map((p) => p.out), 1];
    const vals =
      rank === 1 ? plans[0]!.counts : plans[0]!.counts.flatMap((a) => plans[1]!.counts.map((b) => a * b));
    inv = tf.keep(
      tf.tensor(
        vals.map((v) => 1 / v),
        shape,
        'float32',
      ),
    );
  }
  return {
    outShape: [...plans.map((p) => p.out), ctx.inShape[rank]!],
    tensors: inv ? [inv] : [],
    apply: (x) => {
      let y = x;
      for (const p of plans) y = poolAxis(y, p, mode);
      return inv ? tf.mul(y, inv) : y;
    },
  };
}

function globalPooling(ctx: LayerContext, rank: 1 | 2, mode: Mode): BuiltLayer {
  requireChannelsLast(ctx.config);
  if (ctx.inShape.length !== rank + 1)
    throw new LayerError(`expects input rank ${rank + 1} (+batch), got [${ctx.inShape.join(', ')}]`);
  const axes = rank === 1 ? [1] : [1, 2];
  const keep = cfgBool(ctx.config, 'keepdims', false);
  const ch = ctx.inShape[rank]!;
  return {
    outShape: keep ? [...axes.map(() => 1), ch] : [ch],
    tensors: [],
    // tf.max's gradient is re-registered (recomputed max, zero-gradient Equal): safe at second order.
    apply: (x) => (mode === 'max' ? tf.max(x, axes, keep) : tf.mean(x, axes, keep)),
  };
}

export const maxPooling1d = (ctx: LayerContext) => pooling(ctx, 1, 'max');
export const maxPooling2d = (ctx: LayerContext) => pooling(ctx, 2, 'max');
export const averagePooling1d = (ctx: LayerContext) => pooling(ctx, 1, 'avg');
export const averagePooling2d = (ctx: LayerContext) => pooling(ctx, 2, 'avg');
export const globalMaxPooling1d = (ctx: LayerContext) => globalPooling(ctx, 1, 'max');
export const globalMaxPooling2d = (ctx: LayerContext) => globalPooling(ctx, 2, 'max');
export const globalAveragePooling1d = (ctx: LayerContext) => globalPooling(ctx, 1, 'avg');
export const globalAveragePooling2d = (ctx: LayerContext) => globalPooling(ctx, 2, 'avg');
