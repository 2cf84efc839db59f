import { describe, expect, it } from 'vitest';
import { compareField, relError } from '../../../src/cli/reference/compare.ts';
import { REFERENCE_KINDS } from '../../../src/cli/reference/registry.ts';
import { loadReference } from '../reference.ts';

describe('reference comparison', () => {
  it('walks nested arrays and objects: max abs, normwise relative, RMS', () => {
    const e = compareField({ a: [1, [2, -4]], b: 0.5 }, { a: [1, [2.5, -4]], b: 0.5 });
    expect(e.maxAbs).toBe(0.5);
    expect(e.maxRef).toBe(4);
    expect(relError(e)).toBe(0.125);
    expect(e.rms).toBeCloseTo(Math.sqrt(0.25 / 4), 15);
    expect(relError(compareField([0, 0], [0, 0]))).toBe(0);
  });

  it('reports shape differences as a mismatch with an infinite error', () => {
    const e = compareField(
      [[1, 2], [3]],
      [
        [1, 2],
        [3, 4],
      ],
    );
    expect(e.maxAbs).toBe(Infinity);
    expect(e.mismatch).toBe('[1]: length 2, expected 1');
    expect(compareField([1], 'x').mismatch).toBe('value: length string, expected 1');
  });

  it('detects each shipped reference file as its kind, from the first case', () => {
    const kinds = (name: string) => {
      const doc = loadReference<unknown>(name);
      const first = (Array.isArray(doc) ? doc[0] : (doc as { cases: unknown[] }).cases[0]) as Record<
        string,
        unknown
      >;
      return REFERENCE_KINDS.find((k) => k.detect(first))?.kind;
    };
    expect(kinds('dwt1d.json')).toBe('dwt1d');
    expect(kinds('dwt2d.json')).toBe('dwt2d');
    expect(kinds('wavefun.json')).toBe('wavefun');
    expect(kinds('matlab/matlab_dwt.json')).toBe('matlab_dwt');
    expect(kinds('filters.json')).toBeUndefined();
  });
});
