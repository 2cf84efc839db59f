// Differentiable 2-D multilevel DWT/IDWT (pywt's wavedec2/waverec2, separable, the same h0 on both
// axes). Computed in the layout [rows, N, cols]: along W a tensor is a [rows·N, cols] matrix times Mᵀ,
// along H it is M times a [rows, N·cols] matrix, so no level needs a transpose (tfjs' batched matMul
// gradient does not reduce broadcast batch dims, and transposes dominated the cpu profile).
import * as tf from '@tensorflow/tfjs-core';
import type { TrainMode } from '../../protocol/config.ts';
import type { BoundTransform, NativeOps, TransformPlan } from './plan.ts';
import { axisSelectors, levelMatrices } from './selectors.ts';
import { ensureFastWasmKernels } from './wasmKernels.ts';
import type { AxisSelectors, LevelMatrices } from './selectors.ts';

type T3 = [number, number, number];

/** t [r, N, q] → [r, N, p] with M [p, q] (transposed = false: M is [q, p], the adjoint direction). */
function alongW(t: tf.Tensor, M: tf.Tensor2D, adjoint = false): tf.Tensor {
  const [r, N, q] = t.shape as T3;
  const p = adjoint ? M.shape[1] : M.shape[0];
  return tf.reshape(tf.matMul(tf.reshape(t, [r * N, q]), M, false, !adjoint), [r, N, p]);
}

/** t [r, N, q] → [p, N, q] with M [p, r] (adjoint: M [r, p] used as Mᵀ). */
function alongH(t: tf.Tensor, M: tf.Tensor2D, adjoint = false): tf.Tensor {
  const [r, N, q] = t.shape as T3;
  const p = adjoint ? M.shape[1] : M.shape[0];
  return tf.reshape(tf.matMul(M, tf.reshape(t, [r, N * q]), adjoint, false), [p, N, q]);
}

const swap01 = (t: tf.Tensor) => tf.transpose(t, [1, 0, 2]);

export function plan2d(
  height: number,
  width: number,
  K: number,
  mode: TrainMode,
  level: number,
): TransformPlan {
  if (!Number.isInteger(level) || level < 1)
    throw new Error(`plan2d: level must be an integer ≥ 1, got ${level}`);
  const rows: AxisSelectors[] = [];
  const cols: AxisSelectors[] = [];
  let h = height;
  let w = width;
  for (let j = 0; j < level; j++) {
    rows.push(axisSelectors(h, K, mode));
    cols.push(axisSelectors(w, K, mode));
    h = rows[j]!.m;
    w = cols[j]!.m;
  }
  const bandShapes: number[][] = [[h, w]];
  const bandScale: number[] = [0];
  for (let j = level - 1; j >= 0; j--)
    for (let b = 0; b < 3; b++) {
      bandShapes.push([rows[j]!.m, cols[j]!.m]);
      bandScale.push(level - j);
    }

  const bind = (h0: tf.Tensor1D): BoundTransform => {
    ensureFastWasmKernels();
    const row = tf.reshape(h0, [1, K]) as tf.Tensor2D;
    const MH: LevelMatrices[] = rows.map((s) => levelMatrices(row, s));
    const MW: LevelMatrices[] = cols.map((s) => levelMatrices(row, s));

    const forward = (xn: tf.Tensor): tf.Tensor[] => {
      let a = xn;
      const details: tf.Tensor[][] = [];
      for (let j = 0; j < level; j++) {
        const lw = alongW(a, MW[j]!.Alo);
        const hw = alongW(a, MW[j]!.Ahi);
        // pywt: cH = detail along axis 0 (rows), approximation along axis 1; cV the other way round.
        details.push([alongH(lw, MH[j]!.Ahi), alongH(hw, MH[j]!.Alo), alongH(hw, MH[j]!.Ahi)]);
        a = alongH(lw, MH[j]!.Alo);
      }
      return [a, ...details.reverse().flat()];
    };

    const inverseFull = (bands: readonly tf.Tensor[]): tf.Tensor => {
      if (bands.length !== 3 * level + 1)
        throw new Error(`waverec2d: expected ${3 * level + 1} bands, got ${bands.length}`);
      let a = bands[0]!;
      for (let j = level - 1; j >= 0; j--) {
        const k = 1 + 3 * (level - 1 - j);
        const [cH, cV, cD] = [bands[k]!, bands[k + 1]!, bands[k + 2]!];
        const [ah, , aw] = a.shape as T3;
        const [mh, , mw] = cH.shape as T3;
        const W = MW[j]!;
        const H = MH[j]!;
        // A longer-by-one approximation (pywt crops it) meets zero columns in Blo(len); a and cV share
        // the H-lowpass side, so when a has the extra row they go through different Blo widths.
        const aW = alongW(a, W.Blo(aw));
        const vW = alongW(cV, W.Bhi);
        const lo =
          ah === mh
            ? alongH(tf.add(aW, vW), H.Blo(mh))
            : tf.add(alongH(aW, H.Blo(ah)), alongH(vW, H.Blo(mh)));
        const hi = alongH(tf.add(alongW(cH, W.Blo(mw)), alongW(cD, W.Bhi)), H.Bhi);
        a = tf.add(lo, hi);
      }
      return a;
    };

    const inverse = (bands: readonly tf.Tensor[]): tf.Tensor => {
      const full = inverseFull(bands);
      const [fh, N, fw] = full.shape as T3;
      return fh === height && fw === width ? full : tf.slice(full, [0, 0, 0], [height, N, width]);
    };

    const inverseAdjoint = (g: tf.Tensor): tf.Tensor[] => {
      let t = g;
      const [oh, ow] = [rows[0]!.nOut, cols[0]!.nOut];
      if (oh > height || ow > width)
        t = tf.pad(t, [
          [0, oh - height],
          [0, 0],
          [0, ow - width],
        ]); // crop's adjoint
      const details: tf.Tensor[][] = [];
      for (let j = 0; j < level; j++) {
        const [mh, mw] = [rows[j]!.m, cols[j]!.m];
        const ah = j + 1 < level ? rows[j + 1]!.nOut : mh;
        const aw = j + 1 < level ? cols[j + 1]!.nOut : mw;
        const W = MW[j]!;
        const H = MH[j]!;
        // inverseFull read backwards, every matrix applied untransposed.
        const wa = alongW(t, W.Blo(aw), true);
        const wl = aw === mw ? wa : alongW(t, W.Blo(mw), true);
        const wh = alongW(t, W.Bhi, true);
        details.push([alongH(wl, H.Bhi, true), alongH(wh, H.Blo(mh), true), alongH(wh, H.Bhi, true)]);
        t = alongH(wa, H.Blo(ah), true);
      }
      return [t, ...details.reverse().flat()];
    };

    const native: NativeOps = {
      batchAxis: 1,
      toNative: swap01,
      fromNative: swap01,
      forward,
      inverse,
      inverseAdjoint,
    };
    return {
      forward: (x) => forward(swap01(tf.reshape(x, [x.shape[0], height, width]))).map(swap01),
      inverseFull: (bands) => swap01(inverseFull(bands.map(swap01))),
      inverse: (bands) => swap01(inverse(bands.map(swap01))),
      inverseAdjoint: (g) => inverseAdjoint(swap01(tf.reshape(g, [g.shape[0], height, width]))).map(swap01),
      native,
    };
  };

  return { dims: 2, signalShape: [height, width], K, mode, level, bandShapes, bandScale, bind };
}
