// Decimation and the reference verdict (pure parts of the worker).
import { describe, expect, it } from 'vitest';
import { TERM_NAMES, type Terms } from '../../../src/protocol/messages.ts';
import { VERIFY_TOLERANCE, type AwdLossCase } from '../../../src/protocol/reference.ts';
import { decimate1d, decimate2d, decimateBand } from '../../../src/worker/decimate.ts';
import { checkLossCase, termCheck } from '../../../src/worker/referenceCheck.ts';
import { displayPeriods } from '../../../src/worker/reporter.ts';
import { TOL } from '../tolerances.ts';

describe('decimate', () => {
  it('1-D keeps short arrays and both ends of long ones', () => {
    expect(Array.from(decimate1d([1, 2, 3], 5))).toEqual([1, 2, 3]);
    const d = decimate1d(
      Array.from({ length: 1001 }, (_, i) => i),
      11,
    );
    expect(Array.from(d)).toEqual([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000]);
  });
  it('2-D strides rows and columns; stacks of maps stay stacks', () => {
    const a = Array.from({ length: 6 * 4 }, (_, i) => i);
    expect(decimate2d(a, 6, 4, 3)).toEqual({ data: Float32Array.from([0, 2, 8, 10, 16, 18]), shape: [3, 2] });
    const s = decimateBand([...a, ...a.map((v) => -v)], [2, 6, 4], 100, 3);
    expect(s.shape).toEqual([2, 3, 2]);
    expect(Array.from(s.data)).toEqual([0, 2, 8, 10, 16, 18, -0, -2, -8, -10, -16, -18]);
  });
});

describe('reference verdict', () => {
  it('uses the same tolerances as the unit tests', () => {
    expect(VERIFY_TOLERANCE).toEqual({ rel: TOL.awdRel, absFloor: TOL.awdAbsFloor, gradRel: TOL.awdGradRel });
  });
  it('relative error with an absolute floor; NaN fails', () => {
    expect(termCheck('rec', 1.00005, 1, VERIFY_TOLERANCE).pass).toBe(true);
    expect(termCheck('rec', 1.0002, 1, VERIFY_TOLERANCE).pass).toBe(false);
    expect(termCheck('l2norm', 5e-7, 0, VERIFY_TOLERANCE).pass).toBe(true); // below the 1e-6 floor
    expect(termCheck('l2norm', 2e-6, 0, VERIFY_TOLERANCE).pass).toBe(false);
    expect(termCheck('cmf', Number.NaN, 1, VERIFY_TOLERANCE).pass).toBe(false);
  });
  it('grad error is max |Δ| over ‖want‖', () => {
    const terms = Object.fromEntries(TERM_NAMES.map((t, i) => [t, i + 1])) as Terms;
    const c = { id: 'c', dims: 1, terms, total: 9, grad_h0: [3, 4] } as unknown as AwdLossCase;
    const ok = checkLossCase(c, { terms, total: 9, gradH0: [3, 4 + 4e-4] }, 'cpu', 1, VERIFY_TOLERANCE);
    expect(ok.gradErr).toBeCloseTo(8e-5, 12);
    expect(ok.pass).toBe(true);
    const bad = checkLossCase(c, { terms, total: 9, gradH0: [3, Number.NaN] }, 'cpu', 1, VERIFY_TOLERANCE);
    expect([bad.gradErr, bad.pass]).toEqual([Infinity, false]);
  });
});

describe('displayPeriods', () => {
  it('slows progress and snapshots to 4 Hz on machines with ≤ 4 cores (or unknown), not on bigger ones', () => {
    expect(displayPeriods(2)).toEqual({ progressMs: 250, snapshotMs: 250 });
    expect(displayPeriods(4)).toEqual({ progressMs: 250, snapshotMs: 250 });
    expect(displayPeriods(undefined)).toEqual({ progressMs: 250, snapshotMs: 250 });
    expect(displayPeriods(8)).toEqual({ progressMs: 125, snapshotMs: 100 });
  });
});
