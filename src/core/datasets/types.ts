// The shape every built-in generator returns, so the lab's picker, the trainer and the predictors
// handle simulated series, mass maps and tracks alike.

/** A generated dataset: inputs `x` (row-major, `shape`) and one continuous target per sample. */
export interface Dataset {
  /** Short machine name ('simulation-db5'). */
  readonly name: string;
  /** One paragraph for the UI: what x and y are, and which parameters made them. */
  readonly description: string;
  /** Inputs, row-major: sample i occupies x[i·prod(shape[1:]) .. (i+1)·prod(shape[1:])). */
  readonly x: Float64Array;
  /** [n, length] for 1-D series, [n, height, width] for 2-D maps. */
  readonly shape: readonly [number, number] | readonly [number, number, number];
  /** Target, length n. */
  readonly y: Float64Array;
  /** What y measures ('y', 'Ω_m', 'auxilin peak'). */
  readonly targetName: string;
}
