// The wavedec2 benchmark runs and reports its timing shape (its speed is checked by running it, not here:
// a wall-clock threshold in a shared CI box would be flaky).
import { describe, expect, it } from 'vitest';
import { benchWavedec2 } from '../../../bench/wavedec2.ts';

describe('benchWavedec2', () => {
  it('returns the median, min and max of the timed runs', () => {
    const r = benchWavedec2(3, 1, 128);
    expect(r.runs).toBe(3);
    expect(r.shape).toEqual([128, 128]);
    expect(r.minMs).toBeGreaterThanOrEqual(0);
    expect(r.minMs).toBeLessThanOrEqual(r.ms);
    expect(r.ms).toBeLessThanOrEqual(r.maxMs);
    expect(Number.isFinite(r.maxMs)).toBe(true);
  });
});
