import { describe, expect, it } from 'vitest';
import { TorchAdam } from '../../../../src/model/train/adam.ts';
import { mulberry32, normalSource, shuffleInPlace } from '../../../../src/model/train/rng.ts';

describe('TorchAdam', () => {
  it('first step moves each parameter by lr·sign(g) (m̂/√v̂ = ±1, up to ε)', () => {
    const a = new TorchAdam(3, { lr: 0.01 });
    const p = a.step([1, 2, 3], [5, -0.5, 1e-3]);
    expect(p[0]).toBeCloseTo(1 - 0.01 * (5 / (5 + 1e-8)), 14);
    expect(p[1]).toBeCloseTo(2 + 0.01 * (0.5 / (0.5 + 1e-8)), 14);
    expect(p[2]! - 3).toBeCloseTo(-0.01 * (1e-3 / (1e-3 + 1e-8)), 12);
  });

  it("follows torch's update formula over many steps (hand-rolled float64 reference)", () => {
    const a = new TorchAdam(1, { lr: 0.1, beta1: 0.8, beta2: 0.99, eps: 1e-6 });
    let p = [0.5];
    let m = 0;
    let v = 0;
    let q = 0.5;
    for (let t = 1; t <= 50; t++) {
      const g = Math.sin(t) * q;
      p = Array.from(a.step(p, [Math.sin(t) * p[0]!]));
      m = 0.8 * m + 0.2 * g;
      v = 0.99 * v + 0.01 * g * g;
      q -= ((0.1 / (1 - 0.8 ** t)) * m) / (Math.sqrt(v) / Math.sqrt(1 - 0.99 ** t) + 1e-6);
      expect(p[0]).toBeCloseTo(q, 13);
    }
  });

  it('snapshot/restore replays the same step', () => {
    const a = new TorchAdam(2, { lr: 0.05 });
    a.step([0, 0], [1, 2]);
    const s = a.snapshot();
    const x = a.step([1, 1], [0.3, -0.2]);
    a.restore(s);
    expect(Array.from(a.step([1, 1], [0.3, -0.2]))).toEqual(Array.from(x));
  });

  it('rejects a size mismatch', () => {
    expect(() => new TorchAdam(2, { lr: 1 }).step([1], [1])).toThrow(/expected 2/);
  });
});

describe('seeded rng', () => {
  it('is reproducible and roughly standard normal', () => {
    const a = normalSource(mulberry32(3));
    const b = normalSource(mulberry32(3));
    const xs = Array.from({ length: 20000 }, () => a());
    expect(xs.slice(0, 5)).toEqual(Array.from({ length: 5 }, () => b()));
    const mean = xs.reduce((s, v) => s + v, 0) / xs.length;
    const vr = xs.reduce((s, v) => s + (v - mean) ** 2, 0) / xs.length;
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(vr - 1)).toBeLessThan(0.05);
  });

  it('shuffles into a permutation', () => {
    const a = Int32Array.from({ length: 100 }, (_, i) => i);
    shuffleInPlace(a, mulberry32(1));
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect([...a]).not.toEqual(Array.from({ length: 100 }, (_, i) => i));
  });
});
