// What every parser in src/core/io returns, and the one error type they throw.

/** A dense float64 array: `data` in row-major (C) order, `shape` as numpy's (`[]` for a scalar). */
export interface ParsedArray {
  readonly shape: number[];
  readonly data: Float64Array;
}

/** Where in the input a problem sits; row/col are 1-based as a person counts lines and columns. */
export interface ParsePosition {
  readonly row?: number;
  readonly col?: number;
  /** numpy-style index into the parsed array, e.g. [2, 5]. */
  readonly index?: readonly number[];
}

/** A bad input file. `message` is one line that names the format and, where known, the position. */
export class ArrayParseError extends Error {
  readonly format: string;
  readonly position: ParsePosition;

  constructor(format: string, message: string, position: ParsePosition = {}) {
    super(`${format}: ${message}`);
    this.name = 'ArrayParseError';
    this.format = format;
    this.position = position;
  }
}
