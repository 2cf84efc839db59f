// Conv1D / Conv2D (channels_last; valid, same or causal padding; strides; dilation) as one conv2d
// w.r.t. the input, whose gradient (conv2DBackpropInput) is itself differentiable. Dilation is
// baked into a zero-stuffed kernel: tfjs' conv2d gradient refuses dilation rates > 1.
import * as tf from '@tensorflow/tfjs-core';
import type { Tensor } from '@tensorflow/tfjs-core';
import { getActivation } from '../activations.ts';
import { cfgBool, cfgNum, cfgTuple, LayerError, requireChannelsLast, weight } from './types.ts';
import type { BuiltLayer, LayerContext } from './types.ts';

/** Inserts d−1 zeros between taps along `axis` (tf ops, so a live kernel stays differentiable). */
function dilateAxis(k: Tensor, axis: number, d: number): Tensor {
  if (d === 1) return k;
  const n = k.shape[axis]!;
  const pad = [...k.shape.map(() => [0, 0] as [number, number]), [0, 0] as [number, number]];
  pad[axis + 1] = [0, d - 1];
  const spread = tf.pad(tf.expandDims(k, axis + 1), pad);
  const merged = [...k.shape.slice(0, axis), n * d, ...k.shape.slice(axis + 1)] as number[];
  const size = merged.map((s, i) => (i === axis ? (n - 1) * d + 1 : s));
  return tf.slice(
    tf.reshape(spread, merged),
    merged.map(() => 0),
    size,
  );
}

/** [kh,kw,C,F] kernel of an equivalent undilated conv2d (a 1-D kernel gets kh = 1). */
function kernel4(raw: Tensor, rank: 1 | 2, dl: number[]): Tensor {
  const k = rank === 1 ? tf.expandDims(raw, 0) : raw;
  return rank === 1 ? dilateAxis(k, 1, dl[0]!) : dilateAxis(dilateAxis(k, 0, dl[0]!), 1, dl[1]!);
}

const outLen = (n: number, k: number, s: number, same: boolean) =>
  same ? Math.ceil(n / s) : Math.floor((n - k) / s) + 1;

function conv(ctx: LayerContext, rank: 1 | 2): BuiltLayer {
  const c = ctx.config;
  requireChannelsLast(c);
  if (cfgNum(c, 'groups', 1) !== 1) throw new LayerError(`groups = ${String(c['groups'])} is not supported`);
  if (ctx.inShape.length !== rank + 1)
    throw new LayerError(`expects input rank ${rank + 1} (+batch), got [${ctx.inShape.join(', ')}]`);
  const filters = cfgNum(c, 'filters', NaN);
  const ks = cfgTuple(c, 'kernel_size', rank, null);
  const st = cfgTuple(c, 'strides', rank, Array<number>(rank).fill(1));
  const dl = cfgTuple(c, 'dilation_rate', rank, Array<number>(rank).fill(1));
  const padding = String(c['padding'] ?? 'valid');
  if (!['valid', 'same', 'causal'].includes(padding) || (padding === 'causal' && rank === 2))
    throw new LayerError(`padding '${padding}' is not supported`);
  if (st.some((s) => s > 1) && dl.some((d) => d > 1))
    throw new LayerError('strides > 1 together with dilation_rate > 1 is not supported');
  const cin = ctx.inShape[rank]!;
  const raw = weight(ctx, 'kernel', [...ks, cin, filters]);
  // Constants are prepared once; a live (training) kernel inside every apply().
  const fixed = ctx.live?.has('kernel') ? null : tf.keep(tf.tidy(() => kernel4(raw, rank, dl)));
  if (fixed && fixed !== raw) raw.dispose();
  const bias = cfgBool(c, 'use_bias', true) ? weight(ctx, 'bias', [filters]) : null;
  const act = getActivation(c['activation']);
  const eff = ks.map((k, i) => (k - 1) * dl[i]! + 1);
  const same = padding === 'same';
  const spatial = ctx.inShape
    .slice(0, rank)
    .map((n, i) =>
      padding === 'causal' ? Math.floor((n - 1) / st[i]!) + 1 : outLen(n, eff[i]!, st[i]!, same),
    );
  if (spatial.some((n) => n <= 0))
    throw new LayerError(`input [${ctx.inShape.join(', ')}] is smaller than the kernel`);
  const strides: [number, number] = rank === 1 ? [1, st[0]!] : [st[0]!, st[1]!];
  return {
    outShape: [...spatial, filters],
    tensors: [fixed ?? raw, ...(bias ? [bias] : [])],
    apply: (x: Tensor) => {
      let x4 = rank === 1 ? tf.expandDims(x, 1) : x;
      // causal = left-pad (k−1)·d, then valid.
      if (padding === 'causal')
        x4 = tf.pad(x4, [
          [0, 0],
          [0, 0],
          [eff[0]! - 1, 0],
          [0, 0],
        ]);
      const kernel = fixed ?? kernel4(raw, rank, dl);
      let y: Tensor = tf.conv2d(x4 as tf.Tensor4D, kernel as tf.Tensor4D, strides, same ? 'same' : 'valid');
      if (bias) y = tf.add(y, bias);
      if (rank === 1) y = tf.squeeze(y, [1]);
      return act(y);
    },
  };
}

export const conv1d = (ctx: LayerContext) => conv(ctx, 1);
export const conv2d = (ctx: LayerContext) => conv(ctx, 2);
