// The sweep runner on a tiny problem (cpu backend): the warm-start chain, sharding equivalence (runs
// computed in separate stores, each recomputing its sources, equal one sequential pass bit for bit),
// resuming, and the summary's selection by the validation metric.
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { simulate1d } from '../../../../src/core/datasets/simulation.ts';
import { getWavelet } from '../../../../src/core/wavelets.ts';
import { planSweep, shardRuns } from '../../../../src/model/sweep/grid.ts';
import type { SweepContext, SweepRun } from '../../../../src/model/sweep/runPoint.ts';
import { memoryStore, runSweep } from '../../../../src/model/sweep/runSweep.ts';
import { summarize } from '../../../../src/model/sweep/summary.ts';
import { buildSeededTeacher } from '../../../../src/model/teacher/index.ts';
import { DEFAULT_CONFIG } from '../../../../src/protocol/config.ts';

describe('runSweep', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });
  const sim = simulate1d({ n: 40, length: 32, level: 2, scale: 2, positions: [3], seed: 1 });
  const grid = { lambdas: [0.001, 0.01], gammas: [0, 0.1, 1] };
  const plan = planSweep(grid);
  const ctx = (): SweepContext => ({
    x: Float32Array.from(sim.x),
    shape: [40, 32],
    teacher: buildSeededTeacher({ kind: 'mlp1d', inputLength: 32, hidden: [4] }, 1),
    base: { ...DEFAULT_CONFIG, wavelet: 'db2', noise: 0.05, level: 2, lr: 0.01, batchSize: 20 },
    epochs: 1,
    reference: Array.from(getWavelet('db2').recLo),
    // A deterministic stand-in for a validation metric: prefers filters close to db2.
    validate: (h0) => ({
      predictor: 'test',
      metric: 'rmse',
      value: h0.reduce((s, v, i) => s + (v - getWavelet('db2').recLo[i]!) ** 2, 0),
    }),
    now: () => 0,
  });

  it('starts every run from its source’s final h0 (and the first from the init)', async () => {
    const store = memoryStore();
    const runs = await runSweep(ctx(), plan, store);
    expect(runs.map((r) => r.index)).toEqual([0, 1, 2, 3, 4, 5]);
    for (const r of runs) {
      if (r.warmFrom === null) expect(r.distToInit).toBe(r.distToStart);
      else expect(r.h0Init).toEqual(store.runs.get(r.warmFrom)!.h0);
      expect(r.h0).not.toEqual(r.h0Init);
      expect(r.steps).toBe(2);
    }
  });

  it('shards run in separate stores give exactly the runs of one sequential pass', async () => {
    const full = memoryStore();
    await runSweep(ctx(), plan, full);
    const merged = new Map<number, SweepRun>();
    for (const k of [1, 2]) {
      const own = memoryStore();
      const started: number[] = [];
      await runSweep(ctx(), plan, own, shardRuns(plan, k, 2), { onStart: (p) => started.push(p.index) });
      // Shard 2 (λ row 1) recomputes run 0, the head of its chain, but does not store it.
      expect(started).toEqual(k === 1 ? [0, 2, 4] : [0, 1, 3, 5]);
      for (const [i, r] of own.runs) merged.set(i, r);
    }
    expect([...merged.keys()].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    for (const [i, r] of merged) expect(r.h0, `run ${i}`).toEqual(full.runs.get(i)!.h0);
  });

  it('resumes: runs already stored are kept, not retrained; --only-style subsets reuse stored sources', async () => {
    const store = memoryStore();
    await runSweep(ctx(), plan, store, [0, 2]);
    const skipped: number[] = [];
    const started: number[] = [];
    await runSweep(ctx(), plan, store, [2, 4], {
      onSkip: (p) => skipped.push(p.index),
      onStart: (p) => started.push(p.index),
    });
    expect(skipped).toEqual([2]);
    expect(started).toEqual([4]);
    await expect(runSweep(ctx(), plan, store, [6])).rejects.toThrow(/not in the grid/);
  });

  it('summarizes: selects the best validation value, reports the closest run to the reference', async () => {
    const store = memoryStore();
    await runSweep(ctx(), plan, store, [0, 1, 2]);
    const partial = summarize(grid, plan, store.runs, true);
    expect(partial.complete).toBe(false);
    expect(partial.runs.filter((l) => l.status === 'missing').map((l) => l.index)).toEqual([3, 4, 5]);
    await runSweep(ctx(), plan, store);
    const s = summarize(grid, plan, store.runs, true);
    const vals = [...store.runs.values()].map((r) => r.validation!.value);
    expect(s.complete).toBe(true);
    expect(store.runs.get(s.selected!)!.validation!.value).toBe(Math.min(...vals));
    const dists = [...store.runs.values()].map((r) => r.distToReference!);
    expect(s.bestDistToReference!.value).toBe(Math.min(...dists));
  });
});
