// The tf transform against the float64 core for a non-orthogonal learnable h0 (db3 + noise), every
// train mode × even and odd sizes × several J (2-D): coefficients (pywt order) and waverec2.
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { getWavelet, waveletFromH0, wavedec2, waverec2 } from '../../../../src/core/index.ts';
import type { Array2D } from '../../../../src/core/index.ts';
import { createPlan } from '../../../../src/model/transform/createPlan.ts';
import { TRAIN_MODES } from '../../../../src/protocol/config.ts';
import { TOL } from '../../tolerances.ts';
import { randomArray, seeded } from '../fd.ts';

const rnd = seeded(2024);
const h0 = Float64Array.from(getWavelet('db3').recLo, (v) => v + 0.2 * rnd());
const bank = waveletFromH0(h0);

/** max|got − want| / max|want| over a band. */
function relDiff(got: ArrayLike<number>, want: ArrayLike<number>, what: string): number {
  expect(got.length, `${what}: length`).toBe(want.length);
  let e = 0;
  let s = 0;
  for (let i = 0; i < want.length; i++) {
    e = Math.max(e, Math.abs(got[i]! - want[i]!));
    s = Math.max(s, Math.abs(want[i]!));
  }
  return e / Math.max(s, 1e-30);
}

describe('tf transform vs float64 core (h0 = db3 + 0.2·noise)', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  for (const mode of TRAIN_MODES)
    it(`2-D ${mode}: H×W ∈ {16×16, 13×10, 9×17}, J ∈ {1, 2}`, () => {
      for (const [H, W] of [
        [16, 16],
        [13, 10],
        [9, 17],
      ] as const)
        for (const J of [1, 2]) {
          const what = `${mode} ${H}×${W} J=${J}`;
          const x: Array2D = { rows: H, cols: W, data: Float64Array.from(randomArray(H * W, rnd, 2)) };
          const plan = createPlan([H, W], 6, mode, J);
          tf.tidy(() => {
            const b = plan.bind(tf.tensor1d(Float32Array.from(h0)));
            const bands = b.forward(tf.tensor3d(Float32Array.from(x.data), [1, H, W]));
            const want = wavedec2(x, bank, mode, J);
            const flatWant: Array2D[] = [
              want[0],
              ...want.slice(1).flatMap((t) => t as [Array2D, Array2D, Array2D]),
            ];
            expect(bands.length, what).toBe(flatWant.length);
            flatWant.forEach((w, i) => {
              expect(bands[i]!.shape.slice(1), `${what} band ${i} shape`).toEqual([w.rows, w.cols]);
              expect(
                relDiff(bands[i]!.dataSync(), w.data, `${what} band ${i}`),
                `${what} band ${i}`,
              ).toBeLessThan(TOL.float32);
            });
            const r = waverec2(want, bank, mode);
            const rec = b.inverseFull(bands);
            expect(rec.shape.slice(1), `${what} waverec2 shape`).toEqual([r.rows, r.cols]);
            expect(relDiff(rec.dataSync(), r.data, `${what} waverec2`), `${what} waverec2`).toBeLessThan(
              TOL.float32,
            );
          });
        }
    });
});
