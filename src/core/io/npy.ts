// NumPy .npy (format 1.0–3.0) → ParsedArray. npyjs reads the header and views the data; this file
// checks what npyjs leaves to the caller: dtype support, data length vs shape, Fortran order,
// int64 range and finiteness.
import { parse as npyParse } from 'npyjs';
import { assertFinite, assertNotEmpty, unravel } from './finite.ts';
import { ArrayParseError, type ParsedArray } from './types.ts';

const F = 'npy';
const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59];
const REAL = new Set(['f8', 'f4', 'f2', 'i1', 'i2', 'i4', 'i8', 'u1', 'u2', 'u4', 'u8', 'b1']);

/** A fresh, 0-offset ArrayBuffer: npyjs builds typed views at header offsets, which must be aligned. */
function ownBuffer(input: ArrayBuffer | Uint8Array): ArrayBuffer {
  if (input instanceof ArrayBuffer) return input;
  // new Uint8Array(view) copies; Buffer#slice would not (it views Node's shared pool).
  return new Uint8Array(input).buffer as ArrayBuffer;
}

function readNpy(buf: ArrayBuffer) {
  try {
    return npyParse(buf);
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const unsupported = /^Unsupported dtype: (.*)$/.exec(msg);
    if (unsupported) {
      const d = unsupported[1]!;
      throw new ArrayParseError(F, `unsupported dtype '${d}'${d.startsWith('>') ? ' (big-endian)' : ''}`);
    }
    if (msg === 'Malformed .npy header')
      throw new ArrayParseError(F, 'malformed header or structured dtype (unsupported)');
    if (e instanceof RangeError)
      throw new ArrayParseError(F, `data section does not fit the dtype (truncated or corrupt file): ${msg}`);
    throw new ArrayParseError(F, msg);
  }
}

/** C-order copy of a Fortran-order flat array. */
function fortranToC(src: Float64Array, shape: readonly number[]): Float64Array {
  const out = new Float64Array(src.length);
  const strides: number[] = [];
  let s = 1;
  for (const n of shape) {
    strides.push(s);
    s *= n;
  }
  for (let i = 0; i < out.length; i++) {
    const idx = unravel(i, shape);
    let f = 0;
    for (let d = 0; d < idx.length; d++) f += idx[d]! * strides[d]!;
    out[i] = src[f]!;
  }
  return out;
}

/** Parse the bytes of a .npy file (numpy.save output) into float64, C order. */
export function parseNpy(input: ArrayBuffer | Uint8Array): ParsedArray {
  if (input.byteLength === 0) throw new ArrayParseError(F, 'empty file');
  const head =
    input instanceof ArrayBuffer
      ? new Uint8Array(input, 0, Math.min(6, input.byteLength))
      : input.subarray(0, 6);
  if (!MAGIC.every((b, i) => head[i] === b))
    throw new ArrayParseError(F, 'not an .npy file (no \\x93NUMPY magic)');
  const arr = readNpy(ownBuffer(input));
  const dtype = String(arr.dtype);
  if (!REAL.has(dtype))
    throw new ArrayParseError(F, `unsupported dtype '${dtype}' (need a real numeric or bool array)`);
  const shape = arr.shape.slice();
  if (shape.some((n) => !Number.isInteger(n) || n < 0))
    throw new ArrayParseError(F, `bad shape (${shape.join(', ')})`);
  assertNotEmpty(F, shape);
  const count = shape.reduce((a, b) => a * b, 1);
  const raw = arr.data as unknown as ArrayLike<number | bigint | boolean>;
  if (raw.length < count) {
    throw new ArrayParseError(
      F,
      `truncated: ${raw.length} values for shape (${shape.join(', ')}) = ${count}`,
    );
  }
  let data: Float64Array = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const v = raw[i]!;
    if (typeof v === 'bigint') {
      if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) {
        throw new ArrayParseError(
          F,
          `int64 value ${v} at flat index ${i} is not exactly representable as float64`,
        );
      }
      data[i] = Number(v);
    } else {
      data[i] = Number(v);
    }
  }
  if (arr.fortranOrder && shape.length > 1) data = fortranToC(data, shape);
  assertFinite(F, data, shape);
  return { shape, data };
}
