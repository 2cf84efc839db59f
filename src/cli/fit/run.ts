// The engine half of `awd fit` (loaded lazily: only this half needs tfjs): backend, teacher, then
// AwdTrainer epoch by epoch with seeded mini-batches. history[e] holds the mean of every term and of
// the total over epoch e's steps, each taken at the h0 its step started from — awave's
// Trainer._train_epoch (epoch_loss / number of batches).
import { AwdTrainer } from '../../model/train/trainer.ts';
import { TrainingDiverged } from '../../model/train/errors.ts';
import type { AwdConfig } from '../../protocol/config.ts';
import { CliError } from '../errors.ts';
import { activate, selectNodeBackend } from '../nodeBackend.ts';
import type { NodeBackendReport } from '../nodeBackend.ts';
import type { FitData } from './data.ts';
import type { ProgressSink } from './progress.ts';
import { buildResult, EpochMeans } from './result.ts';
import type { EpochHistory } from './result.ts';
import { echoConfig } from './spec.ts';
import type { FitSpec } from './spec.ts';
import { obtainTeacher } from './teacher.ts';
import type { PreparedTeacher } from './teacher.ts';
import type { Teacher } from '../../model/teacher/index.ts';

export interface FitOutcome {
  readonly result: Record<string, unknown>;
  /** Set when training stopped on a non-finite loss or gradient. */
  readonly diverged: string | null;
  readonly warnings: string[];
}

const errText = (e: unknown) => (e instanceof Error ? e.message : String(e));
const TRIAL_SIGNALS = 8;

function makeTrainer(
  x: Float32Array,
  shape: number[],
  teacher: Teacher | null,
  config: AwdConfig,
): AwdTrainer {
  return new AwdTrainer({ x, shape, teacher, config, distEvery: 0 });
}

/**
 * `auto` chose wasm: run one step on a few signals first. wasm lacks some kernels (e.g. for convolution
 * teachers' gradients); a failure here falls back to cpu instead of failing the run.
 */
async function trialStep(
  report: NodeBackendReport,
  data: FitData,
  teacher: Teacher | null,
  config: AwdConfig,
): Promise<NodeBackendReport> {
  if (report.requested !== 'auto' || report.backend !== 'wasm') return report;
  const n = Math.min(TRIAL_SIGNALS, data.shape[0]!);
  const per = data.x.length / data.shape[0]!;
  let trial: AwdTrainer | null = null;
  try {
    trial = makeTrainer(data.x.subarray(0, n * per), [n, ...data.shape.slice(1)], teacher, {
      ...config,
      batchSize: 0,
    });
    trial.step();
    return { ...report, reason: `${report.reason}; a trial AWD step ran` };
  } catch (e) {
    const why = await activate('cpu');
    if (why) throw new Error(`wasm failed an AWD step (${errText(e)}) and cpu failed to start (${why})`);
    return {
      backend: 'cpu',
      requested: 'auto',
      reason: `auto: wasm failed a trial AWD step (${errText(e)}), using cpu`,
    };
  } finally {
    trial?.dispose();
  }
}

interface Trained {
  history: EpochHistory[];
  steps: number;
  /** The divergence message, when a step's loss or gradient was not finite. */
  diverged: string | null;
  trainSeconds: number;
}

/** `epochs` passes of the trainer's seeded batches; stops early when a step diverges. */
function trainEpochs(
  trainer: AwdTrainer,
  epochs: number,
  progress: ProgressSink,
  now: () => number,
): Trained {
  const perEpoch = trainer.stepsPerEpoch;
  const totalSteps = epochs * perEpoch;
  const history: EpochHistory[] = [];
  let diverged: string | null = null;
  let steps = 0;
  const tTrain = now();
  for (let e = 1; e <= epochs && diverged === null; e++) {
    const tEpoch = now();
    const acc = new EpochMeans();
    for (let s = 0; s < perEpoch; s++) {
      try {
        const r = trainer.step();
        acc.add(r.terms, r.total);
      } catch (err) {
        if (!(err instanceof TrainingDiverged)) throw err;
        diverged = err.message;
        break;
      }
      steps++;
      const loss = acc.means().total;
      const elapsedS = (now() - tTrain) / 1000;
      progress.step({
        step: steps,
        totalSteps,
        epoch: e,
        epochs,
        loss,
        elapsedS,
        endOfEpoch: s === perEpoch - 1,
      });
    }
    if (acc.steps > 0) {
      const seconds = (now() - tEpoch) / 1000;
      history.push({ epoch: e, steps: acc.steps, ...acc.means(), dist: trainer.distToInit(), seconds });
    }
  }
  return { history, steps, diverged, trainSeconds: (now() - tTrain) / 1000 };
}

export async function runFit(
  spec: FitSpec,
  data: FitData,
  prepared: PreparedTeacher,
  progress: ProgressSink,
  now: () => number = () => performance.now(),
): Promise<FitOutcome> {
  const t0 = now();
  let report: NodeBackendReport;
  try {
    report = await selectNodeBackend(spec.awd.backend);
  } catch (e) {
    throw new CliError(`awd fit: "backend": ${errText(e)}`, 1);
  }
  const ft = await obtainTeacher(spec, prepared, data, report.backend, progress);
  try {
    const config: AwdConfig = { ...spec.awd, gamma: ft.gamma };
    report = await trialStep(report, data, ft.teacher, config);
    let trainer: AwdTrainer;
    try {
      trainer = makeTrainer(data.x, data.shape, ft.teacher, config);
    } catch (e) {
      throw new CliError(`awd fit: cannot start training: ${errText(e)}`, 1);
    }
    try {
      const h0Init = trainer.h0();
      let trained: Trained;
      try {
        trained = trainEpochs(trainer, config.epochs, progress, now);
      } catch (e) {
        // e.g. a kernel wasm lacks (`auto` would have fallen back after its trial step).
        const hint = report.backend === 'wasm' ? ' (try "backend": "cpu")' : '';
        throw new CliError(`awd fit: an AWD step failed on ${report.backend}: ${errText(e)}${hint}`, 1);
      }
      const { history, steps, diverged, trainSeconds } = trained;
      progress.end();
      const finalLoss = trainer.evaluate();
      const result = buildResult({
        status: diverged === null ? 'completed' : 'diverged',
        error: diverged,
        h0: trainer.h0(),
        h0Init,
        history,
        steps,
        stepsPerEpoch: trainer.stepsPerEpoch,
        trainSeconds,
        wallSeconds: (now() - t0) / 1000,
        backend: report.backend,
        backendReason: report.reason,
        lambda: config.lambda,
        gamma: config.gamma,
        dist: trainer.distToInit(),
        finalLoss,
        teacher: ft.info,
        data: { x: spec.data.x, y: spec.data.y, shape: data.shape },
        config: echoConfig(spec),
        warnings: ft.warnings,
      });
      return { result, diverged, warnings: ft.warnings };
    } finally {
      trainer.dispose();
    }
  } finally {
    progress.end();
    ft.dispose();
  }
}
