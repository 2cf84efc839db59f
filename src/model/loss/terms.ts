// Term names and weights of the AWD objective (awave.losses.Loss): total = rec + Σ weight·term.
import * as tf from '@tensorflow/tfjs-core';
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

/** The terms and the total as one [9] tensor (TERM_NAMES order, then total): one read per step. */
export function stackTerms(terms: Record<TermName, tf.Scalar>, total: tf.Scalar): tf.Tensor1D {
  return tf.stack([...TERM_NAMES.map((k) => terms[k]), total]) as tf.Tensor1D;
}

export function unstackTerms(v: ArrayLike<number>): { terms: Record<TermName, number>; total: number } {
  const terms = Object.fromEntries(TERM_NAMES.map((k, i) => [k, v[i]!])) as Record<TermName, number>;
  return { terms, total: v[TERM_NAMES.length]! };
}
