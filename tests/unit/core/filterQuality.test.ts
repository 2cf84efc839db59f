import { describe, expect, it } from 'vitest';
import { FILTER_TABLE } from '../../../src/core/filters/table.ts';
import {
  cmfPenalty,
  cmfResidual,
  convPenalty,
  doubleShiftResidual,
  freqResponse,
  hsumPenalty,
  l2normPenalty,
  lowToHigh,
  lsumPenalty,
  psiDist,
  validityPenalties,
  waveletDist,
} from '../../../src/core/filterQuality.ts';
import { loadReference } from '../reference.ts';
import { TOL } from '../tolerances.ts';

const NAMES = Object.keys(FILTER_TABLE);
const h0Of = (name: string) => FILTER_TABLE[name]!.recLo;

describe('validity of the built-in orthogonal filters', () => {
  it(`every table filter (${NAMES.length}: haar, db, sym, coif) is ~0 on every quantity`, () => {
    for (const name of NAMES) {
      const h0 = h0Of(name);
      const p = validityPenalties(h0);
      const ctx = `${name} (K=${h0.length})`;
      expect(Math.abs(p.lsum.value), `${ctx} lsum`).toBeLessThan(TOL.invariants);
      expect(Math.abs(p.hsum.value), `${ctx} hsum`).toBeLessThan(TOL.invariants);
      expect(Math.abs(p.l2norm.value), `${ctx} l2norm`).toBeLessThan(TOL.invariants);
      expect(p.cmf.maxAbs, `${ctx} cmf`).toBeLessThan(TOL.invariants);
      expect(p.conv.maxAbs, `${ctx} conv`).toBeLessThan(TOL.invariants);
      expect(cmfResidual(h0).maxAbs, `${ctx} dense cmf`).toBeLessThan(TOL.invariants);
      expect(doubleShiftResidual(h0).maxAbs, `${ctx} double shift`).toBeLessThan(TOL.invariants);
    }
  });

  it('lowToHigh is awave low_to_high and equals pywt rec_hi for the table filters', () => {
    for (const name of ['haar', 'db4', 'sym7', 'coif2'])
      expect(Array.from(lowToHigh(h0Of(name)))).toEqual(FILTER_TABLE[name]!.recHi);
  });
});

describe('closed forms for perturbed filters', () => {
  it('scaled haar c·[1,1]/√2', () => {
    const c = 1.3;
    const h = [c / Math.SQRT2, c / Math.SQRT2];
    expect(lsumPenalty(h).value).toBeCloseTo(Math.SQRT2 * (c - 1), 14);
    expect(hsumPenalty(h).value).toBe(0);
    expect(l2normPenalty(h).value).toBeCloseTo(c * c - 1, 14);
    expect(l2normPenalty(h).penalty).toBeCloseTo(0.5 * (c * c - 1) ** 2, 14);
    // Ĥ_0 = c√2, Ĥ_1 = 0 → residual 2c² − 2.
    expect(cmfPenalty(h).residual[0]).toBeCloseTo(2 * c * c - 2, 14);
    const conv = convPenalty(h);
    expect(Array.from(conv.residual).map((v) => +v.toFixed(12))).toEqual([0, +(c * c - 1).toFixed(12), 0]);
    expect(conv.penalty).toBeCloseTo(0.5 * (c * c - 1) ** 2, 14);
  });

  it('db3 with δ added to h0[0]', () => {
    const base = h0Of('db3');
    const d = 0.01;
    const h = base.map((v, i) => (i === 0 ? v + d : v));
    expect(lsumPenalty(h).value).toBeCloseTo(d, 14);
    expect(lsumPenalty(h).penalty).toBeCloseTo(0.5 * d * d, 16);
    expect(hsumPenalty(h).value).toBeCloseTo(-d, 14); // h0[0] enters g[K−1] with sign (−1)^(K−1)
    expect(l2normPenalty(h).value).toBeCloseTo(2 * d * base[0]! + d * d, 14);
    const ds = doubleShiftResidual(h);
    expect(Array.from(ds.lags)).toEqual([0, 1, 2]);
    expect(ds.residual[0]).toBeCloseTo(2 * d * base[0]! + d * d, 14);
    expect(ds.residual[1]).toBeCloseTo(d * base[2]!, 14);
    expect(ds.residual[2]).toBeCloseTo(d * base[4]!, 14);
    // conv covers the same lags both signs: v at i = K/2 ± k is the double-shift sum at lag 2k.
    const conv = convPenalty(h).residual;
    for (let k = 0; k < 3; k++) {
      expect(conv[3 + k]).toBeCloseTo(ds.residual[k]!, 15);
      expect(conv[3 - k]).toBeCloseTo(ds.residual[k]!, 15);
    }
  });

  it('awave cmf samples the dense CMF residual at ω = 2πk/K', () => {
    const h = h0Of('db4').map((v, i) => v + 0.02 * Math.sin(i + 1));
    const dense = cmfResidual(h, 5); // ω = 0, π/4, π/2, 3π/4, π
    const cmf = cmfPenalty(h).residual;
    for (let k = 0; k < 4; k++) expect(cmf[k]).toBeCloseTo(dense.residual[k]!, 13);
  });
});

describe('awave loss terms (shared/reference/awd_loss.json)', () => {
  const cases = loadReference<{ id: string; h0: number[]; terms: Record<string, number> }[]>('awd_loss.json');
  for (const c of cases) {
    it(`${c.id}: lsum, hsum, l2norm, cmf, conv within rel TOL.validityF64Rel`, () => {
      const p = validityPenalties(c.h0);
      const got: Record<string, number> = {
        lsum: p.lsum.penalty,
        hsum: p.hsum.penalty,
        l2norm: p.l2norm.penalty,
        cmf: p.cmf.penalty,
        conv: p.conv.penalty,
      };
      for (const [k, v] of Object.entries(got)) {
        const want = c.terms[k]!;
        expect(
          Math.abs(v - want) / Math.abs(want),
          `${c.id} ${k}: got ${v}, want ${want}`,
        ).toBeLessThanOrEqual(TOL.validityF64Rel);
      }
    });
  }
});

describe('freqResponse', () => {
  it('haar: |H(ω)| = √2·cos(ω/2) on [0, π], ends included', () => {
    const { omega, mag } = freqResponse(h0Of('haar'), 9);
    expect(omega[0]).toBe(0);
    expect(omega[8]).toBe(Math.PI);
    omega.forEach((w, i) => expect(mag[i]).toBeCloseTo(Math.SQRT2 * Math.cos(w / 2), 14));
  });

  it('db filters pass DC with gain √2 and vanish at π; default 512 points', () => {
    const r = freqResponse(h0Of('db6'));
    expect(r.omega.length).toBe(512);
    expect(r.mag[0]).toBeCloseTo(Math.SQRT2, 12);
    expect(r.mag[511]).toBeLessThan(1e-10);
    expect(() => freqResponse([1], 1)).toThrow('freqResponse: nPoints must be an integer ≥ 2, got 1');
  });
});

describe('psiDist / waveletDist (awave dist)', () => {
  it('is invariant to circular shifts, flips and zero padding', () => {
    const a = [0.1, -0.4, 0.9, 0.3, -0.2];
    const roll = (v: number[], s: number) => v.map((_, j) => v[(j - s + v.length) % v.length]!);
    expect(psiDist(a, a)).toBe(0);
    expect(psiDist(roll(a, 2), a)).toBe(0);
    expect(psiDist([...a].reverse(), a)).toBe(0);
    expect(psiDist(a, [...a, 0, 0])).toBe(0);
  });

  it('takes the smallest L2 over shifts and flips (hand-checked values)', () => {
    expect(psiDist([1, 0, 0], [0, 0, 2])).toBe(1);
    expect(psiDist([1, 2], [3, 5])).toBeCloseTo(Math.sqrt(13), 15);
  });

  it('matches awave dist on level-5 ψ (values from an independent numpy run of awave.utils.dist)', () => {
    const noisy = loadReference<{ wavelet: string; h0?: number[] }[]>('wavefun.json').find(
      (c) => c.wavelet === 'custom',
    )!.h0!;
    const want: [ArrayLike<number>, ArrayLike<number>, number][] = [
      [h0Of('db5'), noisy, 2.0349108394382704],
      [h0Of('db2'), h0Of('db5'), 2.795479606861399],
      [h0Of('sym4'), h0Of('db4'), 3.698750937677532],
    ];
    for (const [a, b, d] of want) expect(waveletDist(a, b)).toBeCloseTo(d, 12);
    expect(waveletDist(h0Of('db3'), h0Of('db3'))).toBe(0);
  });
});
