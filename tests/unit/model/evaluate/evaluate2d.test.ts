// The 2-D table (peak counting): rows for wavelets, awave's baselines and the teacher; on classes that
// peak statistics separate perfectly the predictions must be exact; bins come from training maps only.
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/core/rng.ts';
import { getWavelet } from '../../../../src/core/wavelets.ts';
import { BASELINES_2D, evaluate2d } from '../../../../src/model/evaluate/evaluate2d.ts';
import { peakEdges } from '../../../../src/model/evaluate/peakCounting.ts';
import { stratifiedSplit3 } from '../../../../src/model/evaluate/splits.ts';
import { buildSeededTeacher } from '../../../../src/model/teacher/index.ts';

// 3 classes × 12 maps of 16×16: white noise shifted by 0, 20, 40 → peak heights in disjoint ranges.
const H = 16;
const rng = createRng(5);
const n = 36;
const labels = Int32Array.from({ length: n }, (_, i) => Math.floor(i / 12));
const y = Float64Array.from(labels, (l) => 0.2 + 0.1 * l);
const x = new Float64Array(n * H * H);
for (let i = 0; i < n; i++) for (let p = 0; p < H * H; p++) x[i * H * H + p] = 20 * labels[i]! + rng.normal();

describe('evaluate2d', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('peak counting is exact on separable classes; rows, params and accuracy are reported', () => {
    const split = { ...stratifiedSplit3(labels, { val: 0, test: 0.25, seed: 1 }), seed: 1 };
    const teacher = buildSeededTeacher({ kind: 'cnn2d', height: H, width: H }, 1);
    const t = evaluate2d({
      data: { x, y, labels, n, H, W: H },
      split,
      targetName: 'Ω_m',
      wavelets: [{ label: 'db2', h0: Array.from(getWavelet('db2').recLo), learned: false }],
      baselines: [...BASELINES_2D],
      teacher,
      includeTeacher: true,
      kernels: '3x3',
      boundary: 'zero',
      peaks: { bins: 6, quantile: 0 },
      mode: 'zero',
      level: 2,
      target: 0,
      attribution: 'saliency',
      igSteps: 1,
      bootstrap: { reps: 20, seed: 1 },
      attrThreshold: { kind: 'relative', value: 0.01 },
      now: () => 0,
    });
    teacher.dispose();
    expect(t.rows.map((r) => r.method)).toEqual([
      'db2 · peak count',
      'raw · peak count',
      'laplace_v1 · peak count',
      'laplace_v2 · peak count',
      'roberts_cross · peak count',
      'teacher · teacher',
    ]);
    const raw = t.rows[1]!;
    expect(raw.metrics.rmse).toEqual({ value: 0, se: 0 });
    expect(raw.metrics.accuracy).toEqual({ value: 1, se: 0 });
    // 3 classes × (6 bins mean + 6·7/2 inverse-covariance entries).
    expect(raw.params).toBe(3 * (6 + 21));
    expect(t.rows[0]!.params).toBe(3 * (24 + (24 * 25) / 2)); // 4 kernels × 6 bins, db2 fixed: no taps
    expect(t.rows[0]!.compression.energy99).toBeGreaterThan(0);
    expect(t.rows.at(-1)!.metrics.accuracy).toBeUndefined();
    expect(t.split).toEqual({ train: 27, val: 0, test: 9, seed: 1 });
  });

  it('peakEdges spans the pooled values between the requested quantiles', () => {
    const vals = [[Float64Array.from([0, 1, 2])], [Float64Array.from([3, 4, 100])]];
    const [e] = peakEdges(vals, 1, { bins: 2, quantile: 0 });
    expect(Array.from(e!)).toEqual([0, 50, 100]);
    const [q] = peakEdges(vals, 1, { bins: 1, quantile: 0.2 }); // sorted [0,1,2,3,4,100]: positions 1 and 4
    expect(Array.from(q!)).toEqual([1, 4]);
  });
});
