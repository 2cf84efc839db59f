// Held-out metrics with bootstrap standard errors (core's bootstrapSE: the std of the metric over
// resamples of the test pairs, awave's rmse_bootstrap). Every row of a table uses the same reps and
// seed, so rows are resampled identically and their SEs are comparable.
import { accuracy, bootstrapSE, r2, rmse } from '../../core/predict/metrics.ts';
import type { MetricName, MetricValue } from './types.ts';

export interface BootstrapOptions {
  readonly reps: number;
  readonly seed: number;
}

const FNS = { rmse, r2, accuracy } as const;

export function metricWithSE(
  name: MetricName,
  y: ArrayLike<number>,
  yhat: ArrayLike<number>,
  b: BootstrapOptions,
): MetricValue {
  const r = bootstrapSE(y, yhat, FNS[name], b.reps, b.seed);
  return { value: r.value, se: r.se };
}

/** RMSE and R² of a regression prediction (in that order: RMSE is the primary, awave's measure). */
export function regressionMetrics(
  y: ArrayLike<number>,
  yhat: ArrayLike<number>,
  b: BootstrapOptions,
): { rmse: MetricValue; r2: MetricValue } {
  return { rmse: metricWithSE('rmse', y, yhat, b), r2: metricWithSE('r2', y, yhat, b) };
}

/** Larger is better for R² and accuracy, smaller for RMSE. */
export function higherIsBetter(name: MetricName): boolean {
  return name !== 'rmse';
}
