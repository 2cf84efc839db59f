// What a config change costs the running trainer: λ, γ, lr and epochs apply live (warm, next step);
// a new initial filter (wavelet, h0, noise, seed) restarts cold; anything else (level, mode, weights,
// attribution, batch size…) rebuilds the trainer from the current h0.
import type { AwdConfig } from '../protocol/config.ts';

const COLD: readonly (keyof AwdConfig)[] = ['wavelet', 'h0', 'noise', 'seed'];
const LIVE: readonly (keyof AwdConfig)[] = ['lambda', 'gamma', 'lr', 'epochs', 'backend'];

export type PatchEffect = 'live' | 'warm' | 'cold';

export function patchEffect(patch: Partial<AwdConfig>): PatchEffect {
  const keys = Object.keys(patch) as (keyof AwdConfig)[];
  if (keys.some((k) => COLD.includes(k))) return 'cold';
  return keys.every((k) => LIVE.includes(k)) ? 'live' : 'warm';
}
