// The lab-job actions over a fake worker client: what evaluate / sweep / stopSweep / loadH0 send (the
// whole dataset with the run's split), how the job events fill the store, and the edge cases (errors,
// crashes, a dataset switch during a sweep). Plus the grid axes and peak-count classes they rely on.
import { describe, expect, test } from 'vitest';
import { FakeClient } from './fakeClient.ts';
import { createLab, resumeOrOpen } from '../../../src/app/boot.ts';
import { builtinById } from '../../../src/app/builtins.ts';
import { groupsOf, labelledData, sweepGrid } from '../../../src/app/labJobs.ts';
import { splitSets } from '../../../src/app/store/dataSlice.ts';
import { axisValues, DEFAULT_SWEEP } from '../../../src/app/store/jobSlices.ts';
import { logGrid } from '../../../src/model/sweep/grid.ts';
import type { EvalTableData, SweepRunData, TeacherCheck } from '../../../src/protocol/messages.ts';

const compat: TeacherCheck = { ok: true, canUseGamma: true, layers: [], problems: [], message: 'ok' };
const artifacts = { modelJson: { modelTopology: {} }, weightData: [new ArrayBuffer(8)] };

function running() {
  const client = new FakeClient();
  const lab = createLab({ client, hash: '', tourSeen: true });
  resumeOrOpen(lab, null, '');
  client.emit({
    type: 'teacherTrained',
    artifacts,
    metric: { name: 'r2', value: 0.9 },
    epochs: 1,
    bestEpoch: 1,
    stoppedBy: 'maxEpochs',
    history: [],
    compat,
    ms: 1,
  });
  client.emit({ type: 'state', status: 'training', step: 0, epoch: 0 });
  return { client, lab };
}

const table: EvalTableData = {
  dims: 1,
  targetName: 'y',
  primary: 'rmse',
  split: { train: 420, val: 90, test: 90, seed: 1 },
  bootstrap: { reps: 300, seed: 1 },
  rows: [],
  comparisons: [],
};
const runOf = (index: number, row: number, col: number, value: number): SweepRunData => ({
  index,
  row,
  col,
  lambda: [0.01, 0.1, 1][row]!,
  gamma: [0.1, 1, 10][col]!,
  warmFrom: null,
  status: 'completed',
  error: null,
  h0: [0.1 * index, 0.2, 0.3, 0.4],
  validation: { predictor: 'top_attr_linear', metric: 'r2', value },
  rec: 1,
  l1wave: 1,
  l1attr: 1,
  distToInit: 0,
  seconds: 1,
});

describe('grid axes and job data', () => {
  test('axisValues is numpy.geomspace rounded like model/sweep logGrid, 0 first on request', () => {
    expect(axisValues({ min: 1e-5, max: 50, count: 20, withZero: true })).toEqual(
      logGrid(1e-5, 50, 20, true),
    );
    expect(axisValues({ min: 0.01, max: 1, count: 3, withZero: false })).toEqual([0.01, 0.1, 1]);
    expect(axisValues({ min: 0.5, max: 0.5, count: 3, withZero: false })).toEqual([0.5]); // de-duplicated
    expect(sweepGrid(DEFAULT_SWEEP)).toEqual({ lambdas: [0.01, 0.1, 1], gammas: [0.1, 1, 10] });
    expect(sweepGrid({ ...DEFAULT_SWEEP, lambda: { min: 0, max: 1, count: 3, withZero: false } })).toMatch(
      /^λ: min and max must be finite numbers > 0/,
    );
    expect(sweepGrid({ ...DEFAULT_SWEEP, gamma: { min: 1e-3, max: 1, count: 13, withZero: false } })).toMatch(
      /^γ: at most 12 values/,
    );
    expect(sweepGrid({ ...DEFAULT_SWEEP, epochs: 0 })).toMatch(/^epochs per run/);
  });

  test('peak-count classes: the mass maps carry their cosmology; otherwise the distinct targets', () => {
    const maps = builtinById('builtin:mass-maps')!.make();
    expect(maps.groups).toHaveLength(maps.shape[0]!);
    expect(new Set(maps.groups).size).toBe(15); // 5 Ω_m × 3 σ₈
    expect(groupsOf(maps)).toBe(maps.groups);
    expect(Array.from(groupsOf({ y: Float32Array.from([0.3, 0.2, 0.3, 0.4]) })!)).toEqual([1, 0, 1, 2]);
    const d = labelledData(maps, { val: 0.15, test: 0.15, seed: 1 });
    if (typeof d === 'string') throw new Error(d);
    expect(d.groups).toEqual(maps.groups);
    expect(d.groups).not.toBe(maps.groups); // transferred with the command: a copy
    expect(labelledData({ ...maps, y: null }, { val: 0.15, test: 0.15, seed: 1 })).toMatch(/has no targets/);
  });
});

describe('lab jobs through the controller', () => {
  test('evaluate sends the whole dataset with the run’s split (copies), then shows the table', () => {
    const { client, lab } = running();
    lab.jobs.evaluate();
    const cmd = client.last('evaluate')!;
    const s = lab.store.getState();
    const d = s.datasets[0]!;
    expect(cmd.data.shape).toEqual([600, 64]);
    expect(cmd.data.x).not.toBe(d.x); // transferred: must be a copy
    expect(Array.from(cmd.data.x.subarray(0, 5))).toEqual(Array.from(d.x.subarray(0, 5)));
    const split = splitSets(600, s.split);
    expect(Array.from(cmd.data.test)).toEqual(Array.from(split.test));
    expect(Array.from(cmd.data.train)).toEqual(Array.from(split.train));
    expect(client.last('init')!.data.shape[0]).toBe(split.train.length); // the rows the run trains on
    expect(cmd.data.groups).toBeNull();
    expect(s.evaluation.status).toBe('running');
    client.emit({
      type: 'evaluated',
      table,
      wavelets: [{ label: 'AWD', h0: [1, 2], learned: true }],
      ms: 12,
    });
    expect(lab.store.getState().evaluation).toMatchObject({
      status: 'done',
      table,
      ms: 12,
      datasetId: 'builtin:simulation-db5',
    });
    client.emit({
      type: 'error',
      code: 'not_ready',
      message: 'evaluate: no run',
      recoverable: true,
      command: 'evaluate',
    });
    expect(lab.store.getState().evaluation).toMatchObject({ status: 'error', error: 'evaluate: no run' });
    expect(lab.store.getState().training.error).toBeNull(); // a job error is not a training error
  });

  test('a sweep: grid from the settings, runs in index order, selection, stop, load a run', () => {
    const { client, lab } = running();
    lab.jobs.setSweepSettings({ epochs: 3 });
    lab.jobs.startSweep();
    const cmd = client.last('sweep')!;
    expect(cmd).toMatchObject({ lambdas: [0.01, 0.1, 1], gammas: [0.1, 1, 10], epochs: 3, warmStart: true });
    expect(lab.store.getState().sweep).toMatchObject({
      status: 'running',
      lambdas: [0.01, 0.1, 1],
      runs: [],
    });
    client.emit({
      type: 'sweepProgress',
      index: 0,
      runs: 9,
      lambda: 0.01,
      gamma: 0.1,
      step: 2,
      totalSteps: 15,
      loss: 1,
    });
    expect(lab.store.getState().sweep.progress?.step).toBe(2);
    client.emit({ type: 'sweepRun', run: runOf(1, 1, 0, 0.5) });
    client.emit({ type: 'sweepRun', run: runOf(0, 0, 0, 0.7) });
    expect(lab.store.getState().sweep.runs.map((r) => r.index)).toEqual([0, 1]);
    lab.jobs.stopSweep();
    expect(client.sent.at(-1)).toEqual({ type: 'stopSweep' });
    expect(lab.store.getState().sweep.status).toBe('stopping');
    client.emit({ type: 'sweepDone', stopped: true, selected: 0, ms: 50 });
    expect(lab.store.getState().sweep).toMatchObject({ status: 'stopped', selected: 0, progress: null });
    lab.jobs.loadRun(1);
    expect(client.sent.slice(-2)).toEqual([
      { type: 'setWeights', lambda: 0.1, gamma: 0.1 },
      { type: 'loadH0', h0: [0.1, 0.2, 0.3, 0.4] },
    ]);
    expect(lab.store.getState().config).toMatchObject({ lambda: 0.1, gamma: 0.1 });
    expect(lab.store.getState().sweep.loaded).toBe(1);
    lab.jobs.loadRun(7); // no such run: nothing sent
    expect(client.sent.at(-1)!.type).toBe('loadH0');
  });

  test('a bad grid never reaches the worker; switching datasets stops a running sweep; a crash ends it', () => {
    const { client, lab } = running();
    lab.jobs.setSweepSettings({ gamma: { min: 1, max: 0.1, count: 3, withZero: false } });
    lab.jobs.startSweep();
    expect(client.last('sweep')).toBeUndefined();
    expect(lab.store.getState().sweep).toMatchObject({ status: 'error', error: 'γ: max must be ≥ min' });
    lab.jobs.setSweepSettings({ gamma: DEFAULT_SWEEP.gamma });
    lab.jobs.startSweep();
    expect(client.last('sweep')).toBeDefined();
    lab.openBuiltin('builtin:endocytosis');
    expect(client.sent.some((c) => c.type === 'stopSweep')).toBe(true);
    client.emit({
      type: 'error',
      code: 'worker_crashed',
      message: 'worker crashed: oom; restarting',
      recoverable: true,
    });
    expect(lab.store.getState().sweep).toMatchObject({
      status: 'error',
      error: 'worker crashed: oom; restarting',
    });
    expect(lab.store.getState().training.error).toBe('worker crashed: oom; restarting');
  });
});
