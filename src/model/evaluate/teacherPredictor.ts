// The teacher as a row of the table: its own predictions of the target on the held-out signals, its
// weight count, and its input-space compression (energy of the raw samples, and attributions = the
// input gradient ∇ₓf, i.e. saliency in the identity basis — what AWD's wavelet attributions compete with).
import * as tf from '@tensorflow/tfjs-core';
import type { Teacher } from '../teacher/types.ts';
import type { Clock } from './predictors1d.ts';

/** Number of weights of a teacher built from layer specs (ours or a loaded model.json); else null. */
export function teacherParamCount(teacher: Teacher): number | null {
  const src = (teacher as { source?: { weights?: { values: ArrayLike<number> }[] } }).source;
  if (!src?.weights) return null;
  return src.weights.reduce((s, w) => s + w.values.length, 0);
}

/** Output `target` of the teacher for every signal of x (float32 rows of `signalShape`), timed. */
export function teacherPredict(
  teacher: Teacher,
  x: Float32Array,
  signalShape: readonly number[],
  target: number,
  now: Clock,
  chunk = 256,
): { yhat: Float64Array; msPerSample: number } {
  const per = signalShape.reduce((p, d) => p * d, 1);
  const n = x.length / per;
  const yhat = new Float64Array(n);
  const t0 = now();
  for (let s = 0; s < n; s += chunk) {
    const m = Math.min(chunk, n - s);
    const out = tf.tidy(() =>
      tf.slice(
        teacher.apply(tf.tensor(x.subarray(s * per, (s + m) * per), [m, ...signalShape])),
        [0, target],
        [m, 1],
      ),
    );
    const v = out.dataSync();
    out.dispose();
    for (let i = 0; i < m; i++) yhat[s + i] = v[i]!;
  }
  return { yhat, msPerSample: (now() - t0) / n };
}

/** ∇ₓ f_target(x) per signal (n × per, float64 rows), in chunks. */
export function teacherInputGradients(
  teacher: Teacher,
  x: Float32Array,
  signalShape: readonly number[],
  target: number,
  chunk = 256,
): Float64Array {
  const per = signalShape.reduce((p, d) => p * d, 1);
  const n = x.length / per;
  const out = new Float64Array(n * per);
  const inShape = [...teacher.inputShape];
  for (let s = 0; s < n; s += chunk) {
    const m = Math.min(chunk, n - s);
    const g = tf.tidy(() =>
      tf.grad((z: tf.Tensor) =>
        tf.sum(tf.slice(teacher.apply(tf.reshape(z, [m, ...inShape])), [0, target], [m, 1])),
      )(tf.tensor(x.subarray(s * per, (s + m) * per), [m, ...signalShape])),
    );
    out.set(g.dataSync(), s * per);
    g.dispose();
  }
  return out;
}
