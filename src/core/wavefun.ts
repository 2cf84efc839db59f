// Scaling function φ and wavelet ψ by the cascade algorithm, sample-for-sample as PyWavelets 1.1.1's
// `Wavelet.wavefun(level)` (pywt/_extensions/_pywt.pyx) built on `upcoef` (_dwt.pyx) and the C
// `upsampling_convolution_full`: start from the single coefficient √2^level, then `level` times
// upsample by 2 (zeros between, none after) and fully convolve with the reconstruction filter —
// rec_hi at the first step for ψ, rec_lo everywhere else. pywt then prepends one 0, appends
// `rightExtent` zeros and samples x = linspace(0, (len−1)/2^level, len).
import type { WaveletLike } from './types.ts';
import { getWavelet } from './wavelets.ts';

export interface WaveFun {
  readonly phi: Float64Array;
  readonly psi: Float64Array;
  readonly x: Float64Array;
}

/** pywt's 5-tuple for a non-orthogonal (custom filter bank) wavelet: (phi_d, psi_d, phi_r, psi_r, x). */
export interface WaveFunBank {
  readonly phiD: Float64Array;
  readonly psiD: Float64Array;
  readonly phiR: Float64Array;
  readonly psiR: Float64Array;
  readonly x: Float64Array;
}

export interface FilterBankLike {
  readonly decLo: ArrayLike<number>;
  readonly decHi: ArrayLike<number>;
  readonly recLo: ArrayLike<number>;
  readonly recHi: ArrayLike<number>;
}

const MAX_LEVEL = 20;

function checkLevel(fn: string, level: number): void {
  if (!Number.isInteger(level) || level < 1 || level > MAX_LEVEL) {
    throw new Error(`${fn}: level must be an integer in [1, ${MAX_LEVEL}], got ${level}`);
  }
}

function checkFilter(fn: string, name: string, f: ArrayLike<number>, K: number): void {
  // pywt's upsampling_convolution_full refuses F < 2 and odd F.
  if (f.length !== K || K < 2 || K % 2 !== 0) {
    throw new Error(`${fn}: ${name} must have the common even length ≥ 2, got ${f.length} (expected ${K})`);
  }
  for (let i = 0; i < K; i++) {
    if (!Number.isFinite(f[i])) throw new Error(`${fn}: ${name}[${i}] is not finite (${f[i]})`);
  }
}

/** pywt `upcoef(part, [√2^level], wavelet, level, take=0)`: the untrimmed cascade. */
function upcoef(first: ArrayLike<number>, rest: ArrayLike<number>, level: number): Float64Array {
  let c = Float64Array.of(Math.pow(Math.SQRT2, level));
  for (let i = 0; i < level; i++) {
    const f = i === 0 ? first : rest;
    const F = f.length;
    const out = new Float64Array(2 * c.length + F - 2); // pywt reconstruction_buffer_length
    for (let j = 0; j < c.length; j++) {
      const cj = c[j]!;
      for (let k = 0; k < F; k++) out[2 * j + k] += cj * f[k]!;
    }
    c = out;
  }
  return c;
}

/** pywt get_keep_length / fix_output_length / get_right_extent_length. */
function layout(outputLength: number, level: number, K: number): { outputLength: number; keep: number } {
  let keep = 1;
  for (let i = 0; i < level; i++) keep = 2 * keep + K - 2;
  const out = outputLength - keep - 2 < 0 ? keep + 2 : outputLength;
  return { outputLength: out, keep };
}

/** [0, …cascade, zeros] of total length `outputLength` (keep() never trims: keep == cascade length). */
function frame(cascade: Float64Array, outputLength: number): Float64Array {
  const y = new Float64Array(outputLength);
  y.set(cascade, 1);
  return y;
}

/** numpy.linspace(0, stop, num): i·(stop/(num−1)), last sample exactly stop. */
function linspace0(stop: number, num: number): Float64Array {
  const x = new Float64Array(num);
  if (num === 1) return x;
  const step = stop / (num - 1);
  for (let i = 0; i < num; i++) x[i] = i * step;
  x[num - 1] = stop;
  return x;
}

function cascadePair(lo: ArrayLike<number>, hi: ArrayLike<number>, level: number, outputLength: number) {
  return { phi: frame(upcoef(lo, lo, level), outputLength), psi: frame(upcoef(hi, lo, level), outputLength) };
}

/**
 * pywt `Wavelet(name).wavefun(level)` for an orthogonal wavelet (every built-in here):
 * [phi, psi, x] with (K−1)·2^level + 1 samples (haar: 2^level + 2), x on a grid of step 2^−level.
 * A Wavelet object is taken through the same orthogonal path; for pywt's custom-filter-bank
 * behaviour use {@link wavefunBank} or {@link wavefunH0}.
 */
export function wavefun(wavelet: WaveletLike, level = 8): WaveFun {
  checkLevel('wavefun', level);
  const w = getWavelet(wavelet);
  const K = w.recLo.length;
  checkFilter('wavefun', 'recLo', w.recLo, K);
  checkFilter('wavefun', 'recHi', w.recHi, K);
  const p = Math.pow(2, level);
  const { outputLength } = layout((K - 1) * p + 1, level, K);
  const { phi, psi } = cascadePair(w.recLo, w.recHi, level, outputLength);
  return { phi, psi, x: linspace0((outputLength - 1) / p, outputLength) };
}

/**
 * pywt `Wavelet(filter_bank=bank).wavefun(level)` — the non-orthogonal path a custom bank takes:
 * phi_d/psi_d cascade the inverse bank's reconstruction filters (decLo, decHi reversed),
 * phi_r/psi_r the bank's own recLo/recHi; (K−1)·2^level samples each (haar-length: 2^level + 2).
 * psi is not negated (pywt flips the sign only for its built-in biorthogonal families).
 */
export function wavefunBank(bank: FilterBankLike, level = 8): WaveFunBank {
  checkLevel('wavefunBank', level);
  const K = bank.decLo.length;
  for (const name of ['decLo', 'decHi', 'recLo', 'recHi'] as const)
    checkFilter('wavefunBank', name, bank[name], K);
  const p = Math.pow(2, level);
  const { outputLength } = layout((K - 1) * p, level, K);
  const rev = (f: ArrayLike<number>) => Float64Array.from(f).reverse();
  const d = cascadePair(rev(bank.decLo), rev(bank.decHi), level, outputLength);
  const r = cascadePair(bank.recLo, bank.recHi, level, outputLength);
  return {
    phiD: d.phi,
    psiD: d.psi,
    phiR: r.phi,
    psiR: r.psi,
    x: linspace0((outputLength - 1) / p, outputLength),
  };
}

/**
 * awave `get_wavefun(w_transform, level=5)` (awave/utils/misc.py): the bank
 * (dec_lo = h0 reversed, dec_hi = g reversed, rec_lo = h0, rec_hi = g), g[k] = (−1)^k h0[K−1−k],
 * through {@link wavefunBank}; returns (phi_d, psi_d, x) as awave does (for this bank φ_d = φ_r).
 */
export function wavefunH0(h0: ArrayLike<number>, level = 5): WaveFun {
  const K = h0.length;
  const recLo = Float64Array.from(h0);
  const recHi = new Float64Array(K);
  for (let k = 0; k < K; k++) recHi[k] = (k % 2 === 0 ? 1 : -1) * recLo[K - 1 - k]!;
  const bank = { decLo: recLo.slice().reverse(), decHi: recHi.slice().reverse(), recLo, recHi };
  const { phiD, psiD, x } = wavefunBank(bank, level);
  return { phi: phiD, psi: psiD, x };
}
