// model/loss's evaluateLossCase with asynchronous reads. Measured here: in a Worker on WebGPU
// (SwiftShader), tfjs's synchronous readback (dataSync, via staging canvases) returns zeros, while
// `await data()` is right. The installation check must work on every backend, so the worker reads
// asynchronously; the graph is the model's own (awdLoss, createPlan), only the read differs.
import * as tf from '@tensorflow/tfjs-core';
import { ATTRIBUTIONS, TRAIN_MODES, type AttributionMethod, type TrainMode } from '../protocol/config.ts';
import type { AwdLossCase } from '../protocol/reference.ts';
import { awdLoss, flattenSignals, stackTerms, unstackTerms } from '../model/loss/index.ts';
import type { Teacher } from '../model/teacher/types.ts';
import { createPlan } from '../model/transform/index.ts';
import type { LossCaseResult } from './types.ts';

export async function evaluateLossCaseAsync(c: AwdLossCase, teacher: Teacher): Promise<LossCaseResult> {
  const where = `awd_loss case ${c.id}`;
  if (!(TRAIN_MODES as readonly string[]).includes(c.mode))
    throw new Error(`${where}: unsupported mode '${c.mode}'`);
  if (!(ATTRIBUTIONS as readonly string[]).includes(c.attribution))
    throw new Error(`${where}: unsupported attribution '${c.attribution}'`);
  const { data, shape } = flattenSignals(c.x);
  if (shape.length !== c.dims + 1)
    throw new Error(`${where}: x has shape [${shape.join(', ')}] but dims is ${c.dims}`);
  const plan = createPlan(shape.slice(1), c.h0.length, c.mode as TrainMode, c.level);
  const { vals, grad } = tf.tidy(() => {
    const x = tf.tensor(data, shape);
    let vec: tf.Tensor | null = null;
    const g = tf.grad((h0: tf.Tensor) => {
      const r = awdLoss(h0 as tf.Tensor1D, x, {
        plan,
        teacher,
        target: c.target,
        attribution: c.attribution as AttributionMethod,
        igSteps: 16,
        weights: { ...c.weights },
      });
      vec = tf.keep(stackTerms(r.terms, r.total));
      return r.total;
    })(tf.tensor1d(c.h0));
    return { vals: vec! as tf.Tensor, grad: g };
  });
  try {
    const [v, g] = await Promise.all([vals.data(), grad.data()]);
    return { ...unstackTerms(v), gradH0: Float64Array.from(g) };
  } finally {
    tf.dispose([vals, grad]);
  }
}
