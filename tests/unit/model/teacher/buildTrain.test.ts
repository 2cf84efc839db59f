// Seeded builders, training (Adam, early stopping, flat tensor count) and the save → load round trip
// through our loader and through tfjs-layers itself.
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { teacherToArtifacts } from '../../../../src/model/teacher/artifacts.ts';
import { buildSeededTeacher, teacherSpec } from '../../../../src/model/teacher/build.ts';
import type { TeacherArch } from '../../../../src/model/teacher/build.ts';
import { loadTeacherFromArtifacts } from '../../../../src/model/teacher/loadLayersModel.ts';
import { mulberry32 } from '../../../../src/model/teacher/rng.ts';
import { trainTeacher } from '../../../../src/model/teacher/train.ts';
import { TOL } from '../../tolerances.ts';
import { seededInput } from './cases.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const ARCHS: [TeacherArch, number[], number][] = [
  [{ kind: 'mlp1d' }, [64], 1],
  [{ kind: 'cnn1d', outputs: 3 }, [64, 1], 3],
  [{ kind: 'lstm', inputLength: 12, units: 4 }, [12, 1], 1],
  [{ kind: 'cnn2d', height: 10, width: 8, outputs: 2 }, [10, 8, 1], 2],
];
const vals = (t: tf.Tensor) => Array.from(t.dataSync());

describe.each(ARCHS.map(([arch, shape, out]) => ({ arch, shape, out, kind: arch.kind })))(
  '$kind builder',
  ({ arch, shape, out }) => {
    it('is seeded, Keras-initialised and second-order safe', () => {
      const t = buildSeededTeacher(arch, 3);
      expect([t.kind, t.inputShape, t.outputSize]).toEqual([arch.kind, shape, out]);
      expect(t.compatibility).toEqual({ ok: true, problems: [] });
      const a = teacherSpec(arch, 3).weights;
      const b = teacherSpec(arch, 4).weights;
      expect(teacherSpec(arch, 3).weights).toEqual(a);
      expect(a[0]!.values).not.toEqual(b[0]!.values);
      // glorot_uniform bound √(6/(fanIn+fanOut)) on the first kernel.
      const s = a[0]!.shape;
      const rf = s.slice(0, -2).reduce((p, d) => p * d, 1);
      const lim = Math.sqrt(6 / (rf * s[s.length - 2]! + rf * s[s.length - 1]!));
      const m = Math.max(...a[0]!.values.map(Math.abs));
      expect(m).toBeLessThanOrEqual(lim);
      expect(m).toBeGreaterThan(0.8 * lim);
      t.dispose();
    });

    it('round-trips through model.json: our loader and tfjs-layers agree', async () => {
      const t = buildSeededTeacher(arch, 5);
      const art = teacherToArtifacts(t);
      const back = loadTeacherFromArtifacts(
        JSON.parse(JSON.stringify(art.modelJson)) as object,
        art.weightData.slice(0),
      );
      const x = seededInput([3, ...shape], 6);
      const ref = vals(t.apply(x));
      expect(back.kind).toBe(arch.kind);
      expect(vals(back.apply(x))).toEqual(ref);
      const m = await tfl.loadLayersModel(
        tf.io.fromMemory({
          modelTopology: art.modelJson.modelTopology,
          weightSpecs: art.modelJson.weightsManifest[0]!.weights as tf.io.WeightsManifestEntry[],
          weightData: art.weightData,
        }),
      );
      const y = vals(m.predict(x) as tf.Tensor);
      const scale = Math.max(...ref.map(Math.abs));
      y.forEach((v, i) => expect(Math.abs(v - ref[i]!)).toBeLessThanOrEqual(TOL.teacherParity * scale));
      tf.dispose([x]);
      m.dispose();
      t.dispose();
      back.dispose();
    });
  },
);

/** n signals of length L; regression target a smooth non-linear function of them. */
function data(n: number, L: number, seed: number) {
  const r = mulberry32(seed);
  const x = Float32Array.from({ length: n * L }, () => 2 * r() - 1);
  const y = new Float32Array(n);
  const cls = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    let a = 0;
    let b = 0;
    for (let j = 0; j < L; j++) {
      if (j < L / 2) a += x[i * L + j]!;
      else b += x[i * L + j]!;
    }
    y[i] = Math.tanh(a / 2) - (0.5 * b) / L + 0.3 * x[i * L]! * x[i * L + 1]!;
    cls[i] = a > b ? 1 : 0;
  }
  return { x, y, cls };
}

describe('trainTeacher', () => {
  it('regression: loss falls, held-out r² is high, tensors stay flat, result is constant', async () => {
    const { x, y } = data(400, 16, 1);
    const counts: number[] = [];
    const before = tf.memory().numTensors;
    const r = await trainTeacher({
      arch: { kind: 'mlp1d', inputLength: 16, hidden: [16, 16], activation: 'tanh' },
      seed: 2,
      x,
      y,
      task: 'regression',
      epochs: 40,
      batchSize: 32,
      learningRate: 1e-2,
      patience: 40,
      onEpoch: () => void counts.push(tf.memory().numTensors),
    });
    expect(r.history.length).toBe(40);
    expect(r.history[39]!.trainLoss).toBeLessThan(0.2 * r.history[0]!.trainLoss);
    expect(r.heldOut.metric).toBe('r2');
    expect(r.heldOut.value).toBeGreaterThan(0.9);
    // Adam's slots appear on the first step; after that the count may not move.
    expect(new Set(counts.slice(1)).size).toBe(1);
    expect(r.teacher.compatibility.ok).toBe(true);
    r.teacher.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('classification with early stopping keeps the best epoch', async () => {
    const { x, cls } = data(800, 16, 3);
    const r = await trainTeacher({
      arch: { kind: 'cnn1d', inputLength: 16, filters: 3, kernelSize: 3, dense: 8, outputs: 2 },
      seed: 4,
      x,
      y: cls,
      task: 'classification',
      epochs: 200,
      learningRate: 1e-2,
      patience: 10,
      validationSplit: 0.25,
    });
    expect(r.history.length).toBeLessThan(200);
    expect(r.history.length - r.bestEpoch).toBe(10);
    const bestVal = Math.min(...r.history.map((h) => h.valLoss));
    expect(r.history[r.bestEpoch - 1]!.valLoss).toBe(bestVal);
    expect(r.heldOut).toEqual({ metric: 'accuracy', value: expect.any(Number) });
    expect(r.heldOut.value).toBeGreaterThan(0.9);
    r.teacher.dispose();
  });

  it('with held-out targets that do not vary (one held-out sample), reports RMSE instead of R² = −∞', async () => {
    const { x, y } = data(4, 8, 3);
    const r = await trainTeacher({
      arch: { kind: 'mlp1d', inputLength: 8, hidden: [4], activation: 'tanh' },
      seed: 1,
      x,
      y,
      task: 'regression',
      epochs: 2,
      validationSplit: 0.25,
    });
    expect(r.heldOut.metric).toBe('rmse');
    expect(Number.isFinite(r.heldOut.value)).toBe(true);
    r.teacher.dispose();
  });

  it('is deterministic per seed, and onEpoch can stop it', async () => {
    const { x, y } = data(60, 8, 5);
    const run = (seed: number) =>
      trainTeacher({
        arch: { kind: 'lstm', inputLength: 8, units: 3 },
        seed,
        x,
        y,
        task: 'regression',
        epochs: 5,
        onEpoch: (e) => e.epoch < 3,
      });
    const [a, b, c] = [await run(1), await run(1), await run(2)];
    expect(a.history.length).toBe(3);
    expect(a.history).toEqual(b.history);
    expect(a.history).not.toEqual(c.history);
    for (const t of [a, b, c]) t.teacher.dispose();
  });

  it('rejects data that does not fit the architecture', async () => {
    await expect(
      trainTeacher({
        arch: { kind: 'mlp1d', inputLength: 8 },
        seed: 1,
        x: new Float32Array(20),
        y: new Float32Array(2),
        task: 'regression',
      }),
    ).rejects.toThrow(/not a whole number/);
  });
});
