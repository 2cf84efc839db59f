import { describe, expect, it } from 'vitest';
import { pick, rowsOf, split3, stratifiedSplit3 } from '../../../../src/model/evaluate/splits.ts';

const all = (s: { train: Int32Array; val: Int32Array; test: Int32Array }) =>
  [...s.train, ...s.val, ...s.test].sort((a, b) => a - b);

describe('train / validation / test splits', () => {
  it('split3 is a seeded partition with rounded sizes, each part sorted', () => {
    const s = split3(101, { val: 0.2, test: 0.1, seed: 7 });
    expect(all(s)).toEqual([...Array(101).keys()]);
    expect([s.train.length, s.val.length, s.test.length]).toEqual([71, 20, 10]);
    for (const part of [s.train, s.val, s.test]) expect([...part]).toEqual([...part].sort((a, b) => a - b));
    expect(split3(101, { val: 0.2, test: 0.1, seed: 7 })).toEqual(s);
    expect(split3(101, { val: 0.2, test: 0.1, seed: 8 }).test).not.toEqual(s.test);
  });

  it('stratifiedSplit3 splits every class in the same proportions', () => {
    const labels = Int32Array.from({ length: 90 }, (_, i) => i % 3); // 30 per class
    const s = stratifiedSplit3(labels, { val: 0.2, test: 0.2, seed: 1 });
    expect(all(s)).toEqual([...Array(90).keys()]);
    for (const part of ['train', 'val', 'test'] as const) {
      const counts = [0, 0, 0];
      for (const i of s[part]) counts[labels[i]!]!++;
      expect(counts, part).toEqual(part === 'train' ? [18, 18, 18] : [6, 6, 6]);
    }
  });

  it('rejects fractions that leave no training data', () => {
    expect(() => split3(10, { val: 0.5, test: 0.5, seed: 1 })).toThrow(/summing below 1/);
    expect(() => split3(2, { val: 0.1, test: 0.1, seed: 1 })).toThrow(/at least 3/);
  });

  it('rowsOf and pick gather rows and entries', () => {
    const x = Float64Array.from([0, 1, 10, 11, 20, 21]);
    expect(Array.from(rowsOf(x, 2, [2, 0]))).toEqual([20, 21, 0, 1]);
    expect(Array.from(pick([5, 6, 7], [2, 2, 0]))).toEqual([7, 7, 5]);
  });
});
