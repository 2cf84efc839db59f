// Runs a chosen subset of the sweep's points in index order. A point's warm-start source is taken from
// the store (a run this or another process finished) or recomputed from its chain, so a subset — a
// shard, `--only i,j`, a resumed sweep — yields exactly the runs one sequential pass would.
import { chainOf, type SweepPoint } from './grid.ts';
import { runPoint, type SweepContext, type SweepRun } from './runPoint.ts';

export interface RunStore {
  /** A finished run of this sweep, if one is stored. */
  get(index: number): SweepRun | null;
  /** Called for every run of `indices` once it has finished (not for recomputed sources). */
  put(run: SweepRun): void;
}

export interface SweepEvents {
  /** A run is about to train; `role` tells a requested run from a source recomputed for one. */
  onStart?(p: SweepPoint, role: 'run' | 'source'): void;
  onDone?(run: SweepRun, role: 'run' | 'source'): void;
  /** A requested run was already in the store (resume). */
  onSkip?(p: SweepPoint): void;
}

/** A store held in memory (tests, the lab's worker). */
export function memoryStore(): RunStore & { runs: Map<number, SweepRun> } {
  const runs = new Map<number, SweepRun>();
  return { runs, get: (i) => runs.get(i) ?? null, put: (r) => void runs.set(r.index, r) };
}

/** Runs `indices` (default: all) of `plan`; returns the requested runs in index order. */
export async function runSweep(
  ctx: SweepContext,
  plan: readonly SweepPoint[],
  store: RunStore,
  indices: readonly number[] = plan.map((p) => p.index),
  events: SweepEvents = {},
): Promise<SweepRun[]> {
  for (const i of indices)
    if (!Number.isInteger(i) || i < 0 || i >= plan.length)
      throw new Error(`runSweep: run ${i} is not in the grid (0–${plan.length - 1})`);
  const wanted = [...new Set(indices)].sort((a, b) => a - b);
  const local = new Map<number, SweepRun>(); // this call's sources, kept for later chains
  const have = (j: number) => local.get(j) ?? store.get(j);
  const out: SweepRun[] = [];
  for (const i of wanted) {
    const done = local.get(i);
    if (done) {
      out.push(done); // computed earlier in this call as part of another run's chain
      continue;
    }
    const stored = store.get(i);
    if (stored) {
      events.onSkip?.(plan[i]!);
      out.push(stored);
      continue;
    }
    for (const j of chainOf(plan, i)) {
      if (have(j)) continue;
      const role = j === i || wanted.includes(j) ? 'run' : 'source';
      const p = plan[j]!;
      events.onStart?.(p, role);
      const src = p.warmFrom === null ? null : have(p.warmFrom)!.h0;
      const run = await runPoint(ctx, p, src);
      local.set(j, run);
      if (role === 'run') store.put(run);
      events.onDone?.(run, role);
    }
    out.push(have(i)!);
  }
  return out;
}
