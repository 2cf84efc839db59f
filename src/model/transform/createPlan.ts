import type { TrainMode } from '../../protocol/config.ts';
import { plan1d } from './dwt1d.ts';
import { plan2d } from './dwt2d.ts';
import type { TransformPlan } from './plan.ts';

/** A plan for a signal shape without the batch dim: [L] (1-D) or [H, W] (2-D). */
export function createPlan(
  signalShape: readonly number[],
  K: number,
  mode: TrainMode,
  level: number,
): TransformPlan {
  if (signalShape.length === 1) return plan1d(signalShape[0]!, K, mode, level);
  if (signalShape.length === 2) return plan2d(signalShape[0]!, signalShape[1]!, K, mode, level);
  throw new Error(`createPlan: expected a signal shape [L] or [H, W], got [${signalShape.join(', ')}]`);
}
