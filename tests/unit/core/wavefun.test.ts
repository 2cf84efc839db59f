import { describe, expect, it } from 'vitest';
import { FILTER_TABLE } from '../../../src/core/filters/table.ts';
import { wavefun, wavefunBank, wavefunH0 } from '../../../src/core/wavefun.ts';
import { loadReference } from '../reference.ts';
import { TOL } from '../tolerances.ts';

interface Case {
  wavelet: string;
  level: number;
  phi: number[];
  psi: number[];
  x: number[];
  h0?: number[];
  phi_r?: number[];
  psi_r?: number[];
  filter_bank?: { dec_lo: number[]; dec_hi: number[]; rec_lo: number[]; rec_hi: number[] };
}

const cases = loadReference<Case[]>('wavefun.json');

function maxAbs(got: ArrayLike<number>, want: readonly number[], what: string): number {
  expect(got.length, `${what}: length`).toBe(want.length);
  let m = 0;
  for (let i = 0; i < want.length; i++) m = Math.max(m, Math.abs(got[i]! - want[i]!));
  return m;
}

describe('wavefun vs pywt Wavelet.wavefun (shared/reference/wavefun.json)', () => {
  for (const c of cases.filter((c) => c.wavelet !== 'custom')) {
    it(`${c.wavelet} level ${c.level}: (K−1)·2^L + 1 samples, ≤ TOL.wavefun`, () => {
      const r = wavefun(c.wavelet, c.level);
      const K = FILTER_TABLE[c.wavelet]!.recLo.length;
      expect(r.phi.length).toBe((K - 1) * 2 ** c.level + 1);
      expect(maxAbs(r.phi, c.phi, `${c.wavelet} phi`)).toBeLessThanOrEqual(TOL.wavefun);
      expect(maxAbs(r.psi, c.psi, `${c.wavelet} psi`)).toBeLessThanOrEqual(TOL.wavefun);
      expect(maxAbs(r.x, c.x, `${c.wavelet} x`)).toBe(0);
    });
  }

  const custom = cases.find((c) => c.wavelet === 'custom')!;
  it('custom bank (awave get_wavefun of a noisy db5): pywt 5-tuple, (K−1)·2^L samples', () => {
    const fb = custom.filter_bank!;
    const r = wavefunBank(
      { decLo: fb.dec_lo, decHi: fb.dec_hi, recLo: fb.rec_lo, recHi: fb.rec_hi },
      custom.level,
    );
    expect(r.phiD.length).toBe(9 * 2 ** custom.level);
    expect(maxAbs(r.phiD, custom.phi, 'phi_d')).toBeLessThanOrEqual(TOL.wavefun);
    expect(maxAbs(r.psiD, custom.psi, 'psi_d')).toBeLessThanOrEqual(TOL.wavefun);
    expect(maxAbs(r.phiR, custom.phi_r!, 'phi_r')).toBeLessThanOrEqual(TOL.wavefun);
    expect(maxAbs(r.psiR, custom.psi_r!, 'psi_r')).toBeLessThanOrEqual(TOL.wavefun);
    expect(maxAbs(r.x, custom.x, 'x')).toBe(0);
  });

  it('wavefunH0 builds the same bank from h0 alone (awave get_wavefun returns phi_d, psi_d, x)', () => {
    const r = wavefunH0(custom.h0!, custom.level);
    expect(maxAbs(r.phi, custom.phi, 'phi')).toBeLessThanOrEqual(TOL.wavefun);
    expect(maxAbs(r.psi, custom.psi, 'psi')).toBeLessThanOrEqual(TOL.wavefun);
    expect(wavefunH0(custom.h0!).x.length).toBe(9 * 32); // awave's default level 5
  });
});

describe('wavefun properties', () => {
  it('haar: φ = 1 and ψ = ±1 on [0, 1), with pywt’s 2^L + 2 haar-length grid', () => {
    const r = wavefun('haar', 3);
    const near = (got: Float64Array, want: number[]) =>
      want.forEach((w, i) => expect(got[i]).toBeCloseTo(w, 14));
    near(r.phi, [0, 1, 1, 1, 1, 1, 1, 1, 1, 0]);
    near(r.psi, [0, 1, 1, 1, 1, -1, -1, -1, -1, 0]);
    expect(r.x[1]).toBe(1 / 8);
    expect(r.x[9]).toBe(9 / 8);
  });

  it('the sampled φ integrates to 1 and ψ to 0 (Riemann sum on the x grid) for db/sym/coif', () => {
    for (const name of ['db2', 'db8', 'sym5', 'coif3']) {
      const r = wavefun(name, 8);
      const h = r.x[1]! - r.x[0]!;
      const sum = (a: Float64Array) => a.reduce((s, v) => s + v, 0) * h;
      expect(sum(r.phi), `${name} ∫φ`).toBeCloseTo(1, 10);
      expect(Math.abs(sum(r.psi)), `${name} ∫ψ`).toBeLessThan(1e-10);
    }
  });

  it('accepts a Wavelet-like object and rejects bad levels and odd or non-finite filters by name', () => {
    expect(() => wavefun('db2', 0)).toThrow('wavefun: level must be an integer in [1, 20], got 0');
    expect(() => wavefun('db2', 2.5)).toThrow(/level must be an integer/);
    expect(() => wavefunH0([0.5, 0.5, 0.5])).toThrow(/wavefunBank: decLo must have the common even length/);
    expect(() => wavefunH0([0.5, Number.NaN])).toThrow(/is not finite/);
    const bank = FILTER_TABLE.db3!;
    expect(() => wavefunBank({ ...bank, recHi: bank.recHi.slice(1) })).toThrow(
      /recHi must have the common even length ≥ 2, got 5/,
    );
  });
});
