// Checks at the public API edge. Every message names the calling function and the offending value,
// so a CLI or UI user sees "dwt: x[3] is not finite (NaN)" rather than a NaN deep in a result.
import { MODES, isMode, minModeLength } from './modes.ts';
import type { Mode } from './types.ts';

/** An Error whose message starts with the public function's name. */
export function apiError(fn: string, message: string): Error {
  return new Error(`${fn}: ${message}`);
}

/** `mode` (default 'symmetric') when it is one of pywt's nine names. */
export function checkMode(fn: string, mode: unknown): Mode {
  if (mode === undefined) return 'symmetric';
  if (typeof mode !== 'string' || !isMode(mode))
    throw apiError(fn, `unknown mode ${JSON.stringify(mode)} (known: ${MODES.join(', ')})`);
  return mode;
}

/** A non-negative integer level; `undefined` passes through (callers default it to the maximum). */
export function checkLevel(fn: string, level: unknown): number | undefined {
  if (level === undefined) return undefined;
  if (typeof level !== 'number' || !Number.isInteger(level) || level < 0)
    throw apiError(fn, `level must be an integer ≥ 0, got ${String(level)}`);
  return level;
}

/** A float64 copy of a non-empty, all-finite signal; errors name the first bad index. */
export function checkSignal(fn: string, x: ArrayLike<number> | null | undefined, name = 'x'): Float64Array {
  if (x === null || x === undefined || typeof x !== 'object' || typeof x.length !== 'number')
    throw apiError(fn, `${name} must be an array of numbers, got ${x === null ? 'null' : typeof x}`);
  if (x.length < 1) throw apiError(fn, `${name} is empty (length 0); a signal needs at least one sample`);
  const out = new Float64Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i];
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw apiError(fn, `${name}[${i}] is not a finite number (${String(v)})`);
    out[i] = v;
  }
  return out;
}

/** pywt refuses a length-1 signal in [anti]reflect mode ("Input data length must be greater than 1"). */
export function checkModeLength(fn: string, n: number, mode: Mode, what = 'signal'): void {
  if (n < minModeLength(mode))
    throw apiError(fn, `${what} of length ${n} cannot be extended in mode '${mode}' (needs length ≥ 2)`);
}
