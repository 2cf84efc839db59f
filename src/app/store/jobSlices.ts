// Initial state of the lab jobs and the log-spaced grid axes the Sweep panel edits. The defaults are a
// small 3×3 grid around the lab's default λ = 0.1, γ = 1 with 2 epochs a run, so a demo sweep takes
// seconds.
import type { EvaluationSlice, LogAxis, SweepSettings, SweepSlice } from './jobTypes.ts';

export const DEFAULT_SWEEP: SweepSettings = {
  lambda: { min: 0.01, max: 1, count: 3, withZero: false },
  gamma: { min: 0.1, max: 10, count: 3, withZero: false },
  epochs: 2,
  warmStart: true,
};

export function initialEvaluationSlice(): EvaluationSlice {
  return {
    evaluation: {
      status: 'idle',
      table: null,
      wavelets: [],
      datasetId: null,
      step: null,
      ms: null,
      error: null,
    },
  };
}

export function initialSweepSlice(): SweepSlice {
  return {
    sweep: {
      status: 'idle',
      settings: DEFAULT_SWEEP,
      lambdas: [],
      gammas: [],
      runs: [],
      progress: null,
      selected: null,
      loaded: null,
      datasetId: null,
      ms: null,
      error: null,
    },
  };
}

/**
 * The axis values, ascending and distinct: numpy.geomspace(min, max, count) rounded to 6 significant
 * digits (as model/sweep's logGrid, so the lab and `awd sweep` name the same points), 0 first if asked.
 */
export function axisValues(a: LogAxis): number[] {
  const n = a.count;
  const vals =
    n === 1
      ? [a.min]
      : Array.from({ length: n }, (_, i) =>
          i === 0
            ? a.min
            : i === n - 1
              ? a.max
              : Number(
                  Math.exp(Math.log(a.min) + ((Math.log(a.max) - Math.log(a.min)) * i) / (n - 1)).toPrecision(
                    6,
                  ),
                ),
        );
  return [...new Set([...(a.withZero ? [0] : []), ...vals])].sort((p, q) => p - q);
}

/** Why an axis cannot be used, or null. */
export function axisProblem(name: string, a: LogAxis, maxCount: number): string | null {
  if (!(a.min > 0 && a.max > 0 && Number.isFinite(a.min) && Number.isFinite(a.max)))
    return `${name}: min and max must be finite numbers > 0`;
  if (a.max < a.min) return `${name}: max must be ≥ min`;
  if (!Number.isInteger(a.count) || a.count < 1) return `${name}: count must be an integer ≥ 1`;
  if (axisValues(a).length > maxCount) return `${name}: at most ${maxCount} values`;
  return null;
}
