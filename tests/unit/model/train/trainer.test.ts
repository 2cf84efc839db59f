import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { TrainingDiverged } from '../../../../src/model/train/errors.ts';
import { AwdTrainer } from '../../../../src/model/train/trainer.ts';
import { DEFAULT_CONFIG } from '../../../../src/protocol/config.ts';
import type { AwdConfig } from '../../../../src/protocol/config.ts';
import { randomArray, seeded } from '../fd.ts';
import { smoothTeacher } from '../loss/smoothTeacher.ts';

const L = 32;
const data = (n: number, seed = 3) => randomArray(n * L, seeded(seed), 2);
const config = (o: Partial<AwdConfig> = {}): AwdConfig => ({
  ...DEFAULT_CONFIG,
  wavelet: 'db2',
  level: 2,
  noise: 0.05,
  batchSize: 5,
  ...o,
});

describe('AwdTrainer', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });
  const teacher = smoothTeacher([L], 2, 4, 'relu');

  it('keeps tf.memory().numTensors flat over 500 mini-batch steps (shuffled, with dist and λ/γ changes)', () => {
    const tr = new AwdTrainer({
      x: data(20),
      shape: [20, L],
      teacher,
      config: config({ shuffle: true }),
      distEvery: 50,
    });
    tr.step();
    const before = tf.memory().numTensors;
    for (let i = 1; i < 500; i++) {
      if (i === 250) tr.setWeights({ lambda: 0.5, gamma: 0 });
      tr.step();
    }
    tr.evaluate();
    tr.coefficients(3);
    expect(tf.memory().numTensors).toBe(before);
    expect(tr.epoch).toBe(500 / tr.stepsPerEpoch);
    tr.dispose();
  });

  it('keeps memory flat for 2-D integrated gradients and awave residual graphs too', () => {
    const t2 = smoothTeacher([8, 8], 2, 3, 'sin');
    for (const [attribution, residualGradient] of [
      ['integrated_gradients', 'exact'],
      ['saliency', 'awave'],
    ] as const) {
      const tr = new AwdTrainer({
        x: randomArray(6 * 64, seeded(2)),
        shape: [6, 8, 8],
        teacher: t2,
        config: config({ attribution, igSteps: 3, batchSize: 3, mode: 'symmetric' }),
        residualGradient,
      });
      tr.step();
      const before = tf.memory().numTensors;
      for (let i = 0; i < 40; i++) tr.step();
      expect(tf.memory().numTensors, `${attribution}/${residualGradient}`).toBe(before);
      tr.dispose();
    }
    t2.dispose();
  });

  it('applies λ/γ from the next step on, keeping the optimizer state', () => {
    const tr = new AwdTrainer({
      x: data(10),
      shape: [10, L],
      teacher,
      config: config({ batchSize: 0, lambda: 0.1, gamma: 1 }),
    });
    const a = tr.step();
    expect([a.lambda, a.gamma]).toEqual([0.1, 1]);
    tr.setWeights({ gamma: 0.25 });
    const b = tr.step();
    expect([b.lambda, b.gamma, b.step]).toEqual([0.1, 0.25, 2]);
    const t = b.terms;
    const want = t.rec + t.lsum + t.hsum + t.l2norm + t.cmf + t.conv + 0.1 * t.l1wave + 0.25 * t.l1attr;
    expect(Math.abs(b.total - want)).toBeLessThan(1e-5 * want);
    expect(() => tr.setWeights({ lambda: -1 })).toThrow(/lambda.*-1/);
    tr.dispose();
  });

  it('is reproducible from the seed (init noise and batch order) and warm-starts from a given h0', () => {
    const run = (seed: number) => {
      const tr = new AwdTrainer({ x: data(12), shape: [12, L], teacher, config: config({ seed }) });
      const h = [tr.h0(), ...Array.from({ length: 6 }, () => tr.step().h0)];
      tr.dispose();
      return h.map((v) => Array.from(v));
    };
    expect(run(7)).toEqual(run(7));
    expect(run(7)[0]).not.toEqual(run(8)[0]);
    const h0 = [0.5, 0.8, 0.25, -0.1];
    const tr = new AwdTrainer({ x: data(4), shape: [4, L], teacher, config: config({ h0 }) });
    expect(Array.from(tr.h0())).toEqual(h0);
    // g[k] = (−1)^k h0[K−1−k]
    expect(Array.from(tr.g())).toEqual([-0.1, -0.25, 0.8, -0.5]);
    tr.dispose();
  });

  it('evaluate() equals a full-batch step’s loss at the same h0', () => {
    const tr = new AwdTrainer({ x: data(9), shape: [9, L], teacher, config: config({ batchSize: 4 }) });
    const ev = tr.evaluate();
    const full = new AwdTrainer({ x: data(9), shape: [9, L], teacher, config: config({ batchSize: 0 }) });
    const st = full.step();
    expect(Math.abs(ev.total - st.total)).toBeLessThan(1e-5 * st.total);
    for (const k of Object.keys(st.terms) as (keyof typeof st.terms)[])
      expect(Math.abs(ev[k] - st.terms[k]), k).toBeLessThan(1e-5 * Math.max(1, st.terms[k]));
    tr.dispose();
    full.dispose();
  });

  it('stops on a non-finite loss, restores the last good h0 and says so', () => {
    const tr = new AwdTrainer({ x: data(6), shape: [6, L], teacher, config: config({ batchSize: 0 }) });
    tr.step();
    const good = tr.h0();
    tr.setLr(1e30); // the next update overflows h0's taps; the step after that sees inf/NaN
    let err: unknown = null;
    try {
      for (let i = 0; i < 5; i++) tr.step();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TrainingDiverged);
    expect((err as Error).message).toMatch(/diverged at step \d+: .* not finite; h0 was restored/);
    const restored = tr.h0();
    expect(restored.every(Number.isFinite)).toBe(true);
    expect(Array.from((err as TrainingDiverged).restoredH0)).toEqual(Array.from(restored));
    expect(Number.isFinite(tr.evaluate().total)).toBe(true);
    expect(restored.length).toBe(good.length);
    tr.dispose();
  });

  it('refuses NaN data at the first step and keeps the initial h0', () => {
    const x = data(3);
    x[5] = NaN;
    const tr = new AwdTrainer({ x, shape: [3, L], teacher, config: config({ batchSize: 0 }) });
    const init = tr.h0();
    expect(() => tr.step()).toThrow(TrainingDiverged);
    expect(Array.from(tr.h0())).toEqual(Array.from(init));
    tr.dispose();
  });

  it('reports coefficients per scale in pywt order (1-D and 2-D) with a near-perfect reconstruction', () => {
    const tr = new AwdTrainer({ x: data(3), shape: [3, L], teacher, config: config({ noise: 0 }) });
    const c = tr.coefficients(1);
    expect(c.shapes).toEqual(tr.plan.bandShapes);
    expect(c.coeffs.length).toBe(3);
    expect(c.attributions.map((a) => a.length)).toEqual(c.coeffs.map((v) => v.length));
    const x1 = data(3).slice(L, 2 * L);
    expect(Math.max(...c.recon.map((v, i) => Math.abs(v - x1[i]!)))).toBeLessThan(1e-5);
    tr.dispose();
    const t2 = smoothTeacher([8, 8], 1, 2, 'relu');
    const tr2 = new AwdTrainer({
      x: randomArray(2 * 64, seeded(1)),
      shape: [2, 8, 8],
      teacher: t2,
      config: config({ mode: 'periodization', noise: 0 }),
    });
    const c2 = tr2.coefficients(0);
    expect(c2.shapes).toEqual([
      [2, 2],
      [3, 2, 2],
      [3, 4, 4],
    ]);
    expect(c2.coeffs.map((v) => v.length)).toEqual([4, 12, 48]);
    tr2.dispose();
    t2.dispose();
  });

  it('validates its inputs with messages naming the value', () => {
    expect(() => new AwdTrainer({ x: data(2), shape: [3, L], teacher, config: config() })).toThrow(
      /x has 64 values/,
    );
    expect(() => new AwdTrainer({ x: data(2), shape: [64], teacher, config: config() })).toThrow(
      /shape must be/,
    );
    const tr = new AwdTrainer({ x: data(2), shape: [2, L], teacher, config: config() });
    expect(() => tr.setLr(0)).toThrow(/got 0/);
    expect(() => tr.coefficients(2)).toThrow(/\[0, 1\], got 2/);
    tr.dispose();
    expect(() => tr.step()).toThrow(/after dispose/);
  });
});
