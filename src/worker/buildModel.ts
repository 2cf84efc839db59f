// Makes the teacher and the trainer for one run, turning every failure into a typed error event
// instead of an exception (a bad upload or config must never kill the worker). A teacher that fails
// the compatibility check does not stop the run: AWD trains without it, with γ forced to 0, and the
// engine tells the user exactly why (the check's message and problems).
import type { AwdConfig } from '../protocol/config.ts';
import type { DataPayload, ErrorCode, TeacherArtifacts, TeacherProblem } from '../protocol/messages.ts';
import type { EngineDeps, TeacherLike, TrainerLike } from './types.ts';

const errText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Why the γ term is off for this run. */
export interface GammaBlock {
  message: string;
  problems: TeacherProblem[];
}

export type Built<T> =
  | { ok: true; teacher: T | null; trainer: TrainerLike; gammaBlock: GammaBlock | null }
  | { ok: false; code: ErrorCode; message: string };

type OnHost = <R>(fn: () => R | Promise<R>) => Promise<R>;

/**
 * `h0` (when given) warm-starts the trainer from that filter instead of the config's initial one.
 * `host` runs the teacher's check where synchronous reads work (its second-order probe reads).
 */
export async function buildModel<T extends TeacherLike>(
  deps: EngineDeps<T>,
  artifacts: TeacherArtifacts,
  data: DataPayload,
  config: AwdConfig,
  h0: number[] | null,
  host: OnHost,
): Promise<Built<T>> {
  const { teacher: loaded, check } = await host(() =>
    deps.inspectTeacher(artifacts, data.shape.slice(1), config.target),
  );
  let teacher = loaded;
  let gammaBlock: GammaBlock | null = null;
  if (!check.canUseGamma) {
    teacher?.dispose();
    teacher = null;
    const forced = config.gamma > 0 ? `γ forced to 0 (${config.gamma} was asked for): ` : 'no attributions: ';
    gammaBlock = { message: forced + check.message, problems: check.problems };
  }
  try {
    const cfg: AwdConfig = { ...config, ...(h0 ? { h0 } : {}), ...(gammaBlock ? { gamma: 0 } : {}) };
    const trainer = deps.createTrainer({ x: data.x, shape: data.shape, teacher, config: cfg });
    return { ok: true, teacher, trainer, gammaBlock };
  } catch (e) {
    teacher?.dispose();
    return { ok: false, code: 'bad_config', message: `trainer: ${errText(e)}` };
  }
}
