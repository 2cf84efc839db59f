// The stock tfjs 4.22 gradients really break second order (so the checks below can fail), and
// registerSecondOrderGradients() fixes each kernel: d/dθ Σ(∂Σg(θ·x)/∂x)² vs central differences.
// One file = one process (vitest forks), so "stock" here means nothing was registered yet.
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { registerSecondOrderGradients, SECOND_ORDER_KERNELS } from '../../../../src/model/grads/register.ts';
import { secondOrderProbe } from '../../../../src/model/teacher/probe.ts';
import { TOL } from '../../tolerances.ts';
import { fdCheck } from './fdCheck.ts';

const x0 = () =>
  tf.tensor4d(
    [0.3, -0.7, 1.1, -0.2, 0.5, 0.9, -1.3, 0.4, 0.8, -0.1, 0.2, -0.6, 1.5, 0.05, -0.9, 0.7],
    [1, 4, 4, 1],
  );

// Each g is smooth at x0 or piecewise smooth with the kinks away from the stencil.
const OPS: Record<string, (x: tf.Tensor) => tf.Tensor> = {
  tanh: (x) => tf.tanh(x),
  sigmoid: (x) => tf.sigmoid(x),
  exp: (x) => tf.exp(x),
  elu: (x) => tf.elu(x),
  selu: (x) => tf.selu(x),
  leakyRelu: (x) => tf.leakyRelu(x, 0.2),
  prelu: (x) => tf.prelu(x, tf.scalar(0.2)),
  relu6: (x) => tf.relu6(tf.mul(x, 5)),
  softmax: (x) => tf.softmax(tf.reshape(x, [2, 8])),
  softplus: (x) => tf.softplus(x),
  rsqrt: (x) => tf.rsqrt(tf.add(x, 2)),
  pow: (x) => tf.pow(tf.add(x, 2), 1.5),
  max: (x) => tf.max(tf.reshape(x, [4, 4]), 1),
  min: (x) => tf.min(tf.reshape(x, [4, 4]), 0),
  maximum: (x) => tf.maximum(x, tf.mul(x, -0.5)),
  avgPool: (x) => tf.avgPool(x as tf.Tensor4D, 2, 2, 'valid'),
};

function check(g: (x: tf.Tensor) => tf.Tensor) {
  const x = x0();
  const L = (th: tf.Tensor) => {
    const gx = tf.grad((z: tf.Tensor) => tf.sum(tf.mul(tf.square(g(z)), 0.5)))(tf.mul(x, tf.add(1, th)));
    return tf.sum(tf.square(gx)) as tf.Scalar;
  };
  try {
    return fdCheck(L, [1e-2, 2e-3]);
  } finally {
    x.dispose();
  }
}

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('stock tfjs 4.22 (nothing registered yet)', () => {
  it('tanh, sigmoid, exp and softmax give silently wrong second derivatives', () => {
    for (const k of ['tanh', 'sigmoid', 'exp', 'softmax'])
      expect(check(OPS[k]!).pass(TOL.finiteDiff), k).toBe(false);
  });
  it('elu, selu, leakyRelu, relu6, max and avgPool throw', () => {
    for (const k of ['elu', 'selu', 'leakyRelu', 'relu6', 'max', 'avgPool'])
      expect(() => check(OPS[k]!), k).toThrow(/gradient function not found/);
  });
  it('the probe reports both kinds of failure', () => {
    expect(secondOrderProbe((x) => tf.tanh(x), [5]).ok).toBe(false);
    const r = secondOrderProbe((x) => tf.maxPool(x as tf.Tensor4D, 2, 2, 'valid'), [4, 4, 1]);
    expect(r.ok).toBe(false);
    expect(r.reason).toMatch(/MaxPoolGrad/);
  });
});

describe('after registerSecondOrderGradients()', () => {
  beforeAll(() => {
    registerSecondOrderGradients();
    registerSecondOrderGradients(); // idempotent
  });
  it('covers the kernels that save outputs or lack gradients', () => {
    for (const k of [
      'Tanh',
      'Sigmoid',
      'Exp',
      'Elu',
      'Softmax',
      'LogSoftmax',
      'Pow',
      'Max',
      'Min',
      'Greater',
      'LessEqual',
      'AvgPoolGrad',
    ])
      expect(SECOND_ORDER_KERNELS).toContain(k);
    const before = tf.getGradient('Tanh');
    registerSecondOrderGradients();
    expect(tf.getGradient('Tanh')).toBe(before);
  });
  it.each(Object.keys(OPS))('%s matches central differences', (k) => {
    const r = check(OPS[k]!);
    expect(r.pass(TOL.finiteDiff), `analytic ${r.analytic}, fd ${r.fd}`).toBe(true);
    expect(r.signal).toBeGreaterThan(50);
  });
  it('the probe passes stock tanh now and still reports maxPool', () => {
    expect(secondOrderProbe((x) => tf.tanh(x), [5]).ok).toBe(true);
    expect(secondOrderProbe((x) => tf.maxPool(x as tf.Tensor4D, 2, 2, 'valid'), [4, 4, 1]).ok).toBe(false);
  });
});
