// model.json variants beyond tfjs-layers' Sequential: functional chains (tfjs and Keras 3 inbound
// formats), `model_config` wrappers, nested models, quantized weights, and the errors that name
// the offending layer. Plus layer settings tfjs-layers cannot produce (causal conv, ELU alpha,
// GRU reset_after) against direct formulas.
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTeacherFromArtifacts } from '../../../../src/model/teacher/loadLayersModel.ts';
import { mulberry32 } from '../../../../src/model/teacher/rng.ts';
import { TOL } from '../../tolerances.ts';
import { seededInput, toArtifacts } from './cases.ts';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

interface W {
  name: string;
  shape: number[];
  values: Float32Array;
}
const rand = (n: number, seed: number, s = 0.8) => {
  const r = mulberry32(seed);
  return Float32Array.from({ length: n }, () => s * (2 * r() - 1));
};
const w = (name: string, shape: number[], seed: number): W => ({
  name,
  shape,
  values: rand(
    shape.reduce((p, d) => p * d, 1),
    seed,
  ),
});
function artifacts(modelTopology: object, ws: W[]) {
  const all = new Float32Array(ws.reduce((n, x) => n + x.values.length, 0));
  let at = 0;
  for (const x of ws) all.set(x.values, (at += x.values.length) - x.values.length);
  return {
    modelJson: {
      modelTopology,
      weightsManifest: [
        { paths: ['a.bin'], weights: ws.map((x) => ({ name: x.name, shape: x.shape, dtype: 'float32' })) },
      ],
    },
    weightData: all.buffer,
  };
}
const dense = (name: string, units: number, activation = 'linear', extra: object = {}) => ({
  class_name: 'Dense',
  config: { name, units, activation, use_bias: true, ...extra },
});
const seq = (layers: object[]) => ({ class_name: 'Sequential', config: { name: 's', layers } });
const out = (t: ReturnType<typeof loadTeacherFromArtifacts>, x: tf.Tensor) =>
  tf.tidy(() => Array.from(t.apply(x).dataSync()));
const close = (a: number[], b: number[], tol: number = TOL.teacherParity) => {
  const m = Math.max(...b.map(Math.abs));
  a.forEach((v, i) =>
    expect(Math.abs(v - b[i]!), `index ${i}: ${v} vs ${b[i]}`).toBeLessThanOrEqual(tol * m),
  );
};

const W2 = [w('d1/kernel', [4, 3], 1), w('d1/bias', [3], 2), w('d2/kernel', [3, 2], 3), w('d2/bias', [2], 4)];
const SEQ = seq([dense('d1', 3, 'tanh', { batch_input_shape: [null, 4] }), dense('d2', 2)]);

describe('topology forms', () => {
  const x = seededInput([3, 4], 9);
  const ref = out(loadTeacherFromArtifacts(artifacts(SEQ, W2).modelJson, artifacts(SEQ, W2).weightData), x);

  it('functional chain, Keras 2 / tfjs inbound_nodes', () => {
    const topo = {
      class_name: 'Model',
      config: {
        name: 'f',
        layers: [
          {
            class_name: 'InputLayer',
            name: 'in',
            config: { name: 'in', batch_input_shape: [null, 4] },
            inbound_nodes: [],
          },
          { ...dense('d1', 3, 'tanh'), name: 'd1', inbound_nodes: [[['in', 0, 0, {}]]] },
          { ...dense('d2', 2), name: 'd2', inbound_nodes: [[['d1', 0, 0, {}]]] },
        ],
        input_layers: [['in', 0, 0]],
        output_layers: [['d2', 0, 0]],
      },
    };
    const a = artifacts(topo, W2);
    close(out(loadTeacherFromArtifacts(a.modelJson, a.weightData), x), ref);
  });

  it('functional chain, Keras 3 (keras_history, batch_shape, model_config wrapper, :0 names)', () => {
    const hist = (n: string) => [
      {
        args: [{ class_name: '__keras_tensor__', config: { shape: [null, 3], keras_history: [n, 0, 0] } }],
        kwargs: {},
      },
    ];
    const topo = {
      keras_version: '3.3.3',
      model_config: {
        class_name: 'Functional',
        config: {
          name: 'f3',
          layers: [
            {
              class_name: 'InputLayer',
              name: 'in',
              config: { name: 'in', batch_shape: [null, 4] },
              inbound_nodes: [],
            },
            { ...dense('d1', 3, 'tanh'), name: 'd1', inbound_nodes: hist('in') },
            { ...dense('d2', 2), name: 'd2', inbound_nodes: hist('d1') },
          ],
          input_layers: ['in', 0, 0],
          output_layers: ['d2', 0, 0],
        },
      },
    };
    const a = artifacts(
      topo,
      W2.map((q) => ({ ...q, name: `f3/${q.name}:0` })),
    );
    close(out(loadTeacherFromArtifacts(a.modelJson, a.weightData), x), ref);
  });

  it('a nested Sequential and a bare layer list', () => {
    const nested = seq([
      {
        class_name: 'Sequential',
        config: { name: 'inner', layers: [dense('d1', 3, 'tanh', { batch_input_shape: [null, 4] })] },
      },
      dense('d2', 2),
    ]);
    const a = artifacts(nested, W2);
    close(out(loadTeacherFromArtifacts(a.modelJson, a.weightData), x), ref);
    const bare = artifacts({ class_name: 'Sequential', config: SEQ.config.layers }, W2);
    close(out(loadTeacherFromArtifacts(bare.modelJson, bare.weightData), x), ref);
  });

  it('tfjs-layers functional model (tf.model) with an InputLayer', async () => {
    const input = tfl.input({ shape: [5] });
    const h = tfl.layers.dense({ units: 4, activation: 'selu' }).apply(input) as tfl.SymbolicTensor;
    const model = tfl.model({
      inputs: input,
      outputs: tfl.layers.dense({ units: 2 }).apply(h) as tfl.SymbolicTensor,
    });
    const a = await toArtifacts(model);
    const xi = seededInput([2, 5], 3);
    close(
      out(loadTeacherFromArtifacts(a.modelJson, a.weightData), xi),
      Array.from((model.predict(xi) as tf.Tensor).dataSync()),
    );
  });

  it('uint8 / uint16 / float16 quantized weights', () => {
    for (const dtype of ['uint8', 'uint16', 'float16'] as const) {
      const specs: object[] = [];
      const chunks: Uint8Array[] = [];
      const deq: W[] = [];
      for (const q of W2) {
        const lo = Math.min(...q.values);
        const scale = (Math.max(...q.values) - lo) / (dtype === 'uint8' ? 255 : 65535);
        if (dtype === 'float16') {
          // Exact halves: values k/1024 (|k| < 1024) are representable.
          const vals = Array.from(q.values, (v) => Math.round(v * 1024) / 1024);
          const halves = Uint16Array.from(vals, (v) => {
            const s = v < 0 ? 0x8000 : 0;
            const a = Math.abs(v);
            if (a === 0) return s;
            const e = Math.floor(Math.log2(a));
            return s | ((e + 15) << 10) | Math.round((a / 2 ** e - 1) * 1024);
          });
          chunks.push(new Uint8Array(halves.buffer));
          deq.push({ ...q, values: Float32Array.from(vals) });
          specs.push({
            name: q.name,
            shape: q.shape,
            dtype: 'float32',
            quantization: { dtype: 'float16', original_dtype: 'float32' },
          });
        } else {
          const codes = Array.from(q.values, (v) => Math.round((v - lo) / scale));
          const arr = dtype === 'uint8' ? Uint8Array.from(codes) : Uint16Array.from(codes);
          chunks.push(new Uint8Array(arr.buffer));
          deq.push({ ...q, values: Float32Array.from(codes, (c) => c * scale + lo) });
          specs.push({
            name: q.name,
            shape: q.shape,
            dtype: 'float32',
            quantization: { dtype, scale, min: lo, original_dtype: 'float32' },
          });
        }
      }
      const t = loadTeacherFromArtifacts(
        { modelTopology: SEQ, weightsManifest: [{ paths: ['q.bin'], weights: specs }] },
        chunks.map((c) => c.slice().buffer),
      );
      const d = artifacts(SEQ, deq);
      close(out(t, x), out(loadTeacherFromArtifacts(d.modelJson, d.weightData), x), 1e-6);
    }
  });
});

describe('errors name the layer', () => {
  it('unknown class and Lambda', () => {
    const a = artifacts(
      seq([
        dense('d1', 3, 'tanh', { batch_input_shape: [null, 4] }),
        { class_name: 'Lambda', config: { name: 'lam' } },
        { class_name: 'Frobnicate', config: { name: 'fz' } },
      ]),
      W2.slice(0, 2),
    );
    expect(() => loadTeacherFromArtifacts(a.modelJson, a.weightData)).toThrow(
      /layer 'lam' \(Lambda\): a Lambda layer.*layer 'fz' \(Frobnicate\): unknown layer class/,
    );
  });
  it('unsupported activation, channels_first, missing weight, short weight data', () => {
    const bad =
      (layers: object[], ws: W[] = W2) =>
      () =>
        loadTeacherFromArtifacts(artifacts(seq(layers), ws).modelJson, artifacts(seq(layers), ws).weightData);
    expect(bad([dense('d1', 3, 'crelu', { batch_input_shape: [null, 4] }), dense('d2', 2)])).toThrow(
      /layer 'd1' \(Dense\): activation 'crelu'/,
    );
    expect(
      bad(
        [
          {
            class_name: 'Conv2D',
            config: {
              name: 'c',
              filters: 1,
              kernel_size: 1,
              data_format: 'channels_first',
              batch_input_shape: [null, 2, 2, 1],
            },
          },
        ],
        [],
      ),
    ).toThrow(/layer 'c' \(Conv2D\): data_format/);
    expect(bad([dense('d1', 3, 'tanh', { batch_input_shape: [null, 4] }), dense('d3', 2)])).toThrow(
      /layer 'd3' \(Dense\): missing weight 'kernel'/,
    );
    const a = artifacts(SEQ, W2);
    expect(() => loadTeacherFromArtifacts(a.modelJson, a.weightData.slice(0, 52))).toThrow(
      /weight data too short for 'd1\/bias'/,
    );
  });
  it('a branching functional graph (tfjs-layers add)', async () => {
    const input = tfl.input({ shape: [4] });
    const a1 = tfl.layers.dense({ units: 3, name: 'left' }).apply(input) as tfl.SymbolicTensor;
    const b1 = tfl.layers.dense({ units: 3, name: 'right' }).apply(input) as tfl.SymbolicTensor;
    const sum = tfl.layers.add({ name: 'merge' }).apply([a1, b1]) as tfl.SymbolicTensor;
    const a = await toArtifacts(tfl.model({ inputs: input, outputs: sum }));
    expect(() => loadTeacherFromArtifacts(a.modelJson, a.weightData)).toThrow(
      /layer 'merge' \(Add\) has 2 inputs; only linear chains/,
    );
  });
});

describe('settings tfjs-layers cannot build', () => {
  it('Conv1D causal = left zero padding + valid', () => {
    const k = [w('c/kernel', [3, 2, 2], 5), w('c/bias', [2], 6)];
    const conv = (padding: string) => ({
      class_name: 'Conv1D',
      config: { name: 'c', filters: 2, kernel_size: [3], dilation_rate: [2], padding, activation: 'tanh' },
    });
    const causal = artifacts(
      seq([
        { ...conv('causal'), config: { ...conv('causal').config, batch_input_shape: [null, 9, 2] } },
        { class_name: 'Flatten', config: { name: 'f' } },
      ]),
      k,
    );
    const padded = artifacts(
      seq([
        {
          class_name: 'ZeroPadding1D',
          config: { name: 'p', padding: [4, 0], batch_input_shape: [null, 9, 2] },
        },
        conv('valid'),
        { class_name: 'Flatten', config: { name: 'f' } },
      ]),
      k,
    );
    const xi = seededInput([2, 9, 2], 7);
    const t = loadTeacherFromArtifacts(causal.modelJson, causal.weightData);
    expect(t.outputSize).toBe(18);
    close(out(t, xi), out(loadTeacherFromArtifacts(padded.modelJson, padded.weightData), xi));
  });

  it('ELU alpha and Keras 3 LeakyReLU negative_slope', () => {
    const layers = [
      { class_name: 'ELU', config: { name: 'e', alpha: 0.7, batch_input_shape: [null, 4] } },
      { class_name: 'LeakyReLU', config: { name: 'l', negative_slope: 0.1 } },
    ];
    const a = artifacts(seq(layers), []);
    const xi = tf.tensor2d([[-2, -0.5, 0.5, 2]]);
    const e = (v: number) => (v > 0 ? v : 0.7 * Math.expm1(v));
    close(
      out(loadTeacherFromArtifacts(a.modelJson, a.weightData), xi),
      [-2, -0.5, 0.5, 2].map((v) => (e(v) > 0 ? e(v) : 0.1 * e(v))),
      1e-6,
    );
  });

  it.each([true, false])('GRU reset_after=%s vs a float64 Keras-formula reference', (resetAfter) => {
    const [T, F, U] = [4, 2, 3];
    const ws = [
      w('g/kernel', [F, 3 * U], 11),
      w('g/recurrent_kernel', [U, 3 * U], 12),
      w('g/bias', resetAfter ? [2, 3 * U] : [3 * U], 13),
    ];
    const a = artifacts(
      seq([
        {
          class_name: 'GRU',
          config: {
            name: 'g',
            units: U,
            reset_after: resetAfter,
            recurrent_activation: 'sigmoid',
            activation: 'tanh',
            batch_input_shape: [null, T, F],
          },
        },
      ]),
      ws,
    );
    const xi = seededInput([2, T, F], 14, 1.5);
    const xv = xi.dataSync();
    const [Wk, Uk, B] = ws.map((q) => Array.from(q.values));
    const sig = (v: number) => 1 / (1 + Math.exp(-v));
    const ref: number[] = [];
    for (let n = 0; n < 2; n++) {
      let h = new Array<number>(U).fill(0);
      for (let t = 0; t < T; t++) {
        const xw = (j: number) =>
          [0, 1].reduce((s, f) => s + xv[(n * T + t) * F + f]! * Wk![f * 3 * U + j]!, 0) + B![j]!;
        const hu = (v: number[], j: number) =>
          v.reduce((s, hv, i) => s + hv * Uk![i * 3 * U + j]!, 0) + (resetAfter ? B![3 * U + j]! : 0);
        const z = h.map((_, j) => sig(xw(j) + hu(h, j)));
        const r = h.map((_, j) => sig(xw(U + j) + hu(h, U + j)));
        const rh = h.map((hv, i) => r[i]! * hv);
        const hh = h.map((_, j) =>
          Math.tanh(xw(2 * U + j) + (resetAfter ? r[j]! * hu(h, 2 * U + j) : hu(rh, 2 * U + j))),
        );
        h = h.map((hv, j) => z[j]! * hv + (1 - z[j]!) * hh[j]!);
      }
      ref.push(...h);
    }
    close(out(loadTeacherFromArtifacts(a.modelJson, a.weightData), xi), ref);
  });
});
