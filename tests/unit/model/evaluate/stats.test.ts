// Compression columns, paired bootstrap differences and the attribution ranking, against hand
// computations.
import { describe, expect, it } from 'vitest';
import { createRng } from '../../../../src/core/rng.ts';
import { rmse } from '../../../../src/core/predict/metrics.ts';
import { pairedDifference } from '../../../../src/model/evaluate/comparisons.ts';
import { meanAttrAbove, meanEnergy99 } from '../../../../src/model/evaluate/compression.ts';
import { topAttributedPositions } from '../../../../src/model/evaluate/predictors1d.ts';
import { TOL_EVAL } from '../../tolerances.ts';

describe('compression columns', () => {
  it('energy99: the mean over rows of the smallest fraction holding 99% of the energy', () => {
    // Row 1: one coefficient holds everything (1/4); row 2: four equal ones need all four (4/4).
    const rows = Float64Array.from([0, 3, 0, 0, 1, -1, 1, -1]);
    expect(meanEnergy99(rows, 2, 4)).toBeCloseTo((1 / 4 + 4 / 4) / 2, 15);
  });

  it('attrAbove: relative ε is a fraction of each row’s max |a|; absolute ε is fixed', () => {
    const rows = Float64Array.from([10, 0.05, 0.2, -5, 1, 0.001, 0.02, 0.5]);
    // relative 0.01: row 1 ε = 0.1 → {10, 0.2, −5} = 3/4; row 2 ε = 0.01 → {1, 0.02, 0.5} = 3/4.
    expect(meanAttrAbove(rows, 2, 4, { kind: 'relative', value: 0.01 })).toBeCloseTo(0.75, 15);
    // absolute 0.3: row 1 → {10, −5} = 2/4; row 2 → {1, 0.5} = 2/4.
    expect(meanAttrAbove(rows, 2, 4, { kind: 'absolute', value: 0.3 })).toBeCloseTo(0.5, 15);
  });
});

describe('paired bootstrap difference', () => {
  const rng = createRng(3);
  const y = rng.normals(200);
  const a = y.map((v) => v + 0.3 * rng.normal());
  const b = y.map((v) => v + 0.5 * rng.normal());

  it('equals rmse(a) − rmse(b) and its std over the same resamples (hand-rolled loop)', () => {
    const r = pairedDifference(y, a, b, 'rmse', { reps: 300, seed: 9 });
    expect(r.diff).toBeCloseTo(rmse(y, a) - rmse(y, b), 14);
    const g = createRng(9);
    const diffs: number[] = [];
    for (let k = 0; k < 300; k++) {
      const idx = Array.from({ length: 200 }, () => g.int(200));
      const pickOf = (v: Float64Array) => idx.map((i) => v[i]!);
      diffs.push(rmse(pickOf(y), pickOf(a)) - rmse(pickOf(y), pickOf(b)));
    }
    const m = diffs.reduce((s, d) => s + d, 0) / diffs.length;
    const sd = Math.sqrt(diffs.reduce((s, d) => s + (d - m) ** 2, 0) / diffs.length);
    expect(Math.abs(r.se - sd)).toBeLessThan(TOL_EVAL.sameArithmetic);
  });

  it('is exactly 0 ± 0 for identical predictions', () => {
    expect(pairedDifference(y, a, a, 'r2', { reps: 50, seed: 1 })).toEqual({ diff: 0, se: 0 });
  });
});

describe('top attributed positions', () => {
  it('ranks by mean |attribution| over the given rows only, ties to the lower position', () => {
    // 3 rows × 4 positions; rows 0 and 2 are the "training" rows.
    const attr = Float64Array.from([1, -4, 2, 2, 100, 100, 100, 100, 3, 0, -2, 2]);
    // means over rows 0, 2: [2, 2, 2, 2] → ties → 0, 1, 2 by position
    expect(topAttributedPositions(attr, 4, [0, 2], 3)).toEqual([0, 1, 2]);
    // row 0 alone: |.| = [1, 4, 2, 2] → 1, 2, 3, 0
    expect(topAttributedPositions(attr, 4, [0], 10)).toEqual([1, 2, 3, 0]);
  });
});
