// The engine over a Node MessageChannel (cpu backend, fake trainer, fake clock): commands → events.
import * as tf from '@tensorflow/tfjs-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ProgressRecord } from '../../../src/protocol/messages.ts';
import {
  FakeTeacher,
  FakeTrainer,
  fakeDeps,
  fakeTeacherArtifacts,
  harness,
  initCommand,
  is,
  N,
  type FakeClock,
  type Harness,
} from './fakes.ts';

let clock: FakeClock;
let h: Harness;

const allRecords = (hh: Harness): ProgressRecord[] => hh.of('progress').flatMap((e) => e.records);

beforeEach(() => {
  clock = { t: 1000 };
  FakeTrainer.created = [];
  FakeTeacher.created = [];
});
afterEach(() => h?.close());

/** Sends a command and waits for the event it ends with (the engine answers every change). */
async function sendAndWait(cmd: Parameters<Harness['send']>[0], type: 'state' | 'snapshot'): Promise<void> {
  const from = h.events.length;
  h.send(cmd);
  await h.waitFor(is(type), from);
  await h.engine.settled();
}

async function ready(): Promise<void> {
  h.send(initCommand());
  await h.waitFor(is('snapshot'));
}

describe('engine: init and events', () => {
  it('init → ready (backend), state idle, first snapshot with transferable arrays', async () => {
    h = harness(fakeDeps(clock));
    await ready();
    const r = h.of('ready')[0]!;
    expect(r.backend).toBe('cpu');
    expect(r.reason).toContain('cpu');
    expect(h.of('state')[0]).toMatchObject({ status: 'idle', step: 0 });
    const s = h.of('snapshot')[0]!;
    expect(s.h0).toBeInstanceOf(Float32Array);
    expect(Array.from(s.h0)).toEqual([0.5, 0.5, 0.5, 0.5]);
    expect(s.coeffs.map((c) => c.length)).toEqual([8, 8]);
    expect(s.x.length).toBe(16);
    expect(s.phi.length).toBe(4);
    // setBackend before init is honoured, and init with 'auto' does not re-select.
    expect(h.of('ready')).toHaveLength(1);
  });

  it('step{n} runs exactly n steps, then flushes one last progress and a snapshot', async () => {
    h = harness(fakeDeps(clock));
    await ready();
    h.send({ type: 'step', n: 7 });
    await h.waitFor(is('snapshot', (e) => e.step === 7));
    expect(allRecords(h).map((r) => r.step)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(FakeTrainer.created[0]!.steps).toBe(7);
  });
});

describe('engine: throttling (fake clock, 10 ms per step)', () => {
  it('progress every ~125 ms with all records in between, snapshots at ~10 Hz', async () => {
    h = harness(fakeDeps(clock, 10));
    await ready();
    const snaps0 = h.of('snapshot').length;
    h.send({ type: 'step', n: 100 });
    await h.waitFor(is('progress', (e) => e.step === 100));
    await h.engine.settled();
    const prog = h.of('progress');
    // 13 steps = 130 ms ≥ 125 ms per event: 7 full events, then the remaining 9 flushed.
    expect(prog.map((p) => p.records.length)).toEqual([13, 13, 13, 13, 13, 13, 13, 9]);
    expect(prog[0]!.stepsPerSecond).toBeCloseTo(100, 6);
    expect(allRecords(h).map((r) => r.step)).toEqual(Array.from({ length: 100 }, (_, i) => i + 1));
    // every 10 steps (100 ms) a snapshot: 10 during the run (the last at step 100, so no flush extra).
    expect(h.of('snapshot').length - snaps0).toBe(10);
  });
});

describe('engine: snapshot spacing follows their cost', () => {
  it('a snapshot costing 50 ms is taken every ≥ 200 ms (display ≤ ~1/5 of the time)', async () => {
    const base = fakeDeps(clock, 10);
    h = harness({ ...base, wavefun: (h0, level) => ((clock.t += 50), base.wavefun(h0, level)) });
    await ready();
    const snaps0 = h.of('snapshot').length;
    h.send({ type: 'step', n: 100 });
    await h.waitFor(is('progress', (e) => e.step === 100));
    await h.engine.settled();
    const steps = h
      .of('snapshot')
      .slice(snaps0)
      .map((s) => s.step);
    expect(steps).toEqual([20, 40, 60, 80, 100]);
  });
});

describe('engine: play / pause / weights', () => {
  it('pause stops promptly; play resumes from the same filter', async () => {
    h = harness(fakeDeps(clock));
    await ready();
    h.send({ type: 'play' });
    await h.waitFor(is('progress', (e) => e.step >= 20));
    h.send({ type: 'pause' });
    const paused = await h.waitFor(is('state', (e) => e.status === 'paused'));
    await h.engine.settled();
    const t = FakeTrainer.created[0]!;
    const stepsAtPause = t.steps;
    expect(stepsAtPause - paused.step).toBeLessThanOrEqual(1);
    for (let i = 0; i < 20; i++) await new Promise((r) => setImmediate(r));
    expect(t.steps).toBe(stepsAtPause);
    const from = h.events.length;
    h.send({ type: 'play' });
    await h.waitFor(
      is('progress', (e) => e.step >= stepsAtPause + 10),
      from,
    );
    h.send({ type: 'pause' });
    await h.engine.settled();
    expect(FakeTrainer.created).toHaveLength(1); // resume is warm: same trainer
    const steps = allRecords(h).map((r) => r.step);
    expect(steps).toEqual(Array.from({ length: steps.length }, (_, i) => i + 1));
  });

  it('setWeights during training applies to the very next step (warm, no restart)', async () => {
    h = harness(fakeDeps(clock));
    await ready();
    h.send({ type: 'play' });
    await h.waitFor(is('progress', (e) => e.step >= 10));
    h.send({ type: 'setWeights', lambda: 0.5, gamma: 0.25 });
    await h.waitFor(is('progress', (e) => e.records.some((r) => r.lambda === 0.5)));
    h.send({ type: 'pause' });
    await h.engine.settled();
    const t = FakeTrainer.created[0]!;
    expect(FakeTrainer.created).toHaveLength(1);
    const [[at, w]] = t.weightCalls as [[number, object]];
    expect(w).toEqual({ lambda: 0.5, gamma: 0.25 });
    const recs = allRecords(h);
    for (const r of recs) {
      const want = r.step <= at ? [0.1, 1] : [0.5, 0.25];
      expect([r.step, r.lambda, r.gamma]).toEqual([r.step, ...want]);
    }
    expect(recs.some((r) => r.step === at + 1)).toBe(true);
    expect(h.of('state').filter((s) => s.status === 'idle')).toHaveLength(1); // only the init one
  });

  it('stops by itself after config.epochs and play extends by another epochs', async () => {
    h = harness(fakeDeps(clock));
    h.send(initCommand({ epochs: 2 }));
    await h.waitFor(is('snapshot'));
    h.send({ type: 'play' });
    const done = await h.waitFor(is('state', (e) => e.status === 'idle' && e.detail !== undefined));
    expect(done).toMatchObject({ step: 6, epoch: 2, detail: 'finished 2 epochs' });
    const from = h.events.length;
    h.send({ type: 'play' });
    await h.waitFor(
      is('state', (e) => e.status === 'idle' && e.step === 12),
      from,
    );
  });
});

describe('engine: divergence and errors', () => {
  it('a diverged step → error{diverged} + state diverged, h0 restored; play continues', async () => {
    h = harness(fakeDeps(clock));
    await ready();
    h.send({ type: 'step', n: 3 });
    await h.waitFor(is('progress', (e) => e.step === 3));
    await h.engine.settled();
    const t = FakeTrainer.created[0]!;
    const good = Array.from(t.h0());
    t.nanAt.add(4);
    h.send({ type: 'play' });
    const err = await h.waitFor(is('error'));
    expect(err).toMatchObject({ code: 'diverged', recoverable: true });
    await h.waitFor(is('state', (e) => e.status === 'diverged'));
    await h.engine.settled();
    expect(Array.from(t.h0())).toEqual(good);
    const snap = h.of('snapshot').at(-1)!;
    expect(Array.from(snap.h0)).toEqual(Array.from(Float32Array.from(good)));
    const from = h.events.length;
    h.send({ type: 'step', n: 2 });
    await h.waitFor(
      is('progress', (e) => e.step === 5),
      from,
    );
  });

  it('answers bad commands with error events and keeps working', async () => {
    h = harness(fakeDeps(clock));
    h.send({ type: 'play' }); // before init
    await h.waitFor(is('error', (e) => e.code === 'not_ready' && e.command === 'play'));
    for (const bad of [
      { type: 'bogus' },
      { nope: 1 },
      { type: 'step', n: 0 },
      { type: 'setWeights', lambda: -1 },
      { type: 'setBackend', backend: 'tpu' },
      { type: 'setConfig', patch: { lr: 'fast' } },
      { type: 'init', config: {}, data: { x: new Float32Array(5), shape: [2, 3] }, teacher: {} },
    ])
      h.send(bad);
    await h.waitFor(is('error', (e) => e.message.startsWith('init.data')));
    const codes = h.of('error').map((e) => e.code);
    expect(codes).toEqual(['not_ready', ...Array(7).fill('bad_command')]);
    expect(h.of('error')[6]!.message).toContain('config.lr');
    await ready();
    h.send({ type: 'selectSample', index: N });
    await h.waitFor(is('error', (e) => e.message.includes('selectSample.index')));
    h.send({ type: 'selectSample', index: 2 });
    await h.waitFor(is('snapshot', (e) => e.sample === 2));
  });

  it('no working backend → one error{backend}, and the engine still answers', async () => {
    const base = fakeDeps(clock);
    let fail = true;
    h = harness({
      ...base,
      selectBackend: async (c) => {
        if (fail) throw new Error('no backend works: cpu: broken');
        return base.selectBackend(c);
      },
    });
    h.send(initCommand());
    const e = await h.waitFor(is('error'));
    expect(e).toMatchObject({ code: 'backend', recoverable: false });
    expect(e.message).toContain('cpu: broken');
    fail = false;
    await ready();
    expect(h.of('error')).toHaveLength(1);
  });

  it('a backend without synchronous readback trains (async reads); the teacher check runs on the host', async () => {
    const base = fakeDeps(clock);
    let hostCalls = 0;
    h = harness({
      ...base,
      selectBackend: async (c) => ({
        ...(await base.selectBackend(c)),
        backend: 'webgpu',
        syncReadback: false,
      }),
      onHost: async (fn) => (hostCalls++, fn()),
    });
    await ready();
    expect(h.of('ready')[0]).toMatchObject({ backend: 'webgpu', canTrain: true });
    expect(hostCalls).toBe(1);
    h.send({ type: 'step', n: 3 });
    await h.waitFor(is('snapshot', (e) => e.step === 3));
    expect(h.of('error')).toEqual([]);
    expect(FakeTrainer.created[0]!.teacher).not.toBeNull();
  });

  it('a teacher that cannot serve γ: training runs with γ = 0 and a warning says exactly why', async () => {
    h = harness(fakeDeps(clock));
    h.send({
      ...initCommand({ gamma: 1 }),
      teacher: fakeTeacherArtifacts('Foo has no gradient of its gradient'),
    });
    const w = await h.waitFor(is('warning'));
    expect(w.code).toBe('gamma_disabled');
    expect(w.message).toMatch(
      /^γ forced to 0 \(1 was asked for\): fake runs, but cannot be differentiated twice/,
    );
    expect(w.message).toContain("layer 'fc1' (Fake): Foo has no gradient of its gradient");
    expect(w.problems).toEqual([{ layer: 'fc1', op: 'Fake', reason: 'Foo has no gradient of its gradient' }]);
    const st = await h.waitFor(is('state'));
    expect(st).toMatchObject({ status: 'idle', detail: w.message });
    await h.waitFor(is('snapshot'));
    const t = FakeTrainer.created[0]!;
    expect(t.teacher).toBeNull();
    expect(t.config.gamma).toBe(0);
    expect(FakeTeacher.created.every((x) => x.disposed)).toBe(true);
    // Asking for γ again keeps it at 0 and repeats why; λ alone says nothing.
    h.send({ type: 'setWeights', gamma: 0.5 });
    h.send({ type: 'setWeights', lambda: 0.2 });
    h.send({ type: 'step', n: 2 });
    await h.waitFor(is('snapshot', (e) => e.step === 2));
    expect(h.of('warning')).toHaveLength(2);
    await sendAndWait({ type: 'setConfig', patch: { lambda: 0.3 } }, 'state');
    expect(h.of('warning')).toHaveLength(2);
    await sendAndWait({ type: 'setConfig', patch: { gamma: 2, lr: 0.01 } }, 'state');
    expect(h.of('warning')).toHaveLength(3);
    expect(t.weightCalls.map(([, x]) => x)).toEqual([
      { gamma: 0 },
      { lambda: 0.2 },
      { lambda: 0.3 },
      { gamma: 0 },
    ]);
    expect(allRecords(h).every((r) => r.gamma === 0)).toBe(true);
    expect(h.of('error')).toEqual([]);
  });

  it('a teacher whose forward cannot run still trains (γ = 0); with γ = 0 asked the notice says so', async () => {
    h = harness(fakeDeps(clock));
    h.send({
      ...initCommand({ gamma: 0 }),
      teacher: { modelJson: { unusable: 'unknown layer class' }, weightData: [] },
    });
    const w = await h.waitFor(is('warning'));
    expect(w.message).toBe(
      "no attributions: fake cannot be used — layer 'fc1' (Fake): unknown layer class. AWD can still train with γ = 0 (no attribution term).",
    );
    await h.waitFor(is('snapshot'));
    h.send({ type: 'step', n: 1 });
    await h.waitFor(is('snapshot', (e) => e.step === 1));
    expect(h.of('error')).toEqual([]);
  });
});

describe('engine: config, reset, backend', () => {
  it('setConfig: λ/lr live; level rebuilds warm from the current h0; wavelet restarts cold', async () => {
    h = harness(fakeDeps(clock));
    await ready();
    h.send({ type: 'step', n: 5 });
    await h.waitFor(is('snapshot', (e) => e.step === 5));
    await sendAndWait({ type: 'setConfig', patch: { lambda: 0.3, lr: 0.01 } }, 'state');
    expect(FakeTrainer.created).toHaveLength(1);
    expect(FakeTrainer.created[0]!.lr).toBe(0.01);
    const h0 = Array.from(FakeTrainer.created[0]!.h0());
    await sendAndWait({ type: 'setConfig', patch: { level: 2 } }, 'snapshot');
    expect(FakeTrainer.created).toHaveLength(2);
    expect(FakeTrainer.created[0]!.disposed).toBe(true);
    expect(FakeTrainer.created[1]!.config).toMatchObject({ level: 2, h0, lambda: 0.3 });
    await sendAndWait({ type: 'setConfig', patch: { wavelet: 'db3' } }, 'snapshot');
    expect(FakeTrainer.created[2]!.config.h0).toBeNull();
    expect(h.of('state').at(-1)).toMatchObject({ status: 'idle', step: 0 });
  });

  it('reset returns to the initial filter and step 0; setBackend re-selects and keeps h0', async () => {
    let selects = 0;
    const base = fakeDeps(clock);
    h = harness({ ...base, selectBackend: (c) => (selects++, base.selectBackend(c)) });
    await ready();
    h.send({ type: 'step', n: 4 });
    await h.waitFor(is('snapshot', (e) => e.step === 4));
    const h0 = Array.from(FakeTrainer.created[0]!.h0());
    await sendAndWait({ type: 'setBackend', backend: 'cpu' }, 'snapshot');
    expect(selects).toBe(2);
    expect(FakeTrainer.created[1]!.config.h0).toEqual(h0);
    await sendAndWait({ type: 'reset' }, 'snapshot');
    expect(FakeTrainer.created[2]!.config.h0).toBeNull();
    expect(h.of('state').at(-1)).toMatchObject({ status: 'idle', step: 0 });
    expect(Array.from(h.of('snapshot').at(-1)!.h0)).toEqual([0.5, 0.5, 0.5, 0.5]);
  });

  it('dispose frees the trainer and stops answering', async () => {
    h = harness(fakeDeps(clock));
    await ready();
    h.send({ type: 'dispose' });
    await h.waitFor(is('state', (e) => e.detail === 'disposed'));
    expect(FakeTrainer.created[0]!.disposed).toBe(true);
  });
});

describe('engine: tensor hygiene', () => {
  it('tf.memory().numTensors is flat over many steps and snapshots', async () => {
    h = harness(fakeDeps(clock, 30)); // 30 ms/step → a snapshot (coefficients) every 4 steps
    await ready();
    h.send({ type: 'step', n: 20 });
    await h.waitFor(is('progress', (e) => e.step === 20));
    await h.engine.settled();
    const before = tf.memory().numTensors;
    h.send({ type: 'step', n: 200 });
    await h.waitFor(is('progress', (e) => e.step === 220));
    h.send({ type: 'selectSample', index: 3 });
    await h.engine.settled();
    expect(h.of('snapshot').length).toBeGreaterThan(50);
    expect(tf.memory().numTensors).toBe(before);
  });
});
