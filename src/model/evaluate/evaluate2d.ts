// The 2-D evaluation table (mass maps → Ω_m): peak counting with each wavelet's LL/LH/HL/HH kernels
// (AWD vs db5, awave's extract_patches), with awave's baselines (raw peaks, Laplace v1/v2, Roberts
// cross), and the teacher's own predictions. Metrics: RMSE and R² of Ω_m, and the accuracy of the
// predicted cosmology (the class whose χ² is smallest).
import type { Boundary } from '../../core/predict/conv2d.ts';
import { baselineFilter, waveletFilters } from '../../core/predict/peakCount.ts';
import type { AttributionMethod, TrainMode } from '../../protocol/config.ts';
import type { Teacher } from '../teacher/types.ts';
import { coefficientPass } from './coefficients.ts';
import { compareRows } from './comparisons.ts';
import { compressionOf, type AttrThreshold } from './compression.ts';
import { metricWithSE, regressionMetrics, type BootstrapOptions } from './metrics.ts';
import { peakCount, type Data2d, type PeakOptions } from './peakCounting.ts';
import type { Clock } from './predictors1d.ts';
import { pick, rowsOf, type Split3 } from './splits.ts';
import { teacherInputGradients, teacherParamCount, teacherPredict } from './teacherPredictor.ts';
import type { Compression, EvalRow, EvaluationTable, NamedWavelet } from './types.ts';

export const BASELINES_2D = ['raw', 'laplace_v1', 'laplace_v2', 'roberts_cross'] as const;
export type Baseline2d = (typeof BASELINES_2D)[number];

export interface Evaluate2dInput {
  readonly data: Data2d;
  readonly split: Split3 & { readonly seed: number };
  readonly targetName: string;
  readonly wavelets: readonly NamedWavelet[];
  readonly baselines: readonly Baseline2d[];
  readonly teacher: Teacher | null;
  readonly includeTeacher: boolean;
  /** '3x3': awave's extract_patches kernels; 'full': the K×K outer products. */
  readonly kernels: '3x3' | 'full';
  readonly boundary: Boundary;
  readonly peaks: PeakOptions;
  readonly mode: TrainMode;
  readonly level: number;
  readonly target: number;
  readonly attribution: AttributionMethod;
  readonly igSteps: number;
  readonly bootstrap: BootstrapOptions;
  readonly attrThreshold: AttrThreshold;
  readonly now: Clock;
}

const NO_COMPRESSION: Compression = { energy99: null, attrAbove: null };

export function evaluate2d(inp: Evaluate2dInput): EvaluationTable {
  const { data: d, split, bootstrap } = inp;
  const yTest = pick(d.y, split.test);
  const labelsTest = Int32Array.from(split.test, (i) => d.labels[i]!);
  const px = d.H * d.W;
  const nt = split.test.length;
  const xTest = Float32Array.from(rowsOf(d.x, px, split.test));
  const rows: EvalRow[] = [];
  const preds = new Map<string, Float64Array>();
  const add = (
    basis: string,
    family: EvalRow['family'],
    predictor: string,
    f: {
      yhat: Float64Array;
      labelHat: Int32Array | null;
      msPerSample: number;
      details: Record<string, unknown>;
    },
    params: number | null,
    compression: Compression,
  ) => {
    preds.set(`${basis} · ${predictor === 'teacher' ? 'teacher' : 'peak count'}`, f.yhat);
    rows.push({
      method: `${basis} · ${predictor === 'teacher' ? 'teacher' : 'peak count'}`,
      predictor,
      basis,
      family,
      metrics: {
        ...regressionMetrics(yTest, f.yhat, bootstrap),
        ...(f.labelHat ? { accuracy: metricWithSE('accuracy', labelsTest, f.labelHat, bootstrap) } : {}),
      },
      params,
      compression,
      msPerSample: f.msPerSample,
      details: f.details,
    });
  };
  for (const w of inp.wavelets) {
    const pass = coefficientPass(w.h0, xTest, [d.H, d.W], inp);
    const comp = compressionOf(pass.coeffs, pass.attributions, nt, pass.P, inp.attrThreshold);
    const f = peakCount(d, split, waveletFilters(w.h0, inp.kernels, inp.boundary), inp.peaks, inp.now);
    const taps = w.learned ? w.h0.length : 0;
    add(w.label, w.learned ? 'awd' : 'wavelet', 'peak_count', f, taps + f.modelParams, comp);
  }
  for (const b of inp.baselines) {
    const f = peakCount(d, split, [baselineFilter(b)], inp.peaks, inp.now);
    const comp =
      b === 'raw' ? compressionOf(Float64Array.from(xTest), null, nt, px, inp.attrThreshold) : NO_COMPRESSION;
    add(b, 'baseline', 'peak_count', f, f.modelParams, comp);
  }
  if (inp.includeTeacher && inp.teacher) {
    const p = teacherPredict(inp.teacher, xTest, [d.H, d.W], inp.target, inp.now, 64);
    const grads = teacherInputGradients(inp.teacher, xTest, [d.H, d.W], inp.target, 64);
    const comp = compressionOf(Float64Array.from(xTest), grads, nt, px, inp.attrThreshold);
    const f = {
      yhat: p.yhat,
      labelHat: null,
      msPerSample: p.msPerSample,
      details: { kind: inp.teacher.kind },
    };
    add('teacher', 'teacher', 'teacher', f, teacherParamCount(inp.teacher), comp);
  }
  return {
    dims: 2,
    targetName: inp.targetName,
    primary: 'rmse',
    split: { train: split.train.length, val: split.val.length, test: nt, seed: split.seed },
    bootstrap,
    rows,
    comparisons: compareRows(rows, preds, yTest, 'rmse', bootstrap),
  };
}
