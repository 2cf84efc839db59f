import { describe, expect, it } from 'vitest';
import { ArrayParseError, parseJsonArray } from '../../../../src/core/io/index.ts';

function error(fn: () => unknown): ArrayParseError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ArrayParseError);
    return e as ArrayParseError;
  }
  throw new Error('expected an ArrayParseError');
}

describe('parseJsonArray', () => {
  it('reads 1-D, 2-D, 3-D and scalar values', () => {
    expect(parseJsonArray('[1, 2.5, -3]')).toEqual({ shape: [3], data: Float64Array.from([1, 2.5, -3]) });
    expect(parseJsonArray('[[1,2],[3,4],[5,6]]')).toEqual({
      shape: [3, 2],
      data: Float64Array.from([1, 2, 3, 4, 5, 6]),
    });
    expect(parseJsonArray('[[[1],[2]],[[3],[4]]]').shape).toEqual([2, 2, 1]);
    expect(parseJsonArray('7')).toEqual({ shape: [], data: Float64Array.from([7]) });
  });

  it('names ragged rows, non-numbers, NaN tokens and empty arrays', () => {
    expect(error(() => parseJsonArray('[[1,2],[3]]')).message).toBe(
      'json: ragged array at [1]: expected length 2, got length 1',
    );
    expect(error(() => parseJsonArray('[[1,2],3]')).message).toBe(
      'json: ragged array at [1]: expected length 2, got a number',
    );
    const e = error(() => parseJsonArray('[[1,2],[3,"4"]]'));
    expect(e.message).toBe('json: non-numeric value "4" at [1][1]');
    expect(e.position.index).toEqual([1, 1]);
    expect(error(() => parseJsonArray('[1, null]')).message).toBe('json: non-numeric value null at [1]');
    expect(error(() => parseJsonArray('[1, NaN]')).message).toMatch(
      /^json: invalid JSON: .*values must be finite\)$/,
    );
    expect(error(() => parseJsonArray('[]')).message).toBe('json: empty array (shape [0])');
    expect(error(() => parseJsonArray('[[]]')).message).toBe('json: empty array (shape [1, 0])');
    expect(error(() => parseJsonArray('{"a": 1}')).message).toBe(
      'json: expected a number or an array of numbers, got object',
    );
    expect(error(() => parseJsonArray('')).message).toMatch(/^json: invalid JSON/);
  });
});
