// The evaluation table for a loaded experiment (engine side, tfjs): picks the 1-D or 2-D pipelines by
// the data's shape and checks that every requested method has what it needs.
import { evaluate1d, type Method1d } from '../../model/evaluate/evaluate1d.ts';
import { evaluate2d, type Baseline2d } from '../../model/evaluate/evaluate2d.ts';
import type { Split3 } from '../../model/evaluate/splits.ts';
import type { EvaluationTable, NamedWavelet } from '../../model/evaluate/types.ts';
import type { Teacher } from '../../model/teacher/types.ts';
import type { AwdConfig } from '../../protocol/config.ts';
import type { ExperimentData } from './dataSpec.ts';
import type { EvalSpec } from './evalSpec.ts';
import { methodsFor } from './methods.ts';

export interface EvalInputs {
  readonly data: ExperimentData;
  readonly split: Split3 & { readonly seed: number };
  readonly teacher: Teacher | null;
  readonly wavelets: readonly NamedWavelet[];
  readonly spec: EvalSpec;
  readonly awd: AwdConfig;
  readonly now: () => number;
}

export function runEvaluation(cmd: string, e: EvalInputs): EvaluationTable {
  const { data, spec, awd } = e;
  const methods = methodsFor(cmd, data.dims, spec.methods, e.teacher !== null, data.labels !== null);
  const common = {
    split: e.split,
    targetName: data.targetName,
    wavelets: e.wavelets,
    teacher: e.teacher,
    mode: awd.mode,
    level: awd.level,
    target: awd.target,
    attribution: awd.attribution,
    igSteps: awd.igSteps,
    bootstrap: spec.bootstrap,
    attrThreshold: spec.attrThreshold,
    now: e.now,
  };
  if (data.dims === 1)
    return evaluate1d({
      ...common,
      data: { x: data.x, y: data.y, n: data.shape[0]!, L: data.shape[1]! },
      methods: methods as Method1d[],
      topk: spec.topk,
      topAttr: spec.topAttr,
      ridge: spec.ridge,
    });
  return evaluate2d({
    ...common,
    data: {
      x: data.x,
      y: data.y,
      labels: data.labels!,
      n: data.shape[0]!,
      H: data.shape[1]!,
      W: data.shape[2]!,
    },
    wavelets: methods.includes('peak_count') ? e.wavelets : [],
    baselines: methods.filter((m) => m !== 'peak_count' && m !== 'teacher') as Baseline2d[],
    includeTeacher: methods.includes('teacher'),
    kernels: spec.kernels,
    boundary: spec.boundary,
    peaks: spec.peaks,
  });
}
