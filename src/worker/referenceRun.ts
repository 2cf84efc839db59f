// Runs awd_loss.json cases on the active backend (the in-browser installation check): one teacher per
// file name, loaded once and disposed after; a failing case is reported, never thrown.
import type { ActiveBackend, ReferenceResultEvent, RunReferenceCasesCommand } from '../protocol/messages.ts';
import { VERIFY_TOLERANCE, type ReferenceCaseResult } from '../protocol/reference.ts';
import { checkLossCase, failedCase } from './referenceCheck.ts';
import type { EngineDeps, TeacherLike } from './types.ts';

const errText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export async function runReferenceCases<T extends TeacherLike>(
  deps: EngineDeps<T>,
  cmd: RunReferenceCasesCommand,
  backend: ActiveBackend,
  /** Runs synchronous readers (the teacher's second-order probe) where they work. */
  host: <R>(fn: () => R | Promise<R>) => Promise<R>,
): Promise<ReferenceResultEvent> {
  const t0 = deps.now();
  const teachers = new Map<string, T>();
  const results: ReferenceCaseResult[] = [];
  try {
    for (const c of cmd.cases) {
      const c0 = deps.now();
      try {
        let teacher = teachers.get(c.teacher);
        if (!teacher) {
          const art = cmd.teachers[c.teacher];
          if (!art)
            throw new Error(
              `teacher '${c.teacher}' not provided (have: ${Object.keys(cmd.teachers).join(', ') || 'none'})`,
            );
          // Loading runs the teacher's second-order probe, which reads synchronously.
          teacher = await host(() => deps.loadTeacher(art));
          teachers.set(c.teacher, teacher);
        }
        const r = await deps.evaluateLossCase(c, teacher);
        results.push(checkLossCase(c, r, backend, deps.now() - c0, VERIFY_TOLERANCE));
      } catch (e) {
        results.push(failedCase(c, backend, deps.now() - c0, errText(e)));
      }
      await deps.yieldToEvents(); // keep the worker responsive between cases
    }
  } finally {
    for (const t of teachers.values()) t.dispose();
  }
  return { type: 'referenceResult', kind: 'awd_loss', backend, results, ms: deps.now() - t0 };
}
