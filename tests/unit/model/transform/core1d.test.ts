// The tf transform against the float64 core for a non-orthogonal learnable h0 (db3 + noise), every
// train mode × even and odd lengths × several J (1-D): coefficients (pywt order) and waverec.
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { getWavelet, waveletFromH0, wavedec, waverec } from '../../../../src/core/index.ts';
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
    it(`1-D ${mode}: L ∈ {32, 37, 50, 15}, J ∈ {1, 2, 3}`, () => {
      for (const L of [32, 37, 50, 15])
        for (const J of [1, 2, 3]) {
          const what = `${mode} L=${L} J=${J}`;
          const x = Float64Array.from(randomArray(2 * L, rnd, 2));
          const plan = createPlan([L], 6, mode, J);
          tf.tidy(() => {
            const b = plan.bind(tf.tensor1d(Float32Array.from(h0)));
            const bands = b.forward(tf.tensor2d(Float32Array.from(x), [2, L]));
            const rec = b.inverseFull(bands).arraySync() as number[][];
            const got = bands.map((t) => t.arraySync() as number[][]);
            for (let n = 0; n < 2; n++) {
              const want = wavedec(x.subarray(n * L, (n + 1) * L), bank, mode, J);
              expect(got.length, what).toBe(want.length);
              want.forEach((w, i) =>
                expect(relDiff(got[i]![n]!, w, `${what} band ${i}`), `${what} band ${i}`).toBeLessThan(
                  TOL.float32,
                ),
              );
              const r = waverec(want, bank, mode);
              expect(
                relDiff(rec[n]!, r, `${what} waverec`),
                `${what} waverec (length ${r.length})`,
              ).toBeLessThan(TOL.float32);
            }
          });
        }
    });
});
