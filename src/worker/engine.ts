// The training engine: a state machine driven by Commands on an Endpoint, answering with WorkerEvents.
// Commands run one at a time (a promise queue); training runs in a separate loop that yields to the event
// queue after every step, so a pause or a λ/γ change is handled before the next step. Every tensor read in
// the loop is async (stepAsync), so it runs on every backend; the few sync readers run through `host`.
import type { AwdConfig, BackendChoice } from '../protocol/config.ts';
import type { Endpoint } from '../protocol/endpoint.ts';
import {
  assertNever,
  type Command,
  type DataPayload,
  type ErrorCode,
  type TeacherArtifacts,
  type TrainStatus,
  type WorkerEvent,
} from '../protocol/messages.ts';
import { parseCommand } from '../protocol/parseCommand.ts';
import { transferList } from '../protocol/transfer.ts';
import { selectAndReport } from './backendReport.ts';
import { buildModel, type GammaBlock } from './buildModel.ts';
import { patchEffect } from './configPatch.ts';
import { runReferenceCases } from './referenceRun.ts';
import { LabJobs } from './labJobs.ts';
import { Reporter } from './reporter.ts';
import { TeacherJobs } from './teacherJobs.ts';
import type { BackendReport, EngineDeps, StepRecordLike, TeacherLike, TrainerLike } from './types.ts';
import { UiHold } from './uiHold.ts';

const errText = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const finite = (r: StepRecordLike): boolean => Number.isFinite(r.total) && r.h0.every(Number.isFinite);

export class Engine<T extends TeacherLike = TeacherLike> {
  private status: TrainStatus = 'idle';
  private report: BackendReport | null = null;
  private config: AwdConfig | null = null;
  private data: DataPayload | null = null;
  private artifacts: TeacherArtifacts | null = null;
  private teacher: T | null = null;
  private trainer: TrainerLike | null = null;
  /** Why γ is held at 0 for this run (the teacher cannot serve the attribution term), or null. */
  private gammaBlock: GammaBlock | null = null;
  private sample = 0;
  private stepCount = 0;
  private epochOffset = 0;
  private stepsLeft = 0;
  private targetEpoch = Infinity;
  private queue: Promise<void> = Promise.resolve();
  private suspended = 0;
  private loopDone: Promise<void> | null = null;
  private readonly reporter: Reporter<T>;
  private readonly teachers: TeacherJobs<T>;
  private readonly jobs: LabJobs<T>;
  private readonly hold = new UiHold(
    () => this.deps.now(),
    () => this.post({ type: 'uiHeld' }),
  );
  private disposed = false;

  constructor(
    private readonly ep: Endpoint,
    private readonly deps: EngineDeps<T>,
  ) {
    const post = (ev: WorkerEvent) => this.post(ev);
    this.reporter = new Reporter(deps, post, (m) => this.error('internal', m, true));
    this.teachers = new TeacherJobs(deps, post, this.host);
    this.jobs = new LabJobs(deps, post, {
      run: () => this.config && { config: this.config, artifacts: this.artifacts, trainer: this.trainer },
      gpuOnly: () => this.report?.syncReadback === false,
      restore: (h0) => this.rebuild(h0, false),
    });
    ep.addEventListener('message', (ev) => this.receive(ev.data));
  }

  /** Resolves once every queued command ran and the training loop stopped (tests, shutdown). */
  async settled(): Promise<void> {
    for (;;) {
      const q = this.queue;
      await q;
      await this.loopDone;
      if (q === this.queue && !this.loopDone) return;
    }
  }

  private receive(raw: unknown): void {
    if (this.disposed) return;
    const parsed = parseCommand(raw);
    if (!parsed.ok) {
      const t = (raw as { type?: unknown } | null)?.type;
      this.error('bad_command', parsed.message, true, typeof t === 'string' ? t : undefined);
      return;
    }
    const cmd = parsed.command;
    // Not queued: a stop must reach a job that is itself holding the queue; a UI hold is only useful now.
    if (cmd.type === 'stopTeacher') return this.teachers.stop();
    if (cmd.type === 'stopSweep') return this.jobs.stop();
    if (cmd.type === 'uiHold') return this.hold.hold(cmd.ms, !this.loopDone);
    if (cmd.type === 'uiRelease') return this.hold.release();
    this.queue = this.queue
      .then(() => this.handle(cmd))
      .catch((e: unknown) => this.error('internal', errText(e), true, cmd.type));
  }

  private async handle(cmd: Command): Promise<void> {
    if (this.disposed) return;
    switch (cmd.type) {
      case 'init':
        return this.suspend(async () => {
          if (!(await this.ensureBackend(cmd.config.backend, false))) return;
          this.config = cmd.config;
          this.data = cmd.data;
          this.artifacts = cmd.teacher;
          this.sample = 0;
          await this.rebuild(cmd.h0 ?? null, true);
        });
      case 'play':
        if (!this.need(cmd.type)) return;
        if (this.status === 'training') return;
        if (this.epoch() >= this.targetEpoch) this.targetEpoch = this.epoch() + this.config!.epochs;
        this.setStatus('training');
        return this.kick();
      case 'pause':
        this.stepsLeft = 0;
        if (this.status === 'training') this.setStatus('paused');
        return;
      case 'step':
        if (!this.need(cmd.type)) return;
        if (this.status === 'training')
          return this.error('bad_command', 'step: pause training first', true, cmd.type);
        this.stepsLeft += cmd.n;
        return this.kick();
      case 'reset':
        if (!this.config) return void this.error('not_ready', 'reset: send init first', true, cmd.type);
        return this.suspend(async () => this.rebuild(null, true));
      case 'setWeights':
        if (!this.need(cmd.type)) return;
        if (cmd.lambda !== undefined) this.config!.lambda = cmd.lambda;
        if (cmd.gamma !== undefined) this.config!.gamma = cmd.gamma;
        return this.applyWeights(cmd.lambda, cmd.gamma); // warm: h0 and Adam state are kept
      case 'setConfig':
        return this.setConfig(cmd.patch);
      case 'selectSample': {
        if (!this.need(cmd.type)) return;
        const n = this.data!.shape[0]!;
        if (cmd.index >= n)
          return this.error('bad_command', `selectSample.index: ${cmd.index} ≥ ${n} samples`, true, cmd.type);
        this.sample = cmd.index;
        return this.snapshot();
      }
      case 'setBackend':
        return this.suspend(async () => {
          // Tensors belong to the previous backend: rebuild from the current filter (warm).
          const h0 = this.trainer ? Array.from(this.trainer.h0()) : null;
          if (!(await this.ensureBackend(cmd.backend, true))) return;
          if (this.config) this.config.backend = cmd.backend;
          if (h0) await this.rebuild(h0, false);
        });
      case 'runReferenceCases':
      case 'trainTeacher':
      case 'checkTeacher':
        return this.suspend(async () => {
          if (!(await this.ensureBackend('auto', false))) return;
          if (cmd.type === 'runReferenceCases')
            return this.post(await runReferenceCases(this.deps, cmd, this.report!.backend, this.host));
          await (cmd.type === 'trainTeacher' ? this.teachers.train(cmd) : this.teachers.check(cmd));
        });

      case 'evaluate':
      case 'sweep':
      case 'loadH0': // live training waits (suspended), then continues (loadH0: from that filter)
        return this.suspend(() => this.jobs.handle(cmd));
      case 'stopTeacher':
      case 'stopSweep':
      case 'uiHold':
      case 'uiRelease': // handled on arrival (see receive)
        return;
      case 'dispose':
        this.stepsLeft = 0;
        this.status = 'idle';
        await this.loopDone;
        this.teardown();
        this.post({ type: 'state', status: 'idle', step: this.stepCount, epoch: 0, detail: 'disposed' });
        this.disposed = true;
        this.ep.close?.();
        return;
      default:
        return assertNever(cmd, 'command');
    }
  }

  /** Runs `fn` where synchronous reads work: here, or on the host when this backend cannot. */
  private readonly host = async <R>(fn: () => R | Promise<R>): Promise<R> =>
    this.report?.syncReadback === false ? this.deps.onHost(fn) : fn();

  /** Passes λ/γ to the trainer; γ stays 0 while the teacher cannot serve it (and the user is told again). */
  private applyWeights(lambda: number | undefined, gamma: number | undefined): void {
    if (lambda === undefined && gamma === undefined) return;
    const w: { lambda?: number; gamma?: number } = {};
    if (lambda !== undefined) w.lambda = lambda;
    if (gamma !== undefined) w.gamma = this.gammaBlock ? 0 : gamma;
    this.trainer?.setWeights(w);
    this.reporter.urge();
    if (this.gammaBlock && gamma !== undefined && gamma > 0) this.warnGamma();
  }

  private async setConfig(patch: Partial<AwdConfig>): Promise<void> {
    if (!this.config) return this.error('not_ready', 'setConfig: send init first', true, 'setConfig');
    const next: AwdConfig = { ...this.config, ...patch };
    const effect = patchEffect(patch);
    const cold = effect === 'cold';
    const backendChanged = patch.backend !== undefined && patch.backend !== this.config.backend;
    if (effect === 'live' && !backendChanged) {
      this.config = next;
      this.applyWeights(patch.lambda, patch.gamma);
      if (patch.lr !== undefined) this.trainer?.setLr(next.lr);
      if (patch.epochs !== undefined) this.targetEpoch = next.epochs > 0 ? next.epochs : Infinity;
      return this.emitState();
    }
    return this.suspend(async () => {
      const h0 = !cold && this.trainer ? Array.from(this.trainer.h0()) : null;
      if (backendChanged && !(await this.ensureBackend(next.backend, true))) return;
      this.config = next;
      await this.rebuild(h0, cold);
    });
  }

  /** Runs an async command with the training loop stopped, then lets training continue. */
  private async suspend(fn: () => Promise<void>): Promise<void> {
    this.suspended++;
    try {
      await this.loopDone;
      await fn();
    } finally {
      this.suspended--;
      this.kick();
    }
  }

  /** Selects a backend unless a suitable one is active; false (after an error event) if none works. */
  private async ensureBackend(choice: BackendChoice, force: boolean): Promise<boolean> {
    if (this.report && !force && (choice === 'auto' || choice === this.report.backend)) return true;
    if (this.trainer || this.teacher) this.teardown(); // their tensors live on the old backend
    this.report = await selectAndReport(this.deps, choice, (ev) => this.post(ev));
    if (!this.report && this.config) this.setStatus('error');
    return this.report !== null;
  }

  /** (Re)creates teacher and trainer; `h0` warm-starts, `restart` resets step count and epochs. */
  private async rebuild(h0: number[] | null, restart: boolean): Promise<void> {
    const wasTraining = this.status === 'training';
    this.teardown();
    const cfg = this.config!;
    const built = await buildModel(this.deps, this.artifacts!, this.data!, cfg, h0, this.host);
    if (!built.ok) return this.fail(built.code, built.message);
    const blockChanged = built.gammaBlock?.message !== this.gammaBlock?.message;
    this.teacher = built.teacher;
    this.trainer = built.trainer;
    this.gammaBlock = built.gammaBlock;
    if (restart) {
      this.stepCount = 0;
      this.epochOffset = 0; // (a warm rebuild keeps the epochs counted so far: see teardown)
      this.targetEpoch = cfg.epochs > 0 ? cfg.epochs : Infinity;
    }
    this.stepsLeft = 0;
    this.status = restart ? 'idle' : wasTraining ? 'training' : this.status === 'idle' ? 'idle' : 'paused';
    if (this.gammaBlock && (restart || blockChanged)) this.warnGamma();
    this.emitState(this.gammaBlock?.message);
    await this.snapshot();
  }

  private warnGamma(): void {
    const b = this.gammaBlock!;
    this.post({ type: 'warning', code: 'gamma_disabled', message: b.message, problems: b.problems });
  }

  private fail(code: ErrorCode, message: string): void {
    this.teardown();
    this.status = 'error';
    this.error(code, message, true);
    this.emitState();
  }

  private teardown(): void {
    this.stepsLeft = 0;
    if (this.trainer) this.epochOffset = this.epoch();
    this.trainer?.dispose();
    this.teacher?.dispose();
    this.trainer = null;
    this.teacher = null;
  }

  private need(command: string): boolean {
    if (this.trainer) return true;
    const hint = this.status === 'error' ? ' or reset' : '';
    this.error('not_ready', `${command}: no model yet (send init${hint})`, true, command);
    return false;
  }

  private epoch(): number {
    return this.epochOffset + (this.trainer?.epoch ?? 0);
  }

  private kick(): void {
    if (this.loopDone || !this.canStep()) return;
    this.loopDone = this.loop().finally(() => {
      this.loopDone = null;
    });
  }

  private canStep(): boolean {
    return (
      !this.disposed &&
      this.suspended === 0 &&
      this.trainer !== null &&
      (this.status === 'training' || this.stepsLeft > 0)
    );
  }

  private async loop(): Promise<void> {
    this.reporter.start();
    while (this.canStep()) {
      await this.stepOnce();
      await this.deps.yieldToEvents();
      await this.hold.wait();
    }
    await this.flush();
  }

  private async stepOnce(): Promise<void> {
    const t = this.trainer!;
    let rec: StepRecordLike;
    try {
      rec = await t.stepAsync();
    } catch (e) {
      // model/train throws TrainingDiverged (h0 already restored); anything else is a real failure.
      if (e instanceof Error && e.name === 'TrainingDiverged') return this.diverged(e.message);
      await this.flush();
      return this.fail('step_failed', `step ${this.stepCount + 1}: ${errText(e)}`);
    }
    if (!finite(rec))
      return this.diverged(`step ${this.stepCount + 1}: loss is not finite (total ${rec.total})`);
    if (this.stepsLeft > 0) this.stepsLeft--;
    this.stepCount++;
    const { terms, total, gradNorm, lambda, gamma } = rec;
    const step = this.stepCount;
    this.reporter.record({ step, epoch: this.epoch(), terms: { ...terms }, total, gradNorm, lambda, gamma });
    if (this.reporter.snapshotDue()) await this.snapshot();
    if (this.status === 'training' && this.epoch() >= this.targetEpoch) {
      await this.flush();
      this.setStatus('idle', `finished ${this.epoch()} epochs`);
    }
  }

  /** The trainer has restored the last finite h0: stop and let the user lower lr, λ or γ (or reset). */
  private async diverged(why: string): Promise<void> {
    this.stepsLeft = 0;
    await this.flush();
    this.status = 'diverged';
    this.error(
      'diverged',
      `${why}; h0 restored to the last finite filter (step ${this.stepCount}). Lower lr, λ or γ, or reset.`,
      true,
    );
    this.emitState();
    await this.snapshot();
  }

  private flush(): Promise<void> {
    return this.reporter.flush(this.trainer, this.data, this.sample, this.stepCount, this.epoch());
  }

  private async snapshot(): Promise<void> {
    if (this.trainer && this.data)
      await this.reporter.snapshot(this.trainer, this.data, this.sample, this.stepCount);
  }

  private setStatus(status: TrainStatus, detail?: string): void {
    this.status = status;
    this.emitState(detail);
  }

  private emitState(detail?: string): void {
    const ev: WorkerEvent = { type: 'state', status: this.status, step: this.stepCount, epoch: this.epoch() };
    if (detail !== undefined) ev.detail = detail;
    this.post(ev);
  }

  private error(code: ErrorCode, message: string, recoverable: boolean, command?: string): void {
    const ev: WorkerEvent = { type: 'error', code, message, recoverable };
    if (command !== undefined) ev.command = command;
    this.post(ev);
  }

  private post(ev: WorkerEvent): void {
    this.ep.postMessage(ev, transferList(ev));
  }
}

/** Starts an engine on an endpoint (a Worker's `self`, a MessagePort, a main-thread shim). */
export function createEngine<T extends TeacherLike>(ep: Endpoint, deps: EngineDeps<T>): Engine<T> {
  return new Engine(ep, deps);
}
