// Endocytosis-like tracks: the documented generative model, reproduced draw by draw.
import { describe, expect, it } from 'vitest';
import { auxilinPeak, createRng, endocytosis, eventPulse } from '../../../../src/core/index.ts';
import { TOL } from '../../tolerances.ts';

describe('endocytosis', () => {
  it('rebuilds x and y from the seeded stream in the documented order', () => {
    const n = 25;
    const T = 40;
    const d = endocytosis({ n, seed: 8 });
    expect(d.shape).toEqual([n, T]);
    const rng = createRng(8);
    for (let i = 0; i < n; i++) {
      const t0 = 1 + rng.uniform() * (0.6 * T - 1);
      const tr = 1 + 3 * rng.uniform();
      const td = 2 + 8 * rng.uniform();
      const A = Math.exp(0.5 * rng.normal());
      const b = 0.2 * rng.uniform();
      for (let t = 0; t < T; t++) {
        const expected = A * eventPulse(t, t0, tr, td) + b + 0.1 * rng.normal();
        expect(Math.abs(d.x[i * T + t] - expected)).toBeLessThan(TOL.invariants);
      }
      expect(Math.abs(d.y[i] - (auxilinPeak(A, t0, tr, td, T) + 0.05 * rng.normal()))).toBeLessThan(
        TOL.invariants,
      );
      expect(d.events.onset[i]).toBe(t0);
      expect(d.events.amplitude[i]).toBe(A);
    }
  });

  it('pulse peaks at 1, is 0 before onset; target grows with amplitude and lifetime', () => {
    let max = 0;
    for (let t = 5; t < 40; t += 0.001) max = Math.max(max, eventPulse(t, 5, 2, 6));
    expect(max).toBeCloseTo(1, 6);
    expect(eventPulse(4.9, 5, 2, 6)).toBe(0);
    expect(auxilinPeak(2, 5, 2, 6, 40)).toBeGreaterThan(auxilinPeak(1, 5, 2, 6, 40));
    expect(auxilinPeak(1, 5, 3, 9, 40)).toBeGreaterThan(auxilinPeak(1, 5, 1, 2, 40));
    expect(auxilinPeak(1, 35, 2, 9, 40)).toBeLessThan(auxilinPeak(1, 5, 2, 9, 40));
  });

  it('is deterministic by seed and validates', () => {
    expect(Array.from(endocytosis({ n: 4, seed: 1 }).x)).toEqual(
      Array.from(endocytosis({ n: 4, seed: 1 }).x),
    );
    expect(Array.from(endocytosis({ n: 4, seed: 1 }).y)).not.toEqual(
      Array.from(endocytosis({ n: 4, seed: 2 }).y),
    );
    expect(() => endocytosis({ n: 4, length: 4 })).toThrow(/endocytosis: length/);
  });
});
