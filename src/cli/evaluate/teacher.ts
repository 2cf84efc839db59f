// The teacher of an evaluation or a sweep, through `awd fit`'s own code (cli/fit/teacher.ts): load a
// model.json, or train the seeded architecture — on the TRAINING split only, so the validation and test
// rows stay unseen by every model — optionally saving it, then the same fit/target/second-order checks.
import type { Teacher } from '../../model/teacher/index.ts';
import type { AwdConfig } from '../../protocol/config.ts';
import { CliError } from '../errors.ts';
import type { FitData } from '../fit/data.ts';
import { NO_PROGRESS, type ProgressSink } from '../fit/progress.ts';
import type { FitSpec } from '../fit/spec.ts';
import { obtainTeacher, type PreparedTeacher } from '../fit/teacher.ts';
import type { NodeBackend } from '../nodeBackend.ts';

export interface ExperimentTeacher {
  readonly teacher: Teacher | null;
  readonly info: Record<string, unknown>;
  readonly warnings: string[];
  dispose(): void;
}

async function relabelAsync<T>(cmd: string, f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    if (e instanceof CliError) throw new CliError(e.message.replace(/^awd fit:/, `awd ${cmd}:`), e.exitCode);
    throw e;
  }
}

export async function experimentTeacher(
  cmd: string,
  prepared: PreparedTeacher,
  awd: AwdConfig & { backend: 'auto' | 'cpu' | 'wasm' },
  data: FitData,
  backend: NodeBackend,
  progress: ProgressSink = NO_PROGRESS,
): Promise<ExperimentTeacher> {
  // obtainTeacher reads only these fields of a FitSpec; γ > 0 makes it insist on second derivatives.
  const spec = { awd, allowGammaZero: false } as unknown as FitSpec;
  const ft = await relabelAsync(cmd, () => obtainTeacher(spec, prepared, data, backend, progress));
  return { teacher: ft.teacher, info: ft.info, warnings: ft.warnings, dispose: () => ft.dispose() };
}
