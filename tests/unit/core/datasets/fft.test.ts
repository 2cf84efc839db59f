// Radix-2 FFT vs the naive DFT, 2-D transform, inverse round trip.
import { describe, expect, it } from 'vitest';
import {
  createRng,
  fft2InPlace,
  fftFreqIndex,
  fftInPlace,
  isPowerOfTwo,
} from '../../../../src/core/index.ts';
import { TOL_PREDICT } from '../../tolerances.ts';

function naiveDft(re: Float64Array, im: Float64Array, sign = -1): [Float64Array, Float64Array] {
  const n = re.length;
  const or = new Float64Array(n);
  const oi = new Float64Array(n);
  for (let k = 0; k < n; k++)
    for (let t = 0; t < n; t++) {
      const a = (sign * 2 * Math.PI * ((k * t) % n)) / n;
      or[k] += re[t] * Math.cos(a) - im[t] * Math.sin(a);
      oi[k] += re[t] * Math.sin(a) + im[t] * Math.cos(a);
    }
  return [or, oi];
}

const maxDiff = (a: ArrayLike<number>, b: ArrayLike<number>): number => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};

describe('fftInPlace', () => {
  for (const n of [1, 2, 4, 8, 16, 64, 256]) {
    it(`matches the naive DFT for N=${n}`, () => {
      const rng = createRng(n);
      const re = rng.normals(n);
      const im = rng.normals(n);
      const [er, ei] = naiveDft(re, im);
      fftInPlace(re, im);
      expect(maxDiff(re, er)).toBeLessThan(TOL_PREDICT.fft);
      expect(maxDiff(im, ei)).toBeLessThan(TOL_PREDICT.fft);
    });
  }

  it('inverse undoes forward and equals the conjugate-sign DFT over N', () => {
    const rng = createRng(2);
    const re = rng.normals(32);
    const im = rng.normals(32);
    const [er, ei] = naiveDft(re, im, 1);
    const r2 = re.slice();
    const i2 = im.slice();
    fftInPlace(r2, i2, true);
    expect(
      maxDiff(
        r2,
        er.map((v) => v / 32),
      ),
    ).toBeLessThan(TOL_PREDICT.fft);
    expect(
      maxDiff(
        i2,
        ei.map((v) => v / 32),
      ),
    ).toBeLessThan(TOL_PREDICT.fft);
    fftInPlace(r2, i2);
    expect(maxDiff(r2, re)).toBeLessThan(TOL_PREDICT.fft);
    expect(maxDiff(i2, im)).toBeLessThan(TOL_PREDICT.fft);
  });

  it('rejects lengths that are not powers of two', () => {
    expect(() => fftInPlace(new Float64Array(12), new Float64Array(12))).toThrow(
      /fft: length must be a power of two/,
    );
    expect(isPowerOfTwo(64)).toBe(true);
    expect(isPowerOfTwo(48)).toBe(false);
    expect([0, 1, 3, 4, 7].map((k) => fftFreqIndex(k, 8))).toEqual([0, 1, 3, -4, -1]);
  });
});

describe('fft2InPlace', () => {
  it('matches the naive 2-D DFT on an 8×16 array', () => {
    const rows = 8;
    const cols = 16;
    const rng = createRng(5);
    const re = rng.normals(rows * cols);
    const im = new Float64Array(rows * cols);
    const er = new Float64Array(rows * cols);
    const ei = new Float64Array(rows * cols);
    for (let u = 0; u < rows; u++)
      for (let v = 0; v < cols; v++)
        for (let r = 0; r < rows; r++)
          for (let c = 0; c < cols; c++) {
            const a = -2 * Math.PI * ((u * r) / rows + (v * c) / cols);
            er[u * cols + v] += re[r * cols + c] * Math.cos(a);
            ei[u * cols + v] += re[r * cols + c] * Math.sin(a);
          }
    fft2InPlace(re, im, rows, cols);
    expect(maxDiff(re, er)).toBeLessThan(TOL_PREDICT.fft);
    expect(maxDiff(im, ei)).toBeLessThan(TOL_PREDICT.fft);
  });
});
