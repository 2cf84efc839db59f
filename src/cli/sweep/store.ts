// Run files in the sweep's folder: one JSON per run (snake_case), named by index, λ and γ. A file is
// trusted only when its sweep_id matches this config's, so a folder of another sweep is never mixed in;
// writes are atomic, so shards sharing a folder (NFS, a synced drive) read whole files or none.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SweepPoint } from '../../model/sweep/grid.ts';
import { runFileName } from '../../model/sweep/grid.ts';
import type { SweepRun } from '../../model/sweep/runPoint.ts';
import type { RunStore } from '../../model/sweep/runSweep.ts';
import { CliError } from '../errors.ts';
import { snakeKeys, writeJsonAtomic } from '../evaluate/json.ts';

const camel = (k: string) => k.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** The inverse of snakeKeys on plain JSON. */
export function camelKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(camelKeys);
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [camel(k), camelKeys(x)]));
  return v;
}

export interface FileStore extends RunStore {
  readonly fileOf: (index: number) => string;
  /** Every run of the plan found in the folder. */
  all(): Map<number, SweepRun>;
}

export function fileStore(
  dir: string,
  plan: readonly SweepPoint[],
  sweepId: string,
  extra: Record<string, unknown>,
): FileStore {
  const fileOf = (i: number) => runFileName(plan[i]!, plan.length);
  const get = (i: number): SweepRun | null => {
    const path = join(dir, fileOf(i));
    if (!existsSync(path)) return null;
    let json: Record<string, unknown>;
    try {
      json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    } catch (e) {
      throw new CliError(
        `awd sweep: ${path}: unreadable run file (${(e as Error).message}); delete it to rerun`,
        1,
      );
    }
    if (json.sweep_id !== sweepId)
      throw new CliError(
        `awd sweep: ${path} belongs to another sweep (sweep_id ${String(json.sweep_id)}, this config is ${sweepId}); ` +
          'use another --out-dir',
      );
    return camelKeys(json) as SweepRun;
  };
  const put = (run: SweepRun) =>
    writeJsonAtomic(join(dir, fileOf(run.index)), {
      sweep_id: sweepId,
      ...(snakeKeys(run) as object),
      ...extra,
    });
  const all = () => {
    const m = new Map<number, SweepRun>();
    for (const p of plan) {
      const r = get(p.index);
      if (r) m.set(p.index, r);
    }
    return m;
  };
  return { get, put, all, fileOf };
}
