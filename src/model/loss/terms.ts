// Term names and weights of the AWD objective (awave.losses.Loss): total = rec + Σ weight·term.
export const TERM_NAMES = ['rec', 'lsum', 'hsum', 'l2norm', 'cmf', 'conv', 'l1wave', 'l1attr'] as const;
export type TermName = (typeof TERM_NAMES)[number];
export type WeightName = Exclude<TermName, 'rec'>;
export type LossWeights = Record<WeightName, number>;

/** awave's defaults are all 1 (its Loss() signature); the lab's λ, γ come from the config. */
export const DEFAULT_LOSS_WEIGHTS: Readonly<LossWeights> = Object.freeze({
  lsum: 1,
  hsum: 1,
  l2norm: 1,
  cmf: 1,
  conv: 1,
  l1wave: 1,
  l1attr: 1,
});
