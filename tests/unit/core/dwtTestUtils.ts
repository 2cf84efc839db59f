// Shared helpers for the core wavelet tests (comparison with context, seeded data).
export function maxAbsDiff(got: ArrayLike<number>, want: ArrayLike<number>): number {
  if (got.length !== want.length) return Infinity;
  let m = 0;
  for (let i = 0; i < want.length; i++) m = Math.max(m, Math.abs(got[i]! - want[i]!));
  return m;
}

/** Max |got − want| over a list of bands; Infinity on any length mismatch. */
export function maxAbsDiffBands(
  got: ReadonlyArray<ArrayLike<number>>,
  want: ReadonlyArray<ArrayLike<number>>,
): number {
  if (got.length !== want.length) return Infinity;
  let m = 0;
  for (let i = 0; i < want.length; i++) m = Math.max(m, maxAbsDiff(got[i]!, want[i]!));
  return m;
}

/** mulberry32: a small seeded uniform [0, 1) generator for reproducible test signals. */
export function seededUniform(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function randomSignal(rnd: () => number, n: number): Float64Array {
  return Float64Array.from({ length: n }, () => 2 * rnd() - 1);
}

/** Row-major nested list → flat data, for comparing Array2D with reference nested lists. */
export function flatten(rows: readonly (readonly number[])[]): Float64Array {
  return Float64Array.from(rows.flat());
}
