// The teacher section's tf-free half (the command runs it before the engine loads): the training rows
// in `awd fit`'s data form, the model file read or the architecture resolved against those rows, and
// the shared code's "awd fit:" messages re-labelled for this command.
import { CliError } from '../errors.ts';
import type { FitData } from '../fit/data.ts';
import type { PreparedTeacher } from '../fit/teacher.ts';
import { readTeacherFiles } from '../fit/teacherFiles.ts';
import type { TeacherSpec } from '../fit/teacherSpec.ts';
import { resolveTrainSetup } from '../fit/trainSetup.ts';

/** `awd fit: …` messages from the shared code, re-labelled for this command. */
export function relabel<T>(cmd: string, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof CliError) throw new CliError(e.message.replace(/^awd fit:/, `awd ${cmd}:`), e.exitCode);
    throw e;
  }
}

/** The training rows as `awd fit` takes data: float32 x of [n, ...signal], y as (n,). */
export function trainingFitData(x: Float64Array, y: Float64Array, signalShape: readonly number[]): FitData {
  return { x: Float32Array.from(x), shape: [y.length, ...signalShape], y: { shape: [y.length], data: y } };
}

/** Files are read / the arch resolved before any engine starts (fast failure on a bad path). */
export function prepareTeacher(
  cmd: string,
  t: TeacherSpec | null,
  data: FitData,
  target: number,
): PreparedTeacher {
  if (t === null) return null;
  return relabel(cmd, () =>
    t.source === 'model'
      ? { source: 'model', path: t.path, files: readTeacherFiles(t.path) }
      : { source: 'train', spec: t.train, setup: resolveTrainSetup(t.train, data, target) },
  );
}
