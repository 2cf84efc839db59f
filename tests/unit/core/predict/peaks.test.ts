// Peaks, same-size correlation, Roberts cross and the kernels, on hand-made maps.
import { describe, expect, it } from 'vitest';
import {
  correlate2d,
  createRng,
  findPeaks,
  getWavelet,
  laplaceV1,
  laplaceV2,
  maxEnergyWindow,
  robertsCross,
  waveletKernels3x3,
  waveletKernelsFull,
} from '../../../../src/core/index.ts';
import { TOL } from '../../tolerances.ts';

describe('findPeaks', () => {
  it('finds strict 8-neighbour maxima, ignores plateaus and borders', () => {
    // prettier-ignore
    const m = [
      0, 0, 0, 0, 0, 9,
      0, 5, 0, 0, 0, 0,
      0, 0, 0, 3, 3, 0,
      0, 0, 0, 0, 0, 0,
      0, 0, 0, 0, 4, 7,
    ];
    // (1,1)=5 is a peak; (0,5)=9 and (4,5)=7 are on the border; the 3,3 plateau is not strict;
    // (4,4)=4 is on the border row.
    expect(Array.from(findPeaks(m, 5, 6))).toEqual([7]);
    // A diagonal neighbour that ties kills the peak.
    expect(Array.from(findPeaks([0, 0, 0, 0, 2, 0, 0, 0, 2], 3, 3))).toEqual([]);
    expect(Array.from(findPeaks([0, 0, 0, 0, 2, 0, 0, 0, 1.999], 3, 3))).toEqual([4]);
  });
});

describe('correlate2d / robertsCross', () => {
  it('3×3 interior values equal an unpadded correlation (torch conv2d)', () => {
    const rows = 7;
    const cols = 9;
    const x = createRng(1).normals(rows * cols);
    const k = { rows: 3, cols: 3, data: createRng(2).normals(9) };
    for (const boundary of ['zero', 'periodic'] as const) {
      const out = correlate2d(x, rows, cols, k, boundary);
      for (let r = 1; r < rows - 1; r++)
        for (let c = 1; c < cols - 1; c++) {
          let s = 0;
          for (let i = 0; i < 3; i++)
            for (let j = 0; j < 3; j++) s += k.data[i * 3 + j] * x[(r - 1 + i) * cols + c - 1 + j];
          expect(Math.abs(out[r * cols + c] - s)).toBeLessThan(TOL.invariants);
        }
    }
  });

  it('a delta returns the flipped kernel; periodic wraps, zero drops', () => {
    const x = new Float64Array(16);
    x[0] = 1; // delta at (0, 0)
    const k = { rows: 3, cols: 3, data: Float64Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9]) };
    const z = correlate2d(x, 4, 4, k, 'zero');
    const p = correlate2d(x, 4, 4, k, 'periodic');
    // out[r][c] = k[0 − r + 1][0 − c + 1]
    expect(z[0]).toBe(5);
    expect(z[1]).toBe(4);
    expect(z[4]).toBe(2);
    expect(z[5]).toBe(1);
    expect(z[3]).toBe(0);
    expect(p[3]).toBe(6); // column −1 wraps to 3: k[1][2]
    expect(p[15]).toBe(9); // (3, 3) ≡ (−1, −1): k[2][2]
  });

  it('Roberts cross sums the four 2×2 gradient magnitudes around a pixel', () => {
    // prettier-ignore
    const x = [
      0, 0, 0,
      0, 1, 0,
      0, 0, 0,
    ];
    // every 2×2 block holds the 1 in one corner: magnitude 1 each
    expect(robertsCross(x, 3, 3)[4]).toBeCloseTo(4, 14);
    expect(robertsCross(x, 3, 3)[0]).toBe(0);
  });
});

describe('kernels (awave extract_patches / get_2dfilts)', () => {
  it('windows: awave never considers the last 3-tap window', () => {
    expect(maxEnergyWindow([0, 0, 0, 0, 5, 5])).toBe(2);
    expect(maxEnergyWindow([0.1, 0.2, 0.9, 0.4, 0.1, 0.05])).toBe(2);
  });

  it('3×3 kernels match a hand computation (orientation and centering)', () => {
    const h0 = [0.1, 0.2, 0.9, 0.4, 0.1, 0.05];
    // h_s = [0.9, 0.4, 0.1]; g = [0.05, −0.1, 0.4, −0.9, 0.2, −0.1], g_s = [0.4, −0.9, 0.2]
    const k = waveletKernels3x3(h0);
    const ll = [0.81, 0.36, 0.09, 0.36, 0.16, 0.04, 0.09, 0.04, 0.01];
    for (let i = 0; i < 9; i++) expect(Math.abs(k.ll.data[i] - ll[i])).toBeLessThan(1e-15);
    // lh[0][1] = g_s[0]·h_s[1] − mean = 0.16 − (−0.1)(1.4/3)
    expect(k.lh.data[1]).toBeCloseTo(0.16 + 0.1 * (1.4 / 3), 14);
    // hl[0][1] = h_s[0]·g_s[1] − mean = −0.81 + 0.1·(1.4/3)
    expect(k.hl.data[1]).toBeCloseTo(-0.81 + 0.1 * (1.4 / 3), 14);
    // hh[1][1] = 0.81 − (−0.1)² ; centred kernels sum to 0
    expect(k.hh.data[4]).toBeCloseTo(0.81 - 0.01, 14);
    for (const kk of [k.lh, k.hl, k.hh])
      expect(Math.abs(kk.data.reduce((a, b) => a + b, 0))).toBeLessThan(1e-14);
    const raw = waveletKernels3x3(h0, false);
    expect(raw.lh.data[1]).toBeCloseTo(0.16, 15);
  });

  it('full kernels are the K×K outer products; LL sums to (Σh0)² = 2 for db5', () => {
    const h0 = getWavelet('db5').recLo;
    const k = waveletKernelsFull(h0);
    expect(k.ll.rows).toBe(10);
    expect(Math.abs(k.ll.data.reduce((a, b) => a + b, 0) - 2)).toBeLessThan(TOL.invariants);
    expect(Math.abs(k.hh.data.reduce((a, b) => a + b, 0))).toBeLessThan(TOL.invariants);
    // lh[i][j] = g[i]·h0[j] with g[0] = h0[9]
    expect(k.lh.data[3]).toBeCloseTo(h0[9] * h0[3], 15);
    expect(waveletKernels3x3([Math.SQRT1_2, Math.SQRT1_2]).ll.rows).toBe(3); // haar: padded to 4 taps
  });

  it('Laplace kernels are awave’s', () => {
    expect(laplaceV1().data[4]).toBeCloseTo(10 / 3, 15);
    expect(laplaceV1().data.reduce((a, b) => a + b, 0)).toBeCloseTo(0, 14);
    expect(Array.from(laplaceV2().data)).toEqual([0, -1, 0, -1, 4, -1, 0, -1, 0]);
  });
});
