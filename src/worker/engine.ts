// The training engine: a state machine driven by Commands on an Endpoint, answering with WorkerEvents.
// Commands run one at a time (a promise queue); training runs in a separate loop that yields to the
// event queue after every step, so a pause or a λ/γ change is handled before the next step.
import type { AwdConfig, BackendChoice } from '../protocol/config.ts';
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
import { buildModel } from './buildModel.ts';
import { patchEffect } from './configPatch.ts';
import { ProgressThrottle } from './progress.ts';
import { runReferenceCases } from './referenceRun.ts';
import { buildSnapshot } from './snapshot.ts';
import type {
  BackendReport,
  EngineDeps,
  Endpoint,
  StepRecordLike,
  TeacherLike,
  TrainerLike,
} from './types.ts';
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
  private sample = 0;
  private stepCount = 0;
  private epochOffset = 0;
  private stepsLeft = 0;
  private targetEpoch = Infinity;
  private queue: Promise<void> = Promise.resolve();
  private suspended = 0;
  private loopDone: Promise<void> | null = null;
  private readonly progress: ProgressThrottle;
  private lastSnapshotT = -Infinity;
  private lastSnapshotStep = -1;
  private disposed = false;

  constructor(
    private readonly ep: Endpoint,
    private readonly deps: EngineDeps<T>,
  ) {
    this.progress = new ProgressThrottle(deps.progressMs ?? 125);
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
          this.rebuild(cmd.h0 ?? null, true);
        });
      case 'play':
        if (!this.need(cmd.type)) return;
        if (this.status === 'training') return;
        if (this.finished()) this.targetEpoch = this.epoch() + this.config!.epochs;
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
        {
          const w: { lambda?: number; gamma?: number } = {};
          if (cmd.lambda !== undefined) w.lambda = this.config!.lambda = cmd.lambda;
          if (cmd.gamma !== undefined) w.gamma = this.config!.gamma = cmd.gamma;
          this.trainer!.setWeights(w); // warm: the next step uses them, h0 and Adam state are kept
          return;
        }
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
          if (h0) this.rebuild(h0, false);
        });
      case 'runReferenceCases':
        return this.suspend(async () => {
          if (!(await this.ensureBackend('auto', false))) return;
          this.post(await runReferenceCases(this.deps, cmd, this.report!.backend, this.report!.canTrain));
        });
      case 'dispose':
        this.stepsLeft = 0;
        this.status = 'idle';
        await this.loopDone;
        this.teardown();
        this.post({ type: 'state', status: 'idle', step: this.stepCount, epoch: 0, detail: 'disposed' });
        this.disposed = true;
        this.ep.close?.();
        return;
      case 'trainTeacher':
      case 'stopTeacher':
      case 'checkTeacher': // wired in the next commit
        return this.error('bad_command', `${cmd.type}: not available yet`, true, cmd.type);
      default:
        return assertNever(cmd, 'command');
    }
  }

  private async setConfig(patch: Partial<AwdConfig>): Promise<void> {
    if (!this.config) return this.error('not_ready', 'setConfig: send init first', true, 'setConfig');
    const next: AwdConfig = { ...this.config, ...patch };
    const effect = patchEffect(patch);
    const cold = effect === 'cold';
    const backendChanged = patch.backend !== undefined && patch.backend !== this.config.backend;
    if (effect === 'live' && !backendChanged) {
      this.config = next;
      const t = this.trainer;
      if (t && (patch.lambda !== undefined || patch.gamma !== undefined))
        t.setWeights({ lambda: next.lambda, gamma: next.gamma });
      if (t && patch.lr !== undefined) t.setLr(next.lr);
      if (patch.epochs !== undefined) this.targetEpoch = next.epochs > 0 ? next.epochs : Infinity;
      return this.emitState();
    }
    return this.suspend(async () => {
      const h0 = !cold && this.trainer ? Array.from(this.trainer.h0()) : null;
      if (backendChanged && !(await this.ensureBackend(next.backend, true))) return;
      this.config = next;
      this.rebuild(h0, cold);
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
    try {
      this.report = await this.deps.selectBackend(choice);
    } catch (e) {
      this.report = null;
      this.error('backend', `backend ${choice}: ${errText(e)}`, false);
      if (this.config) this.setStatus('error');
      return false;
    }
    const r = this.report;
    this.post({
      type: 'ready',
      backend: r.backend,
      requested: r.requested,
      reason: r.reason,
      tried: r.tried,
      canTrain: r.canTrain,
    });
    return true;
  }

  /** (Re)creates teacher and trainer; `h0` warm-starts, `restart` resets step count and epochs. */
  private rebuild(h0: number[] | null, restart: boolean): void {
    const wasTraining = this.status === 'training';
    this.teardown();
    const cfg = this.config!;
    if (this.report && !this.report.canTrain)
      return this.fail(
        'backend',
        `training needs synchronous readback, which ${this.report.backend} lacks here; choose another backend`,
      );
    const built = buildModel(this.deps, this.artifacts!, this.data!, cfg, h0);
    if (!built.ok) return this.fail(built.code, built.message);
    this.teacher = built.teacher;
    this.trainer = built.trainer;
    if (restart) {
      this.stepCount = 0;
      this.epochOffset = 0; // (a warm rebuild keeps the epochs counted so far: see teardown)
      this.targetEpoch = cfg.epochs > 0 ? cfg.epochs : Infinity;
    }
    this.stepsLeft = 0;
    this.status = restart ? 'idle' : wasTraining ? 'training' : this.status === 'idle' ? 'idle' : 'paused';
    this.emitState();
    this.snapshot();
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

  private finished(): boolean {
    return this.epoch() >= this.targetEpoch;
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
    this.progress.start(this.deps.now());
    while (this.canStep()) {
      this.stepOnce();
      await this.deps.yieldToEvents();
    }
    this.flush();
  }

  private stepOnce(): void {
    const t = this.trainer!;
    let rec: StepRecordLike;
    try {
      rec = t.step();
    } catch (e) {
      // model/train throws TrainingDiverged (h0 already restored); anything else is a real failure.
      if (e instanceof Error && e.name === 'TrainingDiverged') return this.diverged(e.message);
      this.flush();
      return this.fail('step_failed', `step ${this.stepCount + 1}: ${errText(e)}`);
    }
    if (!finite(rec))
      return this.diverged(`step ${this.stepCount + 1}: loss is not finite (total ${rec.total})`);
    if (this.stepsLeft > 0) this.stepsLeft--;
    this.stepCount++;
    const { terms, total, gradNorm, lambda, gamma } = rec;
    this.progress.add({
      step: this.stepCount,
      epoch: this.epoch(),
      terms: { ...terms },
      total,
      gradNorm,
      lambda,
      gamma,
    });
    const now = this.deps.now();
    if (this.progress.due(now)) this.emitProgress(now);
    if (now - this.lastSnapshotT >= (this.deps.snapshotMs ?? 100)) this.snapshot(now);
    if (this.status === 'training' && this.finished()) {
      this.flush();
      this.setStatus('idle', `finished ${this.epoch()} epochs`);
    }
  }

  /** The trainer has restored the last finite h0: stop and let the user lower lr, λ or γ (or reset). */
  private diverged(why: string): void {
    this.stepsLeft = 0;
    this.flush();
    this.status = 'diverged';
    this.error(
      'diverged',
      `${why}; h0 restored to the last finite filter (step ${this.stepCount}). Lower lr, λ or γ, or reset.`,
      true,
    );
    this.emitState();
    this.snapshot();
  }

  private flush(): void {
    this.emitProgress(this.deps.now());
    if (this.trainer && this.lastSnapshotStep !== this.stepCount) this.snapshot();
  }

  private emitProgress(now: number): void {
    const ev = this.progress.take(now, this.stepCount, this.epoch());
    if (ev) this.post(ev);
  }

  private snapshot(now = this.deps.now()): void {
    if (!this.trainer || !this.data) return;
    try {
      this.post(buildSnapshot(this.deps, this.trainer, this.data, this.sample, this.stepCount));
    } catch (e) {
      this.error('internal', `snapshot: ${errText(e)}`, true);
    }
    this.lastSnapshotT = now;
    this.lastSnapshotStep = this.stepCount;
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
