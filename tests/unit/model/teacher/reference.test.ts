// The two reference teachers (TF.js Layers files) against torch float64: outputs and
// d output[:, grad_target] / d input, float32 within TOL.teacherRef of the reference's max abs.
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTeacherFromArtifacts } from '../../../../src/model/teacher/loadLayersModel.ts';
import { loadReference, REFERENCE_DIR } from '../../reference.ts';
import { TOL } from '../../tolerances.ts';
import { readArtifacts } from './nodeArtifacts.ts';

interface Check {
  kind: string;
  inputs: number[][] | number[][][];
  outputs_torch_float64: number[][];
  grad_target: number;
  input_grads_torch_float64: number[][] | number[][][];
}

const flat = (a: unknown): number[] => (Array.isArray(a) ? a.flatMap(flat) : [a as number]);

/** max |a − b| / max |b|. */
function relMax(a: ArrayLike<number>, b: number[]): number {
  let d = 0;
  let m = 0;
  for (let i = 0; i < b.length; i++) {
    d = Math.max(d, Math.abs(a[i]! - b[i]!));
    m = Math.max(m, Math.abs(b[i]!));
  }
  return d / m;
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe.each([
  { file: 'teacher_mlp1d_s11', inputShape: [64], outputSize: 1 },
  { file: 'teacher_cnn2d_s12', inputShape: [32, 32, 1], outputSize: 2 },
])('reference teacher $file', ({ file, inputShape, outputSize }) => {
  const check = loadReference<Check>(`${file}.check.json`);
  const { modelJson, weightData } = readArtifacts(`${REFERENCE_DIR}${file}.json`);

  it('loads with the right shapes and passes the second-order probe', () => {
    const t = loadTeacherFromArtifacts(modelJson, weightData);
    expect(t.inputShape).toEqual(inputShape);
    expect(t.outputSize).toBe(outputSize);
    expect(t.kind).toBe('imported');
    expect(t.compatibility).toEqual({ ok: true, problems: [] });
    t.dispose();
  });

  it('matches torch outputs and input gradients', () => {
    const t = loadTeacherFromArtifacts(modelJson, weightData);
    const xs = flat(check.inputs);
    const n = check.inputs.length;
    const before = tf.memory().numTensors;
    const [out, grad] = tf.tidy(() => {
      // Reference inputs carry no channel dim; apply() reshapes any [n, …] with n·∏inputShape values.
      const x = tf.tensor(xs, [n, xs.length / n]);
      const y = t.apply(x);
      const g = tf.grad((z: tf.Tensor) => tf.sum(tf.slice(t.apply(z), [0, check.grad_target], [n, 1])))(x);
      return [y.dataSync(), g.dataSync()];
    });
    expect(tf.memory().numTensors).toBe(before);
    const eo = relMax(out!, flat(check.outputs_torch_float64));
    const eg = relMax(grad!, flat(check.input_grads_torch_float64));
    expect(eo, `${file} outputs`).toBeLessThan(TOL.teacherRef);
    expect(eg, `${file} input gradients`).toBeLessThan(TOL.teacherRef);
    t.dispose();
  });
});
