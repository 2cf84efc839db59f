// The teacher commands over a Node MessageChannel with the real wiring (cpu): checkTeacher's verdict for
// a good and an unsupported model.json, init with the unsupported one (AWD trains with γ = 0 and says
// why), and trainTeacher → teacherProgress / teacherTrained, stoppable by stopTeacher.
import * as tf from '@tensorflow/tfjs-core';
import { MessageChannel } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/protocol/config.ts';
import type { Command, TeacherArtifacts, WorkerEvent } from '../../../src/protocol/messages.ts';
import { transferList } from '../../../src/protocol/transfer.ts';
import { workerDeps } from '../../../src/worker/deps.ts';
import { createEngine } from '../../../src/worker/engine.ts';
import type { Endpoint } from '../../../src/worker/types.ts';
import { loadReference, referenceBytes } from '../reference.ts';

type Ev<T extends WorkerEvent['type']> = Extract<WorkerEvent, { type: T }>;

const reference = (name: string): TeacherArtifacts => {
  const b = referenceBytes(name.replace('.json', '.weights.bin'));
  return {
    modelJson: loadReference<object>(name),
    weightData: [b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer],
  };
};

/** Dense(16, hard_silu) → Lambda → Dense(1) on [16]: neither the activation nor Lambda is rebuilt here. */
function unsupportedTeacher(): TeacherArtifacts {
  const dense = (name: string, units: number, activation: string, first = false) => ({
    class_name: 'Dense',
    config: { name, units, activation, use_bias: true, ...(first ? { batch_input_shape: [null, 16] } : {}) },
  });
  const layers = [
    dense('fc1', 16, 'hard_silu', true),
    { class_name: 'Lambda', config: { name: 'lam', function: ['x * 2', null, null] } },
    dense('out', 1, 'linear'),
  ];
  const weights = [
    { name: 'fc1/kernel', shape: [16, 16], dtype: 'float32' },
    { name: 'fc1/bias', shape: [16], dtype: 'float32' },
    { name: 'out/kernel', shape: [16, 1], dtype: 'float32' },
    { name: 'out/bias', shape: [1], dtype: 'float32' },
  ];
  const values = Float32Array.from({ length: 16 * 16 + 16 + 16 + 1 }, (_, i) => Math.sin(i) / 4);
  return {
    modelJson: {
      modelTopology: { class_name: 'Sequential', config: { name: 'odd', layers } },
      format: 'layers-model',
      weightsManifest: [{ paths: ['odd.bin'], weights }],
    },
    weightData: [values.buffer],
  };
}

const L = 16;
const N = 96;
const xs = Float32Array.from({ length: N * L }, (_, i) => Math.sin(i * 1.7) + Math.cos(i * 0.31));
const yReg = Float32Array.from({ length: N }, (_, n) => xs[n * L + 2]! + 0.5 * xs[n * L + 5]!);
const train = (o: Partial<Extract<Command, { type: 'trainTeacher' }>> = {}): Command => ({
  type: 'trainTeacher',
  arch: { kind: 'mlp1d', hidden: [8] },
  data: { x: xs.slice(), shape: [N, L] },
  y: yReg.slice(),
  yShape: [N],
  task: 'regression',
  epochs: 60,
  batchSize: 16,
  lr: 0.02,
  seed: 4,
  validationSplit: 0.25,
  patience: 8,
  ...o,
});

const events: WorkerEvent[] = [];
let ui: MessagePort & { on(e: 'message', f: (v: WorkerEvent) => void): void; close(): void };
const send = (c: Command) => ui.postMessage(c, transferList(c));
function waitFor<T extends WorkerEvent['type']>(
  type: T,
  from: number,
  pred: (e: Ev<T>) => boolean = () => true,
) {
  return new Promise<Ev<T>>((resolve, reject) => {
    const t0 = Date.now();
    const tick = () => {
      const hit = events.slice(from).find((e) => e.type === type && pred(e as Ev<T>));
      if (hit) return resolve(hit as Ev<T>);
      if (Date.now() - t0 > 60_000)
        return reject(
          new Error(
            `no ${type}; got ${events
              .slice(from)
              .map((e) => JSON.stringify(e).slice(0, 200))
              .join('\n')}`,
          ),
        );
      setTimeout(tick, 5);
    };
    tick();
  });
}

beforeAll(() => {
  const deps = {
    ...workerDeps(),
    yieldToEvents: () => new Promise<void>((r) => setImmediate(r)),
    selectBackend: async (choice: 'auto' | 'webgpu' | 'webgl' | 'wasm' | 'cpu') => {
      await tf.setBackend('cpu');
      return {
        backend: 'cpu' as const,
        requested: choice,
        reason: 'cpu',
        tried: [],
        canTrain: true,
        syncReadback: true,
      };
    },
  };
  const { port1, port2 } = new MessageChannel();
  createEngine(port1 as unknown as Endpoint, deps);
  ui = port2 as unknown as typeof ui;
  ui.on('message', (e) => events.push(e));
});
afterAll(() => ui.close());

describe('checkTeacher', () => {
  it('the reference MLP: every layer listed, usable with γ', async () => {
    const from = events.length;
    send({ type: 'checkTeacher', teacher: reference('teacher_mlp1d_s11.json'), inputShape: [64] });
    const c = await waitFor('teacherChecked', from);
    expect(c).toMatchObject({ ok: true, canUseGamma: true, problems: [] });
    expect(c.layers.map((l) => [l.className, l.activation, l.ok])).toEqual([
      ['Dense', 'relu', true],
      ['Dense', 'relu', true],
      ['Dense', 'linear', true],
    ]);
    expect(c.message).toMatch(/every layer can be differentiated twice/);
  });

  it('an unsupported activation and a Lambda layer: named per layer and op, γ not usable', async () => {
    const from = events.length;
    send({ type: 'checkTeacher', teacher: unsupportedTeacher(), inputShape: [L] });
    const c = await waitFor('teacherChecked', from);
    expect(c.ok).toBe(false);
    expect(c.canUseGamma).toBe(false);
    expect(c.problems.map((p) => [p.layer, p.op])).toEqual([
      ['fc1', "activation 'hardsilu'"],
      ['lam', 'Lambda'],
    ]);
    expect(c.problems[1]!.reason).toMatch(/Lambda layer holds arbitrary code/);
    expect(c.layers.map((l) => [l.name, l.ok])).toEqual([
      ['fc1', false],
      ['lam', false],
      ['out', true],
    ]);
    expect(c.message).toMatch(
      /^teacher 'odd' cannot be used — layer 'fc1' \(activation 'hardsilu'\): .*AWD can still train with γ = 0/,
    );
  });

  it('a teacher that does not fit the data is not ok, and says by how much', async () => {
    const from = events.length;
    send({ type: 'checkTeacher', teacher: reference('teacher_mlp1d_s11.json'), inputShape: [32] });
    const c = await waitFor('teacherChecked', from);
    expect(c).toMatchObject({ ok: false, canUseGamma: false });
    expect(c.problems).toEqual([
      {
        layer: '(model)',
        op: 'input/output',
        reason: 'teacher input [64] does not fit signals of shape [32]',
      },
    ]);
  });
});

describe('init with a teacher that fails the check', () => {
  it('trains with γ forced to 0 and warns exactly why', async () => {
    const from = events.length;
    send({
      type: 'init',
      config: {
        ...DEFAULT_CONFIG,
        weights: { ...DEFAULT_CONFIG.weights },
        level: 2,
        batchSize: 0,
        gamma: 0.5,
      },
      data: { x: xs.slice(), shape: [N, L] },
      teacher: unsupportedTeacher(),
    });
    const w = await waitFor('warning', from);
    expect(w.code).toBe('gamma_disabled');
    expect(w.message).toMatch(/^γ forced to 0 \(0\.5 was asked for\): teacher 'odd' cannot be used — /);
    expect(w.message).toContain("layer 'lam' (Lambda)");
    expect(w.problems.map((p) => p.layer)).toEqual(['fc1', 'lam']);
    await waitFor('snapshot', from);
    send({ type: 'step', n: 3 });
    await waitFor('snapshot', from, (e) => e.step === 3);
    const recs = events.slice(from).flatMap((e) => (e.type === 'progress' ? e.records : []));
    expect(recs.map((r) => [r.gamma, r.terms.l1attr])).toEqual([
      [0, 0],
      [0, 0],
      [0, 0],
    ]);
    expect(recs.every((r) => Number.isFinite(r.total) && r.total > 0)).toBe(true);
    expect(events.slice(from).filter((e) => e.type === 'error')).toEqual([]);
  });
});

describe('trainTeacher', () => {
  it('trains an MLP: throttled progress, held-out r², artifacts that pass the check and train AWD with γ', async () => {
    const from = events.length;
    send(train());
    const done = await waitFor('teacherTrained', from);
    const prog = events.slice(from).filter((e): e is Ev<'teacherProgress'> => e.type === 'teacherProgress');
    expect(prog.length).toBeGreaterThanOrEqual(1);
    const epochs = prog.flatMap((p) => p.records.map((r) => r.epoch));
    expect(epochs).toEqual(done.history.map((r) => r.epoch)); // every epoch reported once, in order
    expect(prog.at(-1)).toMatchObject({ epoch: done.epochs, epochs: 60 });
    expect(done.metric.name).toBe('r2');
    expect(done.metric.value).toBeGreaterThan(0.8);
    expect(done.history[0]!.loss).toBeGreaterThan(done.history.at(-1)!.loss);
    expect(['patience', 'maxEpochs']).toContain(done.stoppedBy);
    expect(done.bestEpoch).toBeLessThanOrEqual(done.epochs);
    expect(done.compat).toMatchObject({ ok: true, canUseGamma: true, problems: [] });
    expect(done.artifacts.weightData[0]!.byteLength).toBe((L * 8 + 8 + 8 + 1) * 4);
    const f2 = events.length;
    const copy = (): TeacherArtifacts => ({
      ...done.artifacts,
      weightData: done.artifacts.weightData.map((b) => b.slice(0)),
    });
    send({ type: 'checkTeacher', teacher: copy(), inputShape: [L] }); // (sending transfers the buffers)
    expect(await waitFor('teacherChecked', f2)).toMatchObject({ ok: true, canUseGamma: true });
    const f3 = events.length;
    send({
      type: 'init',
      config: { ...DEFAULT_CONFIG, weights: { ...DEFAULT_CONFIG.weights }, level: 2, batchSize: 0, gamma: 1 },
      data: { x: xs.slice(), shape: [N, L] },
      teacher: copy(),
    });
    await waitFor('snapshot', f3);
    send({ type: 'step', n: 2 });
    await waitFor('snapshot', f3, (e) => e.step === 2);
    const recs = events.slice(f3).flatMap((e) => (e.type === 'progress' ? e.records : []));
    expect(recs.map((r) => r.gamma)).toEqual([1, 1]);
    expect(recs.every((r) => r.terms.l1attr > 0)).toBe(true);
    expect(events.slice(f3).filter((e) => e.type === 'warning' || e.type === 'error')).toEqual([]);
  });

  it('stopTeacher ends it after the current epoch with the best weights so far', async () => {
    const from = events.length;
    send(train({ epochs: 5000, patience: 5000, lr: 0.001 }));
    await waitFor('teacherProgress', from);
    send({ type: 'stopTeacher' });
    const done = await waitFor('teacherTrained', from);
    expect(done.stoppedBy).toBe('user');
    expect(done.epochs).toBeLessThan(5000);
    expect(done.compat.canUseGamma).toBe(true);
  });

  it('classification reports held-out accuracy; an arch that contradicts the data is an error', async () => {
    const from = events.length;
    const cls = Float32Array.from(yReg, (v) => (v > 0 ? 1 : 0));
    send(train({ task: 'classification', y: cls, epochs: 40 }));
    const done = await waitFor('teacherTrained', from);
    expect(done.metric.name).toBe('accuracy');
    expect(done.metric.value).toBeGreaterThan(0.7);
    const f2 = events.length;
    send(train({ arch: { kind: 'mlp1d', inputLength: 10 } }));
    const e = await waitFor('error', f2);
    expect(e).toMatchObject({ code: 'teacher', command: 'trainTeacher', recoverable: true });
    expect(e.message).toBe(
      'trainTeacher: trainTeacher.arch.inputLength: 10 does not match the signal length (16)',
    );
  });
});
