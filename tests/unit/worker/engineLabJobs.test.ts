// The lab jobs through the real engine wiring (model/evaluate, model/sweep, the Layers teacher loader)
// on the cpu backend, over a MessageChannel as the page talks to the worker: the evaluation table,
// a 2×2 sweep with its warm-start path and selection, stopping a sweep, loading a run's h0, and the
// protocol's answers to bad input. Tensor counts stay flat across the jobs.
import * as tf from '@tensorflow/tfjs-core';
import { MessageChannel } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getBuiltinDataset } from '../../../src/core/datasets/index.ts';
import { createRng } from '../../../src/core/rng.ts';
import { DEFAULT_CONFIG } from '../../../src/protocol/config.ts';
import type { Command, LabelledData, TeacherArtifacts, WorkerEvent } from '../../../src/protocol/messages.ts';
import { transferList } from '../../../src/protocol/transfer.ts';
import { workerDeps } from '../../../src/worker/deps.ts';
import { createEngine } from '../../../src/worker/engine.ts';
import type { Endpoint } from '../../../src/worker/types.ts';
import { loadReference, referenceBytes } from '../reference.ts';

const mlp = (): TeacherArtifacts => {
  const b = referenceBytes('teacher_mlp1d_s11.weights.bin');
  return {
    modelJson: loadReference<object>('teacher_mlp1d_s11.json'),
    weightData: [b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer],
  };
};

const deps = {
  ...workerDeps(),
  yieldToEvents: () => new Promise<void>((r) => setImmediate(r)),
  selectBackend: async (choice: 'auto' | 'webgpu' | 'webgl' | 'wasm' | 'cpu') => {
    await tf.setBackend('cpu');
    return {
      backend: 'cpu' as const,
      requested: choice,
      reason: 'cpu (Node)',
      tried: [],
      canTrain: true,
      syncReadback: true,
    };
  },
};

const N = 90;
const ds = getBuiltinDataset('simulation-db5')!.generate({ n: N });
const perm = createRng(3).permutation(N);
const sorted = (a: Int32Array) => a.slice().sort();
const test = sorted(perm.subarray(0, 20));
const val = sorted(perm.subarray(20, 40));
const train = sorted(perm.subarray(40));
const labelled = (): LabelledData => ({
  x: Float32Array.from(ds.x),
  shape: [...ds.shape],
  y: Float32Array.from(ds.y),
  groups: null,
  // Copies: the split arrays are transferred with the command.
  train: train.slice(),
  val: val.slice(),
  test: test.slice(),
  splitSeed: 3,
  targetName: ds.targetName,
});
const trainX = () => {
  const out = new Float32Array(train.length * 64);
  train.forEach((r, i) => out.set(ds.x.subarray(r * 64, (r + 1) * 64), i * 64));
  return out;
};

let ui: MessagePort & { on(e: 'message', f: (v: WorkerEvent) => void): void; close(): void };
const events: WorkerEvent[] = [];
const send = (c: Command | Record<string, unknown>) => ui.postMessage(c, transferList(c as Command));
const waitFor = <T extends WorkerEvent['type']>(type: T, from = 0, ms = 60_000) =>
  new Promise<Extract<WorkerEvent, { type: T }>>((resolve, reject) => {
    const t0 = Date.now();
    const tick = () => {
      const hit = events.slice(from).find((e) => e.type === type);
      if (hit) return resolve(hit as Extract<WorkerEvent, { type: T }>);
      if (Date.now() - t0 > ms)
        return reject(
          new Error(
            `timeout waiting for ${type}: ${JSON.stringify(events.filter((e) => e.type === 'error'))}`,
          ),
        );
      setTimeout(tick, 5);
    };
    tick();
  });

beforeAll(async () => {
  const { port1, port2 } = new MessageChannel();
  createEngine(port1 as unknown as Endpoint, deps);
  ui = port2 as unknown as typeof ui;
  ui.on('message', (e) => events.push(e));
  send({
    type: 'init',
    config: {
      ...DEFAULT_CONFIG,
      weights: { ...DEFAULT_CONFIG.weights },
      level: 4,
      batchSize: 25,
      epochs: 0,
      lambda: 0.1,
      gamma: 1,
    },
    data: { x: trainX(), shape: [train.length, 64] },
    teacher: mlp(),
  });
  await waitFor('snapshot');
});
afterAll(() => ui.close());

describe('lab jobs in the engine (real model, cpu)', () => {
  it('evaluate: AWD, db5, raw ridge and teacher rows with finite metrics on the test split', async () => {
    send({ type: 'step', n: 3 });
    await new Promise((r) => setTimeout(r, 50));
    const from = events.length;
    send({ type: 'evaluate', data: labelled(), bootstrapReps: 50 });
    const ev = await waitFor('evaluated', from);
    const t = ev.table;
    expect(t.split).toEqual({ train: train.length, val: val.length, test: test.length, seed: 3 });
    const bases = new Set(t.rows.map((r) => r.basis));
    for (const b of ['AWD', 'db5', 'raw', 'teacher'])
      expect(bases.has(b), `rows: ${[...bases].join(', ')}`).toBe(true);
    for (const r of t.rows) {
      expect(Number.isFinite(r.metrics.rmse?.value), r.method).toBe(true);
      expect(r.metrics.rmse!.se, r.method).toBeGreaterThan(0);
      expect(Number.isFinite(r.msPerSample), r.method).toBe(true);
    }
    // The AWD row uses the run's filter at that moment: 10 taps, learned.
    expect(ev.wavelets[0]).toMatchObject({ label: 'AWD', learned: true });
    expect(ev.wavelets[0]!.h0).toHaveLength(10);
    expect(t.rows.find((r) => r.basis === 'AWD' && r.predictor === 'topk_ridge')!.params).toBeGreaterThan(10);
  });

  it('sweep: 2×2 runs in awave order with warm starts, validation R², a selection; tensors flat', async () => {
    const before = tf.memory().numTensors;
    const from = events.length;
    send({
      type: 'sweep',
      data: labelled(),
      lambdas: [0.01, 0.1],
      gammas: [0.1, 1],
      epochs: 1,
      warmStart: true,
    });
    const done = await waitFor('sweepDone', from);
    const runs = events.slice(from).flatMap((e) => (e.type === 'sweepRun' ? [e.run] : []));
    expect(done.stopped).toBe(false);
    expect(runs.map((r) => [r.index, r.row, r.col, r.warmFrom])).toEqual([
      [0, 0, 0, null],
      [1, 1, 0, 0],
      [2, 0, 1, 0],
      [3, 1, 1, 1],
    ]);
    for (const r of runs) {
      expect(r.status).toBe('completed');
      expect(r.validation?.metric).toBe('r2');
      expect(Number.isFinite(r.validation!.value)).toBe(true);
      expect(r.h0).toHaveLength(10);
      expect(r.rec).toBeGreaterThan(0);
      expect(r.l1attr).toBeGreaterThan(0);
    }
    const best = runs.reduce((a, b) => (b.validation!.value > a.validation!.value ? b : a));
    expect(done.selected).toBe(best.index);
    expect(events.slice(from).some((e) => e.type === 'sweepProgress')).toBe(true);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('stopSweep ends a sweep between runs; the finished runs stand', async () => {
    const from = events.length;
    send({
      type: 'sweep',
      data: labelled(),
      lambdas: [0.01, 0.1, 1],
      gammas: [0.1, 1, 10],
      epochs: 1,
      warmStart: true,
    });
    await waitFor('sweepRun', from);
    send({ type: 'stopSweep' });
    const done = await waitFor('sweepDone', from);
    const runs = events.slice(from).filter((e) => e.type === 'sweepRun');
    expect(done.stopped).toBe(true);
    expect(runs.length).toBeGreaterThanOrEqual(1);
    expect(runs.length).toBeLessThan(9);
  });

  it('loadH0 continues the run from that filter (the next snapshot shows it)', async () => {
    const h0 = Array.from({ length: 10 }, (_, i) => Math.sin(i + 1) / 3);
    const from = events.length;
    send({ type: 'loadH0', h0 });
    const snap = await waitFor('snapshot', from);
    expect(Array.from(snap.h0).map((v, i) => Math.abs(v - h0[i]!))).toSatisfy((d: number[]) =>
      d.every((x) => x < 1e-6),
    );
  });

  it('answers malformed job commands with errors that name the field', async () => {
    const from = events.length;
    send({ type: 'sweep', data: labelled(), lambdas: [0.1, 0.01], gammas: [1], epochs: 1, warmStart: true });
    send({ type: 'evaluate', data: { ...labelled(), test: Int32Array.from([5, 5]) }, bootstrapReps: 50 });
    send({ type: 'loadH0', h0: [1, 2, 3] });
    await new Promise((r) => setTimeout(r, 100));
    const msgs = events.slice(from).flatMap((e) => (e.type === 'error' ? [e.message] : []));
    expect(msgs).toEqual([
      expect.stringMatching(/^sweep\.lambdas: expected strictly ascending/),
      expect.stringMatching(/^evaluate\.data\.test: expected ascending distinct rows/),
      expect.stringMatching(/^loadH0\.h0: expected an even-length array/),
    ]);
  });
});

describe('lab jobs where synchronous reads cannot be trusted (WebGPU in a worker)', () => {
  it('run on the host with fresh model caches, then rebuild the live run warm from its filter', async () => {
    const calls: string[] = [];
    const gpuDeps = {
      ...deps,
      selectBackend: async (choice: 'auto' | 'webgpu' | 'webgl' | 'wasm' | 'cpu') => ({
        ...(await deps.selectBackend(choice)),
        syncReadback: false,
      }),
      onHost: async <R>(fn: () => R | Promise<R>) => {
        calls.push('host');
        return fn();
      },
      resetModelCaches: () => {
        calls.push('reset');
        deps.resetModelCaches();
      },
    };
    const { port1, port2 } = new MessageChannel();
    createEngine(port1 as unknown as Endpoint, gpuDeps);
    const port = port2 as unknown as typeof ui;
    const got: WorkerEvent[] = [];
    port.on('message', (e) => got.push(e));
    const until = async <T extends WorkerEvent['type']>(type: T, from: number) => {
      for (let i = 0; i < 6000; i++) {
        const hit = got.slice(from).find((e) => e.type === type);
        if (hit) return hit as Extract<WorkerEvent, { type: T }>;
        await new Promise((r) => setTimeout(r, 5));
      }
      throw new Error(`no ${type}: ${JSON.stringify(got.filter((e) => e.type === 'error'))}`);
    };
    const post = (c: Command) => port.postMessage(c, transferList(c));
    post({
      type: 'init',
      config: {
        ...DEFAULT_CONFIG,
        weights: { ...DEFAULT_CONFIG.weights },
        level: 4,
        batchSize: 25,
        epochs: 0,
      },
      data: { x: trainX(), shape: [train.length, 64] },
      teacher: mlp(),
    });
    await until('snapshot', 0);
    post({ type: 'step', n: 2 });
    const before = await until('snapshot', got.findIndex((e) => e.type === 'snapshot') + 1);
    calls.length = 0;
    const from = got.length;
    post({ type: 'evaluate', data: labelled(), bootstrapReps: 20 });
    const ev = await until('evaluated', from);
    const after = await until('snapshot', from); // the rebuilt run's first snapshot
    expect(calls.slice(0, 3)).toEqual(['reset', 'host', 'reset']);
    expect(ev.table.rows.every((r) => Number.isFinite(r.metrics.rmse?.value))).toBe(true);
    expect(Array.from(after.h0)).toEqual(Array.from(before.h0)); // warm: the same filter
    expect(after.step).toBe(before.step);
    port.close();
  });
});
