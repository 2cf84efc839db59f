import { describe, expect, it } from 'vitest';
import { BatchScheduler } from '../../../../src/model/train/batches.ts';

describe('BatchScheduler', () => {
  it('covers every sample once per epoch, last batch partial (drop_last=False), reshuffled per epoch', () => {
    const b = new BatchScheduler(10, 4, true, 3);
    expect(b.stepsPerEpoch).toBe(3);
    const epochs: number[][] = [];
    for (let e = 0; e < 3; e++) {
      const seen: number[] = [];
      for (let s = 0; s < 3; s++) {
        const batch = b.next();
        expect(batch.epoch).toBe(e);
        expect(batch.size).toBe(s < 2 ? 4 : 2);
        seen.push(...batch.indices!);
      }
      expect([...seen].sort((x, y) => x - y)).toEqual([...Array(10).keys()]);
      epochs.push(seen);
    }
    expect(epochs[0]).not.toEqual(epochs[1]);
    expect(b.epoch).toBe(3);
  });

  it('keeps the stored order without shuffle, and is reproducible from the seed', () => {
    const b = new BatchScheduler(5, 2, false, 1);
    expect([b.next(), b.next(), b.next()].map((x) => Array.from(x.indices!))).toEqual([[0, 1], [2, 3], [4]]);
    const order = (seed: number) => {
      const s = new BatchScheduler(6, 3, true, seed);
      return [s.next(), s.next()].flatMap((x) => Array.from(x.indices!));
    };
    expect(order(9)).toEqual(order(9));
  });

  it('full batch (0 or ≥ n): one step per epoch, no gather needed even with shuffle', () => {
    for (const bs of [0, 7, 100]) {
      const b = new BatchScheduler(7, bs, true, 1);
      expect(b.stepsPerEpoch).toBe(1);
      expect(b.next()).toEqual({ indices: null, size: 7, epoch: 0 });
      expect(b.next().epoch).toBe(1);
    }
    expect(() => new BatchScheduler(0, 1, false, 1)).toThrow(/got 0/);
  });
});
