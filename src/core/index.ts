// Public surface of the float64 wavelet core (pywt-exact). Lower-level kernels stay internal.
export type { Array2D, Coeffs2D, Mode, Wavelet, WaveletLike } from './types.ts';
export { MODES, isMode } from './modes.ts';
export { getWavelet, waveletFromBank, waveletFromH0, waveletNames } from './wavelets.ts';
export { dwt, dwtCoeffLen, dwtMaxLevel, idwt } from './dwt.ts';
export { wavedec, waverec } from './wavedec.ts';
export { fromRows, toArray2D, toRows } from './array2d.ts';
export { dwt2, idwt2, type Bands2D } from './dwt2.ts';
export { wavedec2, waverec2 } from './wavedec2.ts';
export * from './wavefun.ts';
export * from './filterQuality.ts';
export * from './io/index.ts';
export { createRng, kFoldIndices, splitIndices, type Rng, type Split } from './rng.ts';
export type { Dataset } from './datasets/types.ts';
export {
  simulate1d,
  type Simulate1dOptions,
  type Simulation1d,
  type SimulationTruth,
} from './datasets/simulation.ts';
export * from './fft.ts';
export * from './linalg.ts';
export * from './datasets/massMaps.ts';
export * from './datasets/endocytosis.ts';
export * from './datasets/index.ts';
export * from './predict/peaks.ts';
export * from './predict/conv2d.ts';
export * from './predict/kernels.ts';
export * from './predict/peakCount.ts';
export * from './predict/topk.ts';
export * from './predict/linear.ts';
export * from './predict/metrics.ts';
export * from './predict/compression.ts';
