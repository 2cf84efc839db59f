// The engine's teacher commands: `checkTeacher` (the compatibility verdict) and `trainTeacher` (a seeded
// teacher trained in the worker, progress at ~10 Hz, stoppable by `stopTeacher`, which bypasses the
// command queue). Both read tensors synchronously, so they run through `onHost` (see EngineDeps).
import type {
  CheckTeacherCommand,
  TeacherEpochRecord,
  TeacherTrainedEvent,
  TrainTeacherCommand,
  WorkerEvent,
} from '../protocol/messages.ts';
import type { EngineDeps, TeacherLike } from './types.ts';

const errText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

type OnHost = <R>(fn: () => R | Promise<R>) => Promise<R>;

export class TeacherJobs<T extends TeacherLike> {
  private running = false;
  private stopRequested = false;

  constructor(
    private readonly deps: EngineDeps<T>,
    private readonly post: (ev: WorkerEvent) => void,
    private readonly onHost: OnHost,
  ) {}

  /** Asks a running trainTeacher to stop after its current epoch; a no-op otherwise. */
  stop(): void {
    if (this.running) this.stopRequested = true;
  }

  async check(cmd: CheckTeacherCommand): Promise<void> {
    const r = await this.onHost(() => this.deps.inspectTeacher(cmd.teacher, cmd.inputShape, cmd.target ?? 0));
    r.teacher?.dispose();
    this.post({ type: 'teacherChecked', ...r.check });
  }

  async train(cmd: TrainTeacherCommand): Promise<void> {
    const { deps } = this;
    const t0 = deps.now();
    const periodMs = deps.snapshotMs ?? 100; // the display rate (~10 Hz)
    let pending: TeacherEpochRecord[] = [];
    let lastT = t0;
    const emit = () => {
      const latest = pending.at(-1);
      if (!latest) return;
      this.post({ type: 'teacherProgress', ...latest, epochs: cmd.epochs, records: pending });
      pending = [];
      lastT = deps.now();
    };
    this.running = true;
    this.stopRequested = false;
    try {
      const res = await this.onHost(() =>
        deps.trainTeacher(cmd, {
          onEpoch: (r) => {
            pending.push(r);
            if (deps.now() - lastT >= periodMs) emit();
            return !this.stopRequested;
          },
          yieldToEvents: deps.yieldToEvents,
        }),
      );
      emit();
      const compat = await this.onHost(() => deps.inspectTeacher(res.artifacts, res.inputShape, 0));
      compat.teacher?.dispose();
      const last = res.history.at(-1);
      const stoppedBy: TeacherTrainedEvent['stoppedBy'] =
        last && !Number.isFinite(last.valLoss)
          ? 'nonFinite'
          : this.stopRequested
            ? 'user'
            : res.history.length >= cmd.epochs
              ? 'maxEpochs'
              : 'patience';
      this.post({
        type: 'teacherTrained',
        artifacts: res.artifacts,
        metric: res.metric,
        epochs: res.history.length,
        bestEpoch: res.bestEpoch,
        stoppedBy,
        history: res.history,
        compat: compat.check,
        ms: deps.now() - t0,
      });
    } catch (e) {
      emit();
      this.post({
        type: 'error',
        code: 'teacher',
        message: `trainTeacher: ${errText(e)}`,
        recoverable: true,
        command: 'trainTeacher',
      });
    } finally {
      this.running = false;
      this.stopRequested = false;
    }
  }
}
