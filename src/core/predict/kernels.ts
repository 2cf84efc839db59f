// 2-D kernels for peak counting: the wavelet-derived LL/LH/HL/HH filters and awave's baselines.
//
// awave (notebooks/cosmology/eval_cosmology.py and 01_evaluate.ipynb, `extract_patches(h, g)`, with
// h, g = get_2dfilts(wt)[0] = (h0, low_to_high(h0))):
//   • in each 1-D filter pick the 3-tap window with the largest energy of the mean-removed filter:
//     hc = h − mean(h); window start = argmax_{left ∈ 0..K−4} Σ hc[left..left+2]² (numpy argmax: the
//     first maximum). NB awave's loop is range(len(h) − 3), so the last window (start K−3) is never
//     considered; we keep that quirk for fidelity. Filters shorter than 4 taps (haar) have no window
//     in awave; here they are zero-padded on the right to 4 taps first.
//   • ll = h_s ⊗ h_s, lh[i][j] = g_s[i]·h_s[j], hl[i][j] = h_s[i]·g_s[j], hh = g_s ⊗ g_s
//     (torch: a.unsqueeze(0) * b.unsqueeze(1) puts b on rows, a on columns);
//   • centering (default): lh, hl, hh have their mean subtracted; ll is left as is.
// The full-filter variants are get_2dfilts' K×K outer products with the same orientation, uncentred.
// Kernels are applied by correlation (torch conv2d does not flip), see conv2d.ts.
import { lowToHigh } from '../filterQuality.ts';
import type { Array2D } from '../types.ts';
import { apiError } from '../validate.ts';

/** The four 2-D wavelet kernels, in awave's order [ll, lh, hl, hh]. */
export interface WaveletKernels {
  readonly ll: Array2D;
  readonly lh: Array2D;
  readonly hl: Array2D;
  readonly hh: Array2D;
}

/** outer(rowsVec, colsVec): the kernel K[i][j] = rowsVec[i] · colsVec[j]. */
export function outer(rowsVec: ArrayLike<number>, colsVec: ArrayLike<number>): Array2D {
  const rows = rowsVec.length;
  const cols = colsVec.length;
  const data = new Float64Array(rows * cols);
  for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) data[i * cols + j] = rowsVec[i] * colsVec[j];
  return { rows, cols, data };
}

function centred(k: Array2D): Array2D {
  let m = 0;
  for (const v of k.data) m += v;
  m /= k.data.length;
  return { rows: k.rows, cols: k.cols, data: k.data.map((v) => v - m) };
}

/** The start of awave's 3-tap window of largest mean-removed energy (see the header). */
export function maxEnergyWindow(f: ArrayLike<number>): number {
  let mean = 0;
  for (let i = 0; i < f.length; i++) mean += f[i];
  mean /= f.length;
  let best = -1;
  let bestStart = 0;
  for (let left = 0; left < f.length - 3; left++) {
    let v = 0;
    for (let t = left; t < left + 3; t++) v += (f[t] - mean) ** 2;
    if (v > best) {
      best = v;
      bestStart = left;
    }
  }
  return bestStart;
}

function threeTaps(f: ArrayLike<number>): Float64Array {
  const padded = new Float64Array(Math.max(4, f.length));
  for (let i = 0; i < f.length; i++) padded[i] = f[i];
  const s = maxEnergyWindow(padded);
  return padded.slice(s, s + 3);
}

/**
 * waveletKernels3x3(h0, centering): awave's extract_patches(h0, low_to_high(h0)) — four 3×3 kernels
 * from the lowpass h0 (awave's h0 = pywt rec_lo) and its highpass g[k] = (−1)^k h0[K−1−k].
 */
export function waveletKernels3x3(h0: ArrayLike<number>, centering = true): WaveletKernels {
  if (h0.length < 2) throw apiError('waveletKernels3x3', `h0 needs at least 2 taps, got ${h0.length}`);
  const hs = threeTaps(h0);
  const gs = threeTaps(lowToHigh(h0));
  const ll = outer(hs, hs);
  const lh = outer(gs, hs);
  const hl = outer(hs, gs);
  const hh = outer(gs, gs);
  return centering ? { ll, lh: centred(lh), hl: centred(hl), hh: centred(hh) } : { ll, lh, hl, hh };
}

/** waveletKernelsFull(h0): get_2dfilts' K×K kernels ll = h0⊗h0, lh = g⊗h0, hl = h0⊗g, hh = g⊗g. */
export function waveletKernelsFull(h0: ArrayLike<number>): WaveletKernels {
  const g = lowToHigh(h0);
  return { ll: outer(h0, h0), lh: outer(g, h0), hl: outer(h0, g), hh: outer(g, g) };
}

/** The kernels as a list in awave's order [ll, lh, hl, hh]. */
export function kernelList(k: WaveletKernels): Array2D[] {
  return [k.ll, k.lh, k.hl, k.hh];
}

/** awave's laplace_v1: (10/3)·[[−.05, −.2, −.05], [−.2, 1, −.2], [−.05, −.2, −.05]] (8-neighbour). */
export function laplaceV1(): Array2D {
  const d = [-0.05, -0.2, -0.05, -0.2, 1, -0.2, -0.05, -0.2, -0.05].map((v) => (10 / 3) * v);
  return { rows: 3, cols: 3, data: Float64Array.from(d) };
}

/** awave's laplace_v2: 4·[[0, −.25, 0], [−.25, 1, −.25], [0, −.25, 0]] (4-neighbour). */
export function laplaceV2(): Array2D {
  const d = [0, -0.25, 0, -0.25, 1, -0.25, 0, -0.25, 0].map((v) => 4 * v);
  return { rows: 3, cols: 3, data: Float64Array.from(d) };
}
