// Metrics vs hand computation; bootstrap SE vs the analytic SE of a mean; compression measures.
import { describe, expect, it } from 'vitest';
import {
  accuracy,
  bootstrapSE,
  createRng,
  energyCount,
  flattenCoeffs,
  fractionAbove,
  mae,
  meanOver,
  r2,
  rmse,
} from '../../../../src/core/index.ts';

describe('metrics', () => {
  it('match hand computations', () => {
    const y = [1, 2, 3, 4];
    const p = [1, 3, 2, 4];
    expect(rmse(y, p)).toBeCloseTo(Math.sqrt(0.5), 15);
    expect(mae(y, p)).toBe(0.5);
    expect(r2(y, p)).toBeCloseTo(1 - 2 / 5, 15); // SS_res 2, SS_tot 5
    expect(r2(y, [2.5, 2.5, 2.5, 2.5])).toBe(0);
    expect(r2([1, 1], [1, 1])).toBe(1);
    expect(accuracy([0, 1, 2, 2], [0, 1, 1, 2])).toBe(0.75);
    expect(() => rmse([1], [1, 2])).toThrow(/rmse/);
  });

  it('bootstrap SE of a mean is close to s/√n for normal data', () => {
    const n = 400;
    const y = createRng(12).normals(n);
    let m = 0;
    for (const v of y) m += v / n;
    let s2 = 0;
    for (const v of y) s2 += (v - m) ** 2 / (n - 1);
    const analytic = Math.sqrt(s2 / n);
    const meanMetric = (a: ArrayLike<number>): number => {
      let s = 0;
      for (let i = 0; i < a.length; i++) s += a[i];
      return s / a.length;
    };
    const b = bootstrapSE(y, y, meanMetric, 2000, 3);
    expect(b.value).toBeCloseTo(m, 12);
    // The bootstrap SE estimates √((n−1)/n)·s/√n with relative sd ≈ 1/√(2·2000) ≈ 1.6%.
    expect(Math.abs(b.se / analytic - 1)).toBeLessThan(0.08);
    expect(bootstrapSE(y, y, meanMetric, 50, 3).se).toBe(bootstrapSE(y, y, meanMetric, 50, 3).se);
  });
});

describe('compression', () => {
  it('counts coefficients for 99% energy and entries above ε', () => {
    // energies 100, 4, 0, 0: 100/104 < 0.99 → need 2 of 4; 100/101 ≥ 0.99 → 1
    expect(energyCount([0, -10, 2, 0])).toEqual({ count: 2, fraction: 0.5 });
    expect(energyCount([0, -10, 1, 0])).toEqual({ count: 1, fraction: 0.25 });
    expect(energyCount([0, -10, 0.01, 0])).toEqual({ count: 1, fraction: 0.25 });
    expect(energyCount([0, 0])).toEqual({ count: 0, fraction: 0 });
    expect(energyCount([1, 1, 1, 1], 0.5).count).toBe(2);
    expect(fractionAbove([0.1, -0.5, 0.2, 0], 0.15)).toBe(0.5);
    expect(Array.from(flattenCoeffs([[1, 2], [3]]))).toEqual([1, 2, 3]);
    expect(
      meanOver(
        [
          [1, 0],
          [0, 0, 0, 2],
        ],
        (r) => fractionAbove(r, 0.5),
      ),
    ).toBe(0.375);
  });
});
