// The evaluation table as plain data (numbers, strings, arrays): the CLI writes it as JSON and the
// lab's worker can post it as is. One row per predictor: its held-out metrics with bootstrap standard
// errors, its parameter count, how compressed its representation is, and its inference cost.

/** A held-out metric and the standard deviation of that metric over bootstrap resamples. */
export interface MetricValue {
  readonly value: number;
  readonly se: number;
}

export type MetricName = 'rmse' | 'r2' | 'accuracy';

/**
 * How few coefficients carry the signal (means over the held-out samples; null where the row has no
 * coefficient representation): `energy99` = fraction of coefficients needed for 99% of the energy,
 * `attrAbove` = fraction whose |attribution| exceeds the threshold (EvaluateOptions.attrThreshold).
 */
export interface Compression {
  readonly energy99: number | null;
  readonly attrAbove: number | null;
}

export type RowFamily = 'awd' | 'wavelet' | 'teacher' | 'baseline';

export interface EvalRow {
  /** e.g. "AWD · top-k ridge", "db5 · peak count", "teacher". */
  readonly method: string;
  /** The predictor kind: 'topk_ridge', 'top_attr_linear', 'peak_count', 'raw_ridge', 'teacher', … */
  readonly predictor: string;
  /** The representation: a wavelet label ('AWD', 'db5'), a baseline filter name, or 'teacher'. */
  readonly basis: string;
  readonly family: RowFamily;
  readonly metrics: Readonly<Partial<Record<MetricName, MetricValue>>>;
  /** Learned numbers the predictor needs at inference (filter taps that were trained + model weights). */
  readonly params: number | null;
  readonly compression: Compression;
  /** Wall time per held-out sample of the whole pipeline (features + model), milliseconds. */
  readonly msPerSample: number;
  /** Predictor-specific facts (chosen ridge λ, selected coefficient positions, …), plain data. */
  readonly details: Readonly<Record<string, unknown>>;
}

export interface EvaluationTable {
  readonly dims: 1 | 2;
  readonly targetName: string;
  /** The metric the rows are best compared by (first in every row's metrics). */
  readonly primary: MetricName;
  readonly split: {
    readonly train: number;
    readonly val: number;
    readonly test: number;
    readonly seed: number;
  };
  readonly bootstrap: { readonly reps: number; readonly seed: number };
  readonly rows: readonly EvalRow[];
  /** Learned vs fixed wavelet with the same predictor: paired bootstrap difference of the primary metric. */
  readonly comparisons: readonly {
    readonly a: string;
    readonly b: string;
    readonly metric: MetricName;
    readonly diff: number;
    readonly se: number;
  }[];
}

/** A wavelet to evaluate: a label and its lowpass h0 (awave's h0 = pywt rec_lo). */
export interface NamedWavelet {
  readonly label: string;
  readonly h0: readonly number[];
  /** Whether h0 was learned (its taps count as parameters) or fixed (a named wavelet). */
  readonly learned: boolean;
}
