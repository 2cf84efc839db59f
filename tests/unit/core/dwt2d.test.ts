// pywt.wavedec2 / waverec2 reference cases (shared/reference/dwt2d.json), and the 2-D transform in every
// mode against the 1-D transform applied along each axis (pywt's dwtn definition).
import { describe, expect, it } from 'vitest';
import {
  MODES,
  dwt,
  dwt2,
  dwtMaxLevel,
  idwt,
  idwt2,
  wavedec2,
  waverec2,
  type Array2D,
  type Coeffs2D,
  type Mode,
} from '../../../src/core/index.ts';
import { loadReference } from '../reference.ts';
import { TOL } from '../tolerances.ts';
import { flatten, maxAbsDiff, randomSignal, seededUniform } from './dwtTestUtils.ts';

type Rows = number[][];
interface Case {
  wavelet: string;
  mode: Mode;
  level: number;
  max_level: number;
  x: Rows;
  coeffs: [Rows, ...Array<[Rows, Rows, Rows]>];
  recon: Rows;
}

const cases = loadReference<Case[]>('dwt2d.json');

function diff(got: Array2D, want: Rows): number {
  if (got.rows !== want.length || got.cols !== want[0]!.length) return Infinity;
  return maxAbsDiff(got.data, flatten(want));
}

const asArray2D = (r: Rows): Array2D => ({ rows: r.length, cols: r[0]!.length, data: flatten(r) });

describe('2-D multilevel vs pywt 1.1.1 (dwt2d.json)', () => {
  it('covers the reference grid', () => {
    expect(cases.length).toBe(18);
  });

  for (const c of cases) {
    const tag = `${c.wavelet} ${c.mode} level ${c.level} ${c.x.length}×${c.x[0]!.length}`;
    it(tag, () => {
      const coeffs = wavedec2(c.x, c.wavelet, c.mode, c.level);
      expect(coeffs.length, `${tag}: band count`).toBe(c.level + 1);
      expect(diff(coeffs[0], c.coeffs[0]), `${tag}: cA_${c.level}`).toBeLessThanOrEqual(TOL.pywt);
      const [, ...details] = coeffs;
      const [, ...refDetails] = c.coeffs;
      for (let l = 1; l <= c.level; l++)
        (['cH', 'cV', 'cD'] as const).forEach((name, k) => {
          const e = diff(details[l - 1]![k], refDetails[l - 1]![k]);
          expect(e, `${tag}: ${name}_${c.level + 1 - l} max abs`).toBeLessThanOrEqual(TOL.pywt);
        });
      const rec = waverec2(coeffs, c.wavelet, c.mode);
      expect(
        diff(rec, c.recon),
        `${tag}: recon (pywt shape ${c.recon.length}×${c.recon[0]!.length})`,
      ).toBeLessThanOrEqual(TOL.pywt);
      const fromRef = [asArray2D(c.coeffs[0]), ...c.coeffs.slice(1).map((t) => (t as Rows[]).map(asArray2D))];
      expect(
        diff(waverec2(fromRef as Coeffs2D, c.wavelet, c.mode), c.recon),
        `${tag}: waverec2(ref)`,
      ).toBeLessThanOrEqual(TOL.pywt);
      const maxLevel = Math.min(dwtMaxLevel(c.x.length, c.wavelet), dwtMaxLevel(c.x[0]!.length, c.wavelet));
      expect(maxLevel, `${tag}: max_level`).toBe(c.max_level);
    });
  }
});

/** pywt's dwtn by definition: 1-D dwt down every column (axis 0), then along every row (axis 1). */
function dwt2ByAxes(x: Array2D, w: string, mode: Mode): Record<'aa' | 'da' | 'ad' | 'dd', Array2D> {
  const col = (m: Array2D, c: number): Float64Array =>
    Float64Array.from({ length: m.rows }, (_, r) => m.data[r * m.cols + c]!);
  const cols = Array.from({ length: x.cols }, (_, c) => dwt(col(x, c), w, mode));
  const m0 = cols[0]!.cA.length;
  const stack = (pick: 'cA' | 'cD'): Array2D => {
    const data = new Float64Array(m0 * x.cols);
    cols.forEach((cd, c) => cd[pick].forEach((v, r) => (data[r * x.cols + c] = v)));
    return { rows: m0, cols: x.cols, data };
  };
  const alongRows = (m: Array2D): [Array2D, Array2D] => {
    const rows = Array.from({ length: m.rows }, (_, r) =>
      dwt(m.data.subarray(r * m.cols, (r + 1) * m.cols), w, mode),
    );
    const m1 = rows[0]!.cA.length;
    const band = (pick: 'cA' | 'cD'): Array2D => {
      const data = new Float64Array(m.rows * m1);
      rows.forEach((rd, r) => data.set(rd[pick], r * m1));
      return { rows: m.rows, cols: m1, data };
    };
    return [band('cA'), band('cD')];
  };
  const [aa, ad] = alongRows(stack('cA'));
  const [da, dd] = alongRows(stack('cD'));
  return { aa, da, ad, dd };
}

/** pywt's idwtn by definition: 1-D idwt along every row (axis 1) of (cA, cV) and (cH, cD), then down every column. */
function idwt2ByAxes(
  b: { cA: Array2D; cH: Array2D; cV: Array2D; cD: Array2D },
  w: string,
  mode: Mode,
): Array2D {
  const row = (m: Array2D, r: number): Float64Array => m.data.subarray(r * m.cols, (r + 1) * m.cols);
  const L = Array.from({ length: b.cA.rows }, (_, r) => idwt(row(b.cA, r), row(b.cV, r), w, mode));
  const H = Array.from({ length: b.cA.rows }, (_, r) => idwt(row(b.cH, r), row(b.cD, r), w, mode));
  const cols = L[0]!.length;
  const out = Array.from({ length: cols }, (_, c) =>
    idwt(
      L.map((l) => l[c]!),
      H.map((h) => h[c]!),
      w,
      mode,
    ),
  );
  const rows = out[0]!.length;
  const data = new Float64Array(rows * cols);
  out.forEach((col, c) => col.forEach((v, r) => (data[r * cols + c] = v)));
  return { rows, cols, data };
}

function randomMatrix(rnd: () => number, rows: number, cols: number): Array2D {
  return { rows, cols, data: randomSignal(rnd, rows * cols) };
}

describe('2-D in every mode', () => {
  const shapes: Array<[number, number]> = [
    [1, 1],
    [2, 3],
    [5, 4],
    [7, 9],
    [16, 13],
    [33, 20],
  ];
  const wavelets = ['haar', 'db3', 'sym4', 'coif2', 'db10'];

  for (const mode of MODES) {
    it(`${mode}: dwt2 bands are pywt's dwtn (cH = 'da', cV = 'ad', cD = 'dd'); idwt2 inverts; nulls act as zeros`, () => {
      const rnd = seededUniform(31);
      const failures: string[] = [];
      for (const w of wavelets)
        for (const [R, C] of shapes) {
          if ((R === 1 || C === 1) && (mode === 'reflect' || mode === 'antireflect')) continue;
          const tag = `${w} ${mode} ${R}×${C}`;
          const x = randomMatrix(rnd, R, C);
          const b = dwt2(x, w, mode);
          const ref = dwt2ByAxes(x, w, mode);
          const e = Math.max(
            maxAbsDiff(b.cA.data, ref.aa.data),
            maxAbsDiff(b.cH.data, ref.da.data),
            maxAbsDiff(b.cV.data, ref.ad.data),
            maxAbsDiff(b.cD.data, ref.dd.data),
          );
          if (!(e <= TOL.pywt) || b.cH.rows !== ref.da.rows || b.cH.cols !== ref.da.cols)
            failures.push(`${tag}: bands ${e}`);
          const rec = idwt2(b, w, mode);
          let pr = 0;
          for (let r = 0; r < R; r++)
            for (let c = 0; c < C; c++)
              pr = Math.max(pr, Math.abs(rec.data[r * rec.cols + c]! - x.data[r * C + c]!));
          if (!(pr <= TOL.perfectRecon) || rec.rows !== R + (R % 2) || rec.cols !== C + (C % 2))
            failures.push(`${tag}: recon ${pr} shape ${rec.rows}×${rec.cols}`);
          const zero = { rows: b.cA.rows, cols: b.cA.cols, data: new Float64Array(b.cA.data.length) };
          const withNull = idwt2({ cA: null, cH: b.cH, cV: null, cD: b.cD }, w, mode);
          const withZero = idwt2({ cA: zero, cH: b.cH, cV: zero, cD: b.cD }, w, mode);
          if (!(maxAbsDiff(withNull.data, withZero.data) <= TOL.pywt)) failures.push(`${tag}: null bands`);
          const byAxes = idwt2ByAxes(b, w, mode);
          if (
            !(maxAbsDiff(rec.data, byAxes.data) <= TOL.pywt) ||
            rec.rows !== byAxes.rows ||
            rec.cols !== byAxes.cols
          )
            failures.push(`${tag}: idwt2 vs 1-D idwt along each axis`);
        }
      expect(failures).toEqual([]);
    });
  }

  it('multilevel perfect reconstruction in every mode, levels 0..4 (above max level included)', () => {
    const rnd = seededUniform(77);
    const failures: string[] = [];
    for (const mode of MODES)
      for (const w of ['haar', 'db4', 'sym3'])
        for (const [R, C] of [
          [17, 24],
          [32, 32],
          [9, 5],
        ] as const)
          for (let level = 0; level <= 4; level++) {
            const x = randomMatrix(rnd, R, C);
            let coeffs: Coeffs2D;
            try {
              coeffs = wavedec2(x, w, mode, level);
            } catch (e) {
              if (!/length 1/.test(String(e)) || !(mode === 'reflect' || mode === 'antireflect')) throw e;
              continue;
            }
            const rec = waverec2(coeffs, w, mode);
            let scale = 1;
            for (const v of coeffs[0].data) scale = Math.max(scale, Math.abs(v));
            let e = 0;
            for (let r = 0; r < R; r++)
              for (let c = 0; c < C; c++)
                e = Math.max(e, Math.abs(rec.data[r * rec.cols + c]! - x.data[r * C + c]!));
            // relative to the coefficients' scale: smooth extension grows linearly each level
            if (!(e <= TOL.perfectRecon * scale))
              failures.push(`${w} ${mode} ${R}×${C} level ${level}: ${e}`);
          }
    expect(failures).toEqual([]);
  });

  it('wavedec2 equals chained dwt2 calls and its results never share the reused scratch', () => {
    const rnd = seededUniform(11);
    const x = randomMatrix(rnd, 64, 48);
    const y = randomMatrix(rnd, 64, 48);
    const bands = (c: Coeffs2D | Array2D[][]) => [c[0], ...c.slice(1).flat()] as Array2D[];
    const flat = (c: Coeffs2D | Array2D[][]) => bands(c).flatMap((b) => Array.from(b.data));
    const cx = wavedec2(x, 'db5', 'symmetric', 3);
    const snapshot = flat(cx);
    const cy = wavedec2(y, 'db5', 'symmetric', 3); // reuses every scratch buffer cx's call used
    expect(flat(cx)).toEqual(snapshot);
    const buffers = [cx, cy].flatMap(bands).map((b) => b.data.buffer);
    expect(new Set(buffers).size).toBe(buffers.length); // every band owns its memory
    let a: Array2D = y;
    const chained: Array2D[][] = [];
    for (let j = 0; j < 3; j++) {
      const b = dwt2(a, 'db5', 'symmetric');
      chained.unshift([b.cH, b.cV, b.cD]);
      a = b.cA;
    }
    expect(flat(cy)).toEqual([a, ...chained.flat()].flatMap((b) => Array.from(b.data)));
  });

  it('level 0 returns a copy and the default level is the smaller axis maximum', () => {
    const x = randomMatrix(seededUniform(5), 40, 12);
    const [a0, ...rest] = wavedec2(x, 'db2');
    expect(rest.length).toBe(Math.min(dwtMaxLevel(40, 4), dwtMaxLevel(12, 4)));
    expect(a0.rows).toBeLessThan(40);
    const [c0] = wavedec2(x, 'db2', 'zero', 0);
    expect(c0.data).not.toBe(x.data);
    expect(Array.from(c0.data)).toEqual(Array.from(x.data));
    expect(waverec2([c0], 'db2').data).not.toBe(c0.data);
  });
});
