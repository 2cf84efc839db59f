// State of the lab jobs: the evaluation table and the λ×γ sweep (plain data, as the worker sent it).
import type {
  EvalTableData,
  EvaluatedEvent,
  SweepProgressEvent,
  SweepRunData,
} from '../../protocol/messages.ts';

export interface EvaluationSlice {
  evaluation: {
    status: 'idle' | 'running' | 'done' | 'error';
    table: EvalTableData | null;
    wavelets: EvaluatedEvent['wavelets'];
    /** The dataset and training step the table was asked for (it describes that moment). */
    datasetId: string | null;
    step: number | null;
    ms: number | null;
    error: string | null;
  };
}

/** A log-spaced axis: `count` values from `min` to `max` (numpy.geomspace), optionally preceded by 0. */
export interface LogAxis {
  min: number;
  max: number;
  count: number;
  withZero: boolean;
}

export interface SweepSettings {
  lambda: LogAxis;
  gamma: LogAxis;
  /** Epochs per run. */
  epochs: number;
  warmStart: boolean;
}

export type SweepStatus = 'idle' | 'running' | 'stopping' | 'done' | 'stopped' | 'error';

export interface SweepSlice {
  sweep: {
    status: SweepStatus;
    settings: SweepSettings;
    /** The grid of the current (or last) sweep, ascending: rows = λ, columns = γ. */
    lambdas: number[];
    gammas: number[];
    /** Finished runs, by index. */
    runs: SweepRunData[];
    progress: SweepProgressEvent | null;
    /** Best run by validation metric (the worker's selection). */
    selected: number | null;
    /** The run whose h0 was loaded into the live run. */
    loaded: number | null;
    datasetId: string | null;
    ms: number | null;
    error: string | null;
  };
}
