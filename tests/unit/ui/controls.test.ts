// Slider scale and the "is it still a wavelet?" meters.
import { describe, expect, test } from 'vitest';
import { getWavelet } from '../../../src/core/wavelets.ts';
import {
  formatWeight,
  LOG_STEPS,
  positionToValue,
  valueToPosition,
} from '../../../src/ui/controls/LogSlider.tsx';
import { badness, isWavelet, validityMeters } from '../../../src/ui/panels/validity.ts';

describe('λ/γ log slider', () => {
  test('position 0 is exactly 0; the rest spans 1e-5 … 10 at ten steps per decade', () => {
    expect(positionToValue(0)).toBe(0);
    expect(positionToValue(1)).toBe(1e-5);
    expect(positionToValue(LOG_STEPS)).toBe(10);
    expect(positionToValue(valueToPosition(1))).toBe(1);
    expect(positionToValue(valueToPosition(0.1))).toBe(0.1);
    for (let p = 0; p <= LOG_STEPS; p++) expect(valueToPosition(positionToValue(p)), `position ${p}`).toBe(p);
  });

  test('typed values outside the scale clamp to its ends; text is short', () => {
    expect(valueToPosition(1e-9)).toBe(1);
    expect(valueToPosition(1e6)).toBe(LOG_STEPS);
    expect(valueToPosition(-1)).toBe(0);
    expect(formatWeight(0)).toBe('0');
    expect(formatWeight(0.3)).toBe('0.3');
    expect(formatWeight(2e-5)).toBe('2.0e-5');
  });
});

describe('validity meters', () => {
  test('a built-in orthogonal wavelet passes every condition; a perturbed one does not', () => {
    const h0 = getWavelet('sym4').recLo;
    const ok = validityMeters(h0, 0.001);
    expect(ok.map((m) => m.key)).toEqual(['lsum', 'hsum', 'l2norm', 'cmf', 'conv', 'rec']);
    expect(isWavelet(ok)).toBe(true);
    const bad = validityMeters(
      Array.from(h0, (v, i) => v * (i === 2 ? 1.3 : 1)),
      null,
    );
    expect(isWavelet(bad)).toBe(false);
    expect(bad.find((m) => m.key === 'l2norm')!.badness).toBeGreaterThan(0.3);
  });

  test('badness is 0 below 1e-8, 1 from 1 up, log-linear between', () => {
    expect(badness(0)).toBe(0);
    expect(badness(1e-9)).toBe(0);
    expect(badness(1e-4)).toBeCloseTo(0.5, 12);
    expect(badness(5)).toBe(1);
  });
});
