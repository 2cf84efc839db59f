// Makes the teacher and the trainer for one run, turning every failure into a typed error event
// instead of an exception (a bad upload or config must never kill the worker).
import type { AwdConfig } from '../protocol/config.ts';
import type { DataPayload, ErrorCode, TeacherArtifacts } from '../protocol/messages.ts';
import type { EngineDeps, TeacherLike, TrainerLike } from './types.ts';

const errText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export type Built<T> =
  { ok: true; teacher: T; trainer: TrainerLike } | { ok: false; code: ErrorCode; message: string };

/** `h0` (when given) warm-starts the trainer from that filter instead of the config's initial one. */
export function buildModel<T extends TeacherLike>(
  deps: EngineDeps<T>,
  artifacts: TeacherArtifacts,
  data: DataPayload,
  config: AwdConfig,
  h0: number[] | null,
): Built<T> {
  let teacher: T;
  try {
    teacher = deps.loadTeacher(artifacts);
  } catch (e) {
    return { ok: false, code: 'teacher', message: `teacher: ${errText(e)}` };
  }
  if (!teacher.compatibility.ok) {
    teacher.dispose();
    return { ok: false, code: 'teacher', message: `teacher: ${teacher.compatibility.problems.join('; ')}` };
  }
  try {
    const cfg = h0 ? { ...config, h0 } : config;
    const trainer = deps.createTrainer({ x: data.x, shape: data.shape, teacher, config: cfg });
    return { ok: true, teacher, trainer };
  } catch (e) {
    teacher.dispose();
    return { ok: false, code: 'bad_config', message: `trainer: ${errText(e)}` };
  }
}
