// Reference-check data on the wire: one case of ../shared/reference/awd_loss.json (awave's AWD loss at one
// h0) and the verdict the worker sends back. The verify page and the browser tests read the same verdict.
import type { TermName, Terms } from './messages.ts';

/** One entry of awd_loss.json (snake_case as numpy wrote it; extra keys such as `debug` are ignored). */
export interface AwdLossCase {
  id: string;
  dims: 1 | 2;
  wavelet_init: string;
  h0: number[];
  mode: string;
  level: number;
  /** N×L (1-D) or N×H×W (2-D) nested arrays. */
  x: number[][] | number[][][];
  /** File name of the teacher's model.json, e.g. "teacher_mlp1d_s11.json". */
  teacher: string;
  target: number;
  attribution: string;
  weights: Record<Exclude<TermName, 'rec'>, number>;
  terms: Terms;
  total: number;
  grad_h0: number[];
}

/**
 * The installation check's acceptance: a term passes when |got − want| ≤ max(rel·|want|, absFloor);
 * the gradient when max|Δ| ≤ gradRel·‖want‖₂. Same numbers as tests/unit/tolerances.ts (awdRel…).
 */
export const VERIFY_TOLERANCE = { rel: 1e-4, absFloor: 1e-6, gradRel: 1e-4 } as const;
export type VerifyTolerance = { rel: number; absFloor: number; gradRel: number };

export interface TermCheck {
  name: TermName | 'total';
  got: number;
  want: number;
  /** |got − want| / max(|want|, absFloor/rel): passes iff ≤ rel. */
  relErr: number;
  pass: boolean;
}

export interface ReferenceCaseResult {
  id: string;
  dims: number;
  backend: string;
  /** Every term and the total, in TERM_NAMES order then 'total'. Empty when `error` is set. */
  checks: TermCheck[];
  worstRelErr: number;
  /** max|Δ grad_h0| / ‖grad_h0‖₂. */
  gradErr: number;
  pass: boolean;
  ms: number;
  error?: string;
}
