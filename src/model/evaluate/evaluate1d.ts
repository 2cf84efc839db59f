// The 1-D evaluation table: for every wavelet (AWD's h0, db5, …) the distilled predictors, plus the raw
// ridge baseline and the teacher itself, all scored on the same held-out rows with the same bootstrap.
import type { TopkBy } from '../../core/predict/topk.ts';
import type { AttributionMethod, TrainMode } from '../../protocol/config.ts';
import type { Teacher } from '../teacher/types.ts';
import { coefficientPass, locate } from './coefficients.ts';
import { compareRows } from './comparisons.ts';
import { compressionOf, type AttrThreshold } from './compression.ts';
import { regressionMetrics, type BootstrapOptions } from './metrics.ts';
import {
  positionsLinear,
  rawRidge,
  topAttributedPositions,
  topkRidge,
  type Clock,
  type Data1d,
  type Fitted,
  type RidgeOptions,
} from './predictors1d.ts';
import { pick, rowsOf, type Split3 } from './splits.ts';
import { teacherInputGradients, teacherParamCount, teacherPredict } from './teacherPredictor.ts';
import type { EvalRow, EvaluationTable, NamedWavelet } from './types.ts';

export const METHODS_1D = ['topk_ridge', 'top_attr_linear', 'raw_ridge', 'teacher'] as const;
export type Method1d = (typeof METHODS_1D)[number];

export interface Evaluate1dInput {
  readonly data: Data1d;
  readonly split: Split3 & { readonly seed: number };
  readonly targetName: string;
  readonly wavelets: readonly NamedWavelet[];
  readonly teacher: Teacher | null;
  readonly methods: readonly Method1d[];
  readonly mode: TrainMode;
  readonly level: number;
  readonly target: number;
  readonly attribution: AttributionMethod;
  readonly igSteps: number;
  readonly topk: { readonly k: number; readonly by: TopkBy };
  /** How many top-attributed coefficients the linear model gets (the "≤ 10"). */
  readonly topAttr: number;
  readonly ridge: RidgeOptions;
  readonly bootstrap: BootstrapOptions;
  readonly attrThreshold: AttrThreshold;
  readonly now: Clock;
}

const LABEL: Record<Method1d, string> = {
  topk_ridge: 'top-k ridge',
  top_attr_linear: 'top-attributed linear',
  raw_ridge: 'raw ridge',
  teacher: 'teacher',
};

export function evaluate1d(inp: Evaluate1dInput): EvaluationTable {
  const { data: d, split, methods, bootstrap } = inp;
  const yTest = pick(d.y, split.test);
  const rows: EvalRow[] = [];
  const preds = new Map<string, Float64Array>();
  const xf = Float32Array.from(d.x);
  const row = (
    method: Method1d,
    basis: string,
    family: EvalRow['family'],
    f: Fitted,
    params: number | null,
    compression: EvalRow['compression'],
  ): EvalRow => {
    preds.set(`${basis} · ${LABEL[method]}`, f.yhat);
    return {
      method: `${basis} · ${LABEL[method]}`,
      predictor: method,
      basis,
      family,
      metrics: regressionMetrics(yTest, f.yhat, bootstrap),
      params,
      compression,
      msPerSample: f.msPerSample,
      details: f.details,
    };
  };
  const needPass = methods.includes('topk_ridge') || methods.includes('top_attr_linear');
  for (const w of inp.wavelets) {
    if (!needPass) break;
    const taps = w.learned ? w.h0.length : 0;
    const family = w.learned ? 'awd' : 'wavelet';
    const pass = coefficientPass(w.h0, xf, [d.L], { ...inp, teacher: inp.teacher });
    const nt = split.test.length;
    const comp = compressionOf(
      rowsOf(pass.coeffs, pass.P, split.test),
      pass.attributions && rowsOf(pass.attributions, pass.P, split.test),
      nt,
      pass.P,
      inp.attrThreshold,
    );
    const opts = { mode: inp.mode, level: inp.level, ridge: inp.ridge };
    if (methods.includes('topk_ridge')) {
      const f = topkRidge(d, split, w.h0, { ...opts, ...inp.topk }, inp.now);
      rows.push(row('topk_ridge', w.label, family, f, taps + f.modelParams, comp));
    }
    if (methods.includes('top_attr_linear') && pass.attributions) {
      const positions = topAttributedPositions(pass.attributions, pass.P, split.train, inp.topAttr);
      const f = positionsLinear(d, split, w.h0, positions, opts, inp.now);
      const where = positions.map((p) => locate(pass.bands, p));
      rows.push(
        row(
          'top_attr_linear',
          w.label,
          family,
          { ...f, details: { ...f.details, positions: where } },
          taps + f.modelParams,
          comp,
        ),
      );
    }
  }
  if (methods.includes('raw_ridge')) {
    const f = rawRidge(d, split, inp.ridge, inp.now);
    const comp = compressionOf(rowsOf(d.x, d.L, split.test), null, split.test.length, d.L, inp.attrThreshold);
    rows.push(row('raw_ridge', 'raw', 'baseline', f, f.modelParams, comp));
  }
  if (methods.includes('teacher') && inp.teacher) {
    const xte = Float32Array.from(rowsOf(d.x, d.L, split.test));
    const p = teacherPredict(inp.teacher, xte, [d.L], inp.target, inp.now);
    const grads = teacherInputGradients(inp.teacher, xte, [d.L], inp.target);
    const comp = compressionOf(Float64Array.from(xte), grads, split.test.length, d.L, inp.attrThreshold);
    const f = {
      yhat: p.yhat,
      msPerSample: p.msPerSample,
      modelParams: 0,
      details: { kind: inp.teacher.kind },
    };
    rows.push(row('teacher', 'teacher', 'teacher', f, teacherParamCount(inp.teacher), comp));
  }
  return {
    dims: 1,
    targetName: inp.targetName,
    primary: 'rmse',
    split: { train: split.train.length, val: split.val.length, test: split.test.length, seed: split.seed },
    bootstrap,
    rows,
    comparisons: compareRows(rows, preds, yTest, 'rmse', bootstrap),
  };
}
