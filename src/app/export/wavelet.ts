// The learned wavelet as files a Python user can load: JSON with h0, g and pywt's filter_bank, and a
// snippet that rebuilds it with pywt and with awave. Conventions (shared/reference/README.md): awave's
// h0 = pywt rec_lo; g[k] = (−1)^k h0[K−1−k] = rec_hi; dec_* are the reversed reconstruction filters.
import { lowToHigh, validityPenalties } from '../../core/filterQuality.ts';
import type { AwdConfig } from '../../protocol/config.ts';

export interface WaveletExport {
  format: 'awd-wavelet';
  version: 1;
  name: string;
  h0: number[];
  g: number[];
  /** pywt order: [dec_lo, dec_hi, rec_lo, rec_hi]. */
  filter_bank: [number[], number[], number[], number[]];
  /** How it was learned: the initial wavelet, J, mode, λ, γ and the step it was taken at. */
  provenance: {
    wavelet: string;
    noise: number;
    seed: number;
    level: number;
    mode: string;
    lambda: number;
    gamma: number;
    step: number;
    dataset: string;
  };
  /** awave's validity penalties of h0 (0 for an exact orthogonal wavelet). */
  validity: Record<'lsum' | 'hsum' | 'l2norm' | 'cmf' | 'conv', number>;
}

export function filterBank(h0: ArrayLike<number>): [number[], number[], number[], number[]] {
  const lo = Array.from(h0);
  const hi = Array.from(lowToHigh(h0));
  return [[...lo].reverse(), [...hi].reverse(), lo, hi];
}

export function waveletExport(
  h0: ArrayLike<number>,
  config: AwdConfig,
  step: number,
  dataset: string,
): WaveletExport {
  const p = validityPenalties(h0);
  const bank = filterBank(h0);
  return {
    format: 'awd-wavelet',
    version: 1,
    name: `awd-${config.wavelet}`,
    h0: bank[2],
    g: bank[3],
    filter_bank: bank,
    provenance: {
      wavelet: config.wavelet,
      noise: config.noise,
      seed: config.seed,
      level: config.level,
      mode: config.mode,
      lambda: config.lambda,
      gamma: config.gamma,
      step,
      dataset,
    },
    validity: {
      lsum: p.lsum.penalty,
      hsum: p.hsum.penalty,
      l2norm: p.l2norm.penalty,
      cmf: p.cmf.penalty,
      conv: p.conv.penalty,
    },
  };
}

/** Full float64 precision: a round trip through the snippet gives the same taps bit for bit. */
const list = (a: readonly number[]) => `[${a.map((v) => String(v)).join(', ')}]`;

export function pythonSnippet(w: WaveletExport, twoD: boolean): string {
  const { level, mode } = w.provenance;
  const pywtMode = mode === 'periodic' ? 'periodic' : mode;
  return `# The adaptive wavelet learned in AWD Lab (${w.name}, step ${w.provenance.step}, λ=${w.provenance.lambda}, γ=${w.provenance.gamma}).
import numpy as np
import pywt

h0 = np.array(${list(w.h0)})
g = np.array([(-1) ** k * h0[len(h0) - 1 - k] for k in range(len(h0))])  # awave low_to_high

# pywt: a custom orthogonal filter bank (dec_lo, dec_hi, rec_lo, rec_hi)
wavelet = pywt.Wavelet('${w.name}', filter_bank=(h0[::-1], g[::-1], h0, g))
# coeffs = pywt.${twoD ? 'wavedec2' : 'wavedec'}(x, wavelet, mode='${pywtMode}', level=${level})

# awave: the same filter as a DWT module (h0 is its learnable parameter)
import torch
from awave.${twoD ? 'transform2d import DWT2d' : 'transform1d import DWT1d'}
wt = ${twoD ? 'DWT2d' : 'DWT1d'}(wave='${w.provenance.wavelet}', mode='${mode}', J=${level}, init_factor=1, noise_factor=0)
with torch.no_grad():
    wt.h0.copy_(torch.tensor(h0, dtype=wt.h0.dtype).reshape(wt.h0.shape))
`;
}
