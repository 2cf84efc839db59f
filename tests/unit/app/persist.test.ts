// IndexedDB persistence (Dexie over fake-indexeddb): typed arrays and the run survive a "reload".
import 'fake-indexeddb/auto';
import { describe, expect, test } from 'vitest';
import { LabController, type LabClient } from '../../../src/app/lab.ts';
import { LabDb } from '../../../src/app/persist/db.ts';
import { packSession, unpackSession } from '../../../src/app/persist/packSession.ts';
import { persistLab } from '../../../src/app/persist/persist.ts';
import { sessionExport } from '../../../src/app/export/session.ts';
import { createLabStore } from '../../../src/app/store/index.ts';
import type { LabDataset } from '../../../src/app/store/types.ts';

const client: LabClient = { send: () => {}, subscribe: () => () => {}, mode: 'worker' };
const upload: LabDataset = {
  id: 'upload:x',
  name: 'x.csv',
  source: 'upload',
  description: 'd',
  kind: '1d',
  x: Float32Array.from({ length: 64 * 4 }, (_, i) => i / 7),
  shape: [4, 64],
  y: Float32Array.from([1, 2, 3, 4]),
  targetName: 'y',
  task: 'regression',
  classes: [],
};

const terms = { rec: 1, lsum: 0, hsum: 0, l2norm: 0, cmf: 0, conv: 0, l1wave: 0, l1attr: 0 };
const record = (step: number) => ({ step, epoch: 0, terms, total: 1, gradNorm: 0, lambda: 0, gamma: 0 });

/** The upload active with a trained, ready teacher holding `weightData`. */
function withReadyTeacher(lab: LabController, weightData: ArrayBuffer[]): void {
  lab.store.setState((s) => ({
    datasets: [upload],
    activeId: upload.id,
    teacher: {
      ...s.teacher,
      status: 'ready',
      source: 'trained',
      datasetId: upload.id,
      artifacts: { modelJson: { a: 1 }, weightData },
      metric: { name: 'r2', value: 0.5 },
    },
  }));
}

describe('persistence', () => {
  test('uploads, teacher and run are written (debounced) and read back intact', async () => {
    const db = new LabDb(`t-${Math.random()}`);
    const lab = new LabController(createLabStore(), client);
    const stop = persistLab(lab, db, 10);
    withReadyTeacher(lab, [new Float32Array([1, 2, 3]).buffer]);
    lab.store.setState((s) => ({
      training: {
        ...s.training,
        status: 'training',
        step: 3,
        records: [record(3)],
      },
      results: { ...s.results, h0History: [{ step: 3, h0: [0.1, 0.2] }] },
    }));
    await new Promise((r) => setTimeout(r, 100));
    stop();
    const back = await new LabDb(db.name).loadRun();
    expect(back.uploads).toHaveLength(1);
    expect(back.uploads[0]!.x).toBeInstanceOf(Float32Array);
    expect(Array.from(back.uploads[0]!.x)).toEqual(Array.from(upload.x));
    expect(back.run).toMatchObject({
      activeId: upload.id,
      playing: true,
      session: { step: 3, h0History: [{ step: 3, h0: [0.1, 0.2] }] },
    });
    expect(back.teacher!.metric).toEqual({ name: 'r2', value: 0.5 });
    expect(new Float32Array(back.teacher!.artifacts!.weightData[0]!)).toEqual(new Float32Array([1, 2, 3]));
  });

  test('the teacher is written once, not with every run write', async () => {
    const db = new LabDb(`t-${Math.random()}`);
    let teacherPuts = 0;
    const saveRun = db.saveRun.bind(db);
    db.saveRun = async (run, teacher) => {
      if (teacher) teacherPuts++;
      await saveRun(run, teacher);
    };
    const lab = new LabController(createLabStore(), client);
    const stop = persistLab(lab, db, 5);
    withReadyTeacher(lab, []);
    for (let step = 1; step <= 3; step++) {
      lab.store.setState((s) => ({
        training: { ...s.training, status: 'training', step, records: [record(step)] },
      }));
      await new Promise((r) => setTimeout(r, 40));
    }
    expect(teacherPuts).toBe(1);
    // a new teacher is written again
    lab.store.setState((s) => ({ teacher: { ...s.teacher, metric: { name: 'r2', value: 0.7 } } }));
    lab.store.setState((s) => ({ training: { ...s.training, step: 4, records: [record(4)] } }));
    await new Promise((r) => setTimeout(r, 40));
    stop();
    expect(teacherPuts).toBe(2);
    expect((await db.loadRun()).teacher!.metric).toEqual({ name: 'r2', value: 0.7 });
  });

  test('nothing is written before the run has a step', async () => {
    const db = new LabDb(`t-${Math.random()}`);
    const lab = new LabController(createLabStore(), client);
    const stop = persistLab(lab, db, 5);
    lab.store.setState({ activeId: 'builtin:simulation-db5' });
    await new Promise((r) => setTimeout(r, 50));
    stop();
    expect((await db.loadRun()).run).toBeNull();
  });

  test('training progress alone is written at the slow period; a user change brings the write forward', async () => {
    const db = new LabDb(`t-${Math.random()}`);
    let writes = 0;
    const saveRun = db.saveRun.bind(db);
    db.saveRun = async (run, teacher) => {
      writes++;
      await saveRun(run, teacher);
    };
    const lab = new LabController(createLabStore(), client);
    withReadyTeacher(lab, []);
    const stop = persistLab(lab, db, 20, 300);
    const progress = (step: number) =>
      lab.store.setState((s) => ({
        training: { ...s.training, status: 'training', step, records: [record(step)] },
      }));
    progress(1);
    await new Promise((r) => setTimeout(r, 100));
    progress(2);
    await new Promise((r) => setTimeout(r, 100));
    expect(writes).toBe(0); // progress waits for the 300 ms period
    lab.store.setState((s) => ({ config: { ...s.config, gamma: 0.5 } }));
    await new Promise((r) => setTimeout(r, 60));
    expect(writes).toBe(1); // the config change went out after 20 ms, with step 2
    expect((await db.loadRun()).run).toMatchObject({ session: { step: 2, config: { gamma: 0.5 } } });
    progress(3);
    await new Promise((r) => setTimeout(r, 100));
    expect(writes).toBe(1);
    await new Promise((r) => setTimeout(r, 300));
    expect(writes).toBe(2);
    stop();
  });

  test('the run is stored as typed-array columns (cheap to clone) and read back as the same session', async () => {
    const store = createLabStore();
    const recs = Array.from({ length: 300 }, (_, i) => ({
      ...record(i + 1),
      epoch: i >> 5,
      terms: { ...terms, rec: 1 / (i + 1), l1attr: i * 1e-3 },
      total: 2 - i * 1e-3,
      gradNorm: Math.sqrt(i),
      lambda: 0.01,
      gamma: i < 150 ? 1 : 0.5,
    }));
    store.setState((s) => ({
      activeId: upload.id,
      datasets: [upload],
      training: { ...s.training, step: 300, records: recs },
      results: {
        ...s.results,
        initialH0: [0.5, 0.5],
        h0History: [
          { step: 10, h0: [0.4, 0.6] },
          { step: 20, h0: [0.1, 0.2, 0.3] },
        ],
        distance: [
          { step: 10, value: 0.25 },
          { step: 20, value: NaN },
        ],
      },
    }));
    const session = sessionExport(store.getState());
    const packed = packSession(session);
    expect(packed.records.step).toBeInstanceOf(Float64Array);
    expect(packed.records.terms.l1attr).toBeInstanceOf(Float64Array);
    expect(Array.from(packed.h0History.taps)).toEqual([0.4, 0.6, 0.1, 0.2, 0.3]);
    expect(unpackSession(packed)).toEqual(session);
    // A session stored by an earlier version (lists of objects) is read as it is.
    expect(unpackSession(session)).toBe(session);

    const db = new LabDb(`t-${Math.random()}`);
    await db.saveRun(
      { activeId: upload.id, split: store.getState().split, sample: 0, playing: false, session },
      null,
    );
    const raw = (await db.state.get('run'))!.value as { session: { records: { gamma: unknown } } };
    expect(raw.session.records.gamma).toBeInstanceOf(Float64Array);
    expect((await db.loadRun()).run!.session).toEqual(session);
  });
});
