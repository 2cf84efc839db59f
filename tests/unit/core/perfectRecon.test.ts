// idwt(dwt(x)) = x for every built-in wavelet × every mode × many lengths (including signals shorter
// than the filter, where pywt's extensions wrap or reflect repeatedly), and pywt's own
// test_perfect_reconstruction grid.
import { describe, expect, it } from 'vitest';
import { MODES, dwt, idwt, wavedec, waveletNames, waverec } from '../../../src/core/index.ts';
import type { Mode } from '../../../src/core/index.ts';
import { TOL } from '../tolerances.ts';
import { randomSignal, seededUniform } from './dwtTestUtils.ts';

/** Max |x − idwt(dwt(x))[:N]|; also checks pywt's output length (N, or N + 1 for odd N). */
function reconError(x: Float64Array, w: string, mode: Mode): number {
  const { cA, cD } = dwt(x, w, mode);
  const rec = idwt(cA, cD, w, mode);
  if (rec.length !== x.length + (x.length % 2)) return Infinity;
  let e = 0;
  for (let i = 0; i < x.length; i++) e = Math.max(e, Math.abs(rec[i]! - x[i]!));
  return e;
}

const LENGTHS = [...Array.from({ length: 64 }, (_, i) => i + 1), 127, 255, 1000];

describe('perfect reconstruction, single level', () => {
  for (const mode of MODES) {
    it(`${mode}: ${waveletNames().length} wavelets × lengths 1..64, 127, 255, 1000`, () => {
      const rnd = seededUniform(7);
      const failures: string[] = [];
      let worst = 0;
      let checked = 0;
      for (const w of waveletNames()) {
        for (const n of LENGTHS) {
          const x = randomSignal(rnd, n);
          if (n === 1 && (mode === 'reflect' || mode === 'antireflect')) {
            // pywt: "Input data length must be greater than 1 for [anti]reflect mode."
            expect(() => dwt(x, w, mode), `${w} ${mode} N=1`).toThrow(/length 1/);
            continue;
          }
          const e = reconError(x, w, mode);
          worst = Math.max(worst, e);
          checked++;
          if (!(e <= TOL.perfectRecon)) failures.push(`${w} ${mode} N=${n}: ${e}`);
        }
      }
      const skipped = mode === 'reflect' || mode === 'antireflect' ? 1 : 0;
      expect(checked).toBe(waveletNames().length * (LENGTHS.length - skipped));
      expect(failures, `worst ${worst}`).toEqual([]);
    });
  }
});

describe("pywt's test_perfect_reconstruction grid (db, sym, coif × its six modes)", () => {
  // pywt: data_size = range(2, 40) + [100, 200, 500, 1000, 2000, 10000, 50000, 100000], float64 RMS < 5e-11.
  // The longest sizes run for one wavelet per family to keep the suite to seconds.
  const modes: Mode[] = ['zero', 'constant', 'symmetric', 'periodic', 'smooth', 'periodization'];
  const short = [...Array.from({ length: 38 }, (_, i) => i + 2), 100, 200, 500, 1000, 2000];
  it('every wavelet, sizes 2..39 and 100..2000', () => {
    const rnd = seededUniform(12345);
    const failures: string[] = [];
    for (const w of waveletNames())
      for (const mode of modes)
        for (const n of short) {
          const e = reconError(Float64Array.from({ length: n }, rnd), w, mode);
          if (!(e <= TOL.perfectRecon)) failures.push(`${w} ${mode} N=${n}: ${e}`);
        }
    expect(failures).toEqual([]);
  });
  it('haar, db10, sym8, coif5: sizes 10000, 50000, 100000', () => {
    const rnd = seededUniform(54321);
    const failures: string[] = [];
    for (const w of ['haar', 'db10', 'sym8', 'coif5'])
      for (const mode of modes)
        for (const n of [10000, 50000, 100000]) {
          const e = reconError(Float64Array.from({ length: n }, rnd), w, mode);
          if (!(e <= TOL.perfectRecon)) failures.push(`${w} ${mode} N=${n}: ${e}`);
        }
    expect(failures).toEqual([]);
  });
});

describe('perfect reconstruction, multilevel (levels above dwtMaxLevel included)', () => {
  it('wavedec → waverec for every mode, levels 0..6, odd and even lengths', () => {
    const rnd = seededUniform(99);
    const failures: string[] = [];
    let worst = 0;
    for (const mode of MODES)
      for (const w of ['haar', 'db2', 'db7', 'sym5', 'coif2', 'db38'])
        for (const n of [2, 3, 5, 17, 64, 101])
          for (let level = 0; level <= 6; level++) {
            const x = randomSignal(rnd, n);
            let coeffs: Float64Array[];
            try {
              coeffs = wavedec(x, w, mode, level);
            } catch (e) {
              // only [anti]reflect may refuse, and only when some level's input has one sample
              if (!/length 1/.test(String(e)) || !(mode === 'reflect' || mode === 'antireflect')) throw e;
              continue;
            }
            const rec = waverec(coeffs, w, mode);
            let e = 0;
            for (let i = 0; i < n; i++) e = Math.max(e, Math.abs(rec[i]! - x[i]!));
            // relative to the coefficients' scale: smooth extension grows linearly each level
            worst = Math.max(worst, e / Math.max(1, maxAbs(coeffs)));
            if (!(e <= TOL.perfectRecon * Math.max(1, maxAbs(coeffs))))
              failures.push(`${w} ${mode} N=${n} level ${level}: ${e}`);
          }
    expect(failures, `worst relative ${worst}`).toEqual([]);
  });
});

function maxAbs(bands: Float64Array[]): number {
  let m = 0;
  for (const b of bands) for (const v of b) m = Math.max(m, Math.abs(v));
  return m;
}
