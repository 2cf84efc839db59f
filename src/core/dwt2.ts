// Single-level 2-D DWT/IDWT, as pywt.dwt2 / pywt.idwt2 (separable dwtn/idwtn over axes (0, 1)).
//
// pywt names bands by axis: key[0] is axis 0 (down the columns), key[1] axis 1 (along the rows), and
// dwt2 returns cA = 'aa', cH = 'da', cV = 'ad', cD = 'dd'. The transform is separable and linear, so
// the axis order only changes rounding (~1e-16): rows are filtered first here, so the column pass
// runs on the half-width intermediate. Columns go through the same line kernels with a stride: a
// column's cache lines are shared by the next seven columns and stay in L2, which measured 3–4× faster
// than whole-row axpy updates (those re-read and re-write two output rows per tap).
import { analysisPlan, analyzeLine, analyzeLines4, synthesisPlan, synthesizeLine } from './dwt.ts';
import { toArray2D } from './array2d.ts';
import type { Array2D, Mode, Wavelet, WaveletLike } from './types.ts';
import { apiError, checkMode, checkModeLength } from './validate.ts';
import { resolveWavelet } from './wavelets.ts';

export interface Bands2D {
  readonly cA: Array2D;
  readonly cH: Array2D;
  readonly cV: Array2D;
  readonly cD: Array2D;
}

export interface NullableBands2D {
  readonly cA: Array2D | null;
  readonly cH: Array2D | null;
  readonly cV: Array2D | null;
  readonly cD: Array2D | null;
}

/**
 * The row pass's two intermediate matrices, reused across calls: fresh multi-megabyte buffers cost
 * more than the filtering in Chromium (page faults on first touch: wavedec2 of 1024² took 97 ms in a
 * page vs 37 ms in Node, with the filtering itself 17 ms in both). Bounded, so a one-off huge map does
 * not pin its scratch for the session.
 */
const SCRATCH_MAX = 8 * 1024 * 1024; // doubles per buffer (64 MB)
const pools: Record<'row' | 'approx', [Float64Array, Float64Array] | null> = { row: null, approx: null };
/** Two reusable buffers of ≥ n doubles from pool `name` (fresh ones past SCRATCH_MAX). */
export function scratchPair(name: 'row' | 'approx', n: number): [Float64Array, Float64Array] {
  if (n > SCRATCH_MAX) return [new Float64Array(n), new Float64Array(n)];
  const p = pools[name];
  if (p && p[0].length >= n) return p;
  return (pools[name] = [new Float64Array(n), new Float64Array(n)]);
}

function fourBufs(n: number): [Float64Array, Float64Array, Float64Array, Float64Array] {
  return [new Float64Array(n), new Float64Array(n), new Float64Array(n), new Float64Array(n)];
}

/**
 * dwt2 on a validated matrix (no checks; the multilevel loop calls this). With `approxInto`, cA is
 * written into that buffer (a view of its first rows·cols doubles) instead of a fresh one: wavedec2
 * passes scratch for the approximations it transforms further and never returns.
 */
export function dwt2Core(x: Array2D, w: Wavelet, mode: Mode, approxInto?: Float64Array): Bands2D {
  const K = w.decLo.length;
  const { rows: R, cols: C, data } = x;
  const rowPlan = analysisPlan(C, K, mode);
  const colPlan = analysisPlan(R, K, mode);
  const M1 = rowPlan.m;
  const M0 = colPlan.m;
  // Every entry of L and H is written by the row pass before the column pass reads it.
  const [L, H] = scratchPair('row', R * M1);
  // Four lines at a time (analyzeLines4), the last R mod 4 one by one.
  const rowBufs = fourBufs(rowPlan.bufLen);
  let r = 0;
  for (; r + 4 <= R; r += 4)
    analyzeLines4(rowPlan, w.decLo, w.decHi, data, r * C, 1, C, rowBufs, L, H, r * M1, 1, M1);
  for (; r < R; r++)
    analyzeLine(rowPlan, w.decLo, w.decHi, data, r * C, 1, rowBufs[0], L, r * M1, H, r * M1, 1);
  const band = (): Array2D => ({ rows: M0, cols: M1, data: new Float64Array(M0 * M1) });
  // Past pywt's maximum level the bands can grow (non-periodic modes): then the scratch is too short.
  const cA0 =
    approxInto && approxInto.length >= M0 * M1
      ? { rows: M0, cols: M1, data: approxInto.subarray(0, M0 * M1) }
      : band();
  const out = { cA: cA0, cH: band(), cV: band(), cD: band() };
  const colBufs = fourBufs(colPlan.bufLen);
  const colBuf = colBufs[0];
  const { cA, cH, cV, cD } = out;
  let c = 0;
  for (; c + 4 <= M1; c += 4) {
    analyzeLines4(colPlan, w.decLo, w.decHi, L, c, M1, 1, colBufs, cA.data, cH.data, c, M1, 1);
    analyzeLines4(colPlan, w.decLo, w.decHi, H, c, M1, 1, colBufs, cV.data, cD.data, c, M1, 1);
  }
  for (; c < M1; c++) {
    analyzeLine(colPlan, w.decLo, w.decHi, L, c, M1, colBuf, cA.data, c, cH.data, c, M1);
    analyzeLine(colPlan, w.decLo, w.decHi, H, c, M1, colBuf, cV.data, c, cD.data, c, M1);
  }
  return out;
}

/** idwt2 on validated bands of one shape (at least one non-null); `fn` names the caller in errors. */
export function idwt2Core(fn: string, bands: NullableBands2D, w: Wavelet, mode: Mode): Array2D {
  const K = w.recLo.length;
  const shape = (bands.cA ?? bands.cH ?? bands.cV ?? bands.cD)!;
  const colPlan = synthesisPlan(shape.rows, K, mode);
  const rowPlan = synthesisPlan(shape.cols, K, mode);
  if (typeof colPlan === 'string') throw apiError(fn, `rows: ${colPlan}`);
  if (typeof rowPlan === 'string') throw apiError(fn, `columns: ${rowPlan}`);
  const R = colPlan.nOut;
  const M1 = shape.cols;
  const { cA, cH, cV, cD } = bands;
  // axis 0 first: (cA, cH) share approximation along axis 1, (cV, cD) detail along axis 1
  const L = cA || cH ? new Float64Array(R * M1) : null;
  const H = cV || cD ? new Float64Array(R * M1) : null;
  const bufA = new Float64Array(Math.max(colPlan.bufLen, rowPlan.bufLen));
  const bufD = new Float64Array(bufA.length);
  const [a, h, v, d] = [cA?.data ?? null, cH?.data ?? null, cV?.data ?? null, cD?.data ?? null];
  for (let c = 0; c < M1; c++) {
    if (L) synthesizeLine(colPlan, w.recLo, w.recHi, a, c, M1, h, c, M1, bufA, bufD, L, c, M1);
    if (H) synthesizeLine(colPlan, w.recLo, w.recHi, v, c, M1, d, c, M1, bufA, bufD, H, c, M1);
  }
  const C = rowPlan.nOut;
  const data = new Float64Array(R * C);
  for (let r = 0; r < R; r++)
    synthesizeLine(rowPlan, w.recLo, w.recHi, L, r * M1, 1, H, r * M1, 1, bufA, bufD, data, r * C, 1);
  return { rows: R, cols: C, data };
}

/**
 * pywt.dwt2(x, w, mode): single-level 2-D analysis of an R×C matrix. Returns cA, cH ('da'), cV ('ad'),
 * cD ('dd'), each dwtCoeffLen(R, K, mode) × dwtCoeffLen(C, K, mode).
 */
export function dwt2(x: Array2D | number[][], w: WaveletLike, mode?: Mode): Bands2D {
  const fn = 'dwt2';
  const wav = resolveWavelet(fn, w);
  const md = checkMode(fn, mode);
  const a = toArray2D(x, fn);
  checkModeLength(fn, a.rows, md, 'column');
  checkModeLength(fn, a.cols, md, 'row');
  return dwt2Core(a, wav, md);
}

/**
 * pywt.idwt2((cA, (cH, cV, cD)), w, mode): single-level 2-D synthesis. Null bands count as zeros (pywt
 * skips them); the others must share one m0×m1 shape. Returns (2m0 − K + 2)×(2m1 − K + 2), or
 * 2m0×2m1 for periodization.
 */
export function idwt2(
  bands: { cA: Array2D | null; cH: Array2D | null; cV: Array2D | null; cD: Array2D | null },
  w: WaveletLike,
  mode?: Mode,
): Array2D {
  const fn = 'idwt2';
  const wav = resolveWavelet(fn, w);
  const md = checkMode(fn, mode);
  return idwt2Core(fn, checkBands(fn, bands, ''), wav, md);
}

/** Validate the four bands (each null or a matrix) and require one shared shape. */
export function checkBands(
  fn: string,
  bands: { cA?: Array2D | null; cH?: Array2D | null; cV?: Array2D | null; cD?: Array2D | null },
  where: string,
): NullableBands2D {
  if (!bands || typeof bands !== 'object') throw apiError(fn, `expected bands {cA, cH, cV, cD}${where}`);
  const names = ['cA', 'cH', 'cV', 'cD'] as const;
  const got = names.map((k) => (bands[k] == null ? null : toArray2D(bands[k], fn, `${k}${where}`)));
  const present = got.filter((b): b is Array2D => b !== null);
  if (present.length === 0) throw apiError(fn, `all of cA, cH, cV, cD${where} are null`);
  const { rows, cols } = present[0]!;
  got.forEach((b, i) => {
    if (b && (b.rows !== rows || b.cols !== cols))
      throw apiError(
        fn,
        `band shapes differ${where}: ${names[i]} is ${b.rows}×${b.cols}, expected ${rows}×${cols}`,
      );
  });
  return { cA: got[0] ?? null, cH: got[1] ?? null, cV: got[2] ?? null, cD: got[3] ?? null };
}
