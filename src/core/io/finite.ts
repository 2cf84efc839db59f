// Shared checks: every value must be a finite number; report the first offender by its index.
import { ArrayParseError } from './types.ts';

/** Multi-index of flat position `flat` in a C-order array of `shape`. */
export function unravel(flat: number, shape: readonly number[]): number[] {
  const idx = new Array<number>(shape.length).fill(0);
  let rest = flat;
  for (let d = shape.length - 1; d >= 0; d--) {
    const n = shape[d]!;
    idx[d] = rest % n;
    rest = Math.floor(rest / n);
  }
  return idx;
}

export function assertFinite(format: string, data: Float64Array, shape: readonly number[]): void {
  for (let i = 0; i < data.length; i++) {
    const v = data[i]!;
    if (!Number.isFinite(v)) {
      const index = unravel(i, shape);
      throw new ArrayParseError(format, `${v} at index [${index.join(', ')}]: values must be finite`, {
        index,
      });
    }
  }
}

export function assertNotEmpty(format: string, shape: readonly number[]): void {
  if (shape.some((n) => n === 0))
    throw new ArrayParseError(format, `empty array (shape [${shape.join(', ')}])`);
}
