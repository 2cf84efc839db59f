// dwt1d.json: {wavelet, mode, level, x, coeffs, recon} = pywt.wavedec / waverec.
import { waverec, wavedec } from '../../core/index.ts';
import { coeffs1DToJson } from '../coeffsJson.ts';
import { int, mode, str, vec } from './caseFields.ts';
import type { ReferenceHandler } from './registry.ts';

export const handler: ReferenceHandler = {
  compute(c) {
    const wavelet = str(c, 'wavelet');
    const m = mode(c);
    const coeffs = wavedec(vec(c, 'x'), wavelet, m, int(c, 'level'));
    return { coeffs: coeffs1DToJson(coeffs), recon: Array.from(waverec(coeffs, wavelet, m)) };
  },
};
