// Radix-2 complex FFT (in place, iterative Cooley–Tukey) and its 2-D row–column extension, for the
// Gaussian random fields of the mass-map generator. Sizes are powers of two (64/128/256 maps).
// Conventions are numpy.fft's: forward X_k = Σ_n x_n e^{−2πi kn/N} (no scaling), inverse carries 1/N.
import { apiError } from './validate.ts';

/** True when n is a positive power of two. */
export function isPowerOfTwo(n: number): boolean {
  return Number.isInteger(n) && n > 0 && (n & (n - 1)) === 0;
}

/**
 * fftInPlace(re, im, inverse): the length-N DFT of (re + i·im), overwriting both arrays. N must be a
 * power of two. `inverse` uses e^{+2πi kn/N} and divides by N (numpy.fft.ifft).
 */
export function fftInPlace(re: Float64Array, im: Float64Array, inverse = false): void {
  const n = re.length;
  if (im.length !== n) throw apiError('fft', `re and im lengths differ (${n} vs ${im.length})`);
  if (!isPowerOfTwo(n)) throw apiError('fft', `length must be a power of two, got ${n}`);
  // Bit-reversal permutation.
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      let t = re[i];
      re[i] = re[j];
      re[j] = t;
      t = im[i];
      im[i] = im[j];
      im[j] = t;
    }
  }
  const sign = inverse ? 1 : -1;
  for (let len = 2; len <= n; len <<= 1) {
    const half = len >> 1;
    const theta = (sign * 2 * Math.PI) / len;
    // Twiddles from cos/sin of k·θ directly (not by recurrence) keep the error at O(ε log N).
    for (let k = 0; k < half; k++) {
      const wr = Math.cos(theta * k);
      const wi = Math.sin(theta * k);
      for (let s = k; s < n; s += len) {
        const t = s + half;
        const xr = re[t] * wr - im[t] * wi;
        const xi = re[t] * wi + im[t] * wr;
        re[t] = re[s] - xr;
        im[t] = im[s] - xi;
        re[s] += xr;
        im[s] += xi;
      }
    }
  }
  if (inverse) {
    for (let i = 0; i < n; i++) {
      re[i] /= n;
      im[i] /= n;
    }
  }
}

/**
 * fft2InPlace(re, im, rows, cols, inverse): 2-D DFT of a row-major rows×cols complex array (numpy.fft.fft2
 * / ifft2): 1-D transforms along every row, then along every column. Both sizes powers of two.
 */
export function fft2InPlace(
  re: Float64Array,
  im: Float64Array,
  rows: number,
  cols: number,
  inverse = false,
): void {
  if (re.length !== rows * cols || im.length !== rows * cols)
    throw apiError(
      'fft2',
      `arrays must hold rows·cols = ${rows * cols} values, got ${re.length} and ${im.length}`,
    );
  const rr = new Float64Array(cols);
  const ri = new Float64Array(cols);
  for (let r = 0; r < rows; r++) {
    const o = r * cols;
    rr.set(re.subarray(o, o + cols));
    ri.set(im.subarray(o, o + cols));
    fftInPlace(rr, ri, inverse);
    re.set(rr, o);
    im.set(ri, o);
  }
  const cr = new Float64Array(rows);
  const ci = new Float64Array(rows);
  for (let c = 0; c < cols; c++) {
    for (let r = 0; r < rows; r++) {
      cr[r] = re[r * cols + c];
      ci[r] = im[r * cols + c];
    }
    fftInPlace(cr, ci, inverse);
    for (let r = 0; r < rows; r++) {
      re[r * cols + c] = cr[r];
      im[r * cols + c] = ci[r];
    }
  }
}

/** Signed frequency index of bin k for length n (numpy.fft.fftfreq(n)·n): 0, 1, …, n/2−1, −n/2, …, −1. */
export function fftFreqIndex(k: number, n: number): number {
  return k < n / 2 ? k : k - n;
}
