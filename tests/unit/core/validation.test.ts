// API-edge errors: each names the function and the offending value.
import { describe, expect, it } from 'vitest';
import {
  dwt,
  dwt2,
  fromRows,
  idwt2,
  toRows,
  wavedec2,
  waverec2,
  dwtCoeffLen,
  dwtMaxLevel,
  getWavelet,
  idwt,
  waveletFromBank,
  waveletFromH0,
  wavedec,
  waverec,
} from '../../../src/core/index.ts';
import type { Mode } from '../../../src/core/index.ts';

const bad = (s: string): Mode => s as Mode;

describe('validation errors name the function and the value', () => {
  it('unknown wavelet', () => {
    expect(() => getWavelet('db99')).toThrow(
      "getWavelet: unknown wavelet 'db99' (known: haar, db1–db38, sym2–sym20, coif1–coif17)",
    );
    expect(() => dwt([1, 2], 'bior2.2')).toThrow(/^dwt: unknown wavelet 'bior2\.2'/);
    expect(() => wavedec([1, 2], 'sym1')).toThrow(/^wavedec: unknown wavelet 'sym1'/);
    expect(() => dwtMaxLevel(8, 'coif18')).toThrow(/^dwtMaxLevel: unknown wavelet 'coif18'/);
    expect(getWavelet('DB2').name).toBe('db2'); // pywt lowercases names
    expect(() => getWavelet(' db2')).toThrow(/^getWavelet: unknown wavelet ' db2'/); // but does not trim them
  });

  it('unknown mode', () => {
    expect(() => dwt([1, 2, 3], 'db2', bad('mirror'))).toThrow(
      /^dwt: unknown mode "mirror" \(known: zero, constant, /,
    );
    expect(() => idwt([1, 2], [1, 2], 'haar', bad('per'))).toThrow(/^idwt: unknown mode "per"/);
    expect(() => waverec([[1]], 'haar', bad('sym'))).toThrow(/^waverec: unknown mode "sym"/);
    expect(() => dwtCoeffLen(4, 4, bad('Symmetric'))).toThrow(/^dwtCoeffLen: unknown mode "Symmetric"/);
  });

  it('empty and non-finite input name the index', () => {
    expect(() => dwt([], 'haar')).toThrow(/^dwt: x is empty/);
    expect(() => dwt([1, NaN, 3], 'haar')).toThrow('dwt: x[1] is not a finite number (NaN)');
    expect(() => wavedec([0, 0, 0, Infinity], 'db2')).toThrow(
      'wavedec: x[3] is not a finite number (Infinity)',
    );
    expect(() => idwt([1, 2], [3, -Infinity], 'haar')).toThrow(
      'idwt: cD[1] is not a finite number (-Infinity)',
    );
    expect(() =>
      waverec(
        [
          [1, 2],
          [NaN, 0],
        ],
        'haar',
      ),
    ).toThrow('waverec: coeffs[1][0] is not a finite number (NaN)');
    expect(() => dwt(null as unknown as number[], 'haar')).toThrow(
      /^dwt: x must be an array of numbers, got null/,
    );
  });

  it('level < 0 or non-integer', () => {
    expect(() => wavedec([1, 2, 3, 4], 'haar', 'symmetric', -1)).toThrow(
      'wavedec: level must be an integer ≥ 0, got -1',
    );
    expect(() => wavedec([1, 2, 3, 4], 'haar', 'symmetric', 1.5)).toThrow(
      'wavedec: level must be an integer ≥ 0, got 1.5',
    );
    expect(() => wavedec([1, 2, 3, 4], 'haar', 'symmetric', NaN)).toThrow(/got NaN/);
  });

  it('[anti]reflect refuses a length-1 signal (pywt ValueError)', () => {
    expect(() => dwt([1], 'db2', 'reflect')).toThrow(
      "dwt: signal of length 1 cannot be extended in mode 'reflect'",
    );
    expect(() => dwt([1], 'db2', 'antireflect')).toThrow(/^dwt: .*'antireflect'/);
    expect(() => wavedec([1, 2], 'haar', 'reflect', 2)).toThrow(/^wavedec: level 2 input of length 1/);
    expect(dwt([1], 'db2', 'symmetric').cA.length).toBe(2);
  });

  it('idwt/waverec shape errors', () => {
    expect(() => idwt(null, null, 'haar')).toThrow(
      'idwt: at least one of cA and cD must be given (both are null)',
    );
    expect(() => idwt([1, 2], [1, 2, 3], 'haar')).toThrow('idwt: cA and cD lengths differ (2 vs 3)');
    expect(() => idwt([1, 2], [1, 2], 'db4')).toThrow(
      /^idwt: coefficients of length 2 are too short for a 8-tap filter/,
    );
    expect(() => waverec([], 'haar')).toThrow(/^waverec: coeffs must be a non-empty list/);
    expect(() =>
      waverec(
        [
          [1, 2, 3, 4],
          [1, 2],
        ],
        'haar',
      ),
    ).toThrow('waverec: coeffs[1] has length 2 but the approximation before it has 4');
    expect(() => waverec([null, null], 'haar')).toThrow(
      /^waverec: coeffs\[1\] and the approximation before it are both null/,
    );
  });

  it('filter banks and lengths', () => {
    expect(() => waveletFromBank({ decLo: [1, 2], decHi: [1], recLo: [1, 2], recHi: [1, 2] })).toThrow(
      'waveletFromBank: filter bank lengths differ (decLo 2, decHi 1)',
    );
    expect(() =>
      waveletFromBank({ decLo: [1, 2, 3], decHi: [1, 2, 3], recLo: [1, 2, 3], recHi: [1, 2, 3] }),
    ).toThrow('waveletFromBank: filter length must be even and ≥ 2, got 3');
    expect(() => waveletFromH0([1, NaN])).toThrow('waveletFromH0: h0[1] is not finite (NaN)');
    expect(() => waveletFromH0([1])).toThrow('waveletFromH0: h0 length must be even and ≥ 2, got 1');
    expect(() => dwtMaxLevel(10, 1)).toThrow('dwtMaxLevel: filter length must be an integer ≥ 2, got 1');
    expect(() => dwtMaxLevel(-1, 2)).toThrow('dwtMaxLevel: dataLen must be an integer ≥ 0, got -1');
    expect(() => dwtCoeffLen(0, 4, 'zero')).toThrow('dwtCoeffLen: dataLen must be an integer ≥ 1, got 0');
  });

  it('2-D: ragged rows, non-finite entries, bad shapes', () => {
    expect(() =>
      dwt2(
        [
          [1, 2, 3],
          [4, 5],
        ],
        'haar',
      ),
    ).toThrow('dwt2: ragged rows: x[1] has 2 columns, x[0] has 3');
    expect(() =>
      wavedec2(
        [
          [1, 2],
          [3, NaN],
        ],
        'haar',
      ),
    ).toThrow('wavedec2: x[1][1] is not a finite number (NaN)');
    expect(() => fromRows([])).toThrow('fromRows: rows has no rows');
    expect(() => dwt2({ rows: 2, cols: 2, data: new Float64Array(3) }, 'haar')).toThrow(
      'dwt2: x.data has 3 entries, expected rows·cols = 4',
    );
    expect(() => dwt2([[1, 2]], 'db2', 'reflect')).toThrow(
      "dwt2: column of length 1 cannot be extended in mode 'reflect'",
    );
    expect(() => dwt2([[1, 2]], 'nope')).toThrow(/^dwt2: unknown wavelet 'nope'/);
    const m = fromRows([
      [1, 2],
      [3, 4],
    ]);
    const n = fromRows([[1, 2, 3]]);
    expect(() => idwt2({ cA: null, cH: null, cV: null, cD: null }, 'haar')).toThrow(
      'idwt2: all of cA, cH, cV, cD are null',
    );
    expect(() => idwt2({ cA: m, cH: n, cV: null, cD: null }, 'haar')).toThrow(
      'idwt2: band shapes differ: cH is 1×3, expected 2×2',
    );
    expect(() => idwt2({ cA: m, cH: null, cV: null, cD: null }, 'db4', 'zero')).toThrow(
      /^idwt2: rows: coefficients of length 2/,
    );
    expect(() => waverec2([m, [n, n, n]], 'haar')).toThrow(
      'waverec2: coeffs[1] details are 1×3 but the approximation is 2×2',
    );
    expect(() => waverec2([m, [m, m] as unknown as [typeof m, typeof m, typeof m]], 'haar')).toThrow(
      'waverec2: coeffs[1] must be a triple [cH, cV, cD] as wavedec2 returns',
    );
    expect(toRows(m)).toEqual([
      [1, 2],
      [3, 4],
    ]);
  });
});
