// The paper's simulation: y is exactly amplitude·Σ of the chosen wavedec coefficients plus seeded noise.
import { describe, expect, it } from 'vitest';
import { createRng, simulate1d, wavedec } from '../../../../src/core/index.ts';
import { TOL } from '../../tolerances.ts';

describe('simulate1d', () => {
  it('defaults: db5, zero mode, J=4, cD_3 = wavedec index 2 (15 coefficients), positions 7–9', () => {
    const d = simulate1d({ n: 50 });
    expect(d.shape).toEqual([50, 64]);
    expect(d.x.length).toBe(50 * 64);
    expect(d.y.length).toBe(50);
    expect(d.truth).toMatchObject({
      wavelet: 'db5',
      level: 4,
      scale: 3,
      coeffIndex: 2,
      positions: [7, 8, 9],
      mode: 'zero',
    });
    expect(wavedec(d.x.subarray(0, 64), 'db5', 'zero', 4).map((c) => c.length)).toEqual([12, 12, 15, 22, 36]);
  });

  it('y = 2·(c[7]+c[8]+c[9]) + 0.1·ε with the noise the seeded stream draws after x', () => {
    const n = 40;
    const d = simulate1d({ n, seed: 11 });
    const rng = createRng(11);
    const x = rng.normals(n * 64);
    expect(Array.from(d.x)).toEqual(Array.from(x));
    for (let i = 0; i < n; i++) {
      const c = wavedec(x.subarray(i * 64, (i + 1) * 64), 'db5', 'zero', 4)[2];
      const expected = 2 * (c[7] + c[8] + c[9]) + 0.1 * rng.normal();
      expect(Math.abs(d.y[i] - expected)).toBeLessThan(TOL.pywt);
    }
  });

  it('noise 0 gives the signal itself; variants pick other wavelets, scales and positions', () => {
    const d = simulate1d({
      n: 10,
      wavelet: 'sym5',
      scale: 1,
      positions: [3],
      amplitude: 1.5,
      noise: 0,
      seed: 4,
    });
    expect(d.truth.coeffIndex).toBe(4);
    for (let i = 0; i < 10; i++) {
      const c = wavedec(d.x.subarray(i * 64, (i + 1) * 64), 'sym5', 'zero', 4)[4];
      expect(d.y[i]).toBe(1.5 * c[3]);
    }
    expect(simulate1d({ n: 5, wavelet: 'coif2', seed: 4 }).name).toBe('simulation-coif2');
  });

  it('is deterministic by seed and validates its options', () => {
    expect(Array.from(simulate1d({ n: 5, seed: 3 }).y)).toEqual(Array.from(simulate1d({ n: 5, seed: 3 }).y));
    expect(Array.from(simulate1d({ n: 5, seed: 3 }).y)).not.toEqual(
      Array.from(simulate1d({ n: 5, seed: 4 }).y),
    );
    expect(() => simulate1d({ n: 5, positions: [15] })).toThrow(/simulate1d: position 15/);
    expect(() => simulate1d({ n: 5, scale: 5 })).toThrow(/simulate1d: scale/);
    expect(() => simulate1d({ n: 0 })).toThrow(/simulate1d/);
  });
});
