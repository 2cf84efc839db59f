// PyWavelets' signal extension modes and where each one reads samples outside the signal.
//
// pywt's C code (convolution.template.c, downsampling_convolution) computes extended samples on the fly
// in four loops per mode. Every one of those loops is a closed-form index map; for a signal x of length
// N and an index n outside [0, N) (including far outside, when the filter is longer than the signal and
// pywt wraps or reflects repeatedly):
//   zero           0
//   constant       x[clamp(n)]
//   smooth         x[0] + k·(x[0] − x[1]) on the left (k = −n), x[N−1] + k·(x[N−1] − x[N−2]) on the right
//                  (k = n − N + 1); constant when N < 2 (pywt switches the mode)
//   periodic       x[n mod N]
//   symmetric      half-sample: period 2N, x[m] for m < N else x[2N−1−m]
//   reflect        whole-sample: period 2N−2, x[m] for m < N else x[2N−2−m] (N ≥ 2; pywt refuses N = 1)
//   antisymmetric  period 2N, x[m] for m < N else −x[2N−1−m]
//   antireflect    point reflection about each end, repeated: period 2(N−1) plus a drift of
//                  2·(x[N−1] − x[0]) per period (N ≥ 2)
//   periodization  x' = x with x[N−1] appended when N is odd, then periodic with period len(x')
// Each extended sample is a linear combination of at most three input samples; an Extension stores
// those terms once per (N, mode, range) so 1-D lines and whole matrix rows share one plan.
import type { Mode } from './types.ts';

/** The nine pywt modes, in `pywt.Modes.modes` order. */
export const MODES: readonly Mode[] = Object.freeze([
  'zero',
  'constant',
  'symmetric',
  'periodic',
  'smooth',
  'periodization',
  'reflect',
  'antisymmetric',
  'antireflect',
] as const);

/** True when `s` is one of pywt's mode names. */
export function isMode(s: string): s is Mode {
  return (MODES as readonly string[]).includes(s);
}

/** Smallest signal length a mode can extend (pywt's dwt_single refuses N = 1 for [anti]reflect). */
export function minModeLength(mode: Mode): number {
  return mode === 'reflect' || mode === 'antireflect' ? 2 : 1;
}

const MAX_TERMS = 3;

/**
 * Samples `first..last` of an extended signal of length `n`: indices inside [0, n) are the signal
 * itself; the `padLeft` + `padRight` outside positions hold up to three (index, coefficient) terms.
 */
export interface Extension {
  readonly n: number;
  readonly first: number;
  readonly last: number;
  readonly padLeft: number;
  readonly padRight: number;
  /** Per pad position p (left pads first, then right pads), the number of terms. */
  readonly count: Uint8Array;
  /** Term j of pad p at slot p·3 + j. */
  readonly index: Int32Array;
  readonly coef: Float64Array;
}

const mod = (a: number, m: number): number => ((a % m) + m) % m;

/** The terms of extended sample `i` (any integer) of a length-`n` signal; [] means zero. */
export function extensionTerms(i: number, n: number, mode: Mode): Array<[number, number]> {
  if (i >= 0 && i < n) return [[i, 1]];
  switch (mode) {
    case 'zero':
      return [];
    case 'constant':
      return [[i < 0 ? 0 : n - 1, 1]];
    case 'smooth': {
      if (n < 2) return [[i < 0 ? 0 : n - 1, 1]];
      // x[e] + k·(x[e] − x[e±1]) as (1 + k)·x[e] − k·x[e±1]
      if (i < 0)
        return [
          [0, 1 - i],
          [1, i],
        ];
      const k = i - n + 1;
      return [
        [n - 1, 1 + k],
        [n - 2, -k],
      ];
    }
    case 'periodic':
      return [[mod(i, n), 1]];
    case 'periodization': {
      const m = mod(i, n + (n % 2));
      return [[Math.min(m, n - 1), 1]];
    }
    case 'symmetric': {
      const m = mod(i, 2 * n);
      return [[m < n ? m : 2 * n - 1 - m, 1]];
    }
    case 'antisymmetric': {
      const m = mod(i, 2 * n);
      return m < n ? [[m, 1]] : [[2 * n - 1 - m, -1]];
    }
    case 'reflect': {
      const p = 2 * n - 2;
      const m = mod(i, p);
      return [[m < n ? m : p - m, 1]];
    }
    case 'antireflect': {
      const p = 2 * n - 2;
      const m = mod(i, p);
      const q = (i - m) / p;
      const terms = new Map<number, number>();
      const add = (k: number, c: number): void => {
        terms.set(k, (terms.get(k) ?? 0) + c);
      };
      if (m < n) add(m, 1);
      else {
        add(n - 1, 2);
        add(p - m, -1);
      }
      if (q !== 0) {
        add(n - 1, 2 * q);
        add(0, -2 * q);
      }
      return [...terms].filter(([, c]) => c !== 0);
    }
  }
}

/** Plan the extension of a length-`n` signal to indices `first..last` (first ≤ 0, last ≥ n − 1). */
export function planExtension(n: number, mode: Mode, first: number, last: number): Extension {
  const padLeft = Math.max(0, -first);
  const padRight = Math.max(0, last - (n - 1));
  const pads = padLeft + padRight;
  const count = new Uint8Array(pads);
  const index = new Int32Array(pads * MAX_TERMS);
  const coef = new Float64Array(pads * MAX_TERMS);
  for (let p = 0; p < pads; p++) {
    const i = p < padLeft ? first + p : n + (p - padLeft);
    const terms = extensionTerms(i, n, mode);
    count[p] = terms.length;
    terms.forEach(([k, c], t) => {
      index[p * MAX_TERMS + t] = k;
      coef[p * MAX_TERMS + t] = c;
    });
  }
  return { n, first: -padLeft, last: n - 1 + padRight, padLeft, padRight, count, index, coef };
}

/**
 * Write samples `first..last` of the extended signal into `buf[0..]`, reading the signal from
 * `src[off + k·stride]`, k < n. No allocation: this runs once per matrix row.
 */
export function extendInto(
  ext: Extension,
  src: ArrayLike<number>,
  off: number,
  stride: number,
  buf: Float64Array,
): void {
  const { n, padLeft, padRight, count, index, coef } = ext;
  if (stride === 1) for (let k = 0; k < n; k++) buf[padLeft + k] = src[off + k]!;
  else for (let k = 0; k < n; k++) buf[padLeft + k] = src[off + k * stride]!;
  for (let p = 0; p < padLeft + padRight; p++) {
    let v = 0;
    for (let t = 0, s = p * MAX_TERMS; t < count[p]!; t++, s++)
      v += coef[s]! * src[off + index[s]! * stride]!;
    buf[p < padLeft ? p : p + n] = v;
  }
}

/** Slots per pad position in `Extension.index`/`coef`. */
export const EXTENSION_SLOTS = MAX_TERMS;
