// Train / validation / test index sets, seeded. The AWD wavelet and the teacher see only `train`, the
// λ×γ sweep selects on `val`, and the evaluation table reports `test` — so the table's numbers are
// never the ones a choice was made on. Class-stratified splits keep every class in every part, which
// the peak-count model needs (a class covariance from ≥ 2 training maps).
import { createRng } from '../../core/rng.ts';

export interface Split3 {
  readonly train: Int32Array;
  readonly val: Int32Array;
  readonly test: Int32Array;
}

export interface SplitOptions {
  /** Fractions of the samples held out for validation and test (each in [0, 1), sum < 1). */
  readonly val: number;
  readonly test: number;
  readonly seed: number;
}

function check(n: number, o: SplitOptions): void {
  const ok = (f: number) => Number.isFinite(f) && f >= 0 && f < 1;
  if (!ok(o.val) || !ok(o.test) || o.val + o.test >= 1)
    throw new Error(
      `split: val and test must be fractions in [0, 1) summing below 1, got ${o.val}, ${o.test}`,
    );
  if (!Number.isInteger(n) || n < 3) throw new Error(`split: need at least 3 samples, got ${n}`);
}

const sorted = (a: number[]) => Int32Array.from(a).sort();

/** Cut one shuffled index list into the three parts (rounded counts; train keeps ≥ 1 sample). */
function cut(
  idx: ArrayLike<number>,
  o: SplitOptions,
  into: { train: number[]; val: number[]; test: number[] },
) {
  const m = idx.length;
  const nTest = Math.min(m - 1, Math.round(m * o.test));
  const nVal = Math.min(m - 1 - nTest, Math.round(m * o.val));
  for (let i = 0; i < m; i++) {
    const v = idx[i]!;
    if (i < nTest) into.test.push(v);
    else if (i < nTest + nVal) into.val.push(v);
    else into.train.push(v);
  }
}

/** A seeded random split of 0..n−1; each part sorted ascending. */
export function split3(n: number, o: SplitOptions): Split3 {
  check(n, o);
  const parts = { train: [] as number[], val: [] as number[], test: [] as number[] };
  cut(createRng(o.seed).permutation(n), o, parts);
  return { train: sorted(parts.train), val: sorted(parts.val), test: sorted(parts.test) };
}

/** The same split made within every class of `labels` (one seeded stream, classes in ascending order). */
export function stratifiedSplit3(labels: ArrayLike<number>, o: SplitOptions): Split3 {
  check(labels.length, o);
  const byClass = new Map<number, number[]>();
  for (let i = 0; i < labels.length; i++) {
    const l = labels[i]!;
    const list = byClass.get(l);
    if (list) list.push(i);
    else byClass.set(l, [i]);
  }
  const rng = createRng(o.seed);
  const parts = { train: [] as number[], val: [] as number[], test: [] as number[] };
  for (const l of [...byClass.keys()].sort((a, b) => a - b)) cut(rng.shuffle(byClass.get(l)!), o, parts);
  return { train: sorted(parts.train), val: sorted(parts.val), test: sorted(parts.test) };
}

/** Rows `idx` of a row-major matrix with `per` values per row. */
export function rowsOf<T extends Float32Array | Float64Array>(x: T, per: number, idx: ArrayLike<number>): T {
  const out = new (x.constructor as new (n: number) => T)(idx.length * per);
  for (let r = 0; r < idx.length; r++) out.set(x.subarray(idx[r]! * per, (idx[r]! + 1) * per), r * per);
  return out;
}

/** Entries `idx` of a vector. */
export function pick(y: ArrayLike<number>, idx: ArrayLike<number>): Float64Array {
  return Float64Array.from({ length: idx.length }, (_, i) => y[idx[i]!]!);
}
