// The engine's lab jobs: `evaluate` (the evaluation table) and `sweep` (the λ×γ grid, progress at
// ~8 Hz, one event per finished run, stoppable by `stopSweep`, which bypasses the command queue). The
// engine runs them with the training loop suspended, so live training waits and then continues. Both
// read tensors synchronously (validation, final losses, teacher predictions): on the active backend
// where dataSync works; where it does not (WebGPU in a worker) on cpu, with the live model released
// first — the model's cached constants were born on the GPU and moving them to cpu reads them back
// synchronously (zeros) — and rebuilt from its filter afterwards (its Adam state starts afresh).
import type { EvaluateCommand, LoadH0Command, SweepCommand, WorkerEvent } from '../protocol/messages.ts';
import type { LabJobContext } from './labJobTypes.ts';
import type { EngineDeps, TeacherLike } from './types.ts';

const errText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** What the jobs need of the engine. */
export interface JobEngine {
  /** The live run (null before `init`). */
  run(): LabJobContext | null;
  /** True when the active backend cannot read synchronously (jobs then run on cpu). */
  gpuOnly(): boolean;
  /** Rebuilds the live run warm from `h0` (disposing the old trainer and teacher first). */
  restore(h0: number[]): Promise<void>;
}

export class LabJobs<T extends TeacherLike> {
  private sweeping = false;
  private stopRequested = false;

  constructor(
    private readonly deps: EngineDeps<T>,
    private readonly post: (ev: WorkerEvent) => void,
    private readonly engine: JobEngine,
  ) {}

  /** Runs a job where synchronous reads work (see the header). */
  private async onHost<R>(fn: () => R | Promise<R>): Promise<R> {
    const e = this.engine;
    if (!e.gpuOnly()) return fn();
    const trainer = e.run()?.trainer;
    const h0 = trainer ? Array.from(trainer.h0()) : null;
    // The live trainer's transform holds these constants: it is rebuilt (restore) before it steps again.
    this.deps.resetModelCaches();
    try {
      return await this.deps.onHost(fn);
    } finally {
      this.deps.resetModelCaches(); // cpu-born constants would do on the GPU, but keep one home per backend
      if (h0) await e.restore(h0);
    }
  }

  /** Asks a running sweep to stop before its next run; a no-op otherwise. */
  stop(): void {
    if (this.sweeping) this.stopRequested = true;
  }

  handle(cmd: EvaluateCommand | SweepCommand | LoadH0Command): Promise<void> {
    if (cmd.type === 'evaluate') return this.evaluate(cmd);
    if (cmd.type === 'sweep') return this.sweep(cmd);
    return this.loadH0(cmd);
  }

  /** Warm restart of the live run from a given filter (a sweep run's); the optimizer starts afresh. */
  private async loadH0(cmd: LoadH0Command): Promise<void> {
    if (!this.engine.run()?.trainer) return this.fail('loadH0', 'not_ready', 'no model yet (send init)');
    await this.engine.restore(cmd.h0);
  }

  private fail(command: string, code: 'not_ready' | 'bad_data' | 'step_failed', message: string): void {
    this.post({ type: 'error', code, message: `${command}: ${message}`, recoverable: true, command });
  }

  private async evaluate(cmd: EvaluateCommand): Promise<void> {
    const { deps } = this;
    const run = this.engine.run();
    if (!run?.trainer)
      return this.fail('evaluate', 'not_ready', 'no learned wavelet yet (start a run first)');
    const t0 = deps.now();
    const { config, artifacts } = run;
    const h0 = Array.from(run.trainer.h0());
    const job = { config, artifacts, h0, data: cmd.data, bootstrapReps: cmd.bootstrapReps, now: deps.now };
    try {
      const r = await this.onHost(() => deps.evaluateLab(job));
      this.post({ type: 'evaluated', ...r, ms: deps.now() - t0 });
    } catch (e) {
      this.fail('evaluate', 'bad_data', errText(e));
    }
  }

  private async sweep(cmd: SweepCommand): Promise<void> {
    const { deps } = this;
    const run = this.engine.run();
    if (!run)
      return this.fail('sweep', 'not_ready', 'no run yet (the sweep starts from the run’s initial filter)');
    const t0 = deps.now();
    const periodMs = deps.progressMs ?? 125;
    let lastT = -Infinity;
    const runs = cmd.lambdas.length * cmd.gammas.length;
    this.sweeping = true;
    this.stopRequested = false;
    try {
      const r = await this.onHost(() =>
        deps.sweepLab(
          { ...cmd, config: run.config, artifacts: run.artifacts, now: deps.now },
          {
            onStep: (s) => {
              if (deps.now() - lastT < periodMs && s.step < s.totalSteps) return;
              lastT = deps.now();
              this.post({ type: 'sweepProgress', ...s, runs });
            },
            onRun: (data) => this.post({ type: 'sweepRun', run: data }),
            next: async () => {
              await deps.yieldToEvents();
              return !this.stopRequested;
            },
          },
        ),
      );
      this.post({ type: 'sweepDone', stopped: r.stopped, selected: r.selected, ms: deps.now() - t0 });
    } catch (e) {
      this.fail('sweep', 'step_failed', errText(e));
    } finally {
      this.sweeping = false;
      this.stopRequested = false;
    }
  }
}
