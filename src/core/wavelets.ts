// Built-in wavelets (pywt's exact taps from filters/table.ts) and custom filter banks.
import { FILTER_TABLE } from './filters/table.ts';
import type { Wavelet, WaveletLike } from './types.ts';
import { apiError } from './validate.ts';

const KNOWN = 'haar, db1–db38, sym2–sym20, coif1–coif17';
const NAMES = Object.freeze(Object.keys(FILTER_TABLE));

/** Names of every built-in wavelet, in pywt's family order: haar, db1..db38, sym2..sym20, coif1..coif17. */
export function waveletNames(): string[] {
  return [...NAMES];
}

function fromTaps(
  name: string,
  family: string,
  f: {
    decLo: ArrayLike<number>;
    decHi: ArrayLike<number>;
    recLo: ArrayLike<number>;
    recHi: ArrayLike<number>;
  },
): Wavelet {
  return {
    name,
    family,
    decLo: Float64Array.from(f.decLo),
    decHi: Float64Array.from(f.decHi),
    recLo: Float64Array.from(f.recLo),
    recHi: Float64Array.from(f.recHi),
    length: f.decLo.length,
  };
}

/**
 * The wavelet named `w` (pywt.Wavelet(name).filter_bank, taps identical to pywt 1.1.1), or `w` itself
 * after a shape check when it is already a filter bank. Returns fresh arrays for a name, so callers
 * may mutate them.
 */
export function getWavelet(w: WaveletLike): Wavelet {
  return resolveWavelet('getWavelet', w);
}

/** getWavelet with errors attributed to the public function `fn`. */
export function resolveWavelet(fn: string, w: WaveletLike): Wavelet {
  if (typeof w === 'string') {
    const name = w.toLowerCase(); // pywt lowercases names (Wavelet('DB2') is db2) but does not trim them
    const taps = Object.prototype.hasOwnProperty.call(FILTER_TABLE, name) ? FILTER_TABLE[name] : undefined;
    if (!taps) throw apiError(fn, `unknown wavelet '${w}' (known: ${KNOWN})`);
    return fromTaps(name, taps.family, taps);
  }
  if (w === null || typeof w !== 'object')
    throw apiError(fn, `wavelet must be a name or a filter bank, got ${String(w)}`);
  checkBank(fn, w);
  return w;
}

function checkBank(
  fn: string,
  bank: {
    decLo: ArrayLike<number>;
    decHi: ArrayLike<number>;
    recLo: ArrayLike<number>;
    recHi: ArrayLike<number>;
  },
): void {
  const parts = ['decLo', 'decHi', 'recLo', 'recHi'] as const;
  const K = bank.decLo?.length;
  for (const p of parts) {
    const f = bank[p];
    if (!f || typeof f.length !== 'number') throw apiError(fn, `filter bank has no ${p}`);
    if (f.length !== K) throw apiError(fn, `filter bank lengths differ (decLo ${K}, ${p} ${f.length})`);
    for (let i = 0; i < f.length; i++)
      if (!Number.isFinite(f[i]))
        throw apiError(fn, `filter bank ${p}[${i}] is not finite (${String(f[i])})`);
  }
  // pywt's idwt needs an even length ≥ 2 (upsampling_convolution_valid_sf returns -1 otherwise).
  if (K < 2 || K % 2 !== 0) throw apiError(fn, `filter length must be even and ≥ 2, got ${K}`);
}

/**
 * A wavelet from any filter bank, as `pywt.Wavelet(name, filter_bank=[dec_lo, dec_hi, rec_lo, rec_hi])`.
 * Need not be a wavelet at all (the model layer passes unit vectors to build linear selectors).
 */
export function waveletFromBank(
  bank: {
    decLo: ArrayLike<number>;
    decHi: ArrayLike<number>;
    recLo: ArrayLike<number>;
    recHi: ArrayLike<number>;
  },
  name = 'custom',
): Wavelet {
  checkBank('waveletFromBank', bank);
  return fromTaps(name, 'custom', bank);
}

/**
 * The bank awave builds from a learnable lowpass h0 (= pywt's rec_lo): recLo = h0,
 * recHi[k] = (−1)^k·h0[K−1−k], decLo = reverse(recLo), decHi = reverse(recHi).
 */
export function waveletFromH0(h0: ArrayLike<number>, name = 'custom'): Wavelet {
  const fn = 'waveletFromH0';
  if (!h0 || typeof h0.length !== 'number')
    throw apiError(fn, `h0 must be an array of numbers, got ${String(h0)}`);
  const K = h0.length;
  if (K < 2 || K % 2 !== 0) throw apiError(fn, `h0 length must be even and ≥ 2, got ${K}`);
  for (let k = 0; k < K; k++)
    if (!Number.isFinite(h0[k])) throw apiError(fn, `h0[${k}] is not finite (${String(h0[k])})`);
  const recLo = Float64Array.from(h0);
  const recHi = recLo.map((_, k) => (k % 2 === 0 ? 1 : -1) * recLo[K - 1 - k]!);
  return {
    name,
    family: 'custom',
    decLo: recLo.slice().reverse(),
    decHi: recHi.slice().reverse(),
    recLo,
    recHi,
    length: K,
  };
}
