// MATLAB R2012a dwt outputs (pywt's own conformance data, shared/reference/matlab/matlab_dwt.json):
// RMS ≤ TOL.matlabRms, as pywt's test_matlab_compatibility (MATLAB's taps differ slightly).
import { describe, expect, it } from 'vitest';
import { dwt } from '../../../src/core/index.ts';
import type { Mode } from '../../../src/core/index.ts';
import { loadReference } from '../reference.ts';
import { TOL } from '../tolerances.ts';

interface Case {
  wavelet: string;
  mode: Mode;
  matlab_mode: string;
  x: number[];
  // odd-length cases keep MATLAB's 1×m row shape: [[...]]
  cA: number[] | number[][];
  cD: number[] | number[][];
}

const { cases } = loadReference<{ cases: Case[] }>('matlab/matlab_dwt.json');

function rms(got: ArrayLike<number>, band: number[] | number[][]): number {
  const want = band.flat();
  if (got.length !== want.length) return Infinity;
  let s = 0;
  for (let i = 0; i < want.length; i++) s += (got[i]! - want[i]!) ** 2;
  return Math.sqrt(s / want.length);
}

describe('dwt vs MATLAB R2012a (matlab_dwt.json)', () => {
  it(`all ${cases.length} cases: RMS of cA and cD ≤ ${TOL.matlabRms}`, () => {
    expect(cases.length).toBeGreaterThan(1000);
    const failures: string[] = [];
    let worst = 0;
    for (const c of cases) {
      const { cA, cD } = dwt(c.x, c.wavelet, c.mode);
      const e = Math.max(rms(cA, c.cA), rms(cD, c.cD));
      worst = Math.max(worst, e);
      if (!(e <= TOL.matlabRms))
        failures.push(`${c.wavelet} ${c.mode} (${c.matlab_mode}) N=${c.x.length}: rms ${e}`);
    }
    expect(failures, `worst rms ${worst}`).toEqual([]);
  });
});
