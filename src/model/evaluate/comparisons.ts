// Paired bootstrap differences between two predictors on the same held-out samples: both are scored on
// the SAME resamples, so the SE of the difference excludes the sample-to-sample variation the two
// share (two separate SEs overstate the uncertainty of "AWD beats db5" when their errors correlate).
import { createRng } from '../../core/rng.ts';
import { accuracy, r2, rmse } from '../../core/predict/metrics.ts';
import type { BootstrapOptions } from './metrics.ts';
import type { EvalRow, MetricName } from './types.ts';

export interface Comparison {
  /** Methods compared: metric(a) − metric(b). */
  readonly a: string;
  readonly b: string;
  readonly metric: MetricName;
  readonly diff: number;
  /** Standard deviation of the difference over paired bootstrap resamples. */
  readonly se: number;
}

const FNS = { rmse, r2, accuracy } as const;

/** metric(y, a) − metric(y, b), and the std of that difference over `reps` paired resamples. */
export function pairedDifference(
  y: ArrayLike<number>,
  a: ArrayLike<number>,
  b: ArrayLike<number>,
  metric: MetricName,
  o: BootstrapOptions,
): { diff: number; se: number } {
  const n = y.length;
  if (a.length !== n || b.length !== n)
    throw new Error('pairedDifference: y, a and b must have equal lengths');
  const f = FNS[metric];
  const rng = createRng(o.seed);
  const ys = new Float64Array(n);
  const as = new Float64Array(n);
  const bs = new Float64Array(n);
  let s = 0;
  let s2 = 0;
  for (let r = 0; r < o.reps; r++) {
    for (let i = 0; i < n; i++) {
      const j = rng.int(n);
      ys[i] = y[j]!;
      as[i] = a[j]!;
      bs[i] = b[j]!;
    }
    const d = f(ys, as) - f(ys, bs);
    s += d;
    s2 += d * d;
  }
  const mean = s / o.reps;
  return { diff: f(y, a) - f(y, b), se: Math.sqrt(Math.max(0, s2 / o.reps - mean * mean)) };
}

/**
 * Every learned-wavelet row against every fixed-wavelet row of the same predictor, on `metric`.
 * `preds` holds each row's held-out predictions by method name.
 */
export function compareRows(
  rows: readonly EvalRow[],
  preds: ReadonlyMap<string, ArrayLike<number>>,
  y: ArrayLike<number>,
  metric: MetricName,
  o: BootstrapOptions,
): Comparison[] {
  const out: Comparison[] = [];
  for (const a of rows.filter((r) => r.family === 'awd'))
    for (const b of rows.filter((r) => r.family === 'wavelet' && r.predictor === a.predictor)) {
      const d = pairedDifference(y, preds.get(a.method)!, preds.get(b.method)!, metric, o);
      out.push({ a: a.method, b: b.method, metric, ...d });
    }
  return out;
}
