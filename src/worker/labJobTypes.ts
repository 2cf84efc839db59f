// What the lab jobs (evaluation table, λ×γ sweep) take and give, between the engine and the real
// implementations in evaluateLab.ts / sweepLab.ts (injected through EngineDeps, so tests can fake them).
import type { AwdConfig } from '../protocol/config.ts';
import type { EvaluatedEvent, LabelledData, SweepRunData, TeacherArtifacts } from '../protocol/messages.ts';
import type { TrainerLike } from './types.ts';

/** The live run as the jobs see it. */
export interface LabJobContext {
  config: AwdConfig;
  /** The run's teacher (null: none, e.g. an unlabelled upload without one). */
  artifacts: TeacherArtifacts | null;
  /** The run's trainer (its current filter); null before the first run or after a failed one. */
  trainer: Pick<TrainerLike, 'h0'> | null;
}

export interface EvaluateJob {
  config: AwdConfig;
  artifacts: TeacherArtifacts | null;
  h0: number[];
  data: LabelledData;
  bootstrapReps: number;
  now(): number;
}

export type EvaluateResult = Pick<EvaluatedEvent, 'table' | 'wavelets'>;

export interface SweepJob {
  config: AwdConfig;
  artifacts: TeacherArtifacts | null;
  data: LabelledData;
  lambdas: number[];
  gammas: number[];
  epochs: number;
  warmStart: boolean;
  now(): number;
}

export interface SweepStep {
  index: number;
  lambda: number;
  gamma: number;
  step: number;
  totalSteps: number;
  loss: number;
}

export interface SweepHooks {
  /** After every training step of a run (throttle before posting). */
  onStep(p: SweepStep): void;
  onRun(run: SweepRunData): void;
  /** Before each run: lets queued messages (stopSweep) arrive; false ends the sweep. */
  next(): Promise<boolean>;
}

export interface SweepResult {
  runs: number;
  selected: number | null;
  stopped: boolean;
}
