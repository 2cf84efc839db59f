// Differentiable 1-D multilevel DWT/IDWT (pywt's wavedec/waverec) over a learnable h0.
import * as tf from '@tensorflow/tfjs-core';
import type { TrainMode } from '../../protocol/config.ts';
import type { BoundTransform, NativeOps, TransformPlan } from './plan.ts';
import { axisSelectors, levelMatrices } from './selectors.ts';
import { ensureFastWasmKernels } from './wasmKernels.ts';
import type { AxisSelectors } from './selectors.ts';

export function plan1d(length: number, K: number, mode: TrainMode, level: number): TransformPlan {
  if (!Number.isInteger(level) || level < 1)
    throw new Error(`plan1d: level must be an integer ≥ 1, got ${level}`);
  // levels[0] is level 1 (finest).
  const levels: AxisSelectors[] = [];
  let n = length;
  for (let j = 0; j < level; j++) {
    const s = axisSelectors(n, K, mode);
    levels.push(s);
    n = s.m;
  }
  const bandShapes = [[levels[level - 1]!.m], ...levels.map((s) => [s.m]).reverse()];
  const bandScale = bandShapes.map((_, i) => i);

  const bind = (h0: tf.Tensor1D): BoundTransform => {
    ensureFastWasmKernels();
    const row = tf.reshape(h0, [1, K]) as tf.Tensor2D;
    const mats = levels.map((s) => levelMatrices(row, s));

    const forward = (x: tf.Tensor): tf.Tensor[] => {
      let a = tf.reshape(x, [x.shape[0], length]) as tf.Tensor2D;
      const details: tf.Tensor[] = [];
      for (let j = 0; j < level; j++) {
        details.push(tf.matMul(a, mats[j]!.Ahi, false, true));
        a = tf.matMul(a, mats[j]!.Alo, false, true);
      }
      return [a, ...details.reverse()];
    };

    const inverseFull = (bands: readonly tf.Tensor[]): tf.Tensor => {
      if (bands.length !== level + 1)
        throw new Error(`waverec1d: expected ${level + 1} bands, got ${bands.length}`);
      let a = bands[0] as tf.Tensor2D;
      for (let j = level - 1; j >= 0; j--) {
        const d = bands[level - j] as tf.Tensor2D;
        // Blo(len(a)) has a zero column for the sample pywt's waverec trims off a longer approximation.
        a = tf.add(
          tf.matMul(a, mats[j]!.Blo(a.shape[1]), false, true),
          tf.matMul(d, mats[j]!.Bhi, false, true),
        );
      }
      return a;
    };

    const inverse = (bands: readonly tf.Tensor[]): tf.Tensor => {
      const full = inverseFull(bands);
      return full.shape[1] === length ? full : tf.slice(full, [0, 0], [full.shape[0], length]);
    };
    const inverseAdjoint = (g: tf.Tensor): tf.Tensor[] => {
      const N = g.shape[0];
      let a = tf.reshape(g, [N, length]) as tf.Tensor2D;
      const nOut = levels[0]!.nOut;
      if (nOut > length)
        a = tf.pad(a, [
          [0, 0],
          [0, nOut - length],
        ]); // adjoint of the crop
      const details: tf.Tensor[] = [];
      for (let j = 0; j < level; j++) {
        // The approximation fed into level j's synthesis had the length of level j+1's output.
        const mIn = j + 1 < level ? levels[j + 1]!.nOut : levels[j]!.m;
        details.push(tf.matMul(a, mats[j]!.Bhi));
        a = tf.matMul(a, mats[j]!.Blo(mIn));
      }
      return [a, ...details.reverse()];
    };
    const id = (t: tf.Tensor) => t;
    const native: NativeOps = {
      batchAxis: 0,
      toNative: id,
      fromNative: id,
      forward,
      inverse,
      inverseAdjoint,
    };
    return { forward, inverseFull, inverse, inverseAdjoint, native };
  };

  return { dims: 1, signalShape: [length], K, mode, level, bandShapes, bandScale, bind };
}
