// The controller over a fake worker client: which commands go out, and what the store shows after events.
import { describe, expect, test } from 'vitest';
import { FakeClient, snapshotEvent } from './fakeClient.ts';
import { recallAuto } from '../../../src/app/backendMemo.ts';
import { createLab, resumeOrOpen } from '../../../src/app/boot.ts';
import { sessionExport } from '../../../src/app/export/session.ts';
import { savedRun, savedTeacher } from '../../../src/app/persist/persist.ts';
import type { Command, TeacherCheck } from '../../../src/protocol/messages.ts';

const compat: TeacherCheck = {
  ok: true,
  canUseGamma: true,
  layers: [],
  problems: [],
  message: 'every layer can be differentiated twice',
};
const artifacts = { modelJson: { modelTopology: {} }, weightData: [new ArrayBuffer(8)] };

function started() {
  const client = new FakeClient();
  const lab = createLab({ client, hash: '#gamma=0.5', tourSeen: true });
  resumeOrOpen(lab, null, '#gamma=0.5');
  return { client, lab };
}

/** The engine's answer to init/reset: a state event at step 0. */
const ack = (client: FakeClient) => client.emit({ type: 'state', status: 'idle', step: 0, epoch: 0 });

function train(client: FakeClient) {
  client.emit({
    type: 'teacherTrained',
    artifacts,
    metric: { name: 'r2', value: 0.9 },
    epochs: 3,
    bestEpoch: 2,
    stoppedBy: 'maxEpochs',
    history: [{ epoch: 1, loss: 2, valLoss: 3 }],
    compat,
    ms: 10,
  });
  ack(client);
}

describe('lab controller', () => {
  test('the demo: backend from the link, a teacher trained on train+validation, then init on the training split and play', () => {
    const { client, lab } = started();
    expect(client.types()).toEqual(['setBackend', 'trainTeacher']);
    const tt = client.sent[1] as Extract<Command, { type: 'trainTeacher' }>;
    expect(tt.data.shape).toEqual([510, 64]); // 600 − 15% test
    expect(tt.y).toHaveLength(510);
    expect(tt.arch.kind).toBe('mlp1d');
    expect(lab.store.getState().teacher.status).toBe('training');
    train(client);
    expect(client.types().slice(2)).toEqual(['init', 'play']);
    const init = client.sent[2] as Extract<Command, { type: 'init' }>;
    expect(init.data.shape).toEqual([420, 64]);
    expect(init.config.gamma).toBe(0.5);
    expect(lab.store.getState().teacher).toMatchObject({
      status: 'ready',
      metric: { name: 'r2', value: 0.9 },
    });
  });

  test('λ/γ go out as setWeights (warm); other settings as setConfig; the store follows', () => {
    const { client, lab } = started();
    train(client);
    lab.setWeights({ gamma: 0.03 });
    lab.setConfig({ level: 3 });
    expect(client.sent.slice(-2)).toEqual([
      { type: 'setWeights', gamma: 0.03 },
      { type: 'setConfig', patch: { level: 3 } },
    ]);
    expect(lab.store.getState().config).toMatchObject({ gamma: 0.03, level: 3 });
  });

  test('progress and snapshots land in the store; a warning marks the verdict', () => {
    const { client, lab } = started();
    train(client);
    const terms = { rec: 1, lsum: 0, hsum: 0, l2norm: 0, cmf: 0, conv: 0, l1wave: 0, l1attr: 0 };
    client.emit({
      type: 'progress',
      records: [{ step: 1, epoch: 0, terms, total: 2, gradNorm: 1, lambda: 0.1, gamma: 0.5 }],
      step: 1,
      epoch: 0,
      stepsPerSecond: 9,
    });
    client.emit(snapshotEvent(1, [0.7, 0.7]));
    const s = lab.store.getState();
    expect(s.training).toMatchObject({ step: 1, stepsPerSecond: 9 });
    expect(s.training.records).toHaveLength(1);
    expect(s.results.initialH0).toHaveLength(2);
    client.emit({ type: 'warning', code: 'gamma_disabled', message: 'γ off', problems: [] });
    expect(lab.store.getState().teacher.verdict).toMatchObject({ ok: false, summary: 'γ off' });
  });

  test('a reload resumes: same dataset, the saved teacher re-checked (not retrained), init warm from the last filter', () => {
    const first = started();
    train(first.client);
    const terms = { rec: 1, lsum: 0, hsum: 0, l2norm: 0, cmf: 0, conv: 0, l1wave: 0, l1attr: 0 };
    first.client.emit(snapshotEvent(0, [0.6, 0.8]));
    first.client.emit({
      type: 'progress',
      records: [{ step: 7, epoch: 0, terms, total: 2, gradNorm: 1, lambda: 0.1, gamma: 0.5 }],
      step: 7,
      epoch: 0,
      stepsPerSecond: 9,
    });
    first.client.emit(snapshotEvent(7, [0.7, 0.7]));
    const st = first.lab.store.getState();
    const saved = { run: savedRun(st), teacher: savedTeacher(st), uploads: [] };
    expect(saved.run!.session).toEqual(sessionExport(st, new Date(saved.run!.session.savedAt)));

    const client = new FakeClient();
    const lab = createLab({ client, hash: '#gamma=0.5', tourSeen: true });
    expect(resumeOrOpen(lab, saved, '#gamma=0.5')).toBe('resumed');
    expect(client.types()).toEqual(['setBackend', 'checkTeacher']);
    client.emit({ type: 'teacherChecked', ...compat });
    ack(client);
    const init = client.sent.find((c) => c.type === 'init') as Extract<Command, { type: 'init' }>;
    expect(init.h0!.map((v) => Number(v.toFixed(6)))).toEqual([0.7, 0.7]);
    const s = lab.store.getState();
    expect(s.training.records.map((r) => r.step)).toEqual([7]);
    expect(s.teacher.metric).toEqual({ name: 'r2', value: 0.9 });
    // The worker counts from 0 again; the lab continues the curve from step 7.
    client.emit({
      type: 'progress',
      records: [{ step: 1, epoch: 0, terms, total: 1, gradNorm: 1, lambda: 0.1, gamma: 0.5 }],
      step: 1,
      epoch: 0,
      stepsPerSecond: 9,
    });
    expect(lab.store.getState().training.records.map((r) => r.step)).toEqual([7, 8]);
  });

  test('after init or reset, events of the previous run still in flight are dropped until the engine answers', () => {
    const { client, lab } = started();
    train(client);
    const terms = { rec: 1, lsum: 0, hsum: 0, l2norm: 0, cmf: 0, conv: 0, l1wave: 0, l1attr: 0 };
    const prog = (step: number) =>
      client.emit({
        type: 'progress',
        records: [{ step, epoch: 0, terms, total: 2, gradNorm: 1, lambda: 0.1, gamma: 0.5 }],
        step,
        epoch: 0,
        stepsPerSecond: 9,
      });
    prog(1);
    prog(2);
    lab.reset();
    prog(3); // the old loop's last report
    expect(lab.store.getState().training.records).toEqual([]);
    ack(client);
    prog(1);
    expect(lab.store.getState().training.records.map((r) => r.step)).toEqual([1]);
  });

  test("'auto' remembers the measured winner; the next visit starts on it without measuring", () => {
    const kv = new Map<string, string>();
    const storage = {
      getItem: (k: string) => kv.get(k) ?? null,
      setItem: (k: string, v: string) => void kv.set(k, v),
    };
    const first = new FakeClient();
    createLab({ client: first, hash: '', tourSeen: true, storage });
    expect(first.sent[0]).toEqual({ type: 'setBackend', backend: 'auto' });
    first.emit({
      type: 'ready',
      backend: 'wasm',
      requested: 'auto',
      reason: 'wasm 7 ms/step → wasm (fastest)',
      tried: [],
      canTrain: true,
    });
    const again = new FakeClient();
    const lab = createLab({ client: again, hash: '', tourSeen: true, storage });
    expect(again.sent[0]).toEqual({ type: 'setBackend', backend: 'wasm' });
    expect(lab.store.getState().config.backend).toBe('auto'); // the link still says auto
    expect(lab.store.getState().training.backendNote).toMatch(/remembered.*wasm 7 ms\/step/);
    // An explicit backend in the link is never replaced, and stale memories are ignored.
    const explicit = new FakeClient();
    createLab({ client: explicit, hash: '#backend=cpu', tourSeen: true, storage });
    expect(explicit.sent[0]).toEqual({ type: 'setBackend', backend: 'cpu' });
    expect(recallAuto(storage, Date.now() + 8 * 24 * 3600 * 1000)).toBeNull();
  });

  test('a link whose config differs from the saved run wins over the saved run', () => {
    const first = started();
    train(first.client);
    const terms = { rec: 1, lsum: 0, hsum: 0, l2norm: 0, cmf: 0, conv: 0, l1wave: 0, l1attr: 0 };
    first.client.emit({
      type: 'progress',
      records: [{ step: 1, epoch: 0, terms, total: 2, gradNorm: 1, lambda: 0.1, gamma: 0.5 }],
      step: 1,
      epoch: 0,
      stepsPerSecond: 9,
    });
    const st = first.lab.store.getState();
    const client = new FakeClient();
    const lab = createLab({ client, hash: '#gamma=2', tourSeen: true });
    expect(resumeOrOpen(lab, { run: savedRun(st), teacher: savedTeacher(st), uploads: [] }, '#gamma=2')).toBe(
      'opened',
    );
    expect(client.types()).toEqual(['setBackend', 'trainTeacher']);
  });

  test('an unlabelled dataset asks for a teacher instead of training one', () => {
    const { client, lab } = started();
    lab.useDataset({
      id: 'upload:1',
      name: 'u.npy',
      source: 'upload',
      description: '',
      kind: '1d',
      x: new Float32Array(64 * 10),
      shape: [10, 64],
      y: null,
      targetName: 'y',
      task: 'regression',
      classes: [],
    });
    expect(client.types()).toEqual(['setBackend', 'trainTeacher']);
    expect(lab.store.getState().teacher.error).toMatch(/no labels: import a teacher/);
  });
});
