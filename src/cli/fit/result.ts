// The result document of `awd fit` (pure): h0 and pywt's filter bank, the per-epoch history, speed,
// backend, teacher, final loss and validity, and the resolved config. Field names are snake_case, as
// in the config and in shared/reference.
import { lowToHigh, validityPenalties } from '../../core/index.ts';
import { TERM_NAMES } from '../../model/loss/terms.ts';
import type { TermName } from '../../model/loss/terms.ts';

export type TermMeans = Record<TermName | 'total', number>;

/** One epoch: the mean of each term and of the total over the epoch's steps, as awave's Trainer. */
export interface EpochHistory extends TermMeans {
  epoch: number;
  steps: number;
  /** awave's dist(ψ, ψ_init) at the epoch's end. */
  dist: number;
  seconds: number;
}

/** Accumulates the step records of one epoch. */
export class EpochMeans {
  private readonly sums = new Float64Array(TERM_NAMES.length + 1);
  steps = 0;

  add(terms: Record<TermName, number>, total: number): void {
    TERM_NAMES.forEach((k, i) => (this.sums[i]! += terms[k]));
    this.sums[TERM_NAMES.length]! += total;
    this.steps++;
  }

  means(): TermMeans {
    const n = Math.max(1, this.steps);
    const out = Object.fromEntries(TERM_NAMES.map((k, i) => [k, this.sums[i]! / n])) as TermMeans;
    out.total = this.sums[TERM_NAMES.length]! / n;
    return out;
  }
}

/** pywt's Wavelet(filter_bank=…).filter_bank for awave's h0: [dec_lo, dec_hi, rec_lo, rec_hi]. */
export function filterBank(h0: ArrayLike<number>): number[][] {
  const recLo = Array.from(h0);
  const recHi = Array.from(lowToHigh(h0));
  return [recLo.slice().reverse(), recHi.slice().reverse(), recLo, recHi];
}

/** awave's five validity penalties in float64 (unweighted), at h0. */
export function validityOf(h0: ArrayLike<number>): Record<string, number> {
  const v = validityPenalties(h0);
  return {
    lsum: v.lsum.penalty,
    hsum: v.hsum.penalty,
    l2norm: v.l2norm.penalty,
    cmf: v.cmf.penalty,
    conv: v.conv.penalty,
  };
}

export interface ResultParts {
  status: 'completed' | 'diverged';
  error: string | null;
  h0: Float64Array;
  h0Init: Float64Array;
  history: EpochHistory[];
  steps: number;
  stepsPerEpoch: number;
  trainSeconds: number;
  wallSeconds: number;
  backend: string;
  backendReason: string;
  lambda: number;
  gamma: number;
  dist: number;
  finalLoss: TermMeans;
  teacher: Record<string, unknown>;
  data: { x: string; y: string | null; shape: number[] };
  config: Record<string, unknown>;
  warnings: string[];
}

export function buildResult(p: ResultParts): Record<string, unknown> {
  return {
    status: p.status,
    ...(p.error !== null ? { error: p.error } : {}),
    h0: Array.from(p.h0),
    h0_init: Array.from(p.h0Init),
    filter_bank: filterBank(p.h0),
    history: p.history,
    epochs: p.history.length,
    steps: p.steps,
    steps_per_epoch: p.stepsPerEpoch,
    steps_per_second: p.trainSeconds > 0 ? p.steps / p.trainSeconds : null,
    train_seconds: p.trainSeconds,
    wall_seconds: p.wallSeconds,
    backend: p.backend,
    backend_reason: p.backendReason,
    lambda: p.lambda,
    gamma: p.gamma,
    dist: p.dist,
    final: { loss: p.finalLoss, validity: validityOf(p.h0) },
    teacher: p.teacher,
    data: { ...p.data, n: p.data.shape[0] },
    config: p.config,
    warnings: p.warnings,
  };
}
