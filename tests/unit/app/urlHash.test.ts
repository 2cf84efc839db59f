// The URL hash carries the config (never the data): short, exact round trips, bad keys reported.
import { describe, expect, test } from 'vitest';
import { LAB_DEFAULT_CONFIG, mergeConfig } from '../../../src/app/store/configSlice.ts';
import { configToHash, hashToConfig } from '../../../src/app/urlHash.ts';

describe('config ⇄ URL hash', () => {
  test('only values that differ from the lab defaults are written', () => {
    expect(configToHash(LAB_DEFAULT_CONFIG, null)).toBe('#');
    const c = mergeConfig(LAB_DEFAULT_CONFIG, {
      gamma: 0.3,
      wavelet: 'sym4',
      weights: { ...LAB_DEFAULT_CONFIG.weights, cmf: 2 },
    });
    expect(configToHash(c, 'builtin:mass-maps')).toBe(
      '#data=builtin%3Amass-maps&wavelet=sym4&gamma=0.3&w.cmf=2',
    );
  });

  test('round trip: every field, including a warm-start h0 and booleans', () => {
    const c = mergeConfig(LAB_DEFAULT_CONFIG, {
      h0: [0.1, 0.7, 0.7, -0.1],
      level: 3,
      mode: 'periodization',
      lambda: 1e-5,
      gamma: 0,
      shuffle: false,
      attribution: 'integrated_gradients',
      lr: 0.0125,
      batchSize: 0,
      backend: 'wasm',
      weights: { lsum: 0, hsum: 1, l2norm: 3, cmf: 1, conv: 0.5 },
    });
    const back = hashToConfig(configToHash(c, 'builtin:simulation-db5'));
    expect(back.errors).toEqual([]);
    expect(back.config).toEqual(c);
    expect(back.datasetId).toBe('builtin:simulation-db5');
  });

  test('a bad key is reported with its value and the rest of the link still applies', () => {
    const r = hashToConfig('#gamma=-1&level=3&mode=nope&bogus=1&w.cmf=x');
    expect(r.config.level).toBe(3);
    expect(r.config.gamma).toBe(LAB_DEFAULT_CONFIG.gamma);
    expect(r.errors.join('\n')).toMatch(/config\.gamma: expected a number ≥ 0, got -1/);
    expect(r.errors.join('\n')).toMatch(/config\.mode: expected one of/);
    expect(r.errors.join('\n')).toMatch(/unknown key 'bogus'/);
    expect(r.errors.join('\n')).toMatch(/weights\.cmf/);
  });
});
