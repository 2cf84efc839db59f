// The teacher of an `awd fit` run (engine side): load the model.json or train the seeded architecture
// (the second-order probe runs when it is built, model/teacher/teacher.ts), then teacherCheck.ts
// decides whether it fits x and the target and what γ can be.
import { loadTeacherFromArtifacts, teacherToArtifacts, trainTeacher } from '../../model/teacher/index.ts';
import type { Teacher } from '../../model/teacher/index.ts';
import { CliError } from '../errors.ts';
import { onBackend } from '../nodeBackend.ts';
import type { NodeBackend } from '../nodeBackend.ts';
import type { FitData } from './data.ts';
import type { ProgressSink } from './progress.ts';
import type { FitSpec } from './spec.ts';
import { weightsName, writeTeacherFiles } from './teacherFiles.ts';
import type { TeacherFiles } from './teacherFiles.ts';
import type { TrainSpec } from './teacherSpec.ts';
import type { TrainSetup } from './trainSetup.ts';
import { checkTeacher } from './teacherCheck.ts';

/** What the command prepared before the engine started (files read, arch resolved). */
export type PreparedTeacher =
  | { source: 'model'; path: string; files: TeacherFiles }
  | { source: 'train'; spec: TrainSpec; setup: TrainSetup }
  | null;

export interface FitTeacher {
  /** For the trainer: null when there is none or γ was forced to 0 for want of second derivatives. */
  readonly teacher: Teacher | null;
  readonly gamma: number;
  readonly info: Record<string, unknown>;
  readonly warnings: string[];
  dispose(): void;
}

const errText = (e: unknown) => (e instanceof Error ? e.message : String(e));

async function train(
  p: { spec: TrainSpec; setup: TrainSetup },
  data: FitData,
  backend: NodeBackend,
  progress: ProgressSink,
) {
  const { spec, setup } = p;
  // wasm has no Conv2DBackpropFilter (shared/notes/TFJS.md): convolution teachers train on cpu.
  const conv = setup.arch.kind === 'cnn1d' || setup.arch.kind === 'cnn2d';
  const where: NodeBackend = backend === 'wasm' && conv ? 'cpu' : backend;
  const run = () =>
    trainTeacher({
      arch: setup.arch,
      seed: spec.seed,
      x: data.x,
      y: setup.y,
      task: spec.task,
      epochs: spec.epochs,
      batchSize: spec.batchSize,
      learningRate: spec.lr,
      validationSplit: spec.validationSplit,
      patience: spec.patience,
      metric: spec.metric,
      onEpoch: (log) => progress.teacherEpoch(log.epoch, spec.epochs, log.trainLoss, log.valLoss),
    });
  try {
    const r = await onBackend(where, run);
    return { ...r, trainedOn: where };
  } catch (e) {
    throw new CliError(`awd fit: "teacher.train": ${errText(e)}`);
  }
}

export async function obtainTeacher(
  spec: FitSpec,
  prepared: PreparedTeacher,
  data: FitData,
  backend: NodeBackend,
  progress: ProgressSink,
): Promise<FitTeacher> {
  const gamma = spec.awd.gamma;
  if (prepared === null)
    return { teacher: null, gamma, info: { source: 'none' }, warnings: [], dispose() {} };
  let teacher: Teacher;
  let info: Record<string, unknown>;
  if (prepared.source === 'model') {
    try {
      teacher = loadTeacherFromArtifacts(prepared.files.modelJson, prepared.files.weightData);
    } catch (e) {
      throw new CliError(`awd fit: "teacher.model" (${prepared.path}): ${errText(e)}`);
    }
    info = { source: 'model', path: prepared.path };
  } else {
    const r = await train(prepared, data, backend, progress);
    teacher = r.teacher;
    const last = r.history[r.history.length - 1];
    info = {
      source: 'train',
      task: prepared.spec.task,
      held_out: r.heldOut,
      best_epoch: r.bestEpoch,
      epochs_run: r.history.length,
      trained_on: r.trainedOn,
      final_train_loss: last?.trainLoss ?? null,
      final_val_loss: last?.valLoss ?? null,
      history: r.history.map((h) => ({ epoch: h.epoch, train_loss: h.trainLoss, val_loss: h.valLoss })),
    };
  }
  try {
    // Saved before the checks below: a trained teacher is worth keeping even if this run cannot use it.
    if (prepared.source === 'train' && prepared.spec.save) {
      const a = teacherToArtifacts(teacher, weightsName(prepared.spec.save));
      writeTeacherFiles(prepared.spec.save, a.modelJson, a.weightData);
      info.saved = prepared.spec.save;
    }
    const label = prepared.source === 'model' ? `"teacher.model" (${prepared.path})` : 'the trained teacher';
    const c = checkTeacher(spec, teacher, label, data.shape.slice(1));
    return { ...c, info: { ...info, ...c.info }, dispose: () => teacher.dispose() };
  } catch (e) {
    teacher.dispose();
    throw e;
  }
}
