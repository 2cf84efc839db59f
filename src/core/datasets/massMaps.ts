// Synthetic weak-lensing-like mass maps: lognormal random fields whose spectrum and skewness depend on
// (Ω_m, σ₈), a stand-in for the paper's cosmology task (peak statistics carry the signal).
//
// Maths (all on a size×size periodic grid, frequencies f = |(kx, ky)|/size in cycles per pixel, so the
// statistics per pixel do not depend on the grid size):
// 1. Gaussian field g with power spectrum P_g: draw white noise w ~ N(0, 1) per pixel, take its DFT W,
//    multiply by √P_g(f), invert: g = IDFT(√P_g · W). White noise has E|W_k|² = size² (the pixel
//    count), so E|DFT(g)_k|² = size²·P_g(f_k): P_g is the spectrum in numpy's normalisation
//    P̂(k) = |DFT(g)_k|² / size². The DC mode is zeroed, so every map has zero mean.
// 2. Spectral shape S(f; Ω_m) = (f/f₀)^{n(Ω_m)} · exp(−(f/f_c(Ω_m))²) with f₀ = 1/64,
//    n(Ω_m) = −1 − 2(Ω_m − 0.3) (more matter → redder spectrum) and f_c(Ω_m) = 0.12·(0.3/Ω_m)^{0.5}
//    (more matter → larger, smoother structures). P_g = σ_g² · size² · S / Σ_k S, so the field
//    variance (1/size²)·Σ_k P_g = σ_g² exactly on every grid.
// 3. Amplitude σ_g = 0.45 · (σ₈/0.8) · (Ω_m/0.3)^{0.25}: σ₈ sets the fluctuation amplitude.
// 4. Lognormal map κ = λ · (exp(g − σ_g²/2) − 1) with shift λ = 0.025·(Ω_m/0.3): E κ = 0, κ > −λ.
//    The skewness (e^{σ_g²}+2)·√(e^{σ_g²}−1) grows with σ_g, and the minimum −λ moves with Ω_m — the
//    lognormal model's (Hilbert et al. 2011) way of letting peaks/voids break the σ₈–Ω_m degeneracy.
// Values fall in about [−0.03, 0.2], the range of awave's peak-count bins (np.linspace(−0.03, 0.19, 23)).
import { fft2InPlace, isPowerOfTwo } from '../fft.ts';
import { createRng, type Rng } from '../rng.ts';
import { apiError } from '../validate.ts';
import type { Dataset } from './types.ts';

export interface Cosmology {
  readonly omegaM: number;
  readonly sigma8: number;
}

export interface MassMapOptions {
  /** Map side in pixels, a power of two (default 64). */
  size?: number;
  /** Ω_m values of the grid (default 0.2, 0.25, 0.3, 0.35, 0.4). */
  omegaM?: readonly number[];
  /** σ₈ values of the grid (default 0.7, 0.8, 0.9). */
  sigma8?: readonly number[];
  /** Maps per cosmology (default 20). */
  realisations?: number;
  /** RNG seed (default 1). */
  seed?: number;
}

export interface MassMaps extends Dataset {
  readonly shape: readonly [number, number, number];
  /** n·2 row-major: (Ω_m, σ₈) of each map. */
  readonly params: Float64Array;
  /** Index into `cosmologies` of each map. */
  readonly cosmology: Int32Array;
  readonly cosmologies: readonly Cosmology[];
}

/** The per-pixel standard deviation σ_g of the Gaussian field for a cosmology (step 3 above). */
export function gaussianSigma(c: Cosmology): number {
  return 0.45 * (c.sigma8 / 0.8) * (c.omegaM / 0.3) ** 0.25;
}

/** The lognormal shift λ (step 4): κ ≥ −λ. */
export function lognormalShift(c: Cosmology): number {
  return 0.025 * (c.omegaM / 0.3);
}

/** Unnormalised spectral shape S(f; Ω_m) (step 2); f in cycles per pixel, S(0) = 0. */
export function spectralShape(f: number, omegaM: number): number {
  if (f === 0) return 0;
  const n = -1 - 2 * (omegaM - 0.3);
  const fc = 0.12 * Math.sqrt(0.3 / omegaM);
  return (f * 64) ** n * Math.exp(-((f / fc) ** 2));
}

/**
 * massMapSpectrum(size, c): P_g on the size×size DFT grid (row-major, numpy fft2 order), normalised so
 * (1/size²)·Σ P_g = σ_g². This is the spectrum gaussianRandomField is asked to realise.
 */
export function massMapSpectrum(size: number, c: Cosmology): Float64Array {
  const P = new Float64Array(size * size);
  let sum = 0;
  for (let r = 0; r < size; r++) {
    const fy = (r < size / 2 ? r : r - size) / size;
    for (let q = 0; q < size; q++) {
      const fx = (q < size / 2 ? q : q - size) / size;
      const s = spectralShape(Math.hypot(fx, fy), c.omegaM);
      P[r * size + q] = s;
      sum += s;
    }
  }
  const scale = (gaussianSigma(c) ** 2 * size * size) / sum;
  for (let i = 0; i < P.length; i++) P[i] *= scale;
  return P;
}

/**
 * gaussianRandomField(size, P, rng): a real size×size field g = IDFT(√P · DFT(w)), w white N(0, 1).
 * For any P symmetric under k → −k (an isotropic spectrum is), g is real up to rounding and
 * E|DFT(g)_k|²/size² = P_k. Returns the row-major field.
 */
export function gaussianRandomField(size: number, P: Float64Array, rng: Rng): Float64Array {
  if (!isPowerOfTwo(size)) throw apiError('gaussianRandomField', `size must be a power of two, got ${size}`);
  if (P.length !== size * size)
    throw apiError('gaussianRandomField', `P must hold size² = ${size * size} values`);
  const re = rng.normals(size * size);
  const im = new Float64Array(size * size);
  fft2InPlace(re, im, size, size);
  for (let i = 0; i < re.length; i++) {
    const a = Math.sqrt(P[i]);
    re[i] *= a;
    im[i] *= a;
  }
  fft2InPlace(re, im, size, size, true);
  return re;
}

/**
 * lognormalMap(g, c): κ = λ·(exp(g − σ_g²/2) − 1) elementwise (step 4), a new array.
 */
export function lognormalMap(g: Float64Array, c: Cosmology): Float64Array {
  const s2 = gaussianSigma(c) ** 2;
  const lam = lognormalShift(c);
  const out = new Float64Array(g.length);
  for (let i = 0; i < g.length; i++) out[i] = lam * (Math.exp(g[i] - s2 / 2) - 1);
  return out;
}

/**
 * massMaps(opts): for every (Ω_m, σ₈) of the grid (Ω_m outer, σ₈ inner), `realisations` lognormal
 * maps. x: n·size·size (row-major per map), shape [n, size, size], y = Ω_m, params (Ω_m, σ₈) per map,
 * cosmology index per map. Maps are grouped by cosmology, in order.
 */
export function massMaps(opts: MassMapOptions = {}): MassMaps {
  const fn = 'massMaps';
  const {
    size = 64,
    omegaM = [0.2, 0.25, 0.3, 0.35, 0.4],
    sigma8 = [0.7, 0.8, 0.9],
    realisations = 20,
    seed = 1,
  } = opts;
  if (!isPowerOfTwo(size) || size < 8) throw apiError(fn, `size must be a power of two ≥ 8, got ${size}`);
  if (!Number.isInteger(realisations) || realisations < 1)
    throw apiError(fn, `realisations must be an integer ≥ 1, got ${realisations}`);
  for (const v of omegaM) if (!(v > 0 && v < 1)) throw apiError(fn, `Ω_m must be in (0, 1), got ${v}`);
  for (const v of sigma8) if (!(v > 0)) throw apiError(fn, `σ₈ must be > 0, got ${v}`);
  const cosmologies: Cosmology[] = [];
  for (const om of omegaM) for (const s8 of sigma8) cosmologies.push({ omegaM: om, sigma8: s8 });
  const n = cosmologies.length * realisations;
  const px = size * size;
  const x = new Float64Array(n * px);
  const y = new Float64Array(n);
  const params = new Float64Array(n * 2);
  const cosmology = new Int32Array(n);
  const rng = createRng(seed);
  let i = 0;
  cosmologies.forEach((c, ci) => {
    const P = massMapSpectrum(size, c);
    for (let r = 0; r < realisations; r++, i++) {
      x.set(lognormalMap(gaussianRandomField(size, P, rng), c), i * px);
      y[i] = c.omegaM;
      params[2 * i] = c.omegaM;
      params[2 * i + 1] = c.sigma8;
      cosmology[i] = ci;
    }
  });
  return {
    name: `mass-maps-${size}`,
    description:
      `Lognormal mass maps ${size}×${size}: ${omegaM.length} Ω_m × ${sigma8.length} σ₈ cosmologies, ` +
      `${realisations} maps each (seed ${seed}). Gaussian field with spectrum (f/f₀)^{n(Ω_m)}·exp(−(f/f_c(Ω_m))²), ` +
      `variance set by σ₈, exponentiated with an Ω_m-dependent shift. Target Ω_m.`,
    x,
    y,
    shape: [n, size, size],
    targetName: 'Ω_m',
    params,
    cosmology,
    cosmologies,
  };
}
