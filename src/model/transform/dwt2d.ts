// Differentiable 2-D multilevel DWT/IDWT (pywt's wavedec2/waverec2, separable, the same h0 on both
// axes): a band is M_H·X·M_Wᵀ, done as 2-D matMuls with transposes between the axes (tfjs' batched
// matMul gradient does not reduce broadcast batch dims, so no broadcasting tricks).
import * as tf from '@tensorflow/tfjs-core';
import type { TrainMode } from '../../protocol/config.ts';
import type { BoundTransform, TransformPlan } from './plan.ts';
import { axisSelectors, levelMatrices } from './selectors.ts';
import type { AxisSelectors, LevelMatrices } from './selectors.ts';

/** t [N, r, q] · Mᵀ (M [p, q]) → [N, r, p]: M applied along the last axis. */
function alongW(t: tf.Tensor, M: tf.Tensor2D): tf.Tensor {
  const [N, r, q] = t.shape as [number, number, number];
  return tf.reshape(tf.matMul(tf.reshape(t, [N * r, q]), M, false, true), [N, r, M.shape[0]]);
}

/** t [N, r, p] · M (M [p, q]) → [N, r, q]: the adjoint of alongW. */
function alongWT(t: tf.Tensor, M: tf.Tensor2D): tf.Tensor {
  const [N, r, p] = t.shape as [number, number, number];
  return tf.reshape(tf.matMul(tf.reshape(t, [N * r, p]), M), [N, r, M.shape[1]]);
}

/** Transposed layout helpers: t [N, r, q] ↔ [N, q, r]. */
const swap = (t: tf.Tensor) => tf.transpose(t, [0, 2, 1]);

export function plan2d(height: number, width: number, K: number, mode: TrainMode, level: number): TransformPlan {
  if (!Number.isInteger(level) || level < 1) throw new Error(`plan2d: level must be an integer ≥ 1, got ${level}`);
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
    const row = tf.reshape(h0, [1, K]) as tf.Tensor2D;
    const MH: LevelMatrices[] = rows.map((s) => levelMatrices(row, s));
    const MW: LevelMatrices[] = cols.map((s) => levelMatrices(row, s));

    const forward = (x: tf.Tensor): tf.Tensor[] => {
      let a: tf.Tensor = tf.reshape(x, [x.shape[0], height, width]);
      const details: tf.Tensor[][] = [];
      for (let j = 0; j < level; j++) {
        // Along W (lo, hi), then along H in the transposed layout, then back.
        const lw = swap(alongW(a, MW[j]!.Alo)); // [N, mw, h]
        const hw = swap(alongW(a, MW[j]!.Ahi));
        const band = (t: tf.Tensor, M: tf.Tensor2D) => swap(alongW(t, M)); // → [N, mh, mw]
        // pywt: cH = detail along axis 0 (rows), approximation along axis 1; cV the other way round.
        details.push([band(lw, MH[j]!.Ahi), band(hw, MH[j]!.Alo), band(hw, MH[j]!.Ahi)]);
        a = band(lw, MH[j]!.Alo);
      }
      return [a, ...details.reverse().flat()];
    };

    const inverseFull = (bands: readonly tf.Tensor[]): tf.Tensor => {
      if (bands.length !== 3 * level + 1) throw new Error(`waverec2d: expected ${3 * level + 1} bands, got ${bands.length}`);
      let a = bands[0]!;
      for (let j = level - 1; j >= 0; j--) {
        const k = 1 + 3 * (level - 1 - j);
        const [cH, cV, cD] = [bands[k]!, bands[k + 1]!, bands[k + 2]!];
        // A longer-by-one approximation (pywt crops it) meets zero columns in Blo(len).
        const [, ah, aw] = a.shape as [number, number, number];
        const mh = cH.shape[1]!;
        const W = MW[j]!;
        const H = MH[j]!;
        const aW = swap(alongW(a, W.Blo(aw))); // [N, nOutW, ah]
        const vW = swap(alongW(cV, W.Bhi)); // [N, nOutW, mh]
        // a and cV share the H-lowpass side; when a has the extra row they need different Blo widths.
        const lo = ah === mh ? alongW(tf.add(aW, vW), H.Blo(mh)) : tf.add(alongW(aW, H.Blo(ah)), alongW(vW, H.Blo(mh)));
        const hi = alongW(swap(tf.add(alongW(cH, W.Blo(cH.shape[2]!)), alongW(cD, W.Bhi))), H.Bhi);
        a = swap(tf.add(lo, hi));
      }
      return a;
    };

    const inverse = (bands: readonly tf.Tensor[]): tf.Tensor => {
      const full = inverseFull(bands);
      const [N, fh, fw] = full.shape as [number, number, number];
      return fh === height && fw === width ? full : tf.slice(full, [0, 0, 0], [N, height, width]);
    };
    const inverseAdjoint = (g: tf.Tensor): tf.Tensor[] => {
      const N = g.shape[0];
      let t: tf.Tensor = tf.reshape(g, [N, height, width]);
      const [oh, ow] = [rows[0]!.nOut, cols[0]!.nOut];
      if (oh > height || ow > width) t = tf.pad(t, [[0, 0], [0, oh - height], [0, ow - width]]); // crop's adjoint
      const details: tf.Tensor[][] = [];
      for (let j = 0; j < level; j++) {
        const [mh, mw] = [rows[j]!.m, cols[j]!.m];
        const ah = j + 1 < level ? rows[j + 1]!.nOut : mh;
        const aw = j + 1 < level ? cols[j + 1]!.nOut : mw;
        const W = MW[j]!;
        const H = MH[j]!;
        // Reverse of inverseFull: along W with each Blo/Bhi untransposed, then along H likewise.
        const wa = swap(alongWT(t, W.Blo(aw))); // [N, aw, oh]
        const wl = aw === mw ? wa : swap(alongWT(t, W.Blo(mw)));
        const wh = swap(alongWT(t, W.Bhi)); // [N, mw, oh]
        const cH = swap(alongWT(wl, H.Bhi));
        const cV = swap(alongWT(wh, H.Blo(mh)));
        const cD = swap(alongWT(wh, H.Bhi));
        details.push([cH, cV, cD]);
        t = swap(alongWT(wa, H.Blo(ah))); // [N, ah, aw]
      }
      return [t, ...details.reverse().flat()];
    };
    return { forward, inverseFull, inverse, inverseAdjoint };
  };

  return { dims: 2, signalShape: [height, width], K, mode, level, bandShapes, bandScale, bind };
}
