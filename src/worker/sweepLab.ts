// The lab's λ×γ sweep: model/sweep's warm-started path over the grid, on the run's training split,
// from the run's initial filter, selected by the validation metric (the same defaults as `awd sweep`:
// 1-D top-attributed linear R² with a γ-capable teacher, else top-k ridge R²; 2-D peak-count RMSE).
// Runs one point at a time, so a stop request is seen between runs.
import { rowsOf } from '../model/evaluate/splits.ts';
import { DEFAULT_PEAKS } from '../model/evaluate/peakCounting.ts';
import { DEFAULT_RIDGE } from '../model/evaluate/predictors1d.ts';
import { planSweep, type SweepPoint } from '../model/sweep/grid.ts';
import type { SweepContext, SweepRun } from '../model/sweep/runPoint.ts';
import { memoryStore, runSweep } from '../model/sweep/runSweep.ts';
import { selectBest, validator1d, validator2d } from '../model/sweep/validate.ts';
import type { Teacher } from '../model/teacher/types.ts';
import type { SweepRunData } from '../protocol/messages.ts';
import { data1d, data2d, jobTeacher, splitOf } from './labJobData.ts';
import type { SweepHooks, SweepJob, SweepResult } from './labJobTypes.ts';

function validatorFor(job: SweepJob, teacher: Teacher | null): SweepContext['validate'] {
  const { data: d, config: cfg } = job;
  const split = splitOf(d);
  if (d.shape.length === 3)
    return validator2d(data2d(d), split, {
      metric: 'rmse',
      kernels: '3x3',
      boundary: 'zero',
      peaks: DEFAULT_PEAKS,
    });
  return validator1d(data1d(d), split, {
    predictor: teacher ? 'top_attr_linear' : 'topk_ridge',
    metric: 'r2',
    mode: cfg.mode,
    level: cfg.level,
    teacher,
    target: cfg.target,
    attribution: cfg.attribution,
    igSteps: cfg.igSteps,
    topk: { k: 5, by: 'abs' },
    topAttr: 10,
    ridge: DEFAULT_RIDGE,
  });
}

export function runData(r: SweepRun, p: SweepPoint): SweepRunData {
  return {
    index: r.index,
    row: p.row,
    col: p.col,
    lambda: r.lambda,
    gamma: r.gamma,
    warmFrom: r.warmFrom,
    status: r.status,
    error: r.error,
    h0: [...r.h0],
    validation: r.validation && { ...r.validation },
    rec: r.finalLoss['rec'] ?? NaN,
    l1wave: r.finalLoss['l1wave'] ?? NaN,
    l1attr: r.finalLoss['l1attr'] ?? NaN,
    distToInit: r.distToInit,
    seconds: r.seconds,
  };
}

export async function sweepLab(job: SweepJob, hooks: SweepHooks): Promise<SweepResult> {
  const { data: d } = job;
  const signal = d.shape.slice(1);
  const per = signal.reduce((a, b) => a * b, 1);
  const teacher = jobTeacher(job.artifacts, signal, job.config.target, true);
  try {
    const plan = planSweep({ lambdas: job.lambdas, gammas: job.gammas }, job.warmStart);
    const ctx: SweepContext = {
      x: rowsOf(d.x, per, d.train),
      shape: [d.train.length, ...signal],
      teacher,
      base: job.config,
      epochs: job.epochs,
      reference: null,
      validate: validatorFor(job, teacher),
      now: job.now,
      onStep: (s) => {
        const p = plan[s.index]!;
        hooks.onStep({ ...s, lambda: p.lambda, gamma: p.gamma });
      },
    };
    const store = memoryStore();
    let stopped = false;
    for (const p of plan) {
      if (!(await hooks.next())) {
        stopped = true;
        break;
      }
      // Every earlier run is in the store, so this trains exactly point p (from its warm-start source).
      const [run] = await runSweep(ctx, plan, store, [p.index]);
      hooks.onRun(runData(run!, p));
    }
    return { runs: store.runs.size, selected: selectBest([...store.runs.values()]), stopped };
  } finally {
    teacher?.dispose();
  }
}
