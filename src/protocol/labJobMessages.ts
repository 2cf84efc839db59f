// Lab jobs beyond live training: the evaluation table (distilled predictors on the held-out split) and
// the λ×γ sweep (awave's warm-started path over a grid), both computed in the worker. Plain data; the
// table mirrors model/evaluate's EvaluationTable because protocol imports no model code.

/**
 * The whole dataset with its targets and the split the live run was trained on (row indices into x,
 * each sorted ascending): the jobs fit on `train`, select on `val` and report `test`. Transferred.
 */
export interface LabelledData {
  /** N×L (1-D) or N×H×W (2-D), row-major. */
  x: Float32Array;
  shape: number[];
  /** One target per sample. */
  y: Float32Array;
  /** 2-D only: the class of each map (e.g. its cosmology), the peak-count model's classes; null for 1-D. */
  groups: Int32Array | null;
  train: Int32Array;
  val: Int32Array;
  test: Int32Array;
  /** The seed that made the split (reported with the table). */
  splitSeed: number;
  targetName: string;
}

// ---- main → worker ----

/**
 * Evaluates the current learned wavelet (AWD), db5 and the baselines (and the run's teacher) on the
 * held-out split; answered by `evaluated` or an error naming 'evaluate'. Training pauses meanwhile.
 */
export interface EvaluateCommand {
  type: 'evaluate';
  data: LabelledData;
  /** Bootstrap resamples for the standard errors (≥ 2). */
  bootstrapReps: number;
}

/**
 * Runs the λ×γ grid from the run's initial filter, each point warm-started along awave's path, and
 * selects by the validation metric. Live training pauses until the sweep ends or is stopped.
 */
export interface SweepCommand {
  type: 'sweep';
  data: LabelledData;
  /** Strictly ascending values ≥ 0 (the lab normalises the user's grid before sending). */
  lambdas: number[];
  gammas: number[];
  /** Epochs per run (≥ 1). */
  epochs: number;
  /** false: every run starts from the initial filter (independent runs). */
  warmStart: boolean;
}

/** Ends a running sweep after its current run (its finished runs stay). Not queued. */
export interface StopSweepCommand {
  type: 'stopSweep';
}

/** Continues the live run from this filter (e.g. a sweep run's h0); the optimizer starts afresh. */
export interface LoadH0Command {
  type: 'loadH0';
  h0: number[];
}

export type LabJobCommand = EvaluateCommand | SweepCommand | StopSweepCommand | LoadH0Command;

// ---- worker → main ----

export type EvalMetricName = 'rmse' | 'r2' | 'accuracy';
export interface EvalMetricValue {
  value: number;
  /** Standard deviation of the metric over bootstrap resamples of the held-out samples. */
  se: number;
}
export interface EvalRowData {
  method: string;
  predictor: string;
  basis: string;
  family: 'awd' | 'wavelet' | 'teacher' | 'baseline';
  metrics: Partial<Record<EvalMetricName, EvalMetricValue>>;
  params: number | null;
  /** Fraction of coefficients for 99% of the energy / with |attribution| above the threshold. */
  compression: { energy99: number | null; attrAbove: number | null };
  msPerSample: number;
  details: Record<string, unknown>;
}
export interface EvalTableData {
  dims: 1 | 2;
  targetName: string;
  primary: EvalMetricName;
  split: { train: number; val: number; test: number; seed: number };
  bootstrap: { reps: number; seed: number };
  rows: EvalRowData[];
  comparisons: { a: string; b: string; metric: EvalMetricName; diff: number; se: number }[];
}
export interface EvaluatedEvent {
  type: 'evaluated';
  table: EvalTableData;
  /** The wavelets evaluated (AWD = the run's filter at that moment). */
  wavelets: { label: string; h0: number[]; learned: boolean }[];
  ms: number;
}

/** ~8 Hz while a sweep trains: where it is. */
export interface SweepProgressEvent {
  type: 'sweepProgress';
  index: number;
  runs: number;
  lambda: number;
  gamma: number;
  step: number;
  totalSteps: number;
  loss: number;
}
/** One finished run of the grid (row = λ index, col = γ index). */
export interface SweepRunData {
  index: number;
  row: number;
  col: number;
  lambda: number;
  gamma: number;
  warmFrom: number | null;
  status: 'completed' | 'diverged';
  error: string | null;
  h0: number[];
  /** The selection metric on the validation split (null when it could not be computed). */
  validation: { predictor: string; metric: EvalMetricName; value: number } | null;
  /** Full-training-set loss terms at the final h0: reconstruction and the two sparsity terms. */
  rec: number;
  l1wave: number;
  l1attr: number;
  distToInit: number;
  seconds: number;
}
export interface SweepRunEvent {
  type: 'sweepRun';
  run: SweepRunData;
}
export interface SweepDoneEvent {
  type: 'sweepDone';
  stopped: boolean;
  /** Index of the best run by validation metric, or null. */
  selected: number | null;
  ms: number;
}

export type LabJobEvent = EvaluatedEvent | SweepProgressEvent | SweepRunEvent | SweepDoneEvent;
