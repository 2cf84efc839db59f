// Central differences of the full AWD loss w.r.t. h0 for every attribution method: the analytic gradient
// goes through tf.grads inside tf.grad (awave's create_graph=True), so this checks the second-order path.
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { awdLoss } from '../../../../src/model/loss/awdLoss.ts';
import type { LossWeights } from '../../../../src/model/loss/terms.ts';
import { createPlan } from '../../../../src/model/transform/createPlan.ts';
import { ATTRIBUTIONS } from '../../../../src/protocol/config.ts';
import type { TrainMode } from '../../../../src/protocol/config.ts';
import { TOL } from '../../tolerances.ts';
import { fdScalar, gradDot, randomArray, relErr, seeded } from '../fd.ts';
import { smoothTeacher } from './smoothTeacher.ts';

const DB2 = [0.48296291314453416, 0.8365163037378079, 0.2241438680420134, -0.12940952255126037];
const ALL: LossWeights = { lsum: 1, hsum: 1, l2norm: 1, cmf: 1, conv: 1, l1wave: 0.1, l1attr: 1 };
const ONLY_ATTR: LossWeights = { lsum: 0, hsum: 0, l2norm: 0, cmf: 0, conv: 0, l1wave: 0, l1attr: 1 };

const SETUPS: { shape: number[]; mode: TrainMode; level: number }[] = [
  { shape: [4, 16], mode: 'zero', level: 2 },
  { shape: [2, 8, 8], mode: 'periodization', level: 2 },
];

describe('AWD loss gradient w.r.t. h0 (central differences)', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  for (const s of SETUPS)
    for (const method of ATTRIBUTIONS)
      it(`[${s.shape.join('×')}] ${s.mode}, ${method}: total and the γ term alone`, () => {
        const rnd = seeded(s.shape.length * 100 + ATTRIBUTIONS.indexOf(method));
        const sig = s.shape.slice(1);
        const teacher = smoothTeacher(sig, 2, 5);
        const plan = createPlan(sig, 4, s.mode, s.level);
        const x = tf.tensor(
          randomArray(
            s.shape.reduce((a, b) => a * b, 1),
            rnd,
            2,
          ),
          s.shape,
        );
        const h0 = tf.add(tf.tensor1d(DB2), tf.tensor1d(randomArray(4, rnd, 0.1)));
        const v = tf.tensor1d(randomArray(4, rnd));
        for (const [label, weights] of [
          ['total', ALL],
          ['γ·l1attr only', ONLY_ATTR],
        ] as const) {
          const f = (h: tf.Tensor) =>
            awdLoss(h as tf.Tensor1D, x, {
              plan,
              teacher,
              target: 1,
              attribution: method,
              igSteps: 5,
              weights,
            }).total;
          const a = gradDot(f, h0, v);
          const b = fdScalar(f, h0, v, 2e-3);
          // A random direction can be nearly orthogonal to ∇L; float32 rounding of L (≈1e-7·|L|/ε) is
          // then judged against the gradient's own scale ‖∇L‖·‖v‖ rather than the tiny projection.
          const scale = tf.tidy(() => tf.norm(tf.grad(f)(h0)).dataSync()[0]! * tf.norm(v).dataSync()[0]!);
          expect(relErr(a, b, 0.05 * scale), `${label}: analytic ${a}, central difference ${b}`).toBeLessThan(
            TOL.finiteDiff,
          );
        }
        tf.dispose([x, h0, v]);
        teacher.dispose();
      });
});

describe("TRIM residual gradient: 'exact' vs awave's literal graph", () => {
  const setup = (act: 'sin' | 'relu', method: (typeof ATTRIBUTIONS)[number]) => {
    const rnd = seeded(11);
    const teacher = smoothTeacher([16], 2, 9, act);
    const plan = createPlan([16], 4, 'symmetric', 2);
    const x = tf.tensor(randomArray(64, rnd, 2), [4, 16]);
    const h0 = tf.add(tf.tensor1d(DB2), tf.tensor1d(randomArray(4, rnd, 0.1)));
    const run = (residualGradient: 'exact' | 'awave') =>
      tf.tidy(() => {
        let attr: Float32Array[] = [];
        const g = tf.grad((h: tf.Tensor) => {
          const r = awdLoss(h as tf.Tensor1D, x, {
            plan,
            teacher,
            target: 0,
            attribution: method,
            igSteps: 4,
            weights: ONLY_ATTR,
            residualGradient,
          });
          attr = r.attributions!.map((a) => a.dataSync() as Float32Array);
          return r.total;
        })(h0);
        return { g: Array.from(g.dataSync()), attr };
      });
    return { run, done: () => (tf.dispose([x, h0]), teacher.dispose()) };
  };
  const maxRel = (a: number[], b: number[]) =>
    Math.max(...a.map((v, i) => Math.abs(v - b[i]!))) / Math.max(1e-6, ...b.map(Math.abs));

  for (const method of ['saliency', 'input_x_gradient'] as const) {
    it(`${method}: identical for a ReLU teacher (zero Hessian), attributions and gradient`, () => {
      const s = setup('relu', method);
      const e = s.run('exact');
      const a = s.run('awave');
      e.attr.forEach((band, i) =>
        expect(maxRel(Array.from(band), Array.from(a.attr[i]!))).toBeLessThan(1e-5),
      );
      expect(maxRel(e.g, a.g)).toBeLessThan(1e-5);
      s.done();
    });
    it(`${method}: same attributions but a different h0-gradient for a smooth teacher`, () => {
      const s = setup('sin', method);
      const e = s.run('exact');
      const a = s.run('awave');
      e.attr.forEach((band, i) =>
        expect(maxRel(Array.from(band), Array.from(a.attr[i]!))).toBeLessThan(1e-5),
      );
      // awave's graph adds H_f·d(Ψ⁻¹Ψx)/dh0, absent from the loss value (only 'exact' matches FD above).
      expect(maxRel(e.g, a.g)).toBeGreaterThan(1e-3);
      s.done();
    });
  }
});
