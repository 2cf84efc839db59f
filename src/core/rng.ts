// Seeded pseudo-random numbers for every generator and resampler in core (never Math.random), so a
// dataset, a split or a bootstrap is reproduced bit for bit from its seed in Node and in a browser.
//
// Generator: xoshiro128** (Blackman & Vigna 2018), 128-bit state, period 2^128 − 1, passes BigCrush;
// pure 32-bit integer arithmetic (Math.imul, >>>) so it is exact in every JS engine. The state is
// filled from the seed by a splitmix-style mixer (golden-ratio increment, murmur3 finaliser), as the
// authors recommend: never seed xoshiro with raw, correlated words.
// Uniforms take 53 bits from two outputs, so they cover float64's grid on [0, 1).
// Normals: Box–Muller, both values used (the second is cached), fully deterministic.
import { apiError } from './validate.ts';

/** A seeded stream; every method advances the same state. */
export interface Rng {
  /** The seed this stream started from. */
  readonly seed: number;
  /** A uniform 32-bit unsigned integer. */
  nextUint32(): number;
  /** Uniform on [0, 1), 53-bit resolution. */
  uniform(): number;
  /** Uniform integer in [0, n). */
  int(n: number): number;
  /** Normal N(mean, sd²). */
  normal(mean?: number, sd?: number): number;
  /** A new Float64Array of n standard normals. */
  normals(n: number): Float64Array;
  /** Fisher–Yates shuffle of `a` in place; returns `a`. */
  shuffle<T extends { length: number; [i: number]: unknown }>(a: T): T;
  /** A uniformly random permutation of 0..n−1. */
  permutation(n: number): Int32Array;
}

/** One seeding step: advance by the golden ratio, mix with murmur3's fmix32. Returns [state, word]. */
function splitmix32(s: number): [number, number] {
  const next = (s + 0x9e3779b9) | 0;
  let z = next;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return [next, (z ^ (z >>> 16)) >>> 0];
}

/**
 * createRng(seed): an xoshiro128** stream. `seed` is any finite number (integers are the norm; a
 * fractional part is folded in so 1 and 1.5 differ). Same seed → same sequence, always.
 */
export function createRng(seed = 1): Rng {
  if (typeof seed !== 'number' || !Number.isFinite(seed))
    throw apiError('createRng', `seed must be a finite number, got ${String(seed)}`);
  let sm = (Math.trunc(seed) ^ Math.round((seed - Math.trunc(seed)) * 0x7fffffff)) | 0;
  const s = new Uint32Array(4);
  for (let i = 0; i < 4; i++) [sm, s[i]] = splitmix32(sm);
  if ((s[0] | s[1] | s[2] | s[3]) === 0) s[0] = 1; // the all-zero state is a fixed point

  const nextUint32 = (): number => {
    const result = Math.imul(rotl(Math.imul(s[1], 5), 7), 9) >>> 0;
    const t = s[1] << 9;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 11);
    return result;
  };
  const uniform = (): number => ((nextUint32() >>> 5) * 67108864 + (nextUint32() >>> 6)) / 9007199254740992;

  let spare: number | null = null;
  const stdNormal = (): number => {
    if (spare !== null) {
      const v = spare;
      spare = null;
      return v;
    }
    // 1 − u ∈ (0, 1] keeps log finite; the pair (r cos θ, r sin θ) is i.i.d. N(0, 1).
    const r = Math.sqrt(-2 * Math.log(1 - uniform()));
    const theta = 2 * Math.PI * uniform();
    spare = r * Math.sin(theta);
    return r * Math.cos(theta);
  };

  const int = (n: number): number => {
    if (!Number.isInteger(n) || n < 1 || n > 2 ** 32)
      throw apiError('rng.int', `n must be an integer in [1, 2^32], got ${n}`);
    // Rejection sampling removes modulo bias.
    const limit = 2 ** 32 - (2 ** 32 % n);
    for (;;) {
      const u = nextUint32();
      if (u < limit) return u % n;
    }
  };

  const shuffle = <T extends { length: number; [i: number]: unknown }>(a: T): T => {
    for (let i = a.length - 1; i > 0; i--) {
      const j = int(i + 1);
      const tmp = a[i];
      a[i] = a[j];
      a[j] = tmp;
    }
    return a;
  };

  return {
    seed,
    nextUint32,
    uniform,
    int,
    normal: (mean = 0, sd = 1) => mean + sd * stdNormal(),
    normals: (n: number) => {
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = stdNormal();
      return out;
    },
    shuffle,
    permutation: (n: number) => {
      const p = new Int32Array(n);
      for (let i = 0; i < n; i++) p[i] = i;
      return shuffle(p);
    },
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** Index sets of a random split. */
export interface Split {
  readonly train: Int32Array;
  readonly test: Int32Array;
}

/**
 * splitIndices(n, testFraction, seed): a seeded random split of 0..n−1 into train and test, each
 * sorted ascending. The test set has round(n·testFraction) items, clamped so both sets are non-empty
 * when n ≥ 2.
 */
export function splitIndices(n: number, testFraction = 0.2, seed = 1): Split {
  const fn = 'splitIndices';
  if (!Number.isInteger(n) || n < 2) throw apiError(fn, `n must be an integer ≥ 2, got ${n}`);
  if (!(testFraction > 0 && testFraction < 1))
    throw apiError(fn, `testFraction must be in (0, 1), got ${testFraction}`);
  const nTest = Math.min(n - 1, Math.max(1, Math.round(n * testFraction)));
  const perm = createRng(seed).permutation(n);
  const test = perm.slice(0, nTest).sort();
  const train = perm.slice(nTest).sort();
  return { train, test };
}

/**
 * kFoldIndices(n, k, seed): k disjoint validation folds covering 0..n−1 after one seeded shuffle;
 * fold sizes differ by at most one. Each fold's indices are sorted ascending.
 */
export function kFoldIndices(n: number, k: number, seed = 1): Int32Array[] {
  const fn = 'kFoldIndices';
  if (!Number.isInteger(k) || k < 2 || !Number.isInteger(n) || n < k)
    throw apiError(fn, `need integers 2 ≤ k ≤ n, got k=${k}, n=${n}`);
  const perm = createRng(seed).permutation(n);
  const folds: Int32Array[] = [];
  let start = 0;
  for (let f = 0; f < k; f++) {
    const size = Math.floor(n / k) + (f < n % k ? 1 : 0);
    folds.push(perm.slice(start, start + size).sort());
    start += size;
  }
  return folds;
}
