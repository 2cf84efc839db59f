// The sweep's summary: one line per run (grid position, warm-start source, status, validation value,
// distances) and the run selected by the validation metric. Plain data, built from the runs alone, so
// it can be rebuilt at any time from the run files of every shard.
import type { SweepGrid, SweepPoint } from './grid.ts';
import type { SweepRun } from './runPoint.ts';
import { selectBest, type Validation } from './validate.ts';

export interface SummaryLine {
  readonly index: number;
  readonly lambda: number;
  readonly gamma: number;
  readonly warmFrom: number | null;
  readonly status: SweepRun['status'] | 'missing';
  readonly validation: Validation | null;
  readonly distToInit: number | null;
  readonly distToReference: number | null;
  readonly finalLoss: number | null;
  readonly seconds: number | null;
}

export interface SweepSummary {
  readonly grid: SweepGrid;
  readonly warmStart: boolean;
  readonly runs: readonly SummaryLine[];
  readonly complete: boolean;
  /** Index of the run with the best validation value, or null. */
  readonly selected: number | null;
  /** The smallest distToReference over completed runs (e.g. how close to db5 any λ, γ came). */
  readonly bestDistToReference: { readonly index: number; readonly value: number } | null;
  readonly totalSeconds: number;
}

export function summarize(
  grid: SweepGrid,
  plan: readonly SweepPoint[],
  runs: ReadonlyMap<number, SweepRun>,
  warmStart: boolean,
): SweepSummary {
  const lines: SummaryLine[] = plan.map((p) => {
    const r = runs.get(p.index);
    return {
      index: p.index,
      lambda: p.lambda,
      gamma: p.gamma,
      warmFrom: p.warmFrom,
      status: r?.status ?? 'missing',
      validation: r?.validation ?? null,
      distToInit: r?.distToInit ?? null,
      distToReference: r?.distToReference ?? null,
      finalLoss: r ? (r.finalLoss['total'] ?? null) : null,
      seconds: r?.seconds ?? null,
    };
  });
  let best: { index: number; value: number } | null = null;
  for (const l of lines)
    if (
      l.status === 'completed' &&
      l.distToReference !== null &&
      (best === null || l.distToReference < best.value)
    )
      best = { index: l.index, value: l.distToReference };
  return {
    grid,
    warmStart,
    runs: lines,
    complete: lines.every((l) => l.status !== 'missing'),
    selected: selectBest(
      lines.filter((l) => l.status !== 'missing') as {
        index: number;
        status: string;
        validation: Validation | null;
      }[],
    ),
    bestDistToReference: best,
    totalSeconds: lines.reduce((s, l) => s + (l.seconds ?? 0), 0),
  };
}
