// Multilevel 1-D transform, as pywt.wavedec / pywt.waverec (pywt/_multilevel.py).
import { dwtCore, dwtMaxLevel, idwtCore } from './dwt.ts';
import type { Mode, WaveletLike } from './types.ts';
import { apiError, checkLevel, checkMode, checkModeLength, checkSignal } from './validate.ts';
import { resolveWavelet } from './wavelets.ts';

/**
 * pywt.wavedec(x, w, mode, level): [cA_J, cD_J, ..., cD_1] for a length-N signal. `level` defaults to
 * dwtMaxLevel(N, K); a larger level is allowed (pywt only warns: every coefficient then sees the
 * boundary). Level 0 returns [copy of x].
 */
export function wavedec(x: ArrayLike<number>, w: WaveletLike, mode?: Mode, level?: number): Float64Array[] {
  const fn = 'wavedec';
  const wav = resolveWavelet(fn, w);
  const md = checkMode(fn, mode);
  let a = checkSignal(fn, x);
  const J = checkLevel(fn, level) ?? dwtMaxLevel(a.length, wav.decLo.length);
  const details: Float64Array[] = [];
  for (let j = 1; j <= J; j++) {
    checkModeLength(fn, a.length, md, `level ${j} input`);
    const { cA, cD } = dwtCore(a, wav, md);
    details.push(cD);
    a = cA;
  }
  return [a, ...details.reverse()];
}

/**
 * pywt.waverec(coeffs, w, mode): inverse of wavedec. Before each level an approximation one sample
 * longer than its details is trimmed (pywt: `a = a[:len(d)]`); any other mismatch throws. Null bands
 * count as zeros (pywt skips them). A single entry is returned as a copy; odd lengths come back one
 * sample longer, exactly as pywt.
 */
export function waverec(
  coeffs: ReadonlyArray<ArrayLike<number> | null>,
  w: WaveletLike,
  mode?: Mode,
): Float64Array {
  const fn = 'waverec';
  const wav = resolveWavelet(fn, w);
  const md = checkMode(fn, mode);
  if (!Array.isArray(coeffs) || coeffs.length < 1)
    throw apiError(
      fn,
      `coeffs must be a non-empty list [cA_J, cD_J, ..., cD_1], got ${Array.isArray(coeffs) ? 'an empty list' : String(coeffs)}`,
    );
  let a: Float64Array | null = coeffs[0] == null ? null : checkSignal(fn, coeffs[0], 'coeffs[0]');
  for (let i = 1; i < coeffs.length; i++) {
    const c = coeffs[i];
    const d = c == null ? null : checkSignal(fn, c, `coeffs[${i}]`);
    if (a && d && a.length !== d.length) {
      if (a.length === d.length + 1) a = a.subarray(0, d.length);
      else
        throw apiError(
          fn,
          `coeffs[${i}] has length ${d.length} but the approximation before it has ${a.length}`,
        );
    }
    if (!a && !d) throw apiError(fn, `coeffs[${i}] and the approximation before it are both null`);
    a = idwtCore(fn, a, d, wav, md);
  }
  if (!a) throw apiError(fn, 'coeffs[0] is null and there are no details');
  return coeffs.length === 1 ? a.slice() : a;
}
