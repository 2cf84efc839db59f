// Pure parts of the teacher commands: naming the layer/op in a loader or probe message, the model.json
// scan, the arch's sizes from the data, and the engine's trainTeacher job with a fake clock on a
// backend without synchronous readback (so it must run on the host).
import { afterEach, describe, expect, it } from 'vitest';
import type { TeacherEpochRecord } from '../../../src/protocol/messages.ts';
import { problemsFromMessage, structuralProblems } from '../../../src/worker/teacherCheck.ts';
import { resolveArch } from '../../../src/worker/teacherTraining.ts';
import { fakeDeps, harness, is, type Harness } from './fakes.ts';

describe('problemsFromMessage', () => {
  it('splits the loader’s per-layer list and names the op at fault', () => {
    const msg =
      "layer 'c1' (Conv2D): gradient of the input gradient failed: Cannot compute gradient of y=f(x) with respect to x; " +
      "layer 'fc' (Dense): activation 'hardsilu' is not supported (supported: relu, tanh); " +
      "layer 'p' (MaxPooling2D): gradient of the input gradient failed: gradient function not found for MaxPoolGrad";
    expect(problemsFromMessage(msg)).toEqual([
      {
        layer: 'c1',
        op: 'Conv2D (gradient of gradient)',
        reason: 'gradient of the input gradient failed: Cannot compute gradient of y=f(x) with respect to x',
      },
      {
        layer: 'fc',
        op: "activation 'hardsilu'",
        reason: "activation 'hardsilu' is not supported (supported: relu, tanh)",
      },
      {
        layer: 'p',
        op: 'MaxPoolGrad',
        reason: 'gradient of the input gradient failed: gradient function not found for MaxPoolGrad',
      },
    ]);
  });

  it('a model-level or unstructured message becomes one (model) problem', () => {
    expect(
      problemsFromMessage("model 'm': second derivative 1.2 disagrees with finite differences 3.4"),
    ).toEqual([
      {
        layer: '(model)',
        op: 'model',
        reason: 'second derivative 1.2 disagrees with finite differences 3.4',
      },
    ]);
    expect(problemsFromMessage('weights: 3 bytes short')).toEqual([
      { layer: '(model)', op: 'model', reason: 'weights: 3 bytes short' },
    ]);
  });
});

describe('structuralProblems', () => {
  it('flags unknown layer classes and activations (also recurrent ones), nothing else', () => {
    const p = structuralProblems([
      { className: 'Dense', name: 'a', config: { activation: 'relu' } },
      { className: 'MultiHeadAttention', name: 'b', config: {} },
      { className: 'LSTM', name: 'c', config: { activation: 'tanh', recurrent_activation: 'hard_silu' } },
    ]);
    expect(p.map((x) => [x.layer, x.op])).toEqual([
      ['b', 'MultiHeadAttention'],
      ['c', "activation 'hardsilu'"],
    ]);
  });
});

describe('resolveArch', () => {
  const data = (shape: number[]) => ({ x: new Float32Array(shape.reduce((a, b) => a * b, 1)), shape });
  it('fills sizes from the data and targets', () => {
    expect(
      resolveArch({
        arch: { kind: 'cnn1d' },
        data: data([4, 32]),
        y: new Float32Array(8),
        yShape: [4, 2],
        task: 'regression',
      }),
    ).toEqual({ kind: 'cnn1d', inputLength: 32, outputs: 2 });
    expect(
      resolveArch({
        arch: { kind: 'cnn2d', filters: 2 },
        data: data([3, 8, 6]),
        y: Float32Array.of(0, 3, 1),
        yShape: [3],
        task: 'classification',
      }),
    ).toEqual({ kind: 'cnn2d', filters: 2, height: 8, width: 6, outputs: 4 });
    expect(
      resolveArch({
        arch: { kind: 'lstm' },
        data: data([2, 5]),
        y: Float32Array.of(0, 0),
        yShape: [2],
        task: 'classification',
      }).outputs,
    ).toBe(2);
  });
  it('refuses sizes that contradict the data', () => {
    const base = { data: data([4, 32]), y: new Float32Array(4), yShape: [4], task: 'regression' as const };
    expect(() => resolveArch({ ...base, arch: { kind: 'mlp1d', outputs: 3 } })).toThrow(
      'trainTeacher.arch.outputs: 3 does not match the targets per sample (1)',
    );
    expect(() =>
      resolveArch({
        ...base,
        arch: { kind: 'mlp1d', outputs: 2 },
        y: Float32Array.of(0, 1, 2, 1),
        task: 'classification',
      }),
    ).toThrow('trainTeacher.arch.outputs: 2 classes, but y has class id 2');
  });
});

describe('engine trainTeacher job (fake clock, no synchronous readback)', () => {
  let h: Harness;
  afterEach(() => h?.close());

  it('runs on the host, throttles progress to ~10 Hz with every epoch, and reports the verdict', async () => {
    const clock = { t: 0 };
    const base = fakeDeps(clock);
    let onHost = 0;
    let hostActive = false;
    h = harness({
      ...base,
      selectBackend: async (c) => ({
        ...(await base.selectBackend(c)),
        backend: 'webgpu',
        syncReadback: false,
      }),
      onHost: async (fn) => {
        onHost++;
        hostActive = true;
        try {
          return await fn();
        } finally {
          hostActive = false;
        }
      },
      trainTeacher: async (cmd, hooks) => {
        const history: TeacherEpochRecord[] = [];
        for (let e = 1; e <= cmd.epochs; e++) {
          expect(hostActive).toBe(true);
          clock.t += 30; // 30 ms per epoch → an event every 4 epochs
          const r = { epoch: e, loss: 1 / e, valLoss: 2 / e };
          history.push(r);
          const more = hooks.onEpoch(r);
          await hooks.yieldToEvents();
          if (!more) break;
        }
        return {
          artifacts: { modelJson: { modelTopology: {} }, weightData: [new ArrayBuffer(8)] },
          metric: { name: 'r2', value: 0.9 },
          history,
          bestEpoch: history.length,
          inputShape: [16],
        };
      },
    });
    h.send({
      type: 'trainTeacher',
      arch: { kind: 'mlp1d' },
      data: { x: new Float32Array(32), shape: [2, 16] },
      y: new Float32Array(2),
      yShape: [2],
      task: 'regression',
      epochs: 10,
      batchSize: 1,
      lr: 0.1,
      seed: 1,
      validationSplit: 0.5,
      patience: 3,
    });
    const done = await h.waitFor(is('teacherTrained'));
    expect(onHost).toBe(2); // training, then the verdict (the probe reads synchronously too)
    expect(h.of('teacherProgress').map((p) => [p.epoch, p.records.map((r) => r.epoch)])).toEqual([
      [4, [1, 2, 3, 4]],
      [8, [5, 6, 7, 8]],
      [10, [9, 10]],
    ]);
    expect(done).toMatchObject({
      epochs: 10,
      stoppedBy: 'maxEpochs',
      metric: { name: 'r2', value: 0.9 },
      ms: 300,
    });
    expect(done.compat).toMatchObject({ ok: true, canUseGamma: true });
  });
});
