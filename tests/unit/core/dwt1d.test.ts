// pywt.wavedec / pywt.waverec / pywt.dwt_max_level reference cases (shared/reference/dwt1d.json).
import { describe, expect, it } from 'vitest';
import { dwt, dwtMaxLevel, idwt, wavedec, waverec } from '../../../src/core/index.ts';
import type { Mode } from '../../../src/core/index.ts';
import { loadReference } from '../reference.ts';
import { TOL } from '../tolerances.ts';
import { maxAbsDiff } from './dwtTestUtils.ts';

interface Case {
  wavelet: string;
  mode: Mode;
  level: number;
  max_level: number;
  x: number[];
  coeffs: number[][];
  recon: number[];
}

const cases = loadReference<Case[]>('dwt1d.json');

describe('1-D multilevel vs pywt 1.1.1 (dwt1d.json)', () => {
  it('covers the reference grid', () => {
    expect(cases.length).toBe(75);
  });

  for (const c of cases) {
    const tag = `${c.wavelet} ${c.mode} level ${c.level} N=${c.x.length}`;
    it(tag, () => {
      const coeffs = wavedec(c.x, c.wavelet, c.mode, c.level);
      expect(
        coeffs.map((b) => b.length),
        `${tag}: band lengths`,
      ).toEqual(c.coeffs.map((b) => b.length));
      coeffs.forEach((band, i) => {
        expect(maxAbsDiff(band, c.coeffs[i]!), `${tag}: coeffs[${i}] max abs`).toBeLessThanOrEqual(TOL.pywt);
      });
      const rec = waverec(coeffs, c.wavelet, c.mode);
      expect(rec.length, `${tag}: recon length (pywt: len+1 for odd)`).toBe(c.recon.length);
      expect(maxAbsDiff(rec, c.recon), `${tag}: recon max abs`).toBeLessThanOrEqual(TOL.pywt);
      // reconstruct from the reference coefficients too, so waverec is checked independently of wavedec
      expect(
        maxAbsDiff(waverec(c.coeffs, c.wavelet, c.mode), c.recon),
        `${tag}: waverec(ref)`,
      ).toBeLessThanOrEqual(TOL.pywt);
      expect(dwtMaxLevel(c.x.length, c.wavelet), `${tag}: max_level`).toBe(c.max_level);
    });
  }

  it('default level is dwtMaxLevel and level 0 returns a copy of x', () => {
    const c = cases.find((k) => k.level === k.max_level)!;
    expect(wavedec(c.x, c.wavelet, c.mode).length).toBe(c.max_level + 1);
    const x = Float64Array.from(c.x);
    const [a0, ...rest] = wavedec(x, c.wavelet, c.mode, 0);
    expect(rest).toEqual([]);
    expect(a0).not.toBe(x);
    expect(Array.from(a0!)).toEqual(c.x);
  });

  it('dwt/idwt single level equal wavedec level 1 and waverec', () => {
    for (const c of cases.filter((k) => k.x.length === 37)) {
      const tag = `${c.wavelet} ${c.mode}`;
      const { cA, cD } = dwt(c.x, c.wavelet, c.mode);
      const [a1, d1] = wavedec(c.x, c.wavelet, c.mode, 1);
      expect(maxAbsDiff(cA, a1!), tag).toBe(0);
      expect(maxAbsDiff(cD, d1!), tag).toBe(0);
      expect(maxAbsDiff(idwt(cA, cD, c.wavelet, c.mode), waverec([a1!, d1!], c.wavelet, c.mode)), tag).toBe(
        0,
      );
    }
  });
});
