// The nine extension modes sample by sample, including signals much shorter than the filter (pywt then
// wraps or reflects repeatedly). A bank whose dec_lo is the unit vector e_j makes cA[o] the extended
// sample at i0 + 2o − j, so running every j reads the whole extension back through the public dwt.
// Expected sequences were printed by PyWavelets (pywt.dwt with the same unit filter banks, K = 16;
// shared/reference has no case for antisymmetric/antireflect or for such short signals).
import { describe, expect, it } from 'vitest';
import { MODES, dwt, dwtCoeffLen, isMode, waveletFromBank } from '../../../src/core/index.ts';
import type { Mode } from '../../../src/core/index.ts';

const K = 16;

type Pinned = Partial<Record<Mode, [first: number, samples: number[]]>>;

const X5 = [3, -1, 4, 1, 5];
const PYWT_X5: Pinned = {
  zero: [
    -14,
    [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, -1, 4, 1, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
  ],
  constant: [
    -14,
    [3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3, -1, 4, 1, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5, 5],
  ],
  symmetric: [
    -14,
    [
      1, 4, -1, 3, 3, -1, 4, 1, 5, 5, 1, 4, -1, 3, 3, -1, 4, 1, 5, 5, 1, 4, -1, 3, 3, -1, 4, 1, 5, 5, 1, 4,
      -1, 3,
    ],
  ],
  periodic: [
    -14,
    [
      -1, 4, 1, 5, 3, -1, 4, 1, 5, 3, -1, 4, 1, 5, 3, -1, 4, 1, 5, 3, -1, 4, 1, 5, 3, -1, 4, 1, 5, 3, -1, 4,
      1, 5,
    ],
  ],
  smooth: [
    -14,
    [
      59, 55, 51, 47, 43, 39, 35, 31, 27, 23, 19, 15, 11, 7, 3, -1, 4, 1, 5, 9, 13, 17, 21, 25, 29, 33, 37,
      41, 45, 49, 53, 57, 61, 65,
    ],
  ],
  periodization: [-7, [5, 3, -1, 4, 1, 5, 5, 3, -1, 4, 1, 5, 5, 3, -1, 4, 1, 5, 5, 3]],
  reflect: [
    -14,
    [
      4, 1, 5, 1, 4, -1, 3, -1, 4, 1, 5, 1, 4, -1, 3, -1, 4, 1, 5, 1, 4, -1, 3, -1, 4, 1, 5, 1, 4, -1, 3, -1,
      4, 1,
    ],
  ],
  antisymmetric: [
    -14,
    [
      -1, -4, 1, -3, 3, -1, 4, 1, 5, -5, -1, -4, 1, -3, 3, -1, 4, 1, 5, -5, -1, -4, 1, -3, 3, -1, 4, 1, 5, -5,
      -1, -4, 1, -3,
    ],
  ],
  antireflect: [
    -14,
    [
      -4, -7, -3, 1, -2, 3, -1, -5, 0, -3, 1, 5, 2, 7, 3, -1, 4, 1, 5, 9, 6, 11, 7, 3, 8, 5, 9, 13, 10, 15,
      11, 7, 12, 9,
    ],
  ],
};

const X2 = [2, -3];
const PYWT_X2: Pinned = {
  zero: [-14, [0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, -3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]],
  constant: [
    -14,
    [2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, -3, -3, -3, -3, -3, -3, -3, -3, -3, -3, -3, -3, -3, -3, -3],
  ],
  symmetric: [
    -14,
    [-3, 2, 2, -3, -3, 2, 2, -3, -3, 2, 2, -3, -3, 2, 2, -3, -3, 2, 2, -3, -3, 2, 2, -3, -3, 2, 2, -3, -3, 2],
  ],
  periodic: [
    -14,
    [2, -3, 2, -3, 2, -3, 2, -3, 2, -3, 2, -3, 2, -3, 2, -3, 2, -3, 2, -3, 2, -3, 2, -3, 2, -3, 2, -3, 2, -3],
  ],
  smooth: [
    -14,
    [
      72, 67, 62, 57, 52, 47, 42, 37, 32, 27, 22, 17, 12, 7, 2, -3, -8, -13, -18, -23, -28, -33, -38, -43,
      -48, -53, -58, -63, -68, -73,
    ],
  ],
  periodization: [-7, [-3, 2, -3, 2, -3, 2, -3, 2, -3, 2, -3, 2, -3, 2, -3, 2]],
  reflect: [
    -14,
    [2, -3, 2, -3, 2, -3, 2, -3, 2, -3, 2, -3, 2, -3, 2, -3, 2, -3, 2, -3, 2, -3, 2, -3, 2, -3, 2, -3, 2, -3],
  ],
  antisymmetric: [
    -14,
    [3, -2, 2, -3, 3, -2, 2, -3, 3, -2, 2, -3, 3, -2, 2, -3, 3, -2, 2, -3, 3, -2, 2, -3, 3, -2, 2, -3, 3, -2],
  ],
  antireflect: [
    -14,
    [
      72, 67, 62, 57, 52, 47, 42, 37, 32, 27, 22, 17, 12, 7, 2, -3, -8, -13, -18, -23, -28, -33, -38, -43,
      -48, -53, -58, -63, -68, -73,
    ],
  ],
};

const X1 = [7];
const SEVENS = Array.from({ length: 30 }, () => 7);
const PYWT_X1: Pinned = {
  zero: [-14, SEVENS.map((_, i) => (i === 14 ? 7 : 0))],
  constant: [-14, SEVENS],
  symmetric: [-14, SEVENS],
  periodic: [-14, SEVENS],
  smooth: [-14, SEVENS], // pywt switches smooth to constant below two samples
  periodization: [-7, SEVENS.slice(0, 16)],
  antisymmetric: [-14, SEVENS.map((v, i) => (i % 2 === 0 ? v : -v))],
};

/** The extended samples dwt reads, as {first index, values}, recovered with unit-vector filter banks. */
function readExtension(x: number[], mode: Mode): [number, number[]] {
  const seen = new Map<number, number>();
  const start = mode === 'periodization' ? K / 2 : 1;
  for (let j = 0; j < K; j++) {
    const e = Array.from({ length: K }, (_, k) => (k === j ? 1 : 0));
    const { cA } = dwt(x, waveletFromBank({ decLo: e, decHi: e, recLo: e, recHi: e }), mode);
    cA.forEach((v, o) => seen.set(start + 2 * o - j, v));
  }
  const idx = [...seen.keys()].sort((a, b) => a - b);
  return [idx[0]!, idx.map((i) => seen.get(i)!)];
}

describe('extension modes match pywt sample for sample (unit-filter probe, K = 16)', () => {
  for (const [x, table] of [
    [X5, PYWT_X5],
    [X2, PYWT_X2],
    [X1, PYWT_X1],
  ] as const) {
    for (const mode of MODES) {
      const want = table[mode];
      if (!want) continue; // [anti]reflect on one sample: pywt refuses, tested in validation.test.ts
      it(`${mode}, x = [${x.join(', ')}]`, () => {
        expect(readExtension([...x], mode)).toEqual(want);
      });
    }
  }
  it('the table covers every mode for N = 5 and N = 2', () => {
    expect(Object.keys(PYWT_X5).sort()).toEqual([...MODES].sort());
    expect(Object.keys(PYWT_X2).sort()).toEqual([...MODES].sort());
  });
});

describe('mode names and coefficient lengths', () => {
  it('MODES is pywt.Modes.modes and isMode accepts exactly those', () => {
    expect(MODES).toEqual([
      'zero',
      'constant',
      'symmetric',
      'periodic',
      'smooth',
      'periodization',
      'reflect',
      'antisymmetric',
      'antireflect',
    ]);
    expect(MODES.every(isMode)).toBe(true);
    expect(['per', 'sym', 'Symmetric', '', 'periodisation'].some(isMode)).toBe(false);
  });

  it('dwtCoeffLen: ⌊(N+K−1)/2⌋, ⌈N/2⌉ for periodization, and dwt agrees', () => {
    for (const mode of MODES)
      for (const K of [2, 4, 10, 20])
        for (const N of [1, 2, 3, 7, 8, 33]) {
          const want = mode === 'periodization' ? Math.ceil(N / 2) : Math.floor((N + K - 1) / 2);
          expect(dwtCoeffLen(N, K, mode), `${mode} N=${N} K=${K}`).toBe(want);
          if (N > 1 || !(mode === 'reflect' || mode === 'antireflect')) {
            const e = Array.from({ length: K }, (_, k) => (k === 0 ? 1 : 0));
            const bank = waveletFromBank({ decLo: e, decHi: e, recLo: e, recHi: e });
            expect(dwt(new Float64Array(N), bank, mode).cA.length, `${mode} N=${N} K=${K}`).toBe(want);
          }
        }
  });
});
