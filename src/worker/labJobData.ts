// The lab's labelled data in the shapes model/evaluate and model/sweep take (float64 rows, Split3), and
// the run's teacher loaded for a job. Jobs load their own copy of the teacher inside `host`, so on a
// backend without synchronous reads (WebGPU in a worker) its tensors live on cpu with the job's.
import { inspectTeacher } from './teacherCheck.ts';
import type { Data2d } from '../model/evaluate/peakCounting.ts';
import type { Data1d } from '../model/evaluate/predictors1d.ts';
import type { Split3 } from '../model/evaluate/splits.ts';
import { loadTeacherFromArtifacts } from '../model/teacher/loadLayersModel.ts';
import type { Teacher } from '../model/teacher/types.ts';
import type { LabelledData, TeacherArtifacts } from '../protocol/messages.ts';

export function splitOf(d: LabelledData): Split3 & { seed: number } {
  return { train: d.train, val: d.val, test: d.test, seed: d.splitSeed };
}

export function data1d(d: LabelledData): Data1d {
  return { x: Float64Array.from(d.x), y: Float64Array.from(d.y), n: d.shape[0]!, L: d.shape[1]! };
}

export function data2d(d: LabelledData): Data2d {
  if (!d.groups) throw new Error('2-D data needs a class per map (groups) for peak counting');
  const [n, H, W] = d.shape as [number, number, number];
  return { x: Float64Array.from(d.x), y: Float64Array.from(d.y), labels: d.groups, n, H, W };
}

/**
 * The teacher for a job, or null. `forGamma`: only a teacher whose second derivatives work (the sweep
 * trains with γ); otherwise any teacher whose forward runs (predictions and first-order attributions).
 */
export function jobTeacher(
  artifacts: TeacherArtifacts | null,
  signalShape: readonly number[],
  target: number,
  forGamma: boolean,
): Teacher | null {
  if (!artifacts) return null;
  const r = inspectTeacher(artifacts, signalShape, target, (a) =>
    loadTeacherFromArtifacts(a.modelJson, a.weightData),
  );
  if (r.teacher && (forGamma ? r.check.canUseGamma : r.check.ok)) return r.teacher;
  r.teacher?.dispose();
  return null;
}
