// Every supported layer and activation, rebuilt by loadTeacherFromArtifacts from tfjs-layers'
// own model.json, against tfjs-layers' forward and first-order input gradient.
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTeacherFromArtifacts } from '../../../../src/model/teacher/loadLayersModel.ts';
import { TOL } from '../../tolerances.ts';
import { ACTIVATION_CASES, buildCaseModel, LAYER_CASES, seededInput, toArtifacts } from './cases.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

/** max |a − b| / max |b|. */
function relMax(a: Float32Array, b: Float32Array): number {
  let d = 0;
  let m = 0;
  b.forEach((v, i) => {
    d = Math.max(d, Math.abs(a[i]! - v));
    m = Math.max(m, Math.abs(v));
  });
  return d / Math.max(m, 1e-12);
}

describe.each([...ACTIVATION_CASES, ...LAYER_CASES].map((k, i) => ({ k, i, name: k.name })))(
  '$name',
  ({ k, i }) => {
    it('matches tfjs-layers (outputs and input gradients)', async () => {
      const model = buildCaseModel(k, 100 + i);
      const { modelJson, weightData } = await toArtifacts(model);
      const teacher = loadTeacherFromArtifacts(modelJson, weightData);
      expect(teacher.compatibility, JSON.stringify(teacher.compatibility.problems)).toEqual({
        ok: true,
        problems: [],
      });
      expect(teacher.inputShape).toEqual(k.inputShape);
      expect(teacher.outputSize).toBe(2);
      const x = seededInput([3, ...k.inputShape], 200 + i, 1.5);
      const w = tf.tensor2d([[0.7], [-1.3]]);
      const F = (apply: (z: tf.Tensor) => tf.Tensor) => (z: tf.Tensor) =>
        tf.sum(tf.matMul(apply(z) as tf.Tensor2D, w));
      const eo = tf.tidy(() =>
        relMax(
          teacher.apply(x).dataSync() as Float32Array,
          (model.predict(x) as tf.Tensor).dataSync() as Float32Array,
        ),
      );
      expect(eo, `outputs, rel ${eo}`).toBeLessThan(TOL.teacherParity);
      // Where tfjs' own gradient is unusable, secondOrder.test.ts checks ours by finite differences.
      if (!k.refGradBroken) {
        const eg = tf.tidy(() =>
          relMax(
            tf
              .grad(F((z) => teacher.apply(z)))(x)
              .dataSync() as Float32Array,
            tf
              .grad(F((z) => model.apply(z) as tf.Tensor))(x)
              .dataSync() as Float32Array,
          ),
        );
        expect(eg, `input gradients, rel ${eg}`).toBeLessThan(TOL.teacherParity);
      }
      tf.dispose([x, w]);
      teacher.dispose();
      model.dispose();
    });
  },
);
