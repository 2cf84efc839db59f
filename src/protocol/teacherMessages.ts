// Teacher messages: train a seeded teacher in the worker, and check an uploaded one for what AWD needs
// (a forward that fits the data, and second derivatives for the γ term). Plain data like the rest of
// the protocol; model/teacher's own types are mirrored here because protocol imports no model code.
import type { DataPayload, TeacherArtifacts } from './messages.ts';

export const TEACHER_KINDS = ['mlp1d', 'cnn1d', 'lstm', 'cnn2d'] as const;
export type TeacherKindName = (typeof TEACHER_KINDS)[number];
export const TEACHER_TASKS = ['regression', 'classification'] as const;
export type TeacherTask = (typeof TEACHER_TASKS)[number];

/**
 * Mirror of model/teacher/build.ts's TeacherArch. Sizes left out are taken from the data (input length,
 * height, width) and, for `outputs`, from y (regression: yShape[1] ?? 1; classification: max id + 1).
 */
export type TeacherArchSpec =
  | { kind: 'mlp1d'; inputLength?: number; hidden?: number[]; activation?: string; outputs?: number }
  | {
      kind: 'cnn1d';
      inputLength?: number;
      filters?: number;
      kernelSize?: number;
      dense?: number;
      outputs?: number;
    }
  | { kind: 'lstm'; inputLength?: number; units?: number; outputs?: number }
  | { kind: 'cnn2d'; height?: number; width?: number; filters?: number; outputs?: number };

// ---- main → worker ----

/**
 * Trains a seeded teacher on (data, y) with Adam and early stopping on a seeded validation split, then
 * answers `teacherTrained` (or an error). AWD training is paused meanwhile; `stopTeacher` ends it early
 * (the best weights so far are still returned).
 */
export interface TrainTeacherCommand {
  type: 'trainTeacher';
  arch: TeacherArchSpec;
  /** Inputs N×L (1-D archs) or N×H×W (cnn2d). Transferred. */
  data: DataPayload;
  /** Regression: N×outputs targets (yShape [N] or [N, outputs]); classification: N class ids 0…k−1. Transferred. */
  y: Float32Array;
  yShape: number[];
  task: TeacherTask;
  /** Maximum epochs (≥ 1). */
  epochs: number;
  /** Mini-batch size (≥ 1). */
  batchSize: number;
  /** Adam learning rate (> 0). */
  lr: number;
  /** Seeds the initial weights, the validation split and the batch order. */
  seed: number;
  /** Fraction held out for early stopping and the reported metric, in (0, 1). */
  validationSplit: number;
  /** Epochs without a better validation loss before stopping (≥ 1). */
  patience: number;
}
/** Stops a running `trainTeacher` after its current epoch; ignored when none runs. Not queued. */
export interface StopTeacherCommand {
  type: 'stopTeacher';
}
/** Checks a teacher without training anything; answered by `teacherChecked`. */
export interface CheckTeacherCommand {
  type: 'checkTeacher';
  teacher: TeacherArtifacts;
  /** Per-sample shape of the data it will explain ([L] or [H, W]). */
  inputShape: number[];
  /** Output index the attributions explain (config.target); default 0. */
  target?: number;
}

// ---- worker → main ----

/** One teacher epoch: mean training loss and validation loss (MSE or cross-entropy). */
export interface TeacherEpochRecord {
  epoch: number;
  loss: number;
  valLoss: number;
}
/** ~10 Hz while a teacher trains: the latest epoch, plus every epoch since the previous event. */
export interface TeacherProgressEvent extends TeacherEpochRecord {
  type: 'teacherProgress';
  /** The maximum (trainTeacher.epochs); early stopping may end sooner. */
  epochs: number;
  records: TeacherEpochRecord[];
}

/** A layer or op that stops a teacher from being used (at all, or for the γ term). */
export interface TeacherProblem {
  /** Layer name from model.json, or '(model)' for the file as a whole. */
  layer: string;
  /** The layer class, activation or tfjs kernel at fault. */
  op: string;
  reason: string;
}
export interface TeacherLayerInfo {
  name: string;
  className: string;
  /** The layer's activation(s) as written in model.json, when it has any. */
  activation?: string;
  /** False: this layer is one of `problems`. */
  ok: boolean;
}
/** The compatibility verdict (also the second-order verdict of a trained teacher). */
export interface TeacherCheck {
  /** The forward runs on samples of the given shape and has the target output. */
  ok: boolean;
  /** ok, and every layer can be differentiated twice (the γ term works). */
  canUseGamma: boolean;
  layers: TeacherLayerInfo[];
  problems: TeacherProblem[];
  /** One human sentence: what works, or exactly why not and what follows (γ = 0). */
  message: string;
}
export interface TeacherCheckedEvent extends TeacherCheck {
  type: 'teacherChecked';
}

export type TeacherMetricName = 'rmse' | 'r2' | 'accuracy';
export interface TeacherTrainedEvent {
  type: 'teacherTrained';
  /** model.json + one weights shard, ready for `init` or a download. Transferred. */
  artifacts: TeacherArtifacts;
  /** On the held-out split: r2 (regression) or accuracy (classification). */
  metric: { name: TeacherMetricName; value: number };
  /** Epochs run, and the one whose weights were kept (best validation loss). */
  epochs: number;
  bestEpoch: number;
  stoppedBy: 'patience' | 'maxEpochs' | 'user' | 'nonFinite';
  history: TeacherEpochRecord[];
  compat: TeacherCheck;
  ms: number;
}

/**
 * A non-fatal notice. `gamma_disabled`: the teacher cannot serve the γ term, so training runs with γ = 0
 * (the message says exactly why; `problems` lists the layers/ops).
 */
export interface WarningEvent {
  type: 'warning';
  code: 'gamma_disabled';
  message: string;
  problems: TeacherProblem[];
}

export type TeacherCommand = TrainTeacherCommand | StopTeacherCommand | CheckTeacherCommand;
export type TeacherEvent = TeacherProgressEvent | TeacherTrainedEvent | TeacherCheckedEvent | WarningEvent;
