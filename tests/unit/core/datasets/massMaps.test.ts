// Mass maps: the Gaussian field realises the requested spectrum; lognormal maps have the stated moments.
import { describe, expect, it } from 'vitest';
import {
  createRng,
  fft2InPlace,
  gaussianRandomField,
  gaussianSigma,
  lognormalShift,
  massMapSpectrum,
  massMaps,
} from '../../../../src/core/index.ts';
import { TOL_PREDICT } from '../../tolerances.ts';

describe('gaussianRandomField', () => {
  it('binned |DFT(g)|²/size² matches the requested P within 5 standard errors per radial bin', () => {
    // Per mode, |DFT(g)_k|²/(size²·P_k) is Exp(1) (χ²₂/2); modes k and −k are identical, so a bin
    // holding m modes over R maps has about m·R/2 independent draws and a mean with sd ≈ √(2/(m·R)).
    const size = 64;
    const R = 12;
    const c = { omegaM: 0.3, sigma8: 0.8 };
    const P = massMapSpectrum(size, c);
    const nb = 32;
    const sum = new Float64Array(nb);
    const cnt = new Float64Array(nb);
    const rng = createRng(21);
    let variance = 0;
    for (let r = 0; r < R; r++) {
      const g = gaussianRandomField(size, P, rng);
      for (const v of g) variance += v * v;
      const im = new Float64Array(size * size);
      const re = g.slice();
      fft2InPlace(re, im, size, size);
      for (let u = 0; u < size; u++)
        for (let v = 0; v < size; v++) {
          const k = u * size + v;
          const ku = u < size / 2 ? u : u - size;
          const kv = v < size / 2 ? v : v - size;
          const b = Math.round(Math.hypot(ku, kv));
          if (b < 1 || b >= nb) continue;
          sum[b] += (re[k] ** 2 + im[k] ** 2) / (size * size) / P[k];
          cnt[b]++;
        }
    }
    let worst = 0;
    for (let b = 1; b < nb; b++) {
      const z = (sum[b] / cnt[b] - 1) / Math.sqrt(2 / cnt[b]);
      worst = Math.max(worst, Math.abs(z));
    }
    expect(worst).toBeLessThan(TOL_PREDICT.zScore);
    // The field's per-pixel variance is σ_g² by construction (relative sd of the estimate ≲ 3%).
    expect(variance / (R * size * size) / gaussianSigma(c) ** 2).toBeGreaterThan(0.85);
    expect(variance / (R * size * size) / gaussianSigma(c) ** 2).toBeLessThan(1.15);
  });

  it('the spectrum is normalised to σ_g² and zero at k = 0', () => {
    for (const size of [64, 128]) {
      const c = { omegaM: 0.25, sigma8: 0.9 };
      const P = massMapSpectrum(size, c);
      let s = 0;
      for (const v of P) s += v;
      expect(P[0]).toBe(0);
      expect(s / (size * size)).toBeCloseTo(gaussianSigma(c) ** 2, 12);
    }
  });
});

describe('massMaps', () => {
  it('grid × realisations, shapes, labels and determinism', () => {
    const d = massMaps({ size: 16, omegaM: [0.2, 0.4], sigma8: [0.8], realisations: 3, seed: 2 });
    expect(d.shape).toEqual([6, 16, 16]);
    expect(Array.from(d.cosmology)).toEqual([0, 0, 0, 1, 1, 1]);
    expect(Array.from(d.y)).toEqual([0.2, 0.2, 0.2, 0.4, 0.4, 0.4]);
    expect(Array.from(d.params.subarray(6, 8))).toEqual([0.4, 0.8]);
    const again = massMaps({ size: 16, omegaM: [0.2, 0.4], sigma8: [0.8], realisations: 3, seed: 2 });
    expect(Array.from(again.x)).toEqual(Array.from(d.x));
    const other = massMaps({ size: 16, omegaM: [0.2, 0.4], sigma8: [0.8], realisations: 3, seed: 3 });
    expect(Array.from(other.x)).not.toEqual(Array.from(d.x));
    expect(() => massMaps({ size: 48 })).toThrow(/massMaps: size/);
  });

  it('lognormal maps: κ > −λ, mean ≈ 0, variance λ²(e^{σ_g²} − 1), positive skew', () => {
    const size = 64;
    const R = 8;
    const c = { omegaM: 0.35, sigma8: 0.9 };
    const d = massMaps({ size, omegaM: [c.omegaM], sigma8: [c.sigma8], realisations: R, seed: 5 });
    const lam = lognormalShift(c);
    const s2 = gaussianSigma(c) ** 2;
    let m = 0;
    let min = Infinity;
    for (const v of d.x) {
      m += v;
      min = Math.min(min, v);
    }
    m /= d.x.length;
    let v2 = 0;
    let v3 = 0;
    for (const v of d.x) {
      v2 += (v - m) ** 2;
      v3 += (v - m) ** 3;
    }
    v2 /= d.x.length;
    v3 /= d.x.length;
    expect(min).toBeGreaterThan(-lam);
    const expectedVar = lam * lam * (Math.exp(s2) - 1);
    // Pixels are correlated, so these are loose sanity bands, not 5σ tests.
    expect(Math.abs(m)).toBeLessThan(0.1 * Math.sqrt(expectedVar));
    expect(v2 / expectedVar).toBeGreaterThan(0.8);
    expect(v2 / expectedVar).toBeLessThan(1.2);
    expect(v3 / v2 ** 1.5).toBeGreaterThan(0.5 * (Math.exp(s2) + 2) * Math.sqrt(Math.exp(s2) - 1));
  });
});
