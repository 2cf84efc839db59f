// Peak-count histograms, the χ² classifier, and Ω_m recovery on generated mass maps.
import { describe, expect, it } from 'vitest';
import {
  baselineFilter,
  fitPeakCount,
  getWavelet,
  histogram,
  linspace,
  maxEnergyWindow,
  massMaps,
  peakCountFeatures,
  predictPeakCount,
  rmse,
  waveletFilters,
} from '../../../../src/core/index.ts';

describe('histogram / linspace', () => {
  it('follows numpy.histogram: half-open bins, last bin closed, outside values dropped', () => {
    const edges = [0, 1, 2, 3];
    expect(Array.from(histogram([-0.1, 0, 0.5, 1, 1.999, 2, 3, 3.01], edges))).toEqual([2, 2, 2]);
    expect(Array.from(linspace(-0.03, 0.19, 23)).length).toBe(23);
    expect(linspace(-0.03, 0.19, 23)[22]).toBe(0.19);
    expect(linspace(0, 1, 5)[1]).toBe(0.25);
    expect(() => histogram([1], [0, 0])).toThrow(/histogram/);
  });
});

describe('peakCountFeatures', () => {
  it('histograms the filtered map at the raw map’s peaks, one block per filter', () => {
    // One interior peak (value 5) in a 4×4 map; raw height 5 lands in bin [4, 6).
    const m = new Float64Array(16);
    m[5] = 5;
    const f = peakCountFeatures(
      m,
      1,
      4,
      4,
      [baselineFilter('raw'), baselineFilter('laplace_v2')],
      [0, 2, 4, 6, 30],
    );
    // Laplace v2 at the peak: 4·5 = 20 → bin [6, 30].
    expect(Array.from(f)).toEqual([0, 0, 1, 0, 0, 0, 0, 1]);
  });
});

describe('waveletFilters', () => {
  it('gives four filters; the 3×3 LL filter at a pixel is the LL kernel correlated there', () => {
    const h0 = getWavelet('db5').recLo;
    const m = Float64Array.from({ length: 25 }, (_, i) => Math.sin(i));
    const fs = waveletFilters(h0);
    expect(fs.length).toBe(4);
    expect(waveletFilters(h0, 'full', 'periodic').length).toBe(4);
    const f = fs[0](m, 5, 5);
    // the LL kernel is separable: Σ_ij h_s[i] h_s[j] m[1+i][1+j] at (2, 2), h_s = db5 rec_lo taps
    // 0..2 (window 0 edges out window 1 by ≈ 4e-4 in mean-removed energy)
    expect(maxEnergyWindow(h0)).toBe(0);
    let s = 0;
    const hs = [h0[0], h0[1], h0[2]];
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) s += hs[i] * hs[j] * m[(1 + i) * 5 + 1 + j];
    expect(f[12]).toBeCloseTo(s, 14);
  });
});

describe('fitPeakCount / predictPeakCount', () => {
  it('computes χ² = dᵀ Σ⁺ d per class and picks the minimum', () => {
    // Two classes of 2-D features with distinct means; class covariances by hand.
    const X = [0, 0, 2, 0, 0, 2, 2, 2, /* class 7 */ 10, 10, 12, 10, 10, 12, 12, 12];
    const labels = [3, 3, 3, 3, 7, 7, 7, 7];
    const y = [0.2, 0.2, 0.2, 0.2, 0.4, 0.4, 0.4, 0.4];
    const model = fitPeakCount(Float64Array.from(X), 8, 2, labels, y);
    expect(Array.from(model.labels)).toEqual([3, 7]);
    expect(Array.from(model.means[1])).toEqual([11, 11]);
    // cov = (4/3)·I, so Σ⁺ = 0.75·I
    expect(model.invCovs[0][0]).toBeCloseTo(0.75, 12);
    const p = predictPeakCount(model, Float64Array.from([1, 2, 9, 9]), 2);
    expect(p.chi2[0]).toBeCloseTo(0.75 * (0 + 1), 12);
    expect(p.chi2[1]).toBeCloseTo(0.75 * (100 + 81), 12);
    expect(Array.from(p.label)).toEqual([3, 7]);
    expect(Array.from(p.prediction)).toEqual([0.2, 0.4]);
    expect(() => fitPeakCount(Float64Array.from([0, 0]), 1, 2, [1], [0])).toThrow(/fitPeakCount: class 1/);
  });

  it('recovers Ω_m from raw peak counts on mass maps better than predicting the mean', () => {
    const size = 64;
    const R = 30;
    const d = massMaps({ size, realisations: R, seed: 3 });
    const px = size * size;
    const tr: number[] = [];
    const te: number[] = [];
    for (let i = 0; i < d.shape[0]; i++) (i % R < 20 ? tr : te).push(i);
    const take = (idx: number[]): Float64Array => {
      const o = new Float64Array(idx.length * px);
      idx.forEach((i, r) => o.set(d.x.subarray(i * px, (i + 1) * px), r * px));
      return o;
    };
    const edges = linspace(-0.03, 0.19, 23); // awave's bins
    const filters = [baselineFilter('raw')];
    const Ftr = peakCountFeatures(take(tr), tr.length, size, size, filters, edges);
    const model = fitPeakCount(
      Ftr,
      tr.length,
      22,
      tr.map((i) => d.cosmology[i]),
      tr.map((i) => d.y[i]),
    );
    const pred = predictPeakCount(
      model,
      peakCountFeatures(take(te), te.length, size, size, filters, edges),
      te.length,
    );
    const yte = te.map((i) => d.y[i]);
    const mean = tr.reduce((a, i) => a + d.y[i], 0) / tr.length;
    const chi2Rmse = rmse(yte, pred.prediction);
    const meanRmse = rmse(
      yte,
      yte.map(() => mean),
    );
    // Seeded: χ² gives ≈ 0.032 vs ≈ 0.071 for the mean; require a clear margin.
    expect(chi2Rmse).toBeLessThan(0.6 * meanRmse);
    let hits = 0;
    pred.label.forEach((l, k) => (hits += l === d.cosmology[te[k]] ? 1 : 0));
    expect(hits / te.length).toBeGreaterThan(3 / 15); // chance is 1/15
  });
});
