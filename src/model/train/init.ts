// Initial h0: a warm start as given, or awave's DWT init h0 = rec_lo + noise·N(0,1) (awave draws with
// torch.randn; we draw from the config's seed, so the distribution matches, not the digits).
import { getWavelet } from '../../core/index.ts';
import type { AwdConfig } from '../../protocol/config.ts';
import { mulberry32, normalSource } from './rng.ts';

export function initialH0(config: Pick<AwdConfig, 'h0' | 'wavelet' | 'noise' | 'seed'>): Float64Array {
  if (config.h0 !== null) {
    const h = Float64Array.from(config.h0);
    if (h.length < 2 || h.length % 2 !== 0 || !h.every(Number.isFinite))
      throw new Error(
        `initialH0: h0 must be an even-length (≥ 2) array of finite numbers, got length ${h.length}`,
      );
    return h;
  }
  const recLo = getWavelet(config.wavelet).recLo;
  const normal = normalSource(mulberry32(config.seed));
  return Float64Array.from(recLo, (v) => v + config.noise * normal());
}
