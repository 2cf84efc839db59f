// What the engine needs from its surroundings. Everything with side effects (clock, event-loop yield,
// backend choice, model construction) is injected, so the engine is unit-tested over a Node
// MessageChannel with a fake clock and runs unchanged in a Worker or on the main thread.
import type { AwdConfig, BackendChoice } from '../protocol/config.ts';
import type {
  ActiveBackend,
  BackendTrial,
  TeacherArtifacts,
  TeacherCheck,
  TeacherEpochRecord,
  TeacherMetricName,
  Terms,
  TrainTeacherCommand,
} from '../protocol/messages.ts';
import type { AwdLossCase } from '../protocol/reference.ts';
import type { EvaluateJob, EvaluateResult, SweepHooks, SweepJob, SweepResult } from './labJobTypes.ts';

export type { Endpoint } from '../protocol/endpoint.ts';

/** Structural subset of model/train's StepRecord the engine reads. */
export interface StepRecordLike {
  step: number;
  epoch: number;
  terms: Terms;
  total: number;
  gradNorm: number;
  h0: Float64Array;
  lambda: number;
  gamma: number;
}

/** One sample's bands, attributions and reconstruction (model/train's SampleCoefficients). */
export interface CoefficientsLike {
  coeffs: Float32Array[];
  attributions: Float32Array[];
  shapes: number[][];
  recon: Float32Array;
}

/**
 * Structural subset of model/train's AwdTrainer, so tests can pass a fake. Only the asynchronous reads:
 * they work on every backend (WebGPU in a Worker has no trustworthy synchronous read).
 */
export interface TrainerLike {
  stepAsync(): Promise<StepRecordLike>;
  readonly epoch: number;
  readonly stepsPerEpoch: number;
  setWeights(w: { lambda?: number; gamma?: number }): void;
  setLr(lr: number): void;
  /** Host-side float64 copies: no tensor read. */
  h0(): Float64Array;
  g(): Float64Array;
  coefficientsAsync(sample: number): Promise<CoefficientsLike>;
  dispose(): void;
}

/** What the engine does with a teacher itself (the verdict comes from inspectTeacher). */
export interface TeacherLike {
  dispose(): void;
}

export interface BackendReport {
  backend: ActiveBackend;
  requested: BackendChoice;
  reason: string;
  tried: BackendTrial[];
  /** Always true now that training reads asynchronously (kept for the ReadyEvent). */
  canTrain: boolean;
  /**
   * False when dataSync cannot be trusted (WebGPU in a Worker): the few synchronous readers left — the
   * teacher's second-order probe at load time and teacher training — then run on the host (cpu).
   */
  syncReadback: boolean;
}

/** A teacher loaded and checked: `teacher` is null when it cannot run (see TeacherCheck.ok). */
export interface InspectedTeacher<T> {
  teacher: T | null;
  check: TeacherCheck;
}

/** What model/teacher's training gives back, as wire data (the engine adds the verdict and timing). */
export interface TrainedTeacherResult {
  artifacts: TeacherArtifacts;
  metric: { name: TeacherMetricName; value: number };
  history: TeacherEpochRecord[];
  bestEpoch: number;
  /** Per-sample input shape of the trained teacher (for its compatibility check). */
  inputShape: number[];
}

export interface LossCaseResult {
  terms: Terms;
  total: number;
  gradH0: ArrayLike<number>;
}

export interface EngineDeps<T extends TeacherLike = TeacherLike> {
  now(): number;
  /** Lets queued messages (pause, setWeights) run between steps. */
  yieldToEvents(): Promise<void>;
  /** Sets the tfjs backend (measuring when `auto`) and registers the second-order gradient fixes. */
  selectBackend(choice: BackendChoice): Promise<BackendReport>;
  loadTeacher(a: TeacherArtifacts): T;
  /** Loads and checks a teacher for samples of `inputShape` (never throws: problems go in the check). */
  inspectTeacher(a: TeacherArtifacts, inputShape: number[], target: number): InspectedTeacher<T>;
  /** Trains a seeded teacher; `onEpoch` returning false stops after that epoch. Reads synchronously. */
  trainTeacher(
    cmd: TrainTeacherCommand,
    hooks: { onEpoch(r: TeacherEpochRecord): boolean; yieldToEvents(): Promise<void> },
  ): Promise<TrainedTeacherResult>;
  /** Runs `fn` where synchronous reads work (the cpu backend while the active one cannot read back). */
  onHost<R>(fn: () => R | Promise<R>): Promise<R>;
  /** `teacher` null: no attribution term (the teacher is missing or cannot serve γ). */
  createTrainer(opts: {
    x: Float32Array;
    shape: number[];
    teacher: T | null;
    config: AwdConfig;
  }): TrainerLike;
  /** Cascade of a custom lowpass filter (display only). */
  wavefun(
    h0: Float64Array,
    level: number,
  ): { phi: ArrayLike<number>; psi: ArrayLike<number>; x: ArrayLike<number> };
  /** Asynchronous: reads with `await data()`, which every backend supports (see lossCaseAsync.ts). */
  evaluateLossCase(c: AwdLossCase, teacher: T): Promise<LossCaseResult>;
  /** The evaluation table of the run's filter vs db5, baselines and the teacher (reads synchronously). */
  evaluateLab(job: EvaluateJob): Promise<EvaluateResult>;
  /** Frees the model's cached constant tensors (selectors, validity constants): rebuilt on next use. */
  resetModelCaches(): void;
  /** The λ×γ sweep, run by run (reads synchronously: validation, final losses). */
  sweepLab(job: SweepJob, hooks: SweepHooks): Promise<SweepResult>;
  /** Throttle periods (ms); defaults 125 (progress, tfjs-layers' yieldEvery) and 100 (snapshot). */
  progressMs?: number;
  snapshotMs?: number;
  /** Display decimation caps; defaults 1024 samples (1-D) and 128×128 (2-D). */
  maxPoints1d?: number;
  maxSide2d?: number;
}
