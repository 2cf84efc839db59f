// The paper's 1-D simulation (Ha et al. 2021, §5.1), generated here from a seed instead of downloaded.
//
// What awave does (Yu-Group/adaptive-wavelets, awave/data/simulation.py `generate_data`, same code in
// notebooks/ex_simulation/simulate_data.ipynb; parameters in notebooks/ex_simulation/sim_simulation.py:
// d=64, J=4, wave 'db5', scale_knockout=3, idx_knockout=8, window=1; noise 0.1·randn in the notebook):
//   X ~ randn(n, 64);  X_t = DWT1d(wave, mode='zero', J=4)(X)
//   DWT1d returns the tuple (cA_J, cD_1, cD_2, ..., cD_J): index 0 the approximation, then details
//   from the FINEST (index 1) to the coarsest (index J) — awave/transform1d.py `forward`.
//   beta is zero except beta[scale_knockout][idx−window : idx+window+1] = 2.0, and
//   y = Σ_bands <X_t[band], beta[band]> + noise_level·randn(n).
// So with the defaults y = 2·(c[7] + c[8] + c[9]) + 0.1·ε, where c is the detail band of the third
// decomposition step (awave tuple index 3 = cD_3). pywt.wavedec orders the list [cA_J, cD_J, ..., cD_1],
// so the same band is wavedec list index J − scale + 1 = 2 (for J=4, scale=3). awave's zero-mode
// analysis bank equals pywt's (h0 = rec_lo), hence wavedec here reproduces X_t exactly: for N=64 and
// db5 the band has 15 coefficients, and 7–9 are its centre.
// Draw order (x row by row, then the n noise draws) mirrors awave's, though the streams differ (torch).
import { createRng } from '../rng.ts';
import type { Mode } from '../types.ts';
import { apiError } from '../validate.ts';
import { wavedec } from '../wavedec.ts';
import { getWavelet } from '../wavelets.ts';
import type { Dataset } from './types.ts';

export interface Simulate1dOptions {
  /** Number of samples. */
  n: number;
  /** Signal length (default 64). */
  length?: number;
  /** Ground-truth wavelet, a built-in name (default 'db5'). */
  wavelet?: string;
  /** Decomposition depth J (default 4). */
  level?: number;
  /**
   * Detail level whose coefficients carry the signal, counted awave's way: 1 = finest (first
   * decomposition step) … J = coarsest. Default 3. In wavedec's list it is index J − scale + 1.
   */
  scale?: number;
  /** Positions inside that band (default [7, 8, 9]). */
  positions?: readonly number[];
  /** Weight of each chosen coefficient (default 2). */
  amplitude?: number;
  /** Standard deviation of the additive Gaussian noise on y (default 0.1). */
  noise?: number;
  /** RNG seed (default 1). */
  seed?: number;
  /** Extension mode of the ground-truth transform (default 'zero', as awave). */
  mode?: Mode;
}

/** Where the signal lives, so recovery of the wavelet and the coefficients can be measured. */
export interface SimulationTruth {
  readonly wavelet: string;
  readonly level: number;
  /** awave's scale (1 = finest detail). */
  readonly scale: number;
  /** Index of that band in wavedec's list [cA_J, cD_J, ..., cD_1]: J − scale + 1. */
  readonly coeffIndex: number;
  readonly positions: readonly number[];
  readonly amplitude: number;
  readonly noise: number;
  readonly mode: Mode;
}

export interface Simulation1d extends Dataset {
  readonly shape: readonly [number, number];
  readonly truth: SimulationTruth;
}

/**
 * simulate1d(opts): x ~ N(0, I_length) (n rows), y_i = amplitude·Σ_{p∈positions} wavedec(x_i)[J−scale+1][p]
 * + noise·ε_i, ε_i ~ N(0, 1). Returns x (n·length, row-major), y (n), shape [n, length] and the truth.
 */
export function simulate1d(opts: Simulate1dOptions): Simulation1d {
  const fn = 'simulate1d';
  const {
    n,
    length = 64,
    wavelet = 'db5',
    level = 4,
    scale = 3,
    positions = [7, 8, 9],
    amplitude = 2,
    noise = 0.1,
    seed = 1,
    mode = 'zero',
  } = opts;
  if (!Number.isInteger(n) || n < 1) throw apiError(fn, `n must be an integer ≥ 1, got ${String(n)}`);
  if (!Number.isInteger(length) || length < 2)
    throw apiError(fn, `length must be an integer ≥ 2, got ${length}`);
  if (!Number.isInteger(level) || level < 1) throw apiError(fn, `level must be an integer ≥ 1, got ${level}`);
  if (!Number.isInteger(scale) || scale < 1 || scale > level)
    throw apiError(fn, `scale must be an integer in [1, level=${level}], got ${scale}`);
  if (!(noise >= 0)) throw apiError(fn, `noise must be ≥ 0, got ${noise}`);
  const w = getWavelet(wavelet);
  const coeffIndex = level - scale + 1;

  const rng = createRng(seed);
  const x = rng.normals(n * length);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const band = wavedec(x.subarray(i * length, (i + 1) * length), w, mode, level)[coeffIndex];
    if (i === 0)
      for (const p of positions)
        if (!Number.isInteger(p) || p < 0 || p >= band.length)
          throw apiError(fn, `position ${p} is outside the band cD_${scale} of length ${band.length}`);
    let s = 0;
    for (const p of positions) s += band[p];
    y[i] = amplitude * s;
  }
  for (let i = 0; i < n; i++) y[i] += noise * rng.normal();

  const truth: SimulationTruth = {
    wavelet: w.name,
    level,
    scale,
    coeffIndex,
    positions: [...positions],
    amplitude,
    noise,
    mode,
  };
  return {
    name: `simulation-${w.name}`,
    description:
      `x ~ N(0, I_${length}); y = ${amplitude}·Σ of the ${w.name} (mode '${mode}', J=${level}) level-${scale} ` +
      `detail coefficients (wavedec index ${coeffIndex}) at positions ${positions.join(', ')} + ${noise}·N(0, 1). ` +
      `Ground-truth wavelet ${w.name}; seed ${seed}.`,
    x,
    y,
    shape: [n, length],
    targetName: 'y',
    truth,
  };
}
