// One pass of a wavelet over a set of signals: every sample's coefficients and (with a teacher) its
// TRIM attributions, flattened in pywt order into one row per sample. It runs the training graph
// (awdLoss with the config's attribution method), so the attributions are exactly the ones the AWD
// objective penalised; values come back as float32 (the engine's precision), stored in float64 rows.
import * as tf from '@tensorflow/tfjs-core';
import type { AttributionMethod, TrainMode } from '../../protocol/config.ts';
import { awdLoss } from '../loss/awdLoss.ts';
import { createPlan } from '../transform/createPlan.ts';
import type { Teacher } from '../teacher/types.ts';

export interface BandInfo {
  /** Offset of the band in a flat row. */
  readonly offset: number;
  readonly length: number;
  readonly shape: readonly number[];
  /** pywt index of the band (1-D: 0 = cA_J, 1 = cD_J, …; 2-D: 0 = cA_J, 1–3 = (cH, cV, cD)_J, …). */
  readonly index: number;
}

export interface CoefficientPass {
  readonly n: number;
  /** Coefficients per sample. */
  readonly P: number;
  readonly bands: readonly BandInfo[];
  /** n × P, row-major. */
  readonly coeffs: Float64Array;
  /** n × P attributions of the teacher's target w.r.t. the coefficients; null without a teacher. */
  readonly attributions: Float64Array | null;
}

export interface PassOptions {
  readonly mode: TrainMode;
  readonly level: number;
  readonly teacher: Teacher | null;
  readonly target: number;
  readonly attribution: AttributionMethod;
  readonly igSteps: number;
  /** Samples per tf graph (memory bound); default 256. */
  readonly chunk?: number;
}

const NO_WEIGHTS = { lsum: 0, hsum: 0, l2norm: 0, cmf: 0, conv: 0, l1wave: 0, l1attr: 0 };

/** x: n signals (float32, row-major) of `signalShape` ([L] or [H, W]). */
export function coefficientPass(
  h0: ArrayLike<number>,
  x: Float32Array,
  signalShape: readonly number[],
  o: PassOptions,
): CoefficientPass {
  const per = signalShape.reduce((p, d) => p * d, 1);
  const n = x.length / per;
  if (!Number.isInteger(n) || n < 1)
    throw new Error(
      `coefficientPass: x has ${x.length} values, not a whole number of [${signalShape.join(', ')}] signals`,
    );
  const plan = createPlan(signalShape, h0.length, o.mode, o.level);
  const bands: BandInfo[] = [];
  let P = 0;
  plan.bandShapes.forEach((shape, index) => {
    const length = shape.reduce((p, d) => p * d, 1);
    bands.push({ offset: P, length, shape: [...shape], index });
    P += length;
  });
  const coeffs = new Float64Array(n * P);
  const attributions = o.teacher ? new Float64Array(n * P) : null;
  const chunk = o.chunk ?? 256;
  const h = tf.tensor1d(Float32Array.from(h0));
  try {
    for (let s = 0; s < n; s += chunk) {
      const m = Math.min(chunk, n - s);
      const parts = tf.tidy(() => {
        const xb = tf.tensor(x.subarray(s * per, (s + m) * per), [m, ...signalShape]);
        const r = awdLoss(h, xb, {
          plan,
          teacher: o.teacher,
          target: o.target,
          attribution: o.attribution,
          igSteps: o.igSteps,
          weights: NO_WEIGHTS,
          alwaysAttribute: true,
        }).standard();
        return { c: r.coeffs, a: r.attributions ?? [] };
      });
      const scatter = (into: Float64Array, ts: tf.Tensor[]) =>
        ts.forEach((t, b) => {
          const v = t.dataSync();
          const { offset, length } = bands[b]!;
          for (let i = 0; i < m; i++)
            for (let j = 0; j < length; j++) into[(s + i) * P + offset + j] = v[i * length + j]!;
        });
      try {
        scatter(coeffs, parts.c);
        if (attributions) scatter(attributions, parts.a);
      } finally {
        tf.dispose([...parts.c, ...parts.a]);
      }
    }
  } finally {
    h.dispose();
  }
  return { n, P, bands, coeffs, attributions };
}

/** Where flat position `p` of a row lies: the band's pywt index and the index inside the band. */
export function locate(bands: readonly BandInfo[], p: number): { band: number; index: number } {
  for (const b of bands)
    if (p >= b.offset && p < b.offset + b.length) return { band: b.index, index: p - b.offset };
  throw new Error(
    `locate: position ${p} is outside the ${bands.at(-1)!.offset + bands.at(-1)!.length} coefficients`,
  );
}
