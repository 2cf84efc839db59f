import { describe, expect, it } from 'vitest';
import { ArrayParseError, parseNpy } from '../../../../src/core/io/index.ts';

// Bytes written by numpy 2.x `np.save` (base64), so the parser is checked against the real format.
const NPY = {
  c_f8: 'k05VTVBZAQB2AHsnZGVzY3InOiAnPGY4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsIDMpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAAD4PwAAAAAAAALAg7Y60pcSwAEAAAAAAAAQQAAAAAAAABRAAAAAAACAGEA=',
  f_f8: 'k05VTVBZAQB2AHsnZGVzY3InOiAnPGY4JywgJ2ZvcnRyYW5fb3JkZXInOiBUcnVlLCAnc2hhcGUnOiAoMiwgMyksIH0gICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAAD4PwAAAAAAABBAAAAAAAAAAsAAAAAAAAAUQIO2OtKXEsABAAAAAACAGEA=',
  f_3d: 'k05VTVBZAQB2AHsnZGVzY3InOiAnPGY4JywgJ2ZvcnRyYW5fb3JkZXInOiBUcnVlLCAnc2hhcGUnOiAoMiwgMywgNCksIH0gICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAAAAAAAAAAAAAChAAAAAAAAAEEAAAAAAAAAwQAAAAAAAACBAAAAAAAAANEAAAAAAAADwPwAAAAAAACpAAAAAAAAAFEAAAAAAAAAxQAAAAAAAACJAAAAAAAAANUAAAAAAAAAAQAAAAAAAACxAAAAAAAAAGEAAAAAAAAAyQAAAAAAAACRAAAAAAAAANkAAAAAAAAAIQAAAAAAAAC5AAAAAAAAAHEAAAAAAAAAzQAAAAAAAACZAAAAAAAAAN0A=',
  i8: 'k05VTVBZAQB2AHsnZGVzY3InOiAnPGk4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDMsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoBAAAAAAAAAP7/////////AwAAAAAAAAA=',
  f4: 'k05VTVBZAQB2AHsnZGVzY3InOiAnPGY0JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIArNzMw9zcxMPg==',
  be: 'k05VTVBZAQB2AHsnZGVzY3InOiAnPmY4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAo/8AAAAAAAAEAAAAAAAAAA',
  bool: 'k05VTVBZAQB2AHsnZGVzY3InOiAnfGIxJywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsKSwgfSAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoBAA==',
  c16: 'k05VTVBZAQB2AHsnZGVzY3InOiAnPGMxNicsICdmb3J0cmFuX29yZGVyJzogRmFsc2UsICdzaGFwZSc6ICgxLCksIH0gICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAADwPwAAAAAAAABA',
  nan: 'k05VTVBZAQB2AHsnZGVzY3InOiAnPGY4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDIsIDIpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAADwPwAAAAAAAABAAAAAAAAA+H8AAAAAAAAQQA==',
  scalar:
    'k05VTVBZAQB2AHsnZGVzY3InOiAnPGY4JywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKCksIH0gICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoAAAAAAAAEQA==',
  u1: 'k05VTVBZAQB2AHsnZGVzY3InOiAnfHUxJywgJ2ZvcnRyYW5fb3JkZXInOiBGYWxzZSwgJ3NoYXBlJzogKDEsIDIpLCB9ICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIAoA/w==',
} as const;

const bytes = (k: keyof typeof NPY) => new Uint8Array(Buffer.from(NPY[k], 'base64'));
const A = [1.5, -2.25, 3e-300, 4.0, 5.0, 6.125];

function error(fn: () => unknown): ArrayParseError {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ArrayParseError);
    return e as ArrayParseError;
  }
  throw new Error('expected an ArrayParseError');
}

describe('parseNpy', () => {
  it('reads C-order float64 exactly, from a Uint8Array view at a non-zero offset too', () => {
    expect(parseNpy(bytes('c_f8'))).toEqual({ shape: [2, 3], data: Float64Array.from(A) });
    const padded = new Uint8Array(bytes('c_f8').length + 3);
    padded.set(bytes('c_f8'), 3);
    expect(Array.from(parseNpy(padded.subarray(3)).data)).toEqual(A);
    // A small Node Buffer (what readFileSync returns) views a shared pool at an offset.
    const pooled = Buffer.from(NPY.c_f8, 'base64');
    expect(Array.from(parseNpy(pooled).data)).toEqual(A);
  });

  it('returns Fortran-order arrays in C order (2-D and 3-D)', () => {
    expect(parseNpy(bytes('f_f8'))).toEqual({ shape: [2, 3], data: Float64Array.from(A) });
    const r = parseNpy(bytes('f_3d'));
    expect(r.shape).toEqual([2, 3, 4]);
    expect(Array.from(r.data)).toEqual(Array.from({ length: 24 }, (_, i) => i));
  });

  it('widens int64, float32, uint8 and bool to float64; a 0-d array is shape []', () => {
    expect(Array.from(parseNpy(bytes('i8')).data)).toEqual([1, -2, 3]);
    expect(Array.from(parseNpy(bytes('f4')).data)).toEqual([Math.fround(0.1), Math.fround(0.2)]);
    expect(parseNpy(bytes('u1'))).toEqual({ shape: [1, 2], data: Float64Array.from([0, 255]) });
    expect(Array.from(parseNpy(bytes('bool')).data)).toEqual([1, 0]);
    expect(parseNpy(bytes('scalar'))).toEqual({ shape: [], data: Float64Array.from([2.5]) });
  });

  it('names unsupported dtypes, NaN positions, truncation and non-npy input', () => {
    expect(error(() => parseNpy(bytes('be'))).message).toBe("npy: unsupported dtype '>f8' (big-endian)");
    expect(error(() => parseNpy(bytes('c16'))).message).toMatch(/unsupported dtype 'c16'/);
    const nan = error(() => parseNpy(bytes('nan')));
    expect(nan.message).toBe('npy: NaN at index [1, 0]: values must be finite');
    expect(nan.position.index).toEqual([1, 0]);
    const full = bytes('c_f8');
    expect(error(() => parseNpy(full.subarray(0, full.length - 8))).message).toMatch(
      /truncated: 5 values for shape \(2, 3\)/,
    );
    expect(error(() => parseNpy(full.subarray(0, full.length - 3))).message).toMatch(/truncated or corrupt/);
    expect(error(() => parseNpy(new TextEncoder().encode('1,2,3'))).message).toMatch(/not an \.npy file/);
    expect(error(() => parseNpy(new Uint8Array(0))).message).toBe('npy: empty file');
  });
});
