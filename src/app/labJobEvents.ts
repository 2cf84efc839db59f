// How the lab-job events (evaluation table, sweep progress/runs/end) and their errors change the state:
// pure, like labEvents.ts, which hands these events over.
import type { LabJobEvent, WorkerErrorEvent } from '../protocol/messages.ts';
import type { LabState } from './store/types.ts';

export const JOB_COMMANDS: ReadonlySet<string> = new Set(['evaluate', 'sweep', 'stopSweep', 'loadH0']);

export function reduceJobEvent(s: LabState, ev: LabJobEvent): Partial<LabState> {
  const sw = s.sweep;
  switch (ev.type) {
    case 'evaluated':
      return {
        evaluation: {
          ...s.evaluation,
          status: 'done',
          table: ev.table,
          wavelets: ev.wavelets,
          ms: ev.ms,
          error: null,
        },
      };
    case 'sweepProgress':
      return sw.status === 'running' || sw.status === 'stopping' ? { sweep: { ...sw, progress: ev } } : {};
    case 'sweepRun':
      return {
        sweep: {
          ...sw,
          runs: [...sw.runs.filter((r) => r.index !== ev.run.index), ev.run].sort(
            (a, b) => a.index - b.index,
          ),
        },
      };
    case 'sweepDone':
      return {
        sweep: {
          ...sw,
          status: ev.stopped ? 'stopped' : 'done',
          selected: ev.selected,
          ms: ev.ms,
          progress: null,
        },
      };
  }
}

/** Errors that belong to a job (named by command), or a crash that ended a running one; null: not ours. */
export function reduceJobError(s: LabState, ev: WorkerErrorEvent): Partial<LabState> | null {
  const sweepLive = s.sweep.status === 'running' || s.sweep.status === 'stopping';
  if (ev.code === 'worker_crashed') {
    const out: Partial<LabState> = {};
    if (sweepLive) out.sweep = { ...s.sweep, status: 'error', progress: null, error: ev.message };
    if (s.evaluation.status === 'running')
      out.evaluation = { ...s.evaluation, status: 'error', error: ev.message };
    return Object.keys(out).length ? { ...out, training: { ...s.training, error: ev.message } } : null;
  }
  if (!ev.command || !JOB_COMMANDS.has(ev.command)) return null;
  if (ev.command === 'evaluate')
    return { evaluation: { ...s.evaluation, status: 'error', error: ev.message } };
  if (ev.command === 'sweep')
    return { sweep: { ...s.sweep, status: 'error', progress: null, error: ev.message } };
  return { sweep: { ...s.sweep, error: ev.message } };
}
