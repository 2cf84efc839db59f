// dwt2d.json: {wavelet, mode, level, x (rows), coeffs, recon} = pywt.wavedec2 / waverec2.
import { fromRows, toRows, waverec2, wavedec2 } from '../../core/index.ts';
import { coeffs2DToJson } from '../coeffsJson.ts';
import { int, mode, rows, str } from './caseFields.ts';
import type { ReferenceHandler } from './registry.ts';

export const handler: ReferenceHandler = {
  compute(c) {
    const wavelet = str(c, 'wavelet');
    const m = mode(c);
    const coeffs = wavedec2(fromRows(rows(c, 'x')), wavelet, m, int(c, 'level'));
    return { coeffs: coeffs2DToJson(coeffs), recon: toRows(waverec2(coeffs, wavelet, m)) };
  },
};
