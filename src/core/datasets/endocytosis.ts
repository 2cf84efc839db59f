// Endocytosis-like tracks: a stand-in for the paper's clathrin → auxilin task (He et al. 2020 data in
// awave). Each sample is a clathrin fluorescence trace of `length` frames (default 40) holding one
// event; the target is the peak of the (unobserved) auxilin signal, which in the real data is recruited
// only when a clathrin-coated pit matures — so it depends on the event's amplitude AND timing.
//
// Maths, per track (t = 0, …, T−1, T = length; all draws from one seeded stream, in this order):
//   onset t₀ ~ U[1, 0.6·T], rise τ_r ~ U[1, 4], decay τ_d ~ U[2, 10], amplitude A ~ LogNormal(0, 0.5)
//   pulse p(t) = (1 − e^{−(t−t₀)/τ_r}) · e^{−(t−t₀)/τ_d} for t ≥ t₀ (else 0), scaled to peak 1
//   clathrin x(t) = A · p(t) + b + σ_x·ε_t,  baseline b ~ U[0, 0.2], ε_t ~ N(0, 1) i.i.d.
//   lifetime ℓ = τ_r + τ_d (frames);  maturity m = 1/(1 + e^{−(ℓ − ℓ₀)/1.5}), ℓ₀ = 7
//   complete  c = 1 − e^{−(T − t₀)/τ_d}  (how much of the event falls inside the window)
//   target   y = A^{1.5} · m · c + σ_y·η,  η ~ N(0, 1)
// So short ("abortive") events and events cut off by the window's end recruit little auxilin, large
// long-lived ones a lot; the map x → y is non-linear but captured by the amplitude and time scale of
// the main peak, which is what top-k-per-scale wavelet features measure.
import { createRng } from '../rng.ts';
import { apiError } from '../validate.ts';
import type { Dataset } from './types.ts';

export interface EndocytosisOptions {
  /** Number of tracks. */
  n: number;
  /** Frames per track (default 40). */
  length?: number;
  /** Noise σ_x on the clathrin trace (default 0.1). */
  noise?: number;
  /** Noise σ_y on the target (default 0.05). */
  targetNoise?: number;
  /** RNG seed (default 1). */
  seed?: number;
}

/** The latent event parameters per track (for plots and for checking what a model learned). */
export interface EndocytosisEvents {
  readonly onset: Float64Array;
  readonly rise: Float64Array;
  readonly decay: Float64Array;
  readonly amplitude: Float64Array;
}

export interface Endocytosis extends Dataset {
  readonly shape: readonly [number, number];
  readonly events: EndocytosisEvents;
}

/** The rise–decay pulse p(t) above, scaled so its maximum over continuous t is 1. */
export function eventPulse(t: number, onset: number, rise: number, decay: number): number {
  if (t < onset) return 0;
  const s = t - onset;
  // Peak of (1 − e^{−s/τr})·e^{−s/τd} is at s* = τr·ln(1 + τd/τr).
  const sp = rise * Math.log(1 + decay / rise);
  const peak = (1 - Math.exp(-sp / rise)) * Math.exp(-sp / decay);
  return ((1 - Math.exp(-s / rise)) * Math.exp(-s / decay)) / peak;
}

/** The noiseless target y for given event parameters (see the header). */
export function auxilinPeak(
  amplitude: number,
  onset: number,
  rise: number,
  decay: number,
  length: number,
): number {
  const maturity = 1 / (1 + Math.exp(-(rise + decay - 7) / 1.5));
  const complete = 1 - Math.exp(-(length - onset) / decay);
  return amplitude ** 1.5 * maturity * complete;
}

/**
 * endocytosis(opts): n clathrin-like tracks (x: n·length row-major, shape [n, length]) and the
 * auxilin-like target y (n), with the latent event parameters.
 */
export function endocytosis(opts: EndocytosisOptions): Endocytosis {
  const fn = 'endocytosis';
  const { n, length = 40, noise = 0.1, targetNoise = 0.05, seed = 1 } = opts;
  if (!Number.isInteger(n) || n < 1) throw apiError(fn, `n must be an integer ≥ 1, got ${String(n)}`);
  if (!Number.isInteger(length) || length < 8)
    throw apiError(fn, `length must be an integer ≥ 8, got ${length}`);
  if (!(noise >= 0) || !(targetNoise >= 0)) throw apiError(fn, 'noise levels must be ≥ 0');
  const rng = createRng(seed);
  const x = new Float64Array(n * length);
  const y = new Float64Array(n);
  const onset = new Float64Array(n);
  const rise = new Float64Array(n);
  const decay = new Float64Array(n);
  const amplitude = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const t0 = 1 + rng.uniform() * (0.6 * length - 1);
    const tr = 1 + 3 * rng.uniform();
    const td = 2 + 8 * rng.uniform();
    const A = Math.exp(0.5 * rng.normal());
    const b = 0.2 * rng.uniform();
    for (let t = 0; t < length; t++)
      x[i * length + t] = A * eventPulse(t, t0, tr, td) + b + noise * rng.normal();
    y[i] = auxilinPeak(A, t0, tr, td, length) + targetNoise * rng.normal();
    onset[i] = t0;
    rise[i] = tr;
    decay[i] = td;
    amplitude[i] = A;
  }
  return {
    name: 'endocytosis',
    description:
      `${n} clathrin-like tracks of ${length} frames: one rise–decay event (random onset, time scales, ` +
      `log-normal amplitude) on a baseline, noise ${noise}. Target: auxilin-like peak = amplitude^1.5 × ` +
      `maturity(lifetime) × fraction of the event inside the window, noise ${targetNoise}. Seed ${seed}.`,
    x,
    y,
    shape: [n, length],
    targetName: 'auxilin peak',
    events: { onset, rise, decay, amplitude },
  };
}
