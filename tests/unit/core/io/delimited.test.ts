import { describe, expect, it } from 'vitest';
import { ArrayParseError, parseDelimited } from '../../../../src/core/io/index.ts';

function error(fn: () => unknown): ArrayParseError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ArrayParseError);
    return e as ArrayParseError;
  }
  throw new Error('expected an ArrayParseError');
}

describe('parseDelimited', () => {
  it('reads a table with CRLF, BOM, blank lines, quotes and a header row', () => {
    const r = parseDelimited('\ufeffa,b,c\r\n1,2.5,-3e-2\r\n\r\n"4",5,6\r\n');
    expect(r).toEqual({ shape: [2, 3], data: Float64Array.from([1, 2.5, -0.03, 4, 5, 6]) });
  });

  it('makes one column or one row a 1-D signal', () => {
    expect(parseDelimited('1\n2\n3\n')).toEqual({ shape: [3], data: Float64Array.from([1, 2, 3]) });
    expect(parseDelimited('1,2,3')).toEqual({ shape: [3], data: Float64Array.from([1, 2, 3]) });
  });

  it('detects tab and whitespace (numpy.savetxt) separators, or takes an explicit one', () => {
    expect(parseDelimited('1\t2\n3\t4').shape).toEqual([2, 2]);
    expect(Array.from(parseDelimited('1.0e+00 2.0e+00\n  3 4  \n').data)).toEqual([1, 2, 3, 4]);
    expect(parseDelimited('1;2\n3;4', { delimiter: ';' }).shape).toEqual([2, 2]);
  });

  it('keeps every float64 exactly', () => {
    const vals = [0.1, -1 / 3, 5e-324, 1.7976931348623157e308, Math.PI];
    expect(Array.from(parseDelimited(vals.map(String).join('\n')).data)).toEqual(vals);
  });

  it('reports ragged rows, bad cells and non-finite values with their row and column', () => {
    expect(error(() => parseDelimited('1,2\n3,4\n5\n')).message).toBe(
      'csv: ragged rows: row 3 has 1 columns, row 1 has 2',
    );
    const bad = error(() => parseDelimited('x,y\n1,2\n3,abc\n'));
    expect(bad.message).toBe('csv: non-numeric cell "abc" at row 3, col 2');
    expect(bad.position).toEqual({ row: 3, col: 2 });
    expect(error(() => parseDelimited('1,2\n,4')).message).toBe('csv: empty cell at row 2, col 1');
    expect(error(() => parseDelimited('1,NaN')).message).toMatch(/non-finite value "NaN" at row 1, col 2/);
    expect(error(() => parseDelimited('1\n-inf')).message).toMatch(/non-finite value "-inf" at row 2, col 1/);
    expect(error(() => parseDelimited('1,0x10')).message).toMatch(/non-numeric cell "0x10"/);
    expect(error(() => parseDelimited('1,1e999')).message).toMatch(/overflows float64 at row 1, col 2/);
  });

  it('rejects empty input, header-only input and broken quoting', () => {
    expect(error(() => parseDelimited('')).message).toBe('csv: no numeric rows (empty input)');
    expect(error(() => parseDelimited('\n\n  \n')).message).toBe('csv: no numeric rows (empty input)');
    expect(error(() => parseDelimited('a,b\n')).message).toBe('csv: no numeric rows (empty input)');
    expect(error(() => parseDelimited('1,2\n"3,4\n')).message).toMatch(/^csv: .*quote.* at row 2$/i);
  });
});
