// A backend switch must leave no tensor behind on the old backend: tfjs would move it with a synchronous
// read, which breaks WebGPU in a Worker (src/worker/backends.ts). The switch hook clears the model's
// constant caches; after a trainer is disposed and the hook ran, no tensor may be left at all.
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { clearValidityCache } from '../../../src/model/loss/validity.ts';
import { AwdTrainer } from '../../../src/model/train/trainer.ts';
import { clearSelectorCache } from '../../../src/model/transform/selectors.ts';
import { loadReference } from '../reference.ts';
import { loadReferenceTeacher } from '../model/loss/referenceTeacher.ts';
import { fitCaseConfig, fitCaseData, type AwdFitCase } from '../model/train/fitCase.ts';

describe('constant caches vs backend switches', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('after a trainer is disposed, clearing the selector and validity caches frees every tensor', async () => {
    clearSelectorCache();
    clearValidityCache();
    const base = tf.memory().numTensors;
    const fit = loadReference<AwdFitCase[]>('awd_fit.json')[0]!;
    const teacher = loadReferenceTeacher(fit.teacher);
    const tr = new AwdTrainer({ ...fitCaseData(fit), teacher, config: fitCaseConfig(fit) });
    await tr.stepAsync();
    await tr.coefficientsAsync(0);
    tr.dispose();
    teacher.dispose();
    expect(tf.memory().numTensors).toBeGreaterThan(base); // the caches hold constants now
    clearSelectorCache();
    clearValidityCache();
    expect(tf.memory().numTensors).toBe(base);
  });
});
