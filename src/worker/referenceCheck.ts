// Verdict for one awd_loss.json case: every loss term and the total against awave's float64 numbers,
// and d total / d h0 against its norm. Pure, so the same check runs in the worker and in tests.
import { TERM_NAMES } from '../protocol/messages.ts';
import type { AwdLossCase, ReferenceCaseResult, TermCheck, VerifyTolerance } from '../protocol/reference.ts';
import type { LossCaseResult } from './types.ts';

export function termCheck(
  name: TermCheck['name'],
  got: number,
  want: number,
  tol: VerifyTolerance,
): TermCheck {
  // Scaled so that "pass" is exactly relErr ≤ rel: the absolute floor becomes a floor on |want|.
  const relErr = Math.abs(got - want) / Math.max(Math.abs(want), tol.absFloor / tol.rel);
  return { name, got, want, relErr, pass: Number.isFinite(got) && relErr <= tol.rel };
}

export function checkLossCase(
  c: AwdLossCase,
  r: LossCaseResult,
  backend: string,
  ms: number,
  tol: VerifyTolerance,
): ReferenceCaseResult {
  const checks = TERM_NAMES.map((t) => termCheck(t, r.terms[t], c.terms[t], tol));
  checks.push(termCheck('total', r.total, c.total, tol));
  let norm = 0;
  for (const v of c.grad_h0) norm += v * v;
  norm = Math.sqrt(norm);
  let maxDiff = r.gradH0.length === c.grad_h0.length ? 0 : Infinity;
  for (let i = 0; i < c.grad_h0.length && maxDiff < Infinity; i++) {
    const d = Math.abs(r.gradH0[i]! - c.grad_h0[i]!);
    if (!(d <= maxDiff)) maxDiff = Number.isNaN(d) ? Infinity : d; // NaN fails loudly
  }
  const gradErr = maxDiff / Math.max(norm, Number.MIN_VALUE);
  const worstRelErr = Math.max(...checks.map((k) => (Number.isNaN(k.relErr) ? Infinity : k.relErr)));
  const pass = checks.every((k) => k.pass) && gradErr <= tol.gradRel;
  return { id: c.id, dims: c.dims, backend, checks, worstRelErr, gradErr, pass, ms };
}

export function failedCase(
  c: { id?: unknown; dims?: unknown },
  backend: string,
  ms: number,
  error: string,
): ReferenceCaseResult {
  return {
    id: String(c.id),
    dims: Number(c.dims),
    backend,
    checks: [],
    worstRelErr: Infinity,
    gradErr: Infinity,
    pass: false,
    ms,
    error,
  };
}
