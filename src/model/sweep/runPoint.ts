// One point of the sweep: AWD from a given start h0 at (λ, γ) for a fixed number of epochs, then the
// measures the selection and the results need. A run is a pure function of (config, start h0) — the
// mini-batch order comes from the config's seed, Adam starts fresh (as awave's warm start does) — so
// any process that holds the start h0 reproduces it exactly on the same backend. Steps are read with
// `await data()` (AwdTrainer.stepAsync), the read every backend supports — WebGPU in a worker returns
// zeros from synchronous reads — so the lab's worker can run the same code as the CLI.
import { waveletDist } from '../../core/filterQuality.ts';
import type { AwdConfig } from '../../protocol/config.ts';
import type { Teacher } from '../teacher/types.ts';
import { TrainingDiverged } from '../train/errors.ts';
import { initialH0 } from '../train/init.ts';
import { AwdTrainer } from '../train/trainer.ts';
import type { SweepPoint } from './grid.ts';
import type { Validation } from './validate.ts';

export interface SweepContext {
  /** Training signals (float32, row-major) and their shape [N, L] or [N, H, W]. */
  readonly x: Float32Array;
  readonly shape: readonly number[];
  readonly teacher: Teacher | null;
  /** Everything but λ, γ and the start h0 (those come from the point). */
  readonly base: AwdConfig;
  readonly epochs: number;
  /** A wavelet to report awave's dist to (e.g. the simulation's ground truth); null: none. */
  readonly reference: readonly number[] | null;
  /** Scores a finished h0 on the validation split; null: no selection metric. */
  readonly validate: ((h0: Float64Array) => Validation) | null;
  readonly now: () => number;
  /** Called after every step. */
  readonly onStep?: (p: { index: number; step: number; totalSteps: number; loss: number }) => void;
}

export interface EpochRecord {
  readonly epoch: number;
  /** Mean total loss over the epoch's steps (awave's epoch loss). */
  readonly loss: number;
  readonly l1wave: number;
  readonly l1attr: number;
}

export interface SweepRun {
  readonly index: number;
  readonly lambda: number;
  readonly gamma: number;
  readonly warmFrom: number | null;
  readonly status: 'completed' | 'diverged';
  readonly error: string | null;
  readonly h0Init: number[];
  readonly h0: number[];
  readonly epochs: number;
  readonly steps: number;
  readonly history: EpochRecord[];
  /** Full-training-set loss terms at the final h0. */
  readonly finalLoss: Record<string, number>;
  /** awave's dist to the run's own start and to the configured init of the whole sweep. */
  readonly distToStart: number;
  readonly distToInit: number;
  readonly distToReference: number | null;
  readonly validation: Validation | null;
  readonly seconds: number;
}

/** Train point `p` starting from `start` (null: the config's init). */
export async function runPoint(
  ctx: SweepContext,
  p: SweepPoint,
  start: readonly number[] | null,
): Promise<SweepRun> {
  const t0 = ctx.now();
  const init = initialH0(ctx.base);
  const config: AwdConfig = {
    ...ctx.base,
    lambda: p.lambda,
    gamma: p.gamma,
    h0: start ? [...start] : Array.from(init),
  };
  const trainer = new AwdTrainer({
    x: ctx.x,
    shape: [...ctx.shape],
    teacher: ctx.teacher,
    config,
    distEvery: 0,
  });
  try {
    const h0Init = trainer.h0();
    const history: EpochRecord[] = [];
    const total = ctx.epochs * trainer.stepsPerEpoch;
    let steps = 0;
    let error: string | null = null;
    for (let e = 1; e <= ctx.epochs && error === null; e++) {
      const acc = { loss: 0, l1wave: 0, l1attr: 0, n: 0 };
      for (let s = 0; s < trainer.stepsPerEpoch; s++) {
        try {
          const r = await trainer.stepAsync();
          acc.loss += r.total;
          acc.l1wave += r.terms.l1wave;
          acc.l1attr += r.terms.l1attr;
          acc.n++;
        } catch (err) {
          if (!(err instanceof TrainingDiverged)) throw err;
          error = err.message;
          break;
        }
        steps++;
        ctx.onStep?.({ index: p.index, step: steps, totalSteps: total, loss: acc.loss / acc.n });
      }
      if (acc.n > 0)
        history.push({
          epoch: e,
          loss: acc.loss / acc.n,
          l1wave: acc.l1wave / acc.n,
          l1attr: acc.l1attr / acc.n,
        });
    }
    const h0 = trainer.h0();
    const finalLoss = trainer.evaluate();
    return {
      index: p.index,
      lambda: p.lambda,
      gamma: p.gamma,
      warmFrom: p.warmFrom,
      status: error === null ? 'completed' : 'diverged',
      error,
      h0Init: Array.from(h0Init),
      h0: Array.from(h0),
      epochs: history.length,
      steps,
      history,
      finalLoss,
      distToStart: waveletDist(h0, h0Init),
      distToInit: waveletDist(h0, init),
      distToReference: ctx.reference ? waveletDist(h0, ctx.reference) : null,
      validation: ctx.validate ? ctx.validate(h0) : null,
      seconds: (ctx.now() - t0) / 1000,
    };
  } finally {
    trainer.dispose();
  }
}
