// Shared shapes of the float64 wavelet core (names follow PyWavelets).

/** PyWavelets' signal extension modes (pywt.Modes.modes), same names and meaning. */
export type Mode =
  | 'zero'
  | 'constant'
  | 'symmetric'
  | 'periodic'
  | 'smooth'
  | 'periodization'
  | 'reflect'
  | 'antisymmetric'
  | 'antireflect';

/** A dense row-major matrix: element (r, c) is `data[r * cols + c]`. */
export interface Array2D {
  readonly rows: number;
  readonly cols: number;
  readonly data: Float64Array;
}

/** A two-channel filter bank as pywt's `Wavelet.filter_bank` (dec_lo, dec_hi, rec_lo, rec_hi). */
export interface Wavelet {
  readonly name: string;
  readonly family: string;
  readonly decLo: Float64Array;
  readonly decHi: Float64Array;
  readonly recLo: Float64Array;
  readonly recHi: Float64Array;
  /** Number of taps of every filter (pywt's `dec_len` = `rec_len`). */
  readonly length: number;
}

/** A built-in wavelet's name ('db4') or a filter bank. */
export type WaveletLike = string | Wavelet;

/** pywt.wavedec2 order: [cA_J, (cH_J, cV_J, cD_J), ..., (cH_1, cV_1, cD_1)]. */
export type Coeffs2D = [Array2D, ...Array<[Array2D, Array2D, Array2D]>];
