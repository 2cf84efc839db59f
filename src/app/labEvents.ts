// How each worker event changes the lab state: a pure reducer, unit-tested without a worker. Side
// effects that follow an event (starting a run once the teacher is trained) live in lab.ts.
import { assertNever, type WorkerEvent } from '../protocol/messages.ts';
import { reduceJobError, reduceJobEvent } from './labJobEvents.ts';
import { applySnapshot } from './store/resultsSlice.ts';
import { appendRecords } from './store/trainingSlice.ts';
import type { LabState, TeacherVerdict } from './store/types.ts';

export function verdictOf(c: {
  ok: boolean;
  canUseGamma: boolean;
  message: string;
  problems: { layer: string; op: string; reason: string }[];
}): TeacherVerdict {
  return {
    ok: c.ok && c.canUseGamma,
    summary: c.message,
    problems: c.problems.map((p) => `${p.layer} (${p.op}): ${p.reason}`),
  };
}

const TEACHER_COMMANDS = new Set(['trainTeacher', 'checkTeacher', 'stopTeacher']);

export function reduceEvent(s: LabState, ev: WorkerEvent): Partial<LabState> {
  const off = s.training.stepOffset;
  switch (ev.type) {
    case 'ready':
      return {
        training: {
          ...s.training,
          backend: ev,
          error: ev.canTrain ? s.training.error : `${ev.backend} cannot train here`,
        },
      };
    case 'state':
      return {
        training: {
          ...s.training,
          status: ev.status,
          step: ev.step + off,
          epoch: ev.epoch,
          detail: ev.detail ?? null,
          error: ev.status === 'error' || ev.status === 'diverged' ? s.training.error : null,
        },
      };
    case 'progress':
      return {
        training: {
          ...s.training,
          step: ev.step + off,
          epoch: ev.epoch,
          stepsPerSecond: ev.stepsPerSecond,
          records: appendRecords(
            s.training.records,
            off ? ev.records.map((r) => ({ ...r, step: r.step + off })) : ev.records,
          ),
        },
      };
    case 'snapshot':
      return {
        results: applySnapshot(s.results, off ? { ...ev, step: ev.step + off } : ev),
        view: ev.sample === s.view.sample ? s.view : { ...s.view, sample: ev.sample },
      };
    case 'error': {
      const job = reduceJobError(s, ev);
      if (job) return job;
      if (ev.code === 'teacher' || (ev.command && TEACHER_COMMANDS.has(ev.command)))
        return { teacher: { ...s.teacher, status: 'error', error: ev.message } };
      return { training: { ...s.training, error: ev.message } };
    }
    case 'teacherProgress': {
      const have = new Set(s.teacher.history.map((h) => h.epoch));
      const add = ev.records
        .filter((r) => !have.has(r.epoch))
        .map((r) => ({ epoch: r.epoch, trainLoss: r.loss, valLoss: r.valLoss }));
      return { teacher: { ...s.teacher, status: 'training', history: [...s.teacher.history, ...add] } };
    }
    case 'teacherTrained':
      return {
        teacher: {
          ...s.teacher,
          status: ev.compat.ok ? 'ready' : 'error',
          source: 'trained',
          history: ev.history.map((r) => ({ epoch: r.epoch, trainLoss: r.loss, valLoss: r.valLoss })),
          metric: ev.metric,
          verdict: verdictOf(ev.compat),
          artifacts: ev.artifacts,
          error: ev.compat.ok ? null : ev.compat.message,
        },
      };
    case 'teacherChecked':
      return {
        teacher: {
          ...s.teacher,
          status: ev.ok ? 'ready' : 'error',
          verdict: verdictOf(ev),
          error: ev.ok ? null : ev.message,
        },
      };
    case 'warning':
      return {
        teacher: {
          ...s.teacher,
          verdict: {
            ok: false,
            summary: ev.message,
            problems: ev.problems.map((p) => `${p.layer} (${p.op}): ${p.reason}`),
          },
        },
      };
    case 'referenceResult':
    case 'uiHeld': // for the draw scheduler's hooks (src/main.tsx), not the store
      return {};
    case 'evaluated':
    case 'sweepProgress':
    case 'sweepRun':
    case 'sweepDone':
      return reduceJobEvent(s, ev);
    default:
      return assertNever(ev, 'event');
  }
}
