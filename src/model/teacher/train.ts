// Trains a seeded teacher: Adam on mini-batches (seeded shuffling), MSE or softmax cross-entropy,
// early stopping on a seeded validation split with the best weights restored. The result is a
// constant-weight Teacher (its weights are no longer tf.Variables, so no optimizer in the AWD
// engine can touch them) plus the loss history and a held-out metric.
import * as tf from '@tensorflow/tfjs-core';
import type { Tensor } from '@tensorflow/tfjs-core';
import { teacherSpec } from './build.ts';
import type { TeacherArch } from './build.ts';
import { mulberry32, shuffled } from './rng.ts';
import { buildLayers, buildTeacher, groupWeights } from './teacher.ts';
import type { LayersTeacher } from './teacher.ts';

export interface EpochLog {
  epoch: number;
  trainLoss: number;
  valLoss: number;
}
export type HeldOutMetric = 'rmse' | 'r2' | 'accuracy';

export interface TrainTeacherOptions {
  arch: TeacherArch;
  seed: number;
  /** Inputs, N samples of ∏inputShape values each, row-major. */
  x: Float32Array;
  /** Regression: N × outputs targets. Classification: N class ids (outputs = number of classes). */
  y: Float32Array | Int32Array;
  task: 'regression' | 'classification';
  epochs?: number;
  batchSize?: number;
  learningRate?: number;
  /** Fraction held out for early stopping and the reported metric (default 0.2). */
  validationSplit?: number;
  /** Epochs without a better validation loss before stopping (default 10). */
  patience?: number;
  /** Regression metric (default 'r2'). */
  metric?: 'rmse' | 'r2';
  /** Live progress; return false to stop after this epoch. */
  onEpoch?: (log: EpochLog) => void | boolean;
  /** Awaited after each epoch (e.g. to let a worker answer messages). */
  yieldEvery?: () => Promise<void>;
}

export interface TrainedTeacher {
  teacher: LayersTeacher;
  history: EpochLog[];
  heldOut: { metric: HeldOutMetric; value: number };
  /** Epoch whose weights were kept (best validation loss). */
  bestEpoch: number;
}

function rows(src: Float32Array | Int32Array, idx: number[], width: number): Float32Array {
  const out = new Float32Array(idx.length * width);
  idx.forEach((r, i) => out.set(src.subarray(r * width, (r + 1) * width), i * width));
  return out;
}

export async function trainTeacher(o: TrainTeacherOptions): Promise<TrainedTeacher> {
  const source = teacherSpec(o.arch, o.seed);
  const per = source.inputShape.reduce((p, d) => p * d, 1);
  const outputs = o.arch.outputs ?? 1;
  const n = o.x.length / per;
  const yWidth = o.task === 'regression' ? outputs : 1;
  if (!Number.isInteger(n) || n < 2)
    throw new Error(
      `trainTeacher: x has ${o.x.length} values, not a whole number (≥ 2) of ${per}-value samples`,
    );
  if (o.y.length !== n * yWidth)
    throw new Error(`trainTeacher: y has ${o.y.length} values, expected ${n * yWidth}`);
  const [epochs, batch, lr, split, patience] = [
    o.epochs ?? 100,
    o.batchSize ?? 32,
    o.learningRate ?? 1e-3,
    o.validationSplit ?? 0.2,
    o.patience ?? 10,
  ];
  const rnd = mulberry32(o.seed ^ 0x5eed);
  const perm = shuffled(rnd, n);
  const nVal = Math.min(n - 1, Math.max(1, Math.round(n * split)));
  const valIdx = perm.slice(0, nVal);
  const trainIdx = perm.slice(nVal);

  // Trainable copies of the initial weights, handed to the layer builders as live tensors.
  const vars = source.weights.map((w) => {
    const init = tf.tensor(w.values, w.shape, 'float32');
    const v = tf.variable(init, true); // shares init's data; the handle itself must go
    init.dispose();
    return v;
  });
  const byName = new Map(source.weights.map((w, i) => [w.name, vars[i]!]));
  const live = new Map(
    [...groupWeights(source.layers, source.weights)].map(([layer, ws]) => [
      layer,
      new Map([...ws].map(([k, w]) => [k, byName.get(w.name)! as Tensor])),
    ]),
  );
  const built = buildLayers(source, live);
  const forward = (x: Tensor) =>
    tf.reshape(
      built.reduce((y, l) => l.apply(y), x),
      [x.shape[0]!, outputs],
    );
  const target = (yv: Float32Array, m: number): Tensor =>
    o.task === 'regression'
      ? tf.tensor2d(yv, [m, outputs])
      : tf.oneHot(tf.tensor1d(Int32Array.from(yv), 'int32'), outputs);
  const lossOf = (pred: Tensor, t: Tensor): tf.Scalar =>
    o.task === 'regression'
      ? (tf.mean(tf.square(tf.sub(pred, t))) as tf.Scalar)
      : (tf.neg(tf.mean(tf.sum(tf.mul(t, tf.sub(pred, tf.logSumExp(pred, -1, true))), -1))) as tf.Scalar);
  const xVal = tf.tensor(rows(o.x, valIdx, per), [nVal, ...source.inputShape]);
  const yValRaw = rows(o.y, valIdx, yWidth);
  const yVal = target(yValRaw, nVal);
  const opt = tf.train.adam(lr);

  const history: EpochLog[] = [];
  let best = { loss: Infinity, epoch: 0, values: vars.map((v) => (v.dataSync() as Float32Array).slice()) };
  try {
    for (let epoch = 1; epoch <= epochs; epoch++) {
      const order = shuffled(rnd, trainIdx.length).map((i) => trainIdx[i]!);
      let sum = 0;
      for (let s = 0; s < order.length; s += batch) {
        const idx = order.slice(s, s + batch);
        const cost = tf.tidy(() => {
          const xb = tf.tensor(rows(o.x, idx, per), [idx.length, ...source.inputShape]);
          const yb = target(rows(o.y, idx, yWidth), idx.length);
          return opt.minimize(() => lossOf(forward(xb), yb), true, vars)!;
        });
        sum += cost.dataSync()[0]! * idx.length;
        cost.dispose();
      }
      const valLoss = tf.tidy(() => lossOf(forward(xVal), yVal).dataSync()[0]!);
      const log = { epoch, trainLoss: sum / order.length, valLoss };
      history.push(log);
      if (valLoss < best.loss)
        best = { loss: valLoss, epoch, values: vars.map((v) => (v.dataSync() as Float32Array).slice()) };
      const stop = o.onEpoch?.(log) === false || epoch - best.epoch >= patience || !Number.isFinite(valLoss);
      await o.yieldEvery?.();
      if (stop) break;
    }
    const weights = source.weights.map((w, i) => ({ ...w, values: best.values[i]! }));
    const teacher = buildTeacher({ ...source, weights });
    const heldOut = tf.tidy(() => evaluate(teacher.apply(xVal), yValRaw, o.task, o.metric ?? 'r2', outputs));
    return { teacher, history, heldOut, bestEpoch: best.epoch };
  } finally {
    for (const b of built) tf.dispose(b.tensors.filter((t) => !(t instanceof tf.Variable)));
    tf.dispose([...vars, xVal, yVal]);
    opt.dispose();
  }
}

function evaluate(
  pred: Tensor,
  y: Float32Array,
  task: 'regression' | 'classification',
  metric: 'rmse' | 'r2',
  k: number,
) {
  const p = pred.dataSync();
  if (task === 'classification') {
    let hit = 0;
    for (let i = 0; i < y.length; i++) {
      let arg = 0;
      for (let j = 1; j < k; j++) if (p[i * k + j]! > p[i * k + arg]!) arg = j;
      if (arg === y[i]) hit++;
    }
    return { metric: 'accuracy' as const, value: hit / y.length };
  }
  let res = 0;
  let tot = 0;
  const m = y.length / k;
  for (let j = 0; j < k; j++) {
    let mean = 0;
    for (let i = 0; i < m; i++) mean += y[i * k + j]! / m;
    for (let i = 0; i < m; i++) {
      res += (p[i * k + j]! - y[i * k + j]!) ** 2;
      tot += (y[i * k + j]! - mean) ** 2;
    }
  }
  // R² is undefined when the held-out targets do not vary (e.g. one held-out sample): report RMSE then.
  return metric === 'rmse' || !(tot > 0)
    ? { metric: 'rmse' as const, value: Math.sqrt(res / y.length) }
    : { metric: 'r2' as const, value: 1 - res / tot };
}
