// Multilevel 2-D transform, as pywt.wavedec2 / pywt.waverec2 (pywt/_multilevel.py).
import { crop, toArray2D } from './array2d.ts';
import { dwtCoeffLen, dwtMaxLevel } from './dwt.ts';
import { checkBands, dwt2Core, idwt2Core, scratchPair } from './dwt2.ts';
import type { Array2D, Coeffs2D, Mode, WaveletLike } from './types.ts';
import { apiError, checkLevel, checkMode, checkModeLength } from './validate.ts';
import { resolveWavelet } from './wavelets.ts';

/**
 * pywt.wavedec2(x, w, mode, level): [cA_J, [cH_J, cV_J, cD_J], ..., [cH_1, cV_1, cD_1]] for an R×C
 * matrix. `level` defaults to min(dwtMaxLevel(R, K), dwtMaxLevel(C, K)); larger levels are allowed
 * (pywt only warns). Level 0 returns [copy of x].
 */
export function wavedec2(x: Array2D | number[][], w: WaveletLike, mode?: Mode, level?: number): Coeffs2D {
  const fn = 'wavedec2';
  const wav = resolveWavelet(fn, w);
  const md = checkMode(fn, mode);
  const x2 = toArray2D(x, fn);
  const K = wav.decLo.length;
  const J = checkLevel(fn, level) ?? Math.min(dwtMaxLevel(x2.rows, K), dwtMaxLevel(x2.cols, K));
  // level 0 returns the input itself in pywt; a copy here, so callers never alias their data
  if (J === 0) return [x2 === x ? { rows: x2.rows, cols: x2.cols, data: x2.data.slice() } : x2];
  let a = x2;
  const details: Array<[Array2D, Array2D, Array2D]> = [];
  // Approximations below the last level are transformed further and never returned: they ping-pong
  // between two scratch buffers (level 1's is the largest), so only returned bands are fresh memory.
  const first = dwtCoeffLen(x2.rows, K, md) * dwtCoeffLen(x2.cols, K, md);
  const pp = J > 1 ? scratchPair('approx', first) : null;
  for (let j = 1; j <= J; j++) {
    checkModeLength(fn, a.rows, md, `level ${j} column`);
    checkModeLength(fn, a.cols, md, `level ${j} row`);
    const { cA, cH, cV, cD } = dwt2Core(a, wav, md, j < J ? pp![j % 2] : undefined);
    details.push([cH, cV, cD]);
    a = cA;
  }
  return [a, ...details.reverse()];
}

/**
 * pywt.waverec2(coeffs, w, mode): inverse of wavedec2. Before each level the approximation is cropped
 * by one row and/or column where it is one longer than the details (pywt: `a[:-1]` per axis); any
 * other mismatch throws. Odd sizes come back one longer per axis, exactly as pywt.
 */
export function waverec2(coeffs: Coeffs2D, w: WaveletLike, mode?: Mode): Array2D {
  const fn = 'waverec2';
  const wav = resolveWavelet(fn, w);
  const md = checkMode(fn, mode);
  if (!Array.isArray(coeffs) || coeffs.length < 1)
    throw apiError(fn, 'coeffs must be a non-empty list [cA_J, [cH_J, cV_J, cD_J], ...]');
  let a = toArray2D(coeffs[0], fn, 'coeffs[0]');
  if (coeffs.length === 1) return { rows: a.rows, cols: a.cols, data: a.data.slice() };
  for (let i = 1; i < coeffs.length; i++) {
    const d = coeffs[i] as unknown;
    if (!Array.isArray(d) || d.length !== 3)
      throw apiError(fn, `coeffs[${i}] must be a triple [cH, cV, cD] as wavedec2 returns`);
    const [cH, cV, cD] = d as [Array2D | null, Array2D | null, Array2D | null];
    const details = checkBands(fn, { cA: null, cH, cV, cD }, ` in coeffs[${i}]`);
    const ref = (details.cH ?? details.cV ?? details.cD)!;
    const fits = (an: number, dn: number): number => {
      if (an === dn || an === dn + 1) return dn;
      throw apiError(
        fn,
        `coeffs[${i}] details are ${ref.rows}×${ref.cols} but the approximation is ${a.rows}×${a.cols}`,
      );
    };
    a = crop(a, fits(a.rows, ref.rows), fits(a.cols, ref.cols));
    a = idwt2Core(fn, { ...details, cA: a }, wav, md);
  }
  return a;
}
