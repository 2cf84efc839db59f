// The tf transform with h0 = rec_lo against PyWavelets' own wavedec/waverec(2) outputs (float32).
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { FILTER_TABLE } from '../../../../src/core/filters/table.ts';
import { createPlan } from '../../../../src/model/transform/createPlan.ts';
import { TRAIN_MODES } from '../../../../src/protocol/config.ts';
import type { TrainMode } from '../../../../src/protocol/config.ts';
import { loadReference } from '../../reference.ts';
import { TOL } from '../../tolerances.ts';

interface Case {
  wavelet: string;
  mode: string;
  level: number;
  x: number[] | number[][];
  coeffs: unknown[];
  recon: number[] | number[][];
}

const flat = (v: unknown): number[] => (Array.isArray(v) ? v.flatMap(flat) : [v as number]);
const isTrainMode = (m: string): m is TrainMode => (TRAIN_MODES as readonly string[]).includes(m);

function maxAbsDiff(got: ArrayLike<number>, want: number[], what: string): number {
  expect(got.length, `${what}: length`).toBe(want.length);
  let e = 0;
  for (let i = 0; i < want.length; i++) e = Math.max(e, Math.abs(got[i]! - want[i]!));
  return e;
}

function check(c: Case, dims: 1 | 2): void {
  const shape =
    dims === 1 ? [(c.x as number[]).length] : [(c.x as number[][]).length, (c.x as number[][])[0]!.length];
  const name = `${c.wavelet} ${c.mode} J=${c.level} [${shape.join('×')}]`;
  const h = FILTER_TABLE[c.wavelet]!.recLo;
  const plan = createPlan(shape, h.length, c.mode as TrainMode, c.level);
  const xs = flat(c.x);
  const scale = Math.max(...xs.map(Math.abs));
  // pywt order, 2-D detail triples flattened as (cH, cV, cD).
  const want = c.coeffs.map((b, i) => (dims === 2 && i > 0 ? (b as unknown[]).map(flat) : [flat(b)])).flat();
  tf.tidy(() => {
    const b = plan.bind(tf.tensor1d([...h]));
    const bands = b.forward(tf.tensor(xs, [1, ...shape]));
    expect(bands.length, name).toBe(want.length);
    bands.forEach((t, i) => {
      expect(t.shape.slice(1), `${name} band ${i} shape`).toEqual(plan.bandShapes[i]);
      expect(
        maxAbsDiff(t.dataSync(), want[i]!, `${name} band ${i}`) / scale,
        `${name} band ${i}`,
      ).toBeLessThan(TOL.float32);
    });
    const rec = b.inverseFull(bands);
    expect(maxAbsDiff(rec.dataSync(), flat(c.recon), `${name} recon`) / scale, `${name} recon`).toBeLessThan(
      TOL.float32,
    );
  });
}

describe('tf DWT vs PyWavelets (reference files, every train mode there)', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });
  const c1 = loadReference<Case[]>('dwt1d.json').filter((c) => isTrainMode(c.mode));
  const c2 = loadReference<Case[]>('dwt2d.json').filter((c) => isTrainMode(c.mode));

  it(`1-D: ${c1.length} cases (wavedec coefficients and waverec, odd lengths give L+1)`, () => {
    expect(new Set(c1.map((c) => c.mode)).size).toBe(TRAIN_MODES.length);
    for (const c of c1) check(c, 1);
  });

  it(`2-D: ${c2.length} cases (wavedec2 coefficients and waverec2, odd heights)`, () => {
    for (const c of c2) check(c, 2);
  });
});
