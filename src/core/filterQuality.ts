// "Is it still a wavelet?" — float64 measures of how far a lowpass filter h0 is from an orthogonal
// wavelet filter, each returned as the raw quantity AND the penalty awave adds to its loss
// (awave/losses.py: _lsum_loss, _hsum_loss, _L2norm_loss, _CMF_loss, _conv_loss), plus the
// frequency response and the awave `dist` between two wavelets for the UI's meters.
// h0 is awave's learnable lowpass = pywt's rec_lo; g[k] = (−1)^k h0[K−1−k] (awave low_to_high).
import { wavefunH0 } from './wavefun.ts';

/** A scalar condition: `value` is the residual (0 for an orthogonal wavelet), `penalty` = ½·value². */
export interface ScalarPenalty {
  readonly value: number;
  readonly penalty: number;
}

/** A vector condition: `residual` (all 0 for an orthogonal wavelet), `penalty` = ½Σresidual². */
export interface VectorPenalty {
  readonly residual: Float64Array;
  readonly penalty: number;
  readonly maxAbs: number;
}

export interface ValidityPenalties {
  readonly lsum: ScalarPenalty;
  readonly hsum: ScalarPenalty;
  readonly l2norm: ScalarPenalty;
  readonly cmf: VectorPenalty;
  readonly conv: VectorPenalty;
}

function checkFilter(fn: string, h: ArrayLike<number>, even: boolean): void {
  const K = h.length;
  if (K < 2 || (even && K % 2 !== 0)) {
    throw new Error(`${fn}: filter length must be ${even ? 'even and ' : ''}≥ 2, got ${K}`);
  }
  for (let i = 0; i < K; i++) {
    if (!Number.isFinite(h[i])) throw new Error(`${fn}: filter tap ${i} is not finite (${h[i]})`);
  }
}

function scalar(value: number): ScalarPenalty {
  return { value, penalty: 0.5 * value * value };
}

function vector(residual: Float64Array): VectorPenalty {
  let penalty = 0;
  let maxAbs = 0;
  for (const r of residual) {
    penalty += 0.5 * r * r;
    maxAbs = Math.max(maxAbs, Math.abs(r));
  }
  return { residual, penalty, maxAbs };
}

/** awave `low_to_high`: the highpass g[k] = (−1)^k h0[K−1−k]. */
export function lowToHigh(h0: ArrayLike<number>): Float64Array {
  const K = h0.length;
  const g = new Float64Array(K);
  for (let k = 0; k < K; k++) g[k] = (k % 2 === 0 ? 1 : -1) * h0[K - 1 - k]!;
  return g;
}

/** awave `_lsum_loss`: value Σh0 − √2. */
export function lsumPenalty(h0: ArrayLike<number>): ScalarPenalty {
  checkFilter('lsumPenalty', h0, false);
  let s = 0;
  for (let i = 0; i < h0.length; i++) s += h0[i]!;
  return scalar(s - Math.SQRT2);
}

/** awave `_hsum_loss`: value Σg (the highpass has no DC). */
export function hsumPenalty(h0: ArrayLike<number>): ScalarPenalty {
  checkFilter('hsumPenalty', h0, false);
  let s = 0;
  for (const v of lowToHigh(h0)) s += v;
  return scalar(s);
}

/** awave `_L2norm_loss`: value Σh0² − 1. */
export function l2normPenalty(h0: ArrayLike<number>): ScalarPenalty {
  checkFilter('l2normPenalty', h0, false);
  let s = 0;
  for (let i = 0; i < h0.length; i++) s += h0[i]! * h0[i]!;
  return scalar(s - 1);
}

/**
 * awave `_CMF_loss`: residual_k = |Ĥ_k|² + |Ĥ_{k+K/2}|² − 2 for k < K/2, Ĥ the K-point DFT of h0
 * (Ĥ_{k+K/2} = H(ω_k + π): the conjugate-mirror identity sampled at K/2 frequencies).
 */
export function cmfPenalty(h0: ArrayLike<number>): VectorPenalty {
  checkFilter('cmfPenalty', h0, true);
  const K = h0.length;
  const mod = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    let re = 0;
    let im = 0;
    for (let n = 0; n < K; n++) {
      const th = (-2 * Math.PI * ((k * n) % K)) / K; // k·n mod K keeps the angle exact
      re += h0[n]! * Math.cos(th);
      im += h0[n]! * Math.sin(th);
    }
    mod[k] = re * re + im * im;
  }
  const r = new Float64Array(K / 2);
  for (let k = 0; k < K / 2; k++) r[k] = mod[k]! + mod[k + K / 2]! - 2;
  return vector(r);
}

/**
 * awave `_conv_loss`: v = F.conv1d(h0, h0, stride=2, padding=K) — torch's conv1d is a
 * cross-correlation, so v_i = Σ_j h0[j]·h0[j + 2i − K], i = 0..K (K+1 values, lags −K..K step 2);
 * residual = v − e with e = 1 at i = K/2 (lag 0). Same condition as doubleShiftResidual, both lag signs.
 */
export function convPenalty(h0: ArrayLike<number>): VectorPenalty {
  checkFilter('convPenalty', h0, true);
  const K = h0.length;
  const r = new Float64Array(K + 1);
  for (let i = 0; i <= K; i++) {
    let v = 0;
    for (let j = 0; j < K; j++) {
      const l = j + 2 * i - K;
      if (l >= 0 && l < K) v += h0[j]! * h0[l]!;
    }
    r[i] = v - (i === K / 2 ? 1 : 0);
  }
  return vector(r);
}

/** All five awave validity terms; `.penalty` of each equals awave.losses' term (weights not applied). */
export function validityPenalties(h0: ArrayLike<number>): ValidityPenalties {
  return {
    lsum: lsumPenalty(h0),
    hsum: hsumPenalty(h0),
    l2norm: l2normPenalty(h0),
    cmf: cmfPenalty(h0),
    conv: convPenalty(h0),
  };
}

/** |H(ω)| at `nPoints` evenly spaced ω in [0, π] (both ends included), H(ω) = Σ_n h[n]·e^{−iωn}. */
export function freqResponse(
  h: ArrayLike<number>,
  nPoints = 512,
): { omega: Float64Array; mag: Float64Array } {
  if (!Number.isInteger(nPoints) || nPoints < 2)
    throw new Error(`freqResponse: nPoints must be an integer ≥ 2, got ${nPoints}`);
  const omega = new Float64Array(nPoints);
  const mag = new Float64Array(nPoints);
  for (let p = 0; p < nPoints; p++) {
    const w = (Math.PI * p) / (nPoints - 1);
    const [re, im] = dtft(h, w);
    omega[p] = w;
    mag[p] = Math.hypot(re, im);
  }
  return { omega, mag };
}

function dtft(h: ArrayLike<number>, w: number): [number, number] {
  let re = 0;
  let im = 0;
  for (let n = 0; n < h.length; n++) {
    re += h[n]! * Math.cos(w * n);
    im -= h[n]! * Math.sin(w * n);
  }
  return [re, im];
}

/**
 * Conjugate-mirror identity on a dense grid: residual(ω) = |H(ω)|² + |H(ω+π)|² − 2 for `nPoints`
 * ω in [0, π]. Zero everywhere for an orthonormal lowpass (awave's cmf samples it at K/2 points only).
 */
export function cmfResidual(
  h0: ArrayLike<number>,
  nPoints = 256,
): VectorPenalty & { readonly omega: Float64Array } {
  checkFilter('cmfResidual', h0, false);
  if (!Number.isInteger(nPoints) || nPoints < 2)
    throw new Error(`cmfResidual: nPoints must be an integer ≥ 2, got ${nPoints}`);
  const omega = new Float64Array(nPoints);
  const r = new Float64Array(nPoints);
  for (let p = 0; p < nPoints; p++) {
    const w = (Math.PI * p) / (nPoints - 1);
    const [a, b] = dtft(h0, w);
    const [c, d] = dtft(h0, w + Math.PI);
    omega[p] = w;
    r[p] = a * a + b * b + c * c + d * d - 2;
  }
  return { ...vector(r), omega };
}

/**
 * Double-shift orthonormality: residual_k = Σ_n h0[n]·h0[n − 2k] − δ_k for k = 0..⌊(K−1)/2⌋
 * (negative k mirror these). Zero for an orthonormal filter; k = 0 is the unit-norm condition.
 */
export function doubleShiftResidual(h0: ArrayLike<number>): VectorPenalty & { readonly lags: Int32Array } {
  checkFilter('doubleShiftResidual', h0, false);
  const K = h0.length;
  const m = Math.floor((K - 1) / 2) + 1;
  const r = new Float64Array(m);
  const lags = new Int32Array(m);
  for (let k = 0; k < m; k++) {
    let s = 0;
    for (let n = 2 * k; n < K; n++) s += h0[n]! * h0[n - 2 * k]!;
    r[k] = s - (k === 0 ? 1 : 0);
    lags[k] = k;
  }
  return { ...vector(r), lags };
}

/**
 * The shift/flip-invariant L2 distance of awave's `dist` on two sampled wavelet functions: the shorter
 * is zero-padded at the end to the common length L, then
 * min over i in [0, L) of min(‖roll(ψa, i) − ψb‖₂, ‖roll(reverse(ψa), i) − ψb‖₂), roll = np.roll (circular).
 * Raw samples, no normalisation by the grid step — exactly as awave.
 */
export function psiDist(psiA: ArrayLike<number>, psiB: ArrayLike<number>): number {
  const L = Math.max(psiA.length, psiB.length);
  if (L === 0) throw new Error('psiDist: both wavelet functions are empty');
  const a = new Float64Array(L);
  const b = new Float64Array(L);
  a.set(Array.from(psiA));
  b.set(Array.from(psiB));
  const ar = a.slice().reverse();
  let best = Infinity;
  for (const src of [a, ar]) {
    for (let i = 0; i < L; i++) {
      let s = 0;
      for (let j = 0; j < L; j++) {
        const d = src[(j - i + L) % L]! - b[j]!; // np.roll(src, i)[j] = src[(j − i) mod L]
        s += d * d;
      }
      best = Math.min(best, Math.sqrt(s));
    }
  }
  return best;
}

/**
 * awave `dist(wt1, wt2)` (awave/utils/misc.py): ψ of each lowpass filter by awave's `get_wavefun`
 * (pywt's custom-filter-bank cascade, default level 5 as awave), then {@link psiDist}.
 */
export function waveletDist(h0A: ArrayLike<number>, h0B: ArrayLike<number>, level = 5): number {
  return psiDist(wavefunH0(h0A, level).psi, wavefunH0(h0B, level).psi);
}
