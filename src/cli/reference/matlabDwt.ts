// matlab/matlab_dwt.json: {wavelet, mode, x, cA, cD} = one-level dwt (MATLAB R2012a's, via pywt's tests).
// Some cases store MATLAB's 1×M row vectors as [[...]]: our values are written in the same nesting.
import { dwt } from '../../core/index.ts';
import { mode, str, vec } from './caseFields.ts';
import type { ReferenceHandler } from './registry.ts';

export const handler: ReferenceHandler = {
  compute(c) {
    const { cA, cD } = dwt(vec(c, 'x'), str(c, 'wavelet'), mode(c));
    const rowVector = Array.isArray(c.cA) && Array.isArray(c.cA[0]);
    const shaped = (a: Float64Array) => (rowVector ? [Array.from(a)] : Array.from(a));
    return { cA: shaped(cA), cD: shaped(cD) };
  },
};
