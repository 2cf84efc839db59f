// The paper's 1-D simulation (Ha et al. 2021, §5): x ~ N(0, I₆₄); the teacher is the reference MLP,
// trained on awave's simulation (y = 2·Σ db5 level-3 detail coefficients 7–9 + noise). AWD from
// db5 + 0.1·N(0,1) must move the wavelet back towards db5 (awave's dist) and make it valid.
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FILTER_TABLE } from '../../../../src/core/filters/table.ts';
import type { Teacher } from '../../../../src/model/teacher/types.ts';
import { waveletDistance } from '../../../../src/model/train/distance.ts';
import { mulberry32, normalSource } from '../../../../src/model/train/rng.ts';
import { AwdTrainer } from '../../../../src/model/train/trainer.ts';
import { DEFAULT_CONFIG } from '../../../../src/protocol/config.ts';
import { loadReferenceTeacher } from '../loss/referenceTeacher.ts';

describe('AWD on the paper’s simulation', () => {
  let teacher: Teacher;
  beforeAll(async () => {
    await tf.setBackend('cpu');
    teacher = loadReferenceTeacher('teacher_mlp1d_s11.json');
  });
  afterAll(() => teacher.dispose());

  it('from db5 + noise: dist to db5 falls and every validity term ends below 1e-3', () => {
    const N = 1000;
    const normal = normalSource(mulberry32(5));
    const x = Float32Array.from({ length: N * 64 }, () => normal());
    const db5 = FILTER_TABLE['db5']!.recLo;
    const tr = new AwdTrainer({
      x,
      shape: [N, 64],
      teacher,
      config: {
        ...DEFAULT_CONFIG,
        wavelet: 'db5',
        noise: 0.1,
        seed: 3,
        level: 4,
        mode: 'zero',
        lambda: 0.1,
        gamma: 1,
        lr: 1e-3,
        batchSize: 100,
      },
      distEvery: 0,
    });
    const dist0 = waveletDistance(tr.h0(), db5);
    const before = tr.evaluate();
    while (tr.epoch < 40) tr.step();
    const after = tr.evaluate();
    const dist1 = waveletDistance(tr.h0(), db5);
    expect(dist1, `dist(ψ, ψ_db5): ${dist0} → ${dist1}`).toBeLessThan(0.8 * dist0);
    expect(after.total).toBeLessThan(before.total);
    for (const k of ['lsum', 'hsum', 'l2norm', 'cmf', 'conv'] as const)
      expect(after[k], `${k}: ${before[k]} → ${after[k]}`).toBeLessThan(1e-3);
    tr.dispose();
  });
});
