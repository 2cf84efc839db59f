// wavefun.json: {wavelet, level, phi, psi, x} = pywt Wavelet(name).wavefun(level); a case with a
// `filter_bank` (or only `h0`) is pywt's custom-bank path as awave's get_wavefun builds it:
// phi = phi_d, psi = psi_d, plus phi_r, psi_r.
import { lowToHigh, wavefun, wavefunBank } from '../../core/index.ts';
import { CliError } from '../errors.ts';
import { int, str, toVec, vec } from './caseFields.ts';
import type { RefCase, ReferenceHandler } from './registry.ts';

function bankOf(c: RefCase) {
  const fb = c.filter_bank;
  if (fb !== undefined) {
    if (typeof fb !== 'object' || fb === null)
      throw new CliError('case field "filter_bank" must be an object');
    const f = fb as Record<string, unknown>;
    return {
      decLo: toVec(f.dec_lo, 'filter_bank.dec_lo'),
      decHi: toVec(f.dec_hi, 'filter_bank.dec_hi'),
      recLo: toVec(f.rec_lo, 'filter_bank.rec_lo'),
      recHi: toVec(f.rec_hi, 'filter_bank.rec_hi'),
    };
  }
  const h0 = vec(c, 'h0');
  const g = lowToHigh(h0);
  return { decLo: h0.slice().reverse(), decHi: g.slice().reverse(), recLo: h0, recHi: g };
}

export const handler: ReferenceHandler = {
  compute(c) {
    const level = int(c, 'level');
    if ('filter_bank' in c || 'h0' in c) {
      const r = wavefunBank(bankOf(c), level);
      const out = { phi: Array.from(r.phiD), psi: Array.from(r.psiD), x: Array.from(r.x) };
      return 'phi_r' in c ? { ...out, phi_r: Array.from(r.phiR), psi_r: Array.from(r.psiR) } : out;
    }
    const r = wavefun(str(c, 'wavelet'), level);
    return { phi: Array.from(r.phi), psi: Array.from(r.psi), x: Array.from(r.x) };
  },
};
