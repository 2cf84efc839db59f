// Second order, per supported layer and activation: θ ↦ L(θ) = Σ c ⊙ (x ⊙ ∇ₓF(x))², x = x0 + θv
// (input × gradient, as AWD's attribution term uses it; F = Σ f(x)·w), differentiated by tf.grad of
// tf.grad and by a central difference with one Richardson step, in float32 on the cpu backend.
// Every model ends in Dense(3, tanh) → Dense(2), so the input Hessian is non-zero and flows back
// through the layer's own gradient; even for relu-only layers L depends on θ through x ⊙ ∇F.
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTeacherFromArtifacts } from '../../../../src/model/teacher/loadLayersModel.ts';
import type { Teacher } from '../../../../src/model/teacher/types.ts';
import { TOL } from '../../tolerances.ts';
import { ACTIVATION_CASES, buildCaseModel, LAYER_CASES, seededInput, toArtifacts } from './cases.ts';
import { fdCheck } from './fdCheck.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

function lossOf(teacher: Teacher, x0: tf.Tensor, v: tf.Tensor, c: tf.Tensor) {
  const w = tf.tensor2d([[0.9], [-1.1]]);
  const F = (z: tf.Tensor) => tf.sum(tf.matMul(teacher.apply(z) as tf.Tensor2D, w));
  return {
    first: (th: tf.Tensor) => F(tf.add(x0, tf.mul(th, v))) as tf.Scalar,
    second: (th: tf.Tensor) => {
      const x = tf.add(x0, tf.mul(th, v));
      return tf.sum(tf.mul(c, tf.square(tf.mul(x, tf.grad(F)(x))))) as tf.Scalar;
    },
    dispose: () => w.dispose(),
  };
}

describe.each([...ACTIVATION_CASES, ...LAYER_CASES].map((k, i) => ({ k, i, name: k.name })))(
  '$name',
  ({ k, i }) => {
    it('first and second derivatives match central differences', async () => {
      const model = buildCaseModel(k, 300 + i);
      const { modelJson, weightData } = await toArtifacts(model);
      model.dispose();
      const teacher = loadTeacherFromArtifacts(modelJson, weightData);
      const shape = [2, ...k.inputShape];
      const [x0, v, c] = [
        seededInput(shape, 400 + i, 1.5),
        seededInput(shape, 500 + i),
        tf.abs(seededInput(shape, 600 + i)),
      ];
      const L = lossOf(teacher, x0, v, c);
      const before = tf.memory().numTensors;
      const r1 = fdCheck(L.first, [2e-2, 4e-3, 1e-3, 2.5e-4]);
      const r2 = fdCheck(L.second, [2e-2, 4e-3, 1e-3]);
      expect(tf.memory().numTensors).toBe(before);
      const say = (r: typeof r1) =>
        `analytic ${r.analytic}, fd ${r.fd} (eps ${r.eps}, noise ${r.noise.toExponential(1)})`;
      expect(r1.pass(TOL.finiteDiff), `first order: ${say(r1)}`).toBe(true);
      expect(r2.pass(TOL.finiteDiff), `second order: ${say(r2)}`).toBe(true);
      expect(r2.signal, `second-order signal/noise: ${say(r2)}`).toBeGreaterThan(50);
      L.dispose();
      tf.dispose([x0, v, c]);
      teacher.dispose();
    });
  },
);
