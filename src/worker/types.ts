// What the engine needs from its surroundings. Everything with side effects (clock, event-loop yield,
// backend choice, model construction) is injected, so the engine is unit-tested over a Node
// MessageChannel with a fake clock and runs unchanged in a Worker or on the main thread.
import type { AwdConfig, BackendChoice } from '../protocol/config.ts';
import type { ActiveBackend, BackendTrial, TeacherArtifacts, Terms } from '../protocol/messages.ts';
import type { AwdLossCase } from '../protocol/reference.ts';

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

/** Structural subset of model/train's AwdTrainer, so tests can pass a fake. */
export interface TrainerLike {
  step(): StepRecordLike;
  readonly epoch: number;
  readonly stepsPerEpoch: number;
  setWeights(w: { lambda?: number; gamma?: number }): void;
  setLr(lr: number): void;
  h0(): Float64Array;
  g(): Float64Array;
  coefficients(sample: number): {
    coeffs: Float32Array[];
    attributions: Float32Array[];
    shapes: number[][];
    recon: Float32Array;
  };
  dispose(): void;
}

export interface TeacherLike {
  compatibility: { ok: boolean; problems: string[] };
  dispose(): void;
}

export interface BackendReport {
  backend: ActiveBackend;
  requested: BackendChoice;
  reason: string;
  tried: BackendTrial[];
  /** False when synchronous readback is broken (the trainer needs it); async work still runs. */
  canTrain: boolean;
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
  /** Runs `fn` where synchronous reads work (the cpu backend while the active one cannot read back). */
  onHost<R>(fn: () => R): Promise<R>;
  createTrainer(opts: { x: Float32Array; shape: number[]; teacher: T; config: AwdConfig }): TrainerLike;
  /** Cascade of a custom lowpass filter (display only). */
  wavefun(
    h0: Float64Array,
    level: number,
  ): { phi: ArrayLike<number>; psi: ArrayLike<number>; x: ArrayLike<number> };
  /** Asynchronous: reads with `await data()`, which every backend supports (see lossCaseAsync.ts). */
  evaluateLossCase(c: AwdLossCase, teacher: T): Promise<LossCaseResult>;
  /** Runs `fn` in a tfjs scope (tf.tidy) so intermediate tensors are freed. */
  scoped<R>(fn: () => R): R;
  /** Throttle periods (ms); defaults 125 (progress, tfjs-layers' yieldEvery) and 100 (snapshot). */
  progressMs?: number;
  snapshotMs?: number;
  /** Display decimation caps; defaults 1024 samples (1-D) and 128×128 (2-D). */
  maxPoints1d?: number;
  maxSide2d?: number;
}
