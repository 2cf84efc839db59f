// JSON nested arrays of numbers → ParsedArray (rectangular, any depth ≥ 1; a bare number is a scalar).
import { assertNotEmpty } from './finite.ts';
import { ArrayParseError, type ParsedArray } from './types.ts';

const F = 'json';

function shapeOf(v: unknown): number[] {
  const shape: number[] = [];
  let cur = v;
  while (Array.isArray(cur)) {
    shape.push(cur.length);
    if (cur.length === 0) break;
    cur = cur[0];
  }
  return shape;
}

function fill(v: unknown, shape: readonly number[], depth: number, path: number[], out: number[]): void {
  const where = `at [${path.join('][')}]`;
  if (depth === shape.length) {
    if (typeof v !== 'number') {
      const what = Array.isArray(v) ? 'an array' : JSON.stringify(v);
      throw new ArrayParseError(F, `non-numeric value ${what} ${path.length ? where : ''}`.trimEnd(), {
        index: path,
      });
    }
    out.push(v);
    return;
  }
  if (!Array.isArray(v) || v.length !== shape[depth]) {
    const got = Array.isArray(v)
      ? `length ${v.length}`
      : typeof v === 'number'
        ? 'a number'
        : JSON.stringify(v);
    throw new ArrayParseError(F, `ragged array ${where}: expected length ${shape[depth]}, got ${got}`, {
      index: path,
    });
  }
  v.forEach((item, i) => fill(item, shape, depth + 1, [...path, i], out));
}

/** Parse JSON text holding a number or a rectangular nested array of numbers. */
export function parseJsonArray(text: string): ParsedArray {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    const hint = /\b(NaN|-?Infinity)\b/.test(text)
      ? ' (NaN/Infinity are not JSON numbers: values must be finite)'
      : '';
    throw new ArrayParseError(F, `invalid JSON: ${e instanceof Error ? e.message : String(e)}${hint}`);
  }
  if (value === null || (typeof value !== 'number' && !Array.isArray(value))) {
    throw new ArrayParseError(
      F,
      `expected a number or an array of numbers, got ${value === null ? 'null' : typeof value}`,
    );
  }
  const shape = shapeOf(value);
  assertNotEmpty(F, shape);
  const out: number[] = [];
  fill(value, shape, 0, [], out);
  return { shape, data: Float64Array.from(out) };
}
