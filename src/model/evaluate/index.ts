// Distilled predictors and the evaluation table (held-out metrics with bootstrap SEs, parameters,
// compression, inference time): AWD vs the teacher vs fixed wavelets and awave's baselines.
export * from './types.ts';
export { split3, stratifiedSplit3, rowsOf, pick } from './splits.ts';
export type { Split3, SplitOptions } from './splits.ts';
export { coefficientPass, locate } from './coefficients.ts';
export type { BandInfo, CoefficientPass, PassOptions } from './coefficients.ts';
export { compressionOf, meanAttrAbove, meanEnergy99, DEFAULT_ATTR_THRESHOLD } from './compression.ts';
export type { AttrThreshold } from './compression.ts';
export { higherIsBetter, metricWithSE, regressionMetrics } from './metrics.ts';
export type { BootstrapOptions } from './metrics.ts';
export {
  coeffRows1d,
  positionsLinear,
  rawRidge,
  topAttributedPositions,
  topkRidge,
  DEFAULT_RIDGE,
} from './predictors1d.ts';
export type { Clock, Data1d, Fitted, RidgeOptions } from './predictors1d.ts';
export { peakCount, peakEdges, DEFAULT_PEAKS } from './peakCounting.ts';
export type { Data2d, PeakFitted, PeakOptions } from './peakCounting.ts';
export { teacherInputGradients, teacherParamCount, teacherPredict } from './teacherPredictor.ts';
export { evaluate1d, METHODS_1D } from './evaluate1d.ts';
export type { Evaluate1dInput, Method1d } from './evaluate1d.ts';
export { evaluate2d, BASELINES_2D } from './evaluate2d.ts';
export type { Baseline2d, Evaluate2dInput } from './evaluate2d.ts';
export { compareRows, pairedDifference } from './comparisons.ts';
export type { Comparison } from './comparisons.ts';
