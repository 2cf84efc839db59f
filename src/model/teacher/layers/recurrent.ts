// LSTM, GRU (reset_after false/true) and SimpleRNN with Keras semantics, unrolled over time with
// matMul / slice / stack, whose gradients are all differentiable again. Gate order: LSTM i,f,c,o;
// GRU z,r,h. recurrent_activation may be sigmoid or hard_sigmoid (relu form, no clip).
import * as tf from '@tensorflow/tfjs-core';
import type { Tensor } from '@tensorflow/tfjs-core';
import { getActivation } from '../activations.ts';
import { cfgBool, cfgNum, LayerError, weight } from './types.ts';
import type { BuiltLayer, LayerContext } from './types.ts';

type Cell = 'lstm' | 'gru' | 'rnn';
const GATES: Record<Cell, number> = { lstm: 4, gru: 3, rnn: 1 };

/** Columns [g·u, (g+1)·u) of a [*, G·u] tensor. */
const gate = (t: Tensor, g: number, u: number) => tf.slice(t, [0, g * u], [t.shape[0]!, u]);

function recurrent(ctx: LayerContext, cell: Cell): BuiltLayer {
  const c = ctx.config;
  if (ctx.inShape.length !== 2)
    throw new LayerError(`expects [time, features] input, got [${ctx.inShape.join(', ')}]`);
  for (const k of ['return_state', 'stateful'] as const)
    if (cfgBool(c, k, false)) throw new LayerError(`${k} = true is not supported`);
  const units = cfgNum(c, 'units', NaN);
  if (!Number.isInteger(units) || units <= 0)
    throw new LayerError(`units = ${String(c['units'])} is not a positive integer`);
  const [steps, feat] = ctx.inShape as [number, number];
  const G = GATES[cell];
  const act = getActivation(c['activation'] ?? 'tanh');
  const rec = getActivation(c['recurrent_activation'] ?? (cell === 'rnn' ? 'linear' : 'hard_sigmoid'));
  const resetAfter = cell === 'gru' && cfgBool(c, 'reset_after', false);
  const W = weight(ctx, 'kernel', [feat, G * units]);
  const U = weight(ctx, 'recurrent_kernel', [units, G * units]);
  const useBias = cfgBool(c, 'use_bias', true);
  // reset_after keeps two bias rows [input; recurrent], sliced in apply() so a live bias trains.
  const bias = useBias ? weight(ctx, 'bias', resetAfter ? [2, G * units] : [G * units]) : null;
  const biasRow = (r: number) => tf.reshape(tf.slice(bias!, [r, 0], [1, G * units]), [G * units]);
  const returnSeq = cfgBool(c, 'return_sequences', false);
  const backwards = cfgBool(c, 'go_backwards', false);
  const tensors = [W, U, bias].filter((t): t is Tensor => t !== null);

  const step = (xt: Tensor, h: Tensor, cs: Tensor, bRec: Tensor | null): [Tensor, Tensor] => {
    if (cell === 'rnn') return [act(tf.add(xt, tf.matMul(h as tf.Tensor2D, U as tf.Tensor2D))), cs];
    if (cell === 'lstm') {
      const z = tf.add(xt, tf.matMul(h as tf.Tensor2D, U as tf.Tensor2D));
      const i = rec(gate(z, 0, units));
      const f = rec(gate(z, 1, units));
      const cNew = tf.add(tf.mul(f, cs), tf.mul(i, act(gate(z, 2, units))));
      const o = rec(gate(z, 3, units));
      return [tf.mul(o, act(cNew)), cNew];
    }
    let inner: Tensor = tf.matMul(h as tf.Tensor2D, U as tf.Tensor2D);
    if (bRec) inner = tf.add(inner, bRec);
    const z = rec(tf.add(gate(xt, 0, units), gate(inner, 0, units)));
    const r = rec(tf.add(gate(xt, 1, units), gate(inner, 1, units)));
    const hh = resetAfter
      ? act(tf.add(gate(xt, 2, units), tf.mul(r, gate(inner, 2, units))))
      : act(
          tf.add(
            gate(xt, 2, units),
            tf.matMul(tf.mul(r, h) as tf.Tensor2D, gate(U, 2, units) as tf.Tensor2D),
          ),
        );
    return [tf.add(tf.mul(z, h), tf.mul(tf.sub(1, z), hh)), cs];
  };

  return {
    outShape: returnSeq ? [steps, units] : [units],
    tensors,
    apply: (x) => {
      const n = x.shape[0]!;
      // All input projections in one matMul: [N·T, F]·[F, G·u].
      let xw: Tensor = tf.matMul(tf.reshape(x, [n * steps, feat]) as tf.Tensor2D, W as tf.Tensor2D);
      if (bias) xw = tf.add(xw, resetAfter ? biasRow(0) : bias);
      const bRec = bias && resetAfter ? biasRow(1) : null;
      const seq = tf.reshape(xw, [n, steps, G * units]);
      // tf.slice per step, not tf.unstack: with unstack's outputs consumed out of order (go_backwards)
      // tfjs 4.22 silently dropped a second-order path (the probe caught it).
      const at = (t: number) => tf.reshape(tf.slice(seq, [0, t, 0], [n, 1, G * units]), [n, G * units]);
      const xs = Array.from({ length: steps }, (_, t) => at(backwards ? steps - 1 - t : t));
      let h: Tensor = tf.zeros([n, units]);
      let cs: Tensor = tf.zeros([n, units]);
      const hs: Tensor[] = [];
      for (const xt of xs) {
        [h, cs] = step(xt, h, cs, bRec);
        hs.push(h);
      }
      return returnSeq ? tf.stack(hs, 1) : h;
    },
  };
}

export const lstm = (ctx: LayerContext) => recurrent(ctx, 'lstm');
export const gru = (ctx: LayerContext) => recurrent(ctx, 'gru');
export const simpleRnn = (ctx: LayerContext) => recurrent(ctx, 'rnn');
