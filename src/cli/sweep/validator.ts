// The selection metric of a sweep: the configured (or default) predictor fitted on the train split and
// scored on the validation split — 1-D: the top-attributed linear model (needs the teacher) or top-k
// ridge, R² by default; 2-D: peak counting with the wavelet's kernels, RMSE of Ω_m by default.
import type { Teacher } from '../../model/teacher/types.ts';
import type { Split3 } from '../../model/evaluate/splits.ts';
import { validator1d, validator2d, type Validation } from '../../model/sweep/validate.ts';
import { CliError } from '../errors.ts';
import type { ExperimentData } from '../evaluate/dataSpec.ts';
import type { SweepSpec } from './spec.ts';

export interface SweepValidator {
  readonly fn: (h0: Float64Array) => Validation;
  readonly describe: { readonly predictor: string; readonly metric: string; readonly split: 'val' };
}

export function makeValidator(
  spec: SweepSpec,
  data: ExperimentData,
  split: Split3,
  teacher: Teacher | null,
): SweepValidator {
  const { validation: v, ev, exp } = spec;
  if (split.val.length < 2)
    throw new CliError(
      'awd sweep: "split.val": the validation split needs at least 2 samples to select a run',
    );
  if (data.dims === 2) {
    const predictor = v.predictor ?? 'peak_count';
    if (predictor !== 'peak_count')
      throw new CliError(`awd sweep: "validation.predictor": ${predictor} is 1-D; 2-D data uses peak_count`);
    if (!data.labels)
      throw new CliError(
        'awd sweep: peak counting needs class labels per map ("data.labels", or the mass-maps built-in)',
      );
    const metric = v.metric ?? 'rmse';
    const labels = data.labels;
    const fn = validator2d(
      { x: data.x, y: data.y, labels, n: data.shape[0]!, H: data.shape[1]!, W: data.shape[2]! },
      split,
      { metric, kernels: ev.kernels, boundary: ev.boundary, peaks: ev.peaks },
    );
    return { fn, describe: { predictor, metric, split: 'val' } };
  }
  const predictor = v.predictor ?? (teacher ? 'top_attr_linear' : 'topk_ridge');
  if (predictor === 'peak_count')
    throw new CliError(
      'awd sweep: "validation.predictor": peak_count is 2-D; 1-D data uses top_attr_linear or topk_ridge',
    );
  if (predictor === 'top_attr_linear' && !teacher)
    throw new CliError('awd sweep: "validation.predictor": top_attr_linear needs a "teacher"');
  const metric = v.metric ?? 'r2';
  if (metric === 'accuracy')
    throw new CliError('awd sweep: "validation.metric": accuracy exists for peak_count only');
  const fn = validator1d({ x: data.x, y: data.y, n: data.shape[0]!, L: data.shape[1]! }, split, {
    predictor,
    metric,
    mode: exp.awd.mode,
    level: exp.awd.level,
    teacher,
    target: exp.awd.target,
    attribution: exp.awd.attribution,
    igSteps: exp.awd.igSteps,
    topk: ev.topk,
    topAttr: ev.topAttr,
    ridge: ev.ridge,
  });
  return { fn, describe: { predictor, metric, split: 'val' } };
}
