/**
 * Reference-file kinds for `awd reference` (files in the format of shared/reference/*.json).
 *
 * HOW TO ADD A KIND (e.g. `awd_loss`, `awd_fit`) — one handler file + one registry line:
 *  1. Create `src/cli/reference/<name>.ts` exporting `export const handler: ReferenceHandler = {...}`.
 *     `compute(c, ctx)` gets ONE case object exactly as in the file (snake_case keys) and returns
 *     the case's expected fields recomputed by our code, in the file's own JSON shapes
 *     (number | nested number arrays | objects of those, e.g. `{ terms: {...}, total, grad_h0 }`).
 *     Only the returned keys are compared with the file and replaced in the written output; every
 *     other key is copied through. It may be async. Read files beside the reference file via
 *     `ctx.dir` (e.g. the teacher's model.json). Throw `CliError` for a malformed case
 *     (`caseFields.ts` has typed field readers that do this).
 *  2. Append ONE line to `REFERENCE_KINDS` below: `{ kind, detect, load: () => import('./<name>.ts') }`.
 *     `detect(c)` sees the file's FIRST case and must be specific (first match wins, in list order):
 *     test for the fields only your kind has, e.g. `has(c, 'terms', 'grad_h0')`.
 *     The handler is loaded lazily, so heavy imports (tfjs via src/model) cost nothing to `awd dwt`.
 *
 * Every case of one file must detect as the same kind. The summary compares each returned field
 * with the file's value: worst absolute error, and worst relative error = max|Δ| / max|expected|
 * per (case, field), the worst over the file.
 */
export type RefCase = Readonly<Record<string, unknown>>;

export interface ReferenceContext {
  /** Path of the reference file as given on the command line. */
  readonly file: string;
  /** Its directory (teachers and other side files live beside it). */
  readonly dir: string;
}

export interface ReferenceHandler {
  compute(c: RefCase, ctx: ReferenceContext): Record<string, unknown> | Promise<Record<string, unknown>>;
}

export interface ReferenceKind {
  readonly kind: string;
  readonly detect: (c: RefCase) => boolean;
  readonly load: () => Promise<{ readonly handler: ReferenceHandler }>;
}

/** True when the case has every key. */
export function has(c: RefCase, ...keys: string[]): boolean {
  return keys.every((k) => k in c);
}

const is2D = (v: unknown): boolean => Array.isArray(v) && Array.isArray(v[0]);

// One line per kind, so adding a kind is a one-line diff.
// prettier-ignore
export const REFERENCE_KINDS: readonly ReferenceKind[] = [
  { kind: 'matlab_dwt', detect: (c) => has(c, 'x', 'cA', 'cD', 'wavelet', 'mode'), load: () => import('./matlabDwt.ts') },
  { kind: 'dwt2d', detect: (c) => has(c, 'x', 'coeffs', 'recon') && is2D(c.x), load: () => import('./dwt2d.ts') },
  { kind: 'dwt1d', detect: (c) => has(c, 'x', 'coeffs', 'recon') && !is2D(c.x), load: () => import('./dwt1d.ts') },
  { kind: 'wavefun', detect: (c) => has(c, 'phi', 'psi', 'x', 'level'), load: () => import('./wavefun.ts') },
  { kind: 'awd_fit', detect: (c) => has(c, 'h0_final', 'history', 'steps', 'lr'), load: () => import('./awdFit.ts') },
  { kind: 'awd_loss', detect: (c) => has(c, 'terms', 'grad_h0', 'teacher') && !has(c, 'h0_final'), load: () => import('./awdLoss.ts') },
];
