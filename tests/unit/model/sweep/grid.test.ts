// The grid and awave's warm-start path (awave/utils/warmstart.py over itertools.product's order).
import { describe, expect, it } from 'vitest';
import { chainOf, logGrid, planSweep, runFileName, shardRuns } from '../../../../src/model/sweep/grid.ts';

describe('logGrid', () => {
  it('matches numpy.geomspace (6 significant digits), with awave’s optional leading 0', () => {
    // np.geomspace(0.001, 10, 5) = [0.001, 0.01, 0.1, 1, 10]; np.geomspace(1e-5, 1e-4, 3)[1] = 3.16228e-5
    expect(logGrid(0.001, 10, 5)).toEqual([0.001, 0.01, 0.1, 1, 10]);
    expect(logGrid(1e-5, 1e-4, 3, true)).toEqual([0, 1e-5, 3.16228e-5, 1e-4]);
    expect(() => logGrid(0, 1, 3)).toThrow(/start, stop > 0/);
  });
});

describe('planSweep', () => {
  const plan = planSweep({ lambdas: [0.2, 0.1], gammas: [1, 0, 0.5] });

  it('orders runs γ-major (awave’s itertools order), λ and γ sorted ascending', () => {
    expect(plan.map((p) => [p.lambda, p.gamma])).toEqual([
      [0.1, 0],
      [0.2, 0],
      [0.1, 0.5],
      [0.2, 0.5],
      [0.1, 1],
      [0.2, 1],
    ]);
  });

  it('warm-starts the γ = 0 column along λ and every λ row along γ (awave warm_start)', () => {
    expect(plan.map((p) => p.warmFrom)).toEqual([null, 0, 0, 1, 2, 3]);
    for (const p of plan)
      if (p.warmFrom !== null) {
        const src = plan[p.warmFrom]!;
        if (p.col === 0) expect([src.col, src.row]).toEqual([0, p.row - 1]);
        else expect([src.col, src.row]).toEqual([p.col - 1, p.row]);
      }
    expect(chainOf(plan, 5)).toEqual([0, 1, 3, 5]);
    expect(planSweep({ lambdas: [1, 2], gammas: [0, 1] }, false).every((p) => p.warmFrom === null)).toBe(
      true,
    );
  });

  it('shards own whole λ rows and together cover every run once', () => {
    const big = planSweep({ lambdas: [1, 2, 3], gammas: [0, 1, 2, 3] });
    const s1 = shardRuns(big, 1, 2);
    const s2 = shardRuns(big, 2, 2);
    expect([...s1, ...s2].sort((a, b) => a - b)).toEqual(big.map((p) => p.index));
    expect(new Set(s1.map((i) => big[i]!.row))).toEqual(new Set([0, 2]));
    expect(() => shardRuns(big, 3, 2)).toThrow(/1 ≤ k ≤ n/);
  });

  it('names run files by index, λ and γ', () => {
    expect(runFileName(plan[3]!, plan.length)).toBe('0003_l0.2_g0.5.json');
  });

  it('rejects bad grid values', () => {
    expect(() => planSweep({ lambdas: [], gammas: [1] })).toThrow(/lambda is empty/);
    expect(() => planSweep({ lambdas: [-1], gammas: [1] })).toThrow(/≥ 0/);
  });
});
