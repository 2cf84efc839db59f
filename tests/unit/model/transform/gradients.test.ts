// First- and second-order central finite differences of the differentiable DWT w.r.t. h0 and x.
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPlan } from '../../../../src/model/transform/createPlan.ts';
import type { TrainMode } from '../../../../src/protocol/config.ts';
import { TOL } from '../../tolerances.ts';
import { fdScalar, gradDot, hessianCheck, randomArray, relErr, seeded } from '../fd.ts';

const DB3 = [
  0.3326705529509569, 0.8068915093442464, 0.4598775021193313, -0.13501102001039084, -0.08544127388224149,
  0.035226291882100656,
];

interface Setup {
  shape: number[];
  mode: TrainMode;
  level: number;
}
const SETUPS: Setup[] = [
  { shape: [3, 21], mode: 'symmetric', level: 3 },
  { shape: [3, 16], mode: 'periodization', level: 2 },
  { shape: [2, 9, 12], mode: 'reflect', level: 2 },
  { shape: [2, 10, 7], mode: 'zero', level: 2 },
];

describe('transform derivatives (central differences, float32)', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  for (const s of SETUPS) {
    const name = `[${s.shape.join('×')}] ${s.mode} J=${s.level}`;
    const rnd = seeded(s.shape.reduce((a, b) => a * 31 + b, s.level));
    const plan = createPlan(s.shape.slice(1), DB3.length, s.mode, s.level);
    const size = s.shape.reduce((a, b) => a * b, 1);
    const x = tf.keep(tf.tensor(randomArray(size, rnd), s.shape));
    const h0 = tf.keep(tf.add(tf.tensor1d(DB3), tf.tensor1d(randomArray(6, rnd, 0.1))));
    // Random projections make every coefficient and sample count.
    const wC = plan.bandShapes.map((b) =>
      tf.keep(tf.tensor(randomArray(s.shape[0]! * b.reduce((p, d) => p * d, 1), rnd), [s.shape[0]!, ...b])),
    );
    const wX = tf.keep(tf.tensor(randomArray(size, rnd), s.shape));
    const vH = tf.keep(tf.tensor1d(randomArray(6, rnd)));
    const uH = tf.keep(tf.tensor1d(randomArray(6, rnd)));
    const vX = tf.keep(tf.tensor(randomArray(size, rnd), s.shape));
    // A nonlinear readout (squares), so second derivatives w.r.t. h0 are not trivially zero.
    const fwd = (h: tf.Tensor, xx: tf.Tensor) =>
      tf.addN(
        plan
          .bind(h as tf.Tensor1D)
          .forward(xx)
          .map((c, i) => tf.sum(tf.mul(tf.square(c), wC[i]!))),
      ) as tf.Scalar;
    const inv = (h: tf.Tensor, xx: tf.Tensor) => {
      const b = plan.bind(h as tf.Tensor1D);
      return tf.sum(tf.mul(tf.square(b.inverse(b.forward(xx))), wX)) as tf.Scalar;
    };
    const eps = 1e-2;
    const check = (label: string, a: number, b: number) => {
      if (process.env['FD_LOG']) console.log(name, label, relErr(a, b));
      expect(relErr(a, b), `${name} ${label}: analytic ${a}, central difference ${b}`).toBeLessThan(
        TOL.finiteDiff,
      );
    };

    it(`${name}: first order w.r.t. h0 and x, analysis and synthesis`, () => {
      for (const [lbl, f] of [
        ['forward', fwd],
        ['inverse∘forward', inv],
      ] as const) {
        check(
          `${lbl} d/dh0`,
          gradDot((h) => f(h, x), h0, vH),
          fdScalar((h) => f(h, x), h0, vH, eps),
        );
        check(
          `${lbl} d/dx`,
          gradDot((xx) => f(h0, xx), x, vX),
          fdScalar((xx) => f(h0, xx), x, vX, eps),
        );
      }
    });

    it(`${name}: second order (h0,h0) and mixed (x,h0) through tf.grad of tf.grad`, () => {
      for (const [lbl, f] of [
        ['forward', fwd],
        ['inverse∘forward', inv],
      ] as const) {
        const hh = hessianCheck((h) => f(h, x), h0, uH, vH, eps);
        check(`${lbl} d²/dh0²`, hh.analytic, hh.fd);
        // ⟨∇_x f, vX⟩ as a function of h0: the attribution-shaped second derivative AWD needs.
        const gx = (h: tf.Tensor) => tf.sum(tf.mul(tf.grad((xx: tf.Tensor) => f(h, xx))(x), vX)) as tf.Scalar;
        check(`${lbl} d²/dx dh0`, gradDot(gx, h0, vH), fdScalar(gx, h0, vH, eps));
      }
    });
  }
});

describe('inverseAdjoint is the adjoint of inverse: ⟨Ψ⁻¹c, g⟩ = ⟨c, Ψ⁻¹ᵀg⟩', () => {
  const cases: [number[], TrainMode, number][] = [
    [[2, 37], 'symmetric', 3],
    [[2, 37], 'periodization', 3],
    [[2, 40], 'reflect', 2],
    [[2, 19], 'periodic', 4],
    [[2, 17, 24], 'zero', 2],
    [[2, 9, 12], 'periodization', 3],
    [[2, 11, 8], 'reflect', 2],
    [[1, 13, 15], 'periodic', 3],
  ];
  for (const [shape, mode, level] of cases)
    it(`[${shape.join('×')}] ${mode} J=${level}`, () => {
      const rnd = seeded(level * 7 + shape.length);
      const plan = createPlan(shape.slice(1), 6, mode, level);
      tf.tidy(() => {
        const b = plan.bind(tf.add(tf.tensor1d(DB3), tf.tensor1d(randomArray(6, rnd, 0.2))));
        const c = plan.bandShapes.map((s) =>
          tf.tensor(randomArray(shape[0]! * s.reduce((p, d) => p * d, 1), rnd), [shape[0]!, ...s]),
        );
        const g = tf.tensor(
          randomArray(
            shape.reduce((p, d) => p * d, 1),
            rnd,
          ),
          shape,
        );
        const lhs = tf.sum(tf.mul(b.inverse(c), g)).dataSync()[0]!;
        const adj = b.inverseAdjoint(g);
        adj.forEach((t, i) => expect(t.shape, `band ${i}`).toEqual(c[i]!.shape));
        const rhs = tf.addN(adj.map((t, i) => tf.sum(tf.mul(t, c[i]!)))).dataSync()[0]!;
        expect(relErr(lhs, rhs, 1)).toBeLessThan(1e-5);
      });
    });
});
