// The wire protocol between the UI (main thread) and the training worker: plain data, discriminated on
// `type` with string literals (comlink's protocol.ts style), so both ends switch exhaustively and the
// engine can run over any Endpoint (a Worker, a MessagePort in Node tests, a main-thread fallback).
import type { AwdConfig, BackendChoice } from './config.ts';
import type { AwdLossCase, ReferenceCaseResult } from './reference.ts';
import type { LabJobCommand, LabJobEvent } from './labJobMessages.ts';
import type { TeacherCommand, TeacherEvent } from './teacherMessages.ts';

export type * from './teacherMessages.ts';
export type * from './labJobMessages.ts';

export const TERM_NAMES = ['rec', 'lsum', 'hsum', 'l2norm', 'cmf', 'conv', 'l1wave', 'l1attr'] as const;
export type TermName = (typeof TERM_NAMES)[number];
export type Terms = Record<TermName, number>;

/** A backend that actually runs (the resolved form of a BackendChoice). */
export type ActiveBackend = Exclude<BackendChoice, 'auto'>;
export type TrainStatus = 'idle' | 'training' | 'paused' | 'diverged' | 'error';

/** A TF.js Layers model as uploaded: model.json's object and its weight files in manifest order. */
export interface TeacherArtifacts {
  modelJson: object;
  weightData: ArrayBuffer[];
}

/** Training inputs, N×L (1-D) or N×H×W (2-D), row-major. Transferred, not copied. */
export interface DataPayload {
  x: Float32Array;
  shape: number[];
}

// ---- main → worker ----

export interface InitCommand {
  type: 'init';
  config: AwdConfig;
  data: DataPayload;
  teacher: TeacherArtifacts;
  /** Warm start after a worker restart; `reset` still returns to `config`'s initial filter. */
  h0?: number[];
}
export interface PlayCommand {
  type: 'play';
}
export interface PauseCommand {
  type: 'pause';
}
export interface StepCommand {
  type: 'step';
  n: number;
}
export interface ResetCommand {
  type: 'reset';
}
/** λ/γ apply to the very next step (warm: the optimizer state and h0 are kept). */
export interface SetWeightsCommand {
  type: 'setWeights';
  lambda?: number;
  gamma?: number;
}
export interface SetConfigCommand {
  type: 'setConfig';
  patch: Partial<AwdConfig>;
}
export interface SelectSampleCommand {
  type: 'selectSample';
  index: number;
}
export interface SetBackendCommand {
  type: 'setBackend';
  backend: BackendChoice;
}
export interface RunReferenceCasesCommand {
  type: 'runReferenceCases';
  kind: 'awd_loss';
  cases: AwdLossCase[];
  /** Keyed by the case's `teacher` file name (e.g. "teacher_mlp1d_s11.json"). */
  teachers: Record<string, TeacherArtifacts>;
}
export interface DisposeCommand {
  type: 'dispose';
}
/**
 * The page is about to draw (hold) or has drawn (release): training pauses between steps meanwhile,
 * at most `ms`, so on a 2-core machine a plot redraw gets a core instead of sharing one with training.
 */
export interface UiHoldCommand {
  type: 'uiHold';
  ms: number;
}
export interface UiReleaseCommand {
  type: 'uiRelease';
}

export type Command =
  | InitCommand
  | PlayCommand
  | PauseCommand
  | StepCommand
  | ResetCommand
  | SetWeightsCommand
  | SetConfigCommand
  | SelectSampleCommand
  | SetBackendCommand
  | RunReferenceCasesCommand
  | DisposeCommand
  | UiHoldCommand
  | UiReleaseCommand
  | TeacherCommand
  | LabJobCommand;
export type CommandType = Command['type'];

// ---- worker → main ----

export interface BackendTrial {
  backend: ActiveBackend;
  ok: boolean;
  msPerStep?: number;
  error?: string;
}
export interface ReadyEvent {
  type: 'ready';
  backend: ActiveBackend;
  requested: BackendChoice;
  /** One human line, e.g. "webgpu: no adapter; webgl 43 ms/step; wasm 7 ms/step → wasm (fastest)". */
  reason: string;
  tried: BackendTrial[];
  /**
   * Whether this backend can train. Training reads tensors asynchronously, so every backend that starts
   * can (WebGPU in a Worker included); true since then, kept so older views still compile.
   */
  canTrain: boolean;
}
export interface StateEvent {
  type: 'state';
  status: TrainStatus;
  step: number;
  epoch: number;
  detail?: string;
}
/** One training step without its arrays (h0 travels in snapshots). */
export interface ProgressRecord {
  step: number;
  epoch: number;
  terms: Terms;
  total: number;
  gradNorm: number;
  lambda: number;
  gamma: number;
}
export interface TrainProgressEvent {
  type: 'progress';
  /** Every step since the previous progress event (~125 ms apart while training). */
  records: ProgressRecord[];
  step: number;
  epoch: number;
  stepsPerSecond: number;
}
/** Display data (~10 Hz while training), decimated; every array is transferred. */
export interface SnapshotEvent {
  type: 'snapshot';
  step: number;
  sample: number;
  h0: Float32Array;
  g: Float32Array;
  /** Cascade (wavefun) of the current filter: scaling function, wavelet, and their abscissa. */
  phi: Float32Array;
  psi: Float32Array;
  wavefunX: Float32Array;
  /** Selected sample's coefficients and attributions, pywt order, one array per band. */
  coeffs: Float32Array[];
  attributions: Float32Array[];
  /** Shapes of the (decimated) bands as sent, and before decimation. */
  shapes: number[][];
  fullShapes: number[][];
  x: Float32Array;
  recon: Float32Array;
  /** Shape of the (decimated) sample and reconstruction. */
  sampleShape: number[];
}
export interface ReferenceResultEvent {
  type: 'referenceResult';
  kind: 'awd_loss';
  backend: ActiveBackend;
  results: ReferenceCaseResult[];
  ms: number;
}
export type ErrorCode =
  | 'bad_command'
  | 'bad_config'
  | 'bad_data'
  | 'not_ready'
  | 'teacher'
  | 'backend'
  | 'diverged'
  | 'step_failed'
  | 'reference'
  | 'worker_crashed'
  | 'internal';
export interface WorkerErrorEvent {
  type: 'error';
  code: ErrorCode;
  message: string;
  /** false: the engine is unusable until `init`/`reset` (or, for the client, a worker restart). */
  recoverable: boolean;
  /** The command that caused it, when one did. */
  command?: string;
}

/**
 * The answer to uiHold once training is paused between steps (at once when it is not running), so the
 * page can draw with the core to itself: a 2-D step can take 100+ ms, longer than a draw.
 */
export interface UiHeldEvent {
  type: 'uiHeld';
}

export type WorkerEvent =
  | UiHeldEvent
  | ReadyEvent
  | StateEvent
  | TrainProgressEvent
  | SnapshotEvent
  | ReferenceResultEvent
  | WorkerErrorEvent
  | TeacherEvent
  | LabJobEvent;
export type WorkerEventType = WorkerEvent['type'];

/** Exhaustiveness check for switches over `type`. */
export function assertNever(x: never, what = 'value'): never {
  throw new Error(`unexpected ${what}: ${JSON.stringify(x)}`);
}
