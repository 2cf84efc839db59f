// The engine with the real wiring (model/train's AwdTrainer, the Layers teacher loader, core's cascade)
// on the cpu backend: a short AWD run from the reference teacher, tensor hygiene, and the installation
// check over ../shared/reference/awd_loss.json exactly as the verify page asks the worker for it.
import * as tf from '@tensorflow/tfjs-core';
import { MessageChannel } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/protocol/config.ts';
import type { Command, TeacherArtifacts, WorkerEvent } from '../../../src/protocol/messages.ts';
import type { AwdLossCase } from '../../../src/protocol/reference.ts';
import { transferList } from '../../../src/protocol/transfer.ts';
import { probeAwdStep } from '../../../src/worker/benchmark.ts';
import { workerDeps } from '../../../src/worker/deps.ts';
import { createEngine } from '../../../src/worker/engine.ts';
import type { Endpoint } from '../../../src/worker/types.ts';
import { loadReference, referenceBytes } from '../reference.ts';

const teacher = (name: string): TeacherArtifacts => {
  const b = referenceBytes(name.replace('.json', '.weights.bin'));
  return {
    modelJson: loadReference<object>(name),
    weightData: [b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer],
  };
};

const deps = {
  ...workerDeps(),
  yieldToEvents: () => new Promise<void>((r) => setImmediate(r)),
  // Node has only cpu here (wasm needs its files served); the choice itself is tested in backends.test.ts.
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

let ui: MessagePort & { on(e: 'message', f: (v: WorkerEvent) => void): void; close(): void };
const events: WorkerEvent[] = [];
const send = (c: Command) => ui.postMessage(c, transferList(c));
const waitFor = (pred: (e: WorkerEvent) => boolean, from = 0, ms = 100_000) =>
  new Promise<WorkerEvent>((resolve, reject) => {
    const t0 = Date.now();
    const tick = () => {
      const hit = events.slice(from).find(pred);
      if (hit) return resolve(hit);
      const errs = events.filter((e) => e.type === 'error').map((e) => JSON.stringify(e));
      if (Date.now() - t0 > ms) return reject(new Error(`timeout; errors: ${errs.join(' ')}`));
      setTimeout(tick, 5);
    };
    tick();
  });

beforeAll(() => {
  const { port1, port2 } = new MessageChannel();
  createEngine(port1 as unknown as Endpoint, deps);
  ui = port2 as unknown as typeof ui;
  ui.on('message', (e) => events.push(e));
});
afterAll(() => ui.close());

describe('engine with the real AWD model (cpu)', () => {
  it('trains from the reference MLP teacher: finite records, snapshots with bands and cascade, flat tensors', async () => {
    const c = loadReference<AwdLossCase[]>('awd_loss.json').find((k) => k.dims === 1)!;
    const x = Float32Array.from((c.x as number[][]).flat());
    send({
      type: 'init',
      config: {
        ...DEFAULT_CONFIG,
        weights: { ...DEFAULT_CONFIG.weights },
        level: 4,
        batchSize: 0,
        epochs: 0,
        lr: 1e-3,
      },
      data: { x, shape: [c.x.length, (c.x[0] as number[]).length] },
      teacher: teacher(c.teacher),
    });
    const snap0 = (await waitFor((e) => e.type === 'snapshot')) as Extract<WorkerEvent, { type: 'snapshot' }>;
    expect(snap0.coeffs).toHaveLength(5); // cA4, cD4 … cD1
    expect(snap0.phi.length).toBeGreaterThan(100);
    expect(snap0.h0).toHaveLength(10);
    send({ type: 'step', n: 10 });
    await waitFor((e) => e.type === 'snapshot' && e.step === 10);
    const before = tf.memory().numTensors;
    const from = events.length;
    send({ type: 'setWeights', lambda: 0.5 });
    send({ type: 'step', n: 20 });
    await waitFor((e) => e.type === 'snapshot' && e.step === 30, from);
    expect(tf.memory().numTensors).toBe(before);
    const recs = events.flatMap((e) => (e.type === 'progress' ? e.records : []));
    expect(recs.map((r) => r.step)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(recs.every((r) => Number.isFinite(r.total))).toBe(true);
    expect(recs.slice(10).every((r) => r.lambda === 0.5)).toBe(true);
    expect(events.filter((e) => e.type === 'error')).toEqual([]);
  });

  it('runReferenceCases: every awd_loss.json case passes on cpu', async () => {
    const cases = loadReference<AwdLossCase[]>('awd_loss.json');
    const names = [...new Set(cases.map((c) => c.teacher))];
    const from = events.length;
    send({
      type: 'runReferenceCases',
      kind: 'awd_loss',
      cases,
      teachers: Object.fromEntries(names.map((n) => [n, teacher(n)])),
    });
    const ev = (await waitFor((e) => e.type === 'referenceResult', from)) as Extract<
      WorkerEvent,
      { type: 'referenceResult' }
    >;
    expect(ev.results).toHaveLength(cases.length);
    for (const r of ev.results)
      expect(r, `${r.id}: ${r.error ?? ''} worst ${r.worstRelErr} grad ${r.gradErr}`).toMatchObject({
        pass: true,
      });
  });

  it('the backend probe runs a real AWD step on the synthetic teacher', async () => {
    const ms = await probeAwdStep(
      { loadTeacher: deps.loadTeacher, createTrainer: deps.createTrainer, now: () => performance.now() },
      200,
    );
    expect(ms).toBeGreaterThan(0);
    expect(Number.isFinite(ms)).toBe(true);
  });
});
