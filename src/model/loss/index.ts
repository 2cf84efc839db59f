export { awdLoss } from './awdLoss.ts';
export type { AwdLossOptions, AwdLossResult } from './awdLoss.ts';
export { l1BandLoss, reconstructionLoss } from './data.ts';
export { evaluateLossCase, flattenSignals } from './lossCase.ts';
export type { LossCaseResult } from './lossCase.ts';
export { DEFAULT_LOSS_WEIGHTS, stackTerms, TERM_NAMES, unstackTerms } from './terms.ts';
export type { LossWeights, TermName, WeightName } from './terms.ts';
export { validityTerms } from './validity.ts';
export type { ValidityTerms } from './validity.ts';
