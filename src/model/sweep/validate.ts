// Selection by validation metric: a finished run's h0 feeds a distilled predictor fitted on the
// training split and scored on the validation split (never the test split, which the evaluation table
// reports). The best run is the one with the best validation value (ties: the lower index).
import { accuracy, r2, rmse } from '../../core/predict/metrics.ts';
import type { TopkBy } from '../../core/predict/topk.ts';
import { waveletFilters } from '../../core/predict/peakCount.ts';
import type { Boundary } from '../../core/predict/conv2d.ts';
import type { AttributionMethod, TrainMode } from '../../protocol/config.ts';
import { coefficientPass } from '../evaluate/coefficients.ts';
import { higherIsBetter } from '../evaluate/metrics.ts';
import { peakCount, type Data2d, type PeakOptions } from '../evaluate/peakCounting.ts';
import {
  positionsLinear,
  topAttributedPositions,
  topkRidge,
  type Data1d,
  type RidgeOptions,
} from '../evaluate/predictors1d.ts';
import { pick, rowsOf, type Split3 } from '../evaluate/splits.ts';
import type { MetricName } from '../evaluate/types.ts';
import type { Teacher } from '../teacher/types.ts';

export interface Validation {
  readonly predictor: string;
  readonly metric: MetricName;
  readonly value: number;
}

export type Predictor1d = 'top_attr_linear' | 'topk_ridge';

export interface Validator1dOptions {
  readonly predictor: Predictor1d;
  readonly metric: 'r2' | 'rmse';
  readonly mode: TrainMode;
  readonly level: number;
  readonly teacher: Teacher | null;
  readonly target: number;
  readonly attribution: AttributionMethod;
  readonly igSteps: number;
  readonly topk: { readonly k: number; readonly by: TopkBy };
  readonly topAttr: number;
  readonly ridge: RidgeOptions;
}

const score = (metric: MetricName, y: ArrayLike<number>, yhat: ArrayLike<number>) =>
  metric === 'rmse' ? rmse(y, yhat) : metric === 'r2' ? r2(y, yhat) : accuracy(y, yhat);

/** The predictor fitted on `split.train`, scored on `split.val`. */
export function validator1d(
  d: Data1d,
  split: Split3,
  o: Validator1dOptions,
): (h0: Float64Array) => Validation {
  const onVal: Split3 = { train: split.train, val: new Int32Array(0), test: split.val };
  const yVal = pick(d.y, split.val);
  const xTrain = Float32Array.from(rowsOf(d.x, d.L, split.train));
  const clock = () => 0; // validation is not timed
  return (h0) => {
    let yhat: Float64Array;
    if (o.predictor === 'topk_ridge') {
      yhat = topkRidge(d, onVal, h0, { mode: o.mode, level: o.level, ...o.topk, ridge: o.ridge }, clock).yhat;
    } else {
      if (!o.teacher)
        throw new Error(
          'validator1d: top_attr_linear needs a teacher (its attributions rank the coefficients)',
        );
      const pass = coefficientPass(h0, xTrain, [d.L], o);
      const trainRows = Int32Array.from({ length: split.train.length }, (_, i) => i);
      const positions = topAttributedPositions(pass.attributions!, pass.P, trainRows, o.topAttr);
      yhat = positionsLinear(
        d,
        onVal,
        h0,
        positions,
        { mode: o.mode, level: o.level, ridge: o.ridge },
        clock,
      ).yhat;
    }
    return { predictor: o.predictor, metric: o.metric, value: score(o.metric, yVal, yhat) };
  };
}

export interface Validator2dOptions {
  readonly metric: MetricName;
  readonly kernels: '3x3' | 'full';
  readonly boundary: Boundary;
  readonly peaks: PeakOptions;
}

/** Peak counting with the wavelet's kernels, fitted on `split.train`, scored on `split.val`. */
export function validator2d(
  d: Data2d,
  split: Split3,
  o: Validator2dOptions,
): (h0: Float64Array) => Validation {
  const onVal: Split3 = { train: split.train, val: new Int32Array(0), test: split.val };
  return (h0) => {
    const f = peakCount(d, onVal, waveletFilters(h0, o.kernels, o.boundary), o.peaks, () => 0);
    const value =
      o.metric === 'accuracy'
        ? accuracy(
            Int32Array.from(split.val, (i) => d.labels[i]!),
            f.labelHat,
          )
        : score(o.metric, pick(d.y, split.val), f.yhat);
    return { predictor: 'peak_count', metric: o.metric, value };
  };
}

/** Index of the best completed run with a validation value (ties: lower index); null if none. */
export function selectBest(
  runs: readonly { index: number; status: string; validation: Validation | null }[],
): number | null {
  let best: { index: number; value: number } | null = null;
  for (const r of [...runs].sort((a, b) => a.index - b.index)) {
    const v = r.validation;
    if (r.status !== 'completed' || !v || !Number.isFinite(v.value)) continue;
    const better = higherIsBetter(v.metric) ? (b: number) => v.value > b : (b: number) => v.value < b;
    if (best === null || better(best.value)) best = { index: r.index, value: v.value };
  }
  return best?.index ?? null;
}
