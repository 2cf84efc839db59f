// Top-k-per-scale features (awave max_fun) by value and by magnitude.
import { describe, expect, it } from 'vitest';
import { createRng, topk, topkFeatures, topkPerScale, wavedec } from '../../../../src/core/index.ts';

describe('topk', () => {
  it('keeps signed values in decreasing order of the criterion', () => {
    const v = [0.5, -3, 2, -0.1, 1];
    expect(Array.from(topk(v, 3, 'value'))).toEqual([2, 1, 0.5]);
    expect(Array.from(topk(v, 3, 'abs'))).toEqual([-3, 2, 1]);
    // ties: larger index first (numpy argsort(...)[::-1])
    expect(Array.from(topk([1, -1, 1], 2, 'abs'))).toEqual([1, -1]);
    expect(() => topk(v, 6)).toThrow(/topk: k must be/);
  });

  it('per scale: one block of k per wavedec band; rows of topkFeatures agree', () => {
    const x = createRng(4).normals(3 * 40);
    const F = topkFeatures(x, 3, 40, 'db5', 4, 2, 'abs');
    expect(F.length).toBe(3 * 5 * 2);
    const c = wavedec(x.subarray(40, 80), 'db5', 'zero', 4);
    const row = topkPerScale(c, 2, 'abs');
    expect(Array.from(F.subarray(10, 20))).toEqual(Array.from(row));
    // block b holds the two largest-|.| coefficients of band b
    const band = Array.from(c[3]).sort((a, b) => Math.abs(b) - Math.abs(a));
    expect(Array.from(row.subarray(6, 8))).toEqual(band.slice(0, 2));
  });
});
