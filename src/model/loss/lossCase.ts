// Recomputes one awd_loss.json case (awave's loss at a given h0) and d total / d h0: shared by the
// worker's installation check and the CLI's reference handler.
import * as tf from '@tensorflow/tfjs-core';
import { ATTRIBUTIONS, TRAIN_MODES } from '../../protocol/config.ts';
import type { AttributionMethod, TrainMode } from '../../protocol/config.ts';
import type { AwdLossCase } from '../../protocol/reference.ts';
import type { ResidualGradient } from '../attribution/trim.ts';
import type { Teacher } from '../teacher/types.ts';
import { createPlan } from '../transform/createPlan.ts';
import { awdLoss } from './awdLoss.ts';
import { stackTerms, unstackTerms } from './terms.ts';
import type { LossWeights, TermName } from './terms.ts';

export interface LossCaseResult {
  terms: Record<TermName, number>;
  total: number;
  gradH0: Float64Array;
}

/** Shape and flat float32 data of a nested N×L or N×H×W array. */
export function flattenSignals(x: number[][] | number[][][]): { data: Float32Array; shape: number[] } {
  const shape: number[] = [];
  let cur: unknown = x;
  while (Array.isArray(cur)) {
    shape.push(cur.length);
    cur = cur[0];
  }
  const flat = (x as unknown[]).flat(Infinity) as number[];
  if (flat.length !== shape.reduce((p, d) => p * d, 1))
    throw new Error(`flattenSignals: ragged array of shape [${shape.join(', ')}]`);
  return { data: Float32Array.from(flat), shape };
}

export function evaluateLossCase(
  c: AwdLossCase,
  teacher: Teacher,
  opts: { igSteps?: number; residualGradient?: ResidualGradient } = {},
): LossCaseResult {
  if (!(TRAIN_MODES as readonly string[]).includes(c.mode))
    throw new Error(`evaluateLossCase(${c.id}): unsupported mode '${c.mode}'`);
  if (!(ATTRIBUTIONS as readonly string[]).includes(c.attribution))
    throw new Error(`evaluateLossCase(${c.id}): unsupported attribution '${c.attribution}'`);
  const { data, shape } = flattenSignals(c.x);
  if (shape.length !== c.dims + 1)
    throw new Error(`evaluateLossCase(${c.id}): x has shape [${shape.join(', ')}] but dims is ${c.dims}`);
  const plan = createPlan(shape.slice(1), c.h0.length, c.mode as TrainMode, c.level);
  const weights: LossWeights = { ...c.weights };
  const { vals, grad } = tf.tidy(() => {
    const x = tf.tensor(data, shape);
    let vec: tf.Tensor | null = null;
    const g = tf.grad((h0: tf.Tensor) => {
      const r = awdLoss(h0 as tf.Tensor1D, x, {
        plan,
        teacher,
        target: c.target,
        attribution: c.attribution as AttributionMethod,
        igSteps: opts.igSteps ?? 16,
        residualGradient: opts.residualGradient ?? 'exact',
        weights,
      });
      vec = tf.keep(stackTerms(r.terms, r.total));
      return r.total;
    })(tf.tensor1d(c.h0));
    return { vals: vec! as tf.Tensor, grad: g };
  });
  const v = vals.dataSync();
  const gradH0 = Float64Array.from(grad.dataSync());
  tf.dispose([vals, grad]);
  return { ...unstackTerms(v), gradH0 };
}
