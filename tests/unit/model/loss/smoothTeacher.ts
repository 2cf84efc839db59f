// A small teacher for derivative tests: f(x) = W2·σ(W1·vec(x) + b1) + b2 with σ = sin (smooth, non-zero
// Hessian, so the attribution term's outer gradient exercises every second-order path) or relu.
import * as tf from '@tensorflow/tfjs-core';
import type { Teacher } from '../../../../src/model/teacher/types.ts';
import { randomArray, seeded } from '../fd.ts';

export function smoothTeacher(
  inputShape: number[],
  outputSize: number,
  seed: number,
  act: 'sin' | 'relu' = 'sin',
  hidden = 12,
): Teacher {
  const rnd = seeded(seed);
  const d = inputShape.reduce((p, v) => p * v, 1);
  const W1 = tf.keep(tf.tensor2d(randomArray(d * hidden, rnd, 1 / Math.sqrt(d)), [d, hidden]));
  const b1 = tf.keep(tf.tensor1d(randomArray(hidden, rnd, 0.5)));
  const W2 = tf.keep(tf.tensor2d(randomArray(hidden * outputSize, rnd, 1), [hidden, outputSize]));
  const b2 = tf.keep(tf.tensor1d(randomArray(outputSize, rnd, 0.1)));
  return {
    inputShape,
    outputSize,
    kind: 'mlp',
    apply: (x: tf.Tensor) => {
      const v = tf.reshape(x, [x.shape[0], d]) as tf.Tensor2D;
      return tf.add(
        tf.matMul((act === 'relu' ? tf.relu : tf.sin)(tf.add(tf.matMul(v, W1), b1)) as tf.Tensor2D, W2),
        b2,
      );
    },
    compatibility: { ok: true, problems: [] },
    dispose: () => tf.dispose([W1, b1, W2, b2]),
  } as unknown as Teacher;
}
