// The 1-D evaluation table: its structure (rows per wavelet × predictor, parameters, compression,
// comparisons) and its numbers against recomputations from the pieces it is built of.
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bootstrapSE, r2, rmse } from '../../../../src/core/predict/metrics.ts';
import { simulate1d } from '../../../../src/core/datasets/simulation.ts';
import { getWavelet } from '../../../../src/core/wavelets.ts';
import { evaluate1d } from '../../../../src/model/evaluate/evaluate1d.ts';
import { DEFAULT_RIDGE } from '../../../../src/model/evaluate/predictors1d.ts';
import { pick, rowsOf, split3 } from '../../../../src/model/evaluate/splits.ts';
import { teacherPredict } from '../../../../src/model/evaluate/teacherPredictor.ts';
import { buildSeededTeacher } from '../../../../src/model/teacher/index.ts';
import type { LayersTeacher } from '../../../../src/model/teacher/teacher.ts';
import { TOL_EVAL } from '../../tolerances.ts';

describe('evaluate1d', () => {
  let teacher: LayersTeacher;
  beforeAll(async () => {
    await tf.setBackend('cpu');
    teacher = buildSeededTeacher({ kind: 'mlp1d', inputLength: 64, hidden: [8] }, 3);
  });
  afterAll(() => teacher.dispose());

  const sim = simulate1d({ n: 300, seed: 2 });
  const split = { ...split3(300, { val: 0.2, test: 0.3, seed: 4 }), seed: 4 };
  const db5 = Array.from(getWavelet('db5').recLo);
  const awd = db5.map((v, i) => v + 0.01 * Math.sin(i)); // any learned-looking filter
  const run = () =>
    evaluate1d({
      data: { x: sim.x, y: sim.y, n: 300, L: 64 },
      split,
      targetName: 'y',
      wavelets: [
        { label: 'AWD', h0: awd, learned: true },
        { label: 'db5', h0: db5, learned: false },
      ],
      teacher,
      methods: ['topk_ridge', 'top_attr_linear', 'raw_ridge', 'teacher'],
      mode: 'zero',
      level: 4,
      target: 0,
      attribution: 'saliency',
      igSteps: 1,
      topk: { k: 3, by: 'abs' },
      topAttr: 10,
      ridge: DEFAULT_RIDGE,
      bootstrap: { reps: 50, seed: 1 },
      attrThreshold: { kind: 'relative', value: 0.01 },
      now: () => 0,
    });

  it('has one row per wavelet × predictor, the raw baseline and the teacher, with parameter counts', () => {
    const t = run();
    expect(t.rows.map((r) => r.method)).toEqual([
      'AWD · top-k ridge',
      'AWD · top-attributed linear',
      'db5 · top-k ridge',
      'db5 · top-attributed linear',
      'raw · raw ridge',
      'teacher · teacher',
    ]);
    expect(t.split).toEqual({ train: 150, val: 60, test: 90, seed: 4 });
    // AWD counts its 10 taps; top-k: (J+1)·k = 15 weights + intercept; top-attr: 10 + 1; raw: 64 + 1.
    expect(t.rows.map((r) => r.params)).toEqual([10 + 16, 10 + 11, 16, 11, 65, 64 * 8 + 8 + 8 + 1]);
    expect(t.rows.map((r) => r.family)).toEqual(['awd', 'awd', 'wavelet', 'wavelet', 'baseline', 'teacher']);
    for (const r of t.rows) {
      expect(Object.keys(r.metrics)).toEqual(['rmse', 'r2']);
      expect(r.metrics.rmse!.se).toBeGreaterThan(0);
      expect(r.msPerSample).toBe(0); // the injected clock never moves
    }
    const positions = t.rows[1]!.details.positions as { band: number; index: number }[];
    expect(positions).toHaveLength(10);
    expect(t.comparisons.map((c) => [c.a, c.b])).toEqual([
      ['AWD · top-k ridge', 'db5 · top-k ridge'],
      ['AWD · top-attributed linear', 'db5 · top-attributed linear'],
    ]);
    // Wavelet rows: a fraction in (0, 1]; the teacher's input-space columns too; raw has no attributions.
    for (const r of t.rows.slice(0, 4))
      expect(r.compression.energy99! * (1 - r.compression.energy99!)).toBeGreaterThanOrEqual(0);
    expect(t.rows[4]!.compression.attrAbove).toBeNull();
  });

  it('the teacher row’s metrics are those of its own predictions on the test rows, same bootstrap', () => {
    const t = run();
    const xte = Float32Array.from(rowsOf(sim.x, 64, split.test));
    const yhat = teacherPredict(teacher, xte, [64], 0, () => 0).yhat;
    const y = pick(sim.y, split.test);
    const row = t.rows.at(-1)!;
    expect(Math.abs(row.metrics.rmse!.value - rmse(y, yhat))).toBeLessThan(TOL_EVAL.sameArithmetic);
    expect(Math.abs(row.metrics.r2!.value - r2(y, yhat))).toBeLessThan(TOL_EVAL.sameArithmetic);
    expect(Math.abs(row.metrics.rmse!.se - bootstrapSE(y, yhat, rmse, 50, 1).se)).toBeLessThan(
      TOL_EVAL.sameArithmetic,
    );
    // And by hand: the MLP's forward in float64 (relu(x W1 + b1) W2 + b2) agrees to float32 precision.
    const w = teacher.source.weights.map((v) => v.values);
    const [W1, b1, W2, b2] = w as [Float32Array, Float32Array, Float32Array, Float32Array];
    const i0 = split.test[0]!;
    let out = b2[0]!;
    for (let h = 0; h < 8; h++) {
      let s = b1[h]!;
      for (let k = 0; k < 64; k++) s += sim.x[i0 * 64 + k]! * W1[k * 8 + h]!;
      out += Math.max(0, s) * W2[h]!;
    }
    expect(Math.abs(yhat[0]! - out)).toBeLessThan(TOL_EVAL.float32Rel * Math.max(1, Math.abs(out)));
  });
});
