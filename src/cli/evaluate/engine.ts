// The engine half of `awd evaluate` (loaded lazily: only this half needs tfjs): backend, teacher,
// wavelets, the table, and the result document.
import { CliError } from '../errors.ts';
import type { PreparedTeacher } from '../fit/teacher.ts';
import { selectNodeBackend } from '../nodeBackend.ts';
import type { ExperimentData } from './dataSpec.ts';
import { snakeKeys } from './json.ts';
import { runEvaluation } from './runEval.ts';
import type { EvaluateSpec } from './spec.ts';
import { trainingFitData } from './prepare.ts';
import { experimentTeacher } from './teacher.ts';
import { resolveWavelets } from './wavelets.ts';
import type { Split3 } from '../../model/evaluate/splits.ts';
import { pick, rowsOf } from '../../model/evaluate/splits.ts';
import type { EvaluationTable } from '../../model/evaluate/types.ts';

export interface EvaluateOutcome {
  readonly result: Record<string, unknown>;
  readonly table: EvaluationTable;
  readonly warnings: string[];
}

export async function runEvaluate(
  spec: EvaluateSpec,
  data: ExperimentData,
  split: Split3 & { seed: number },
  prepared: PreparedTeacher,
  now: () => number = () => performance.now(),
): Promise<EvaluateOutcome> {
  const t0 = now();
  const { exp, ev } = spec;
  let report;
  try {
    report = await selectNodeBackend(exp.awd.backend);
  } catch (e) {
    throw new CliError(`awd evaluate: "awd.backend": ${(e as Error).message}`, 1);
  }
  const per = data.shape.slice(1).reduce((p, d) => p * d, 1);
  const fitData = trainingFitData(
    rowsOf(data.x, per, split.train),
    pick(data.y, split.train),
    data.shape.slice(1),
  );
  // γ = 0: an evaluation only needs first derivatives of the teacher (its attributions).
  const t = await experimentTeacher('evaluate', prepared, { ...exp.awd, gamma: 0 }, fitData, report.backend);
  try {
    const wavelets = resolveWavelets('evaluate', ev.wavelets, null);
    const table = runEvaluation('evaluate', {
      data,
      split,
      teacher: t.teacher,
      wavelets,
      spec: ev,
      awd: exp.awd,
      now,
    });
    const result = snakeKeys({
      command: 'evaluate',
      config: exp.configPath,
      data: { description: data.description, shape: data.shape, target: data.targetName },
      wavelets: wavelets.map((w) => ({ label: w.label, h0: w.h0, learned: w.learned })),
      teacher: t.info,
      backend: report.backend,
      table,
      wallSeconds: (now() - t0) / 1000,
    }) as Record<string, unknown>;
    return { result, table, warnings: t.warnings };
  } finally {
    t.dispose();
  }
}
