// The λ×γ grid and awave's warm-start path through it.
//
// awave (Yu-Group/adaptive-wavelets) runs the grid as one script per point, in the order
// itertools.product gives over the sorted parameter names — 'lamL1attr' (γ) before 'lamL1wave' (λ), so γ
// is the OUTER loop (notebooks/simulation/01_train_AWD_db5+noise.py, 02_train_AWD_sym5.py,
// 03_train_AWD_coif2.py: λ = geomspace(1e-5, 1e-4, 5), γ = [0] + geomspace(1e-5, 50, 20); cosmology:
// notebooks/cosmology/01_varying_saliency.py). Each point warm-starts from a finished one
// (awave/utils/warmstart.py `warm_start`):
//   γ = 0 → the γ = 0 run with the largest λ so far (the γ = 0 column is one chain along λ);
//   γ > 0 → the run with the same λ and the largest γ so far (each λ row is a chain along γ);
// the very first run starts from the DWT init (wavelet + noise). A new Adam optimizer starts every run.
// Here the first γ column plays the γ = 0 role even when the grid has no 0, and with λ and γ sorted
// ascending the "largest so far" is simply the previous grid value. Run i's source always has a smaller
// index, so the path can be run in index order, or any run can be recomputed from its chain alone.

export interface SweepGrid {
  /** λ values (awave's lamL1wave); sorted ascending and de-duplicated by normalizeGrid. */
  readonly lambdas: readonly number[];
  /** γ values (awave's lamL1attr). */
  readonly gammas: readonly number[];
}

export interface SweepPoint {
  readonly index: number;
  readonly lambda: number;
  readonly gamma: number;
  /** Grid coordinates: row = λ index, col = γ index. */
  readonly row: number;
  readonly col: number;
  /** Index of the run whose final h0 this run starts from; null = the configured init. */
  readonly warmFrom: number | null;
}

/**
 * numpy.geomspace(start, stop, count), optionally preceded by 0 (awave's `[0] + geomspace(…)`), each value
 * rounded to `digits` significant digits so the values print (and name files) cleanly.
 */
export function logGrid(start: number, stop: number, count: number, withZero = false, digits = 6): number[] {
  if (!(start > 0 && stop > 0) || !Number.isInteger(count) || count < 1)
    throw new Error(
      `logGrid: need start, stop > 0 and an integer count ≥ 1, got ${start}, ${stop}, ${count}`,
    );
  const a = Math.log(start);
  const b = Math.log(stop);
  const vals = Array.from({ length: count }, (_, i) =>
    count === 1 ? start : Number(Math.exp(a + ((b - a) * i) / (count - 1)).toPrecision(digits)),
  );
  vals[0] = start;
  if (count > 1) vals[count - 1] = stop;
  return withZero ? [0, ...vals] : vals;
}

function clean(name: string, v: readonly number[]): number[] {
  if (v.length === 0) throw new Error(`sweep grid: ${name} is empty`);
  for (const x of v)
    if (!(typeof x === 'number' && Number.isFinite(x) && x >= 0))
      throw new Error(`sweep grid: every ${name} value must be a finite number ≥ 0, got ${String(x)}`);
  return [...new Set(v)].sort((p, q) => p - q);
}

/** Sorted, de-duplicated, validated copies of the lists. */
export function normalizeGrid(g: SweepGrid): SweepGrid {
  return { lambdas: clean('lambda', g.lambdas), gammas: clean('gamma', g.gammas) };
}

/**
 * The runs in awave's order (γ outer, λ inner) with their warm-start sources. `warmStart: false` makes
 * every run start from the init (independent runs).
 */
export function planSweep(grid: SweepGrid, warmStart = true): SweepPoint[] {
  const g = normalizeGrid(grid);
  const nl = g.lambdas.length;
  const out: SweepPoint[] = [];
  g.gammas.forEach((gamma, col) =>
    g.lambdas.forEach((lambda, row) => {
      const index = col * nl + row;
      let warmFrom: number | null = null;
      if (warmStart) {
        if (col > 0)
          warmFrom = index - nl; // same λ, previous γ
        else if (row > 0) warmFrom = index - 1; // first γ column: previous λ
      }
      out.push({ index, lambda, gamma, row, col, warmFrom });
    }),
  );
  return out;
}

/** The chain of run indices that run `i` depends on, root first, ending with `i`. */
export function chainOf(plan: readonly SweepPoint[], i: number): number[] {
  const chain: number[] = [];
  for (let j: number | null = i; j !== null; j = plan[j]!.warmFrom) chain.unshift(j);
  return chain;
}

/**
 * The runs shard k of n (1-based) owns: whole λ rows, row r → shard (r mod n) + 1, so a shard's runs
 * share their γ chains and the only duplicated work is the first-γ column up to its rows.
 */
export function shardRuns(plan: readonly SweepPoint[], k: number, n: number): number[] {
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(k) || k < 1 || k > n)
    throw new Error(`shardRuns: need integers 1 ≤ k ≤ n, got ${k}/${n}`);
  return plan.filter((p) => p.row % n === k - 1).map((p) => p.index);
}

/** The file name of a run: zero-padded index, λ and γ (e.g. 0007_l0.0001_g0.3.json). */
export function runFileName(p: SweepPoint, total: number): string {
  const width = Math.max(4, String(total - 1).length);
  return `${String(p.index).padStart(width, '0')}_l${p.lambda}_g${p.gamma}.json`;
}
