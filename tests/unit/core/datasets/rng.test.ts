// Seeded RNG: determinism, moments, splits and folds.
import { describe, expect, it } from 'vitest';
import { createRng, kFoldIndices, splitIndices } from '../../../../src/core/index.ts';

describe('createRng', () => {
  it('repeats a sequence from the same seed and differs across seeds', () => {
    const a = createRng(42);
    const b = createRng(42);
    const c = createRng(43);
    const sa = Array.from({ length: 20 }, () => a.nextUint32());
    const sb = Array.from({ length: 20 }, () => b.nextUint32());
    const sc = Array.from({ length: 20 }, () => c.nextUint32());
    expect(sa).toEqual(sb);
    expect(sa).not.toEqual(sc);
    expect(createRng(0).uniform()).not.toBe(createRng(1).uniform());
  });

  it('uniforms lie in [0, 1) with mean ½ and variance 1/12', () => {
    const r = createRng(7);
    const n = 200_000;
    let s = 0;
    let s2 = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = r.uniform();
      if (!(u >= 0 && u < 1)) outside++;
      s += u;
      s2 += u * u;
    }
    const m = s / n;
    expect(outside).toBe(0);
    // 5 standard errors: sd(U)/√n ≈ 0.00065
    expect(Math.abs(m - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(s2 / n - m * m - 1 / 12)).toBeLessThan(0.002);
  });

  it('normals have mean 0, variance 1, kurtosis 3 and are deterministic', () => {
    const z = createRng(3).normals(200_000);
    expect(Array.from(z.subarray(0, 5))).toEqual(Array.from(createRng(3).normals(5)));
    let m = 0;
    for (const v of z) m += v;
    m /= z.length;
    let m2 = 0;
    let m4 = 0;
    for (const v of z) {
      m2 += (v - m) ** 2;
      m4 += (v - m) ** 4;
    }
    m2 /= z.length;
    m4 /= z.length;
    expect(Math.abs(m)).toBeLessThan(5 / Math.sqrt(z.length));
    expect(Math.abs(m2 - 1)).toBeLessThan(5 * Math.sqrt(2 / z.length));
    expect(Math.abs(m4 / (m2 * m2) - 3)).toBeLessThan(0.1);
    expect(createRng(1).normal(10, 0)).toBe(10);
  });

  it('int is unbiased over a small range and shuffle/permutation are permutations', () => {
    const r = createRng(5);
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[r.int(6)]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(500); // ≈ 5 sd (sd ≈ 91)
    const p = r.permutation(50);
    expect(Array.from(p).sort((a, b) => a - b)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(Array.from(p)).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
    const arr = ['a', 'b', 'c', 'd'];
    expect(r.shuffle(arr).slice().sort()).toEqual(['a', 'b', 'c', 'd']);
    expect(() => r.int(0)).toThrow(/rng.int/);
    expect(() => createRng(Number.NaN)).toThrow(/createRng/);
  });
});

describe('splitIndices / kFoldIndices', () => {
  it('splits into disjoint sorted sets that cover 0..n−1, reproducibly', () => {
    const { train, test } = splitIndices(100, 0.25, 9);
    expect(test.length).toBe(25);
    expect(train.length).toBe(75);
    const all = [...train, ...test].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(Array.from(test)).toEqual(Array.from(splitIndices(100, 0.25, 9).test));
    expect(Array.from(test)).not.toEqual(Array.from(splitIndices(100, 0.25, 10).test));
    for (let i = 1; i < test.length; i++) expect(test[i]).toBeGreaterThan(test[i - 1]);
    expect(() => splitIndices(1)).toThrow(/splitIndices/);
  });

  it('folds partition 0..n−1 with sizes differing by at most one', () => {
    const folds = kFoldIndices(23, 5, 2);
    expect(folds.map((f) => f.length)).toEqual([5, 5, 5, 4, 4]);
    const all = folds.flatMap((f) => Array.from(f)).sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 23 }, (_, i) => i));
  });
});
