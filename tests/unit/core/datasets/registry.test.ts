// The built-in registry: every entry generates a consistent dataset from its defaults plus overrides.
import { describe, expect, it } from 'vitest';
import { BUILTIN_DATASETS, getBuiltinDataset } from '../../../../src/core/index.ts';

describe('BUILTIN_DATASETS', () => {
  it('lists the simulations, mass maps and tracks with unique names', () => {
    const names = BUILTIN_DATASETS.map((d) => d.name);
    expect(names).toEqual([
      'simulation-db5',
      'simulation-sym5',
      'simulation-coif2',
      'mass-maps',
      'endocytosis',
    ]);
    expect(getBuiltinDataset('mass-maps')?.dims).toBe(2);
    expect(getBuiltinDataset('nope')).toBeUndefined();
  });

  for (const entry of BUILTIN_DATASETS) {
    it(`${entry.name} generates with small overrides`, () => {
      const small = entry.dims === 2 ? { size: 16, realisations: 2 } : { n: 12 };
      const d = entry.generate(small);
      const perSample = d.shape.slice(1).reduce((a, b) => a * b, 1);
      expect(d.x.length).toBe(d.shape[0] * perSample);
      expect(d.y.length).toBe(d.shape[0]);
      expect(d.shape.length).toBe(entry.dims + 1);
      expect(d.description.length).toBeGreaterThan(20);
      for (const v of d.x) expect(Number.isFinite(v)).toBe(true);
    });
  }
});
