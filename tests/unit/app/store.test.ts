// Slice helpers: loss history bounds, snapshot history, splits and statistics.
import { describe, expect, test } from 'vitest';
import { datasetStats, splitSets, takeRows } from '../../../src/app/store/dataSlice.ts';
import { applySnapshot, initialResultsSlice } from '../../../src/app/store/resultsSlice.ts';
import { appendRecords } from '../../../src/app/store/trainingSlice.ts';
import type { LabDataset } from '../../../src/app/store/types.ts';
import { getWavelet } from '../../../src/core/wavelets.ts';
import type { ProgressRecord, SnapshotEvent } from '../../../src/protocol/messages.ts';

const r = (step: number): ProgressRecord => ({
  step,
  epoch: 0,
  terms: { rec: 1, lsum: 0, hsum: 0, l2norm: 0, cmf: 0, conv: 0, l1wave: 0, l1attr: 0 },
  total: step,
  gradNorm: 0,
  lambda: 0,
  gamma: 0,
});

function snap(step: number, h0: ArrayLike<number>): SnapshotEvent {
  const e = new Float32Array(0);
  return {
    type: 'snapshot',
    step,
    sample: 0,
    h0: Float32Array.from(h0),
    g: e,
    phi: new Float32Array([1, 2]),
    psi: e,
    wavefunX: e,
    coeffs: [],
    attributions: [],
    shapes: [],
    fullShapes: [],
    x: e,
    recon: e,
    sampleShape: [4],
  };
}

describe('training records', () => {
  test('appended in order, a new array each time; a step counter going back starts a new curve', () => {
    const a = appendRecords([], [r(1), r(2)]);
    const b = appendRecords(a, [r(3)]);
    expect(b.map((x) => x.step)).toEqual([1, 2, 3]);
    expect(b).not.toBe(a);
    expect(appendRecords(b, [r(1)]).map((x) => x.step)).toEqual([1]);
  });

  test('bounded: old records are thinned, the recent quarter and the latest kept whole', () => {
    let recs: ProgressRecord[] = [];
    for (let s = 1; s <= 5000; s++) recs = appendRecords(recs, [r(s)], 1000);
    expect(recs.length).toBeLessThanOrEqual(1000);
    expect(recs.at(-1)!.step).toBe(5000);
    expect(recs.slice(-250).map((x) => x.step)).toEqual(Array.from({ length: 250 }, (_, i) => 4751 + i));
    expect(recs[0]!.step).toBe(1);
  });
});

describe('snapshot history', () => {
  const db4 = getWavelet('db4').recLo;
  test('the first snapshot is the initial filter; later ones add history and awave dist to it', () => {
    let res = applySnapshot(initialResultsSlice().results, snap(0, db4));
    expect(res.initialH0).toEqual(Array.from(Float32Array.from(db4)));
    expect(res.distance).toEqual([{ step: 0, value: 0 }]);
    res = applySnapshot(
      res,
      snap(
        5,
        Array.from(db4, (v, i) => v + (i === 3 ? 0.05 : 0)),
      ),
    );
    expect(res.h0History.map((p) => p.step)).toEqual([0, 5]);
    expect(res.distance[1]!.value).toBeGreaterThan(0.01);
    const same = applySnapshot(res, { ...snap(5, db4), sample: 3 });
    expect(same.h0History).toBe(res.h0History); // another sample, same step: no new history point
    expect(applySnapshot(same, snap(0, db4)).h0History).toHaveLength(1); // reset
  });
});

describe('data', () => {
  test('split: disjoint, covering, seeded, fractions honoured', () => {
    const s = splitSets(100, { val: 0.15, test: 0.2, seed: 3 });
    expect([s.train.length, s.val.length, s.test.length]).toEqual([65, 15, 20]);
    const all = [...s.train, ...s.val, ...s.test].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(splitSets(100, { val: 0.15, test: 0.2, seed: 3 })).toEqual(s);
    expect(splitSets(100, { val: 0.15, test: 0.2, seed: 4 }).test).not.toEqual(s.test);
  });

  test('rows and statistics', () => {
    const x = Float32Array.from([0, 1, 2, 3, 4, 5]);
    expect(Array.from(takeRows(x, [3, 2], Int32Array.from([2, 0])))).toEqual([4, 5, 0, 1]);
    const d: LabDataset = {
      id: 'u',
      name: 'u',
      source: 'upload',
      description: '',
      kind: '1d',
      x,
      shape: [3, 2],
      y: Float32Array.from([0, 1, 1]),
      targetName: 'y',
      task: 'classification',
      classes: ['a', 'b'],
    };
    const st = datasetStats(d);
    expect([st.n, st.min, st.max, st.mean]).toEqual([3, 0, 5, 2.5]);
    expect(st.std).toBeCloseTo(Math.sqrt(35 / 12), 6);
    expect(st.labels).toBe('a: 1, b: 2');
  });
});
