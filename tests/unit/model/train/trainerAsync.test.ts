// AwdTrainer's asynchronous path (stepAsync / coefficientsAsync, what the worker uses on every backend)
// is the synchronous one with another read: identical records, awave's awd_fit trajectory, flat memory.
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Teacher } from '../../../../src/model/teacher/types.ts';
import { TrainingDiverged } from '../../../../src/model/train/errors.ts';
import { AwdTrainer } from '../../../../src/model/train/trainer.ts';
import { loadReference } from '../../reference.ts';
import { TOL } from '../../tolerances.ts';
import { loadReferenceTeacher } from '../loss/referenceTeacher.ts';
import { fitCaseConfig, fitCaseData, maxAbsDiff, type AwdFitCase } from './fitCase.ts';

const fit = loadReference<AwdFitCase[]>('awd_fit.json')[0]!;
let teacher: Teacher;
const make = (o: { lr?: number } = {}) =>
  new AwdTrainer({
    ...fitCaseData(fit),
    teacher,
    config: { ...fitCaseConfig(fit), ...(o.lr ? { lr: o.lr } : {}) },
    distEvery: 0,
  });

beforeAll(async () => {
  await tf.setBackend('cpu');
  teacher = loadReferenceTeacher(fit.teacher);
});
afterAll(() => teacher.dispose());

describe('AwdTrainer.stepAsync', () => {
  it(`follows awave's ${fit.steps} Adam steps (awd_fit.json) and equals step() record for record`, async () => {
    const a = make();
    const b = make();
    let before = 0;
    for (let s = 0; s < fit.steps; s++) {
      if (s === 1) before = tf.memory().numTensors; // the first step caches the transform's selectors
      const ra = await a.stepAsync();
      const rb = b.step();
      expect(ra).toEqual(rb);
      expect(maxAbsDiff(ra.h0, fit.h0_history[s]!), `step ${s + 1}`).toBeLessThanOrEqual(TOL.awdFit);
      expect(Math.abs(ra.total - fit.history[s]!)).toBeLessThanOrEqual(TOL.awdRel * fit.history[s]!);
    }
    expect(maxAbsDiff(a.h0(), fit.h0_final)).toBeLessThanOrEqual(TOL.awdFit);
    expect(tf.memory().numTensors).toBe(before);
    const [ca, cb] = [await a.coefficientsAsync(2), b.coefficients(2)];
    expect(ca).toEqual(cb);
    expect(ca.attributions.some((v) => v.some((x) => x !== 0))).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
    a.dispose();
    b.dispose();
  });

  it('refuses a second step while one is in flight, and a step on a trainer disposed meanwhile', async () => {
    const tr = make();
    const first = tr.stepAsync();
    await expect(tr.stepAsync()).rejects.toThrow(/previous step has not finished/);
    await first;
    const late = tr.stepAsync();
    tr.dispose();
    await expect(late).rejects.toThrow(/after dispose/);
  });

  it('diverges like step(): TrainingDiverged with the last finite h0 restored', async () => {
    const tr = make();
    await tr.stepAsync();
    tr.setLr(1e30);
    let err: unknown = null;
    try {
      for (let i = 0; i < 5; i++) await tr.stepAsync();
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TrainingDiverged);
    expect(Array.from((err as TrainingDiverged).restoredH0)).toEqual(Array.from(tr.h0()));
    expect(tr.h0().every(Number.isFinite)).toBe(true);
    tr.dispose();
  });
});
