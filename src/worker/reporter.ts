// What the engine tells the UI about a run, and when: step records batched into `progress` events
// (~125 ms apart) and display snapshots (~10 Hz; both 4 Hz with ≤ 4 cores, see displayPeriods), plus one
// snapshot at every stop, built with asynchronous reads.
import { isSmallMachine } from '../protocol/machine.ts';
import type { DataPayload, ProgressRecord, WorkerEvent } from '../protocol/messages.ts';
import { ProgressThrottle } from './progress.ts';
import { buildSnapshot } from './snapshot.ts';
import type { EngineDeps, TeacherLike, TrainerLike } from './types.ts';

/**
 * How often the UI hears from a run. With ≤ 4 cores the page redraws each plot only about once a
 * second (src/main.tsx), so 10 snapshots and 8 progress messages a second were mostly decoded, stored
 * and re-rendered for nothing, on the core the page shares with the worker: 4 a second each there.
 * A λ/γ move is still reported at once (Reporter.urge).
 */
export function displayPeriods(cores: number | undefined): { progressMs: number; snapshotMs: number } {
  return isSmallMachine(cores) ? { progressMs: 250, snapshotMs: 250 } : { progressMs: 125, snapshotMs: 100 };
}

const errText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export class Reporter<T extends TeacherLike> {
  private readonly progress: ProgressThrottle;
  private lastSnapshotT = -Infinity;
  private lastSnapshotStep = -1;
  /** What the last snapshot cost (ms): snapshots are spaced so display takes ≤ ~1/5 of the time. */
  private snapshotCost = 0;
  /** A slider moved: the next step's record and a snapshot of it go out at once (not at the period). */
  private urgent = false;

  constructor(
    private readonly deps: EngineDeps<T>,
    private readonly post: (ev: WorkerEvent) => void,
    private readonly onError: (message: string) => void,
  ) {
    this.progress = new ProgressThrottle(deps.progressMs ?? 125);
  }

  /** A training loop starts: steps per second are measured from here. */
  start(): void {
    this.progress.start(this.deps.now());
  }

  /** λ/γ changed: the user is waiting to see the first step that uses them. */
  urge(): void {
    this.urgent = true;
  }

  /** Adds one step's record; sends everything pending once the progress period has passed. */
  record(r: ProgressRecord): void {
    this.progress.add(r);
    const now = this.deps.now();
    if (this.urgent || this.progress.due(now)) this.sendProgress(r.step, r.epoch, now);
  }

  snapshotDue(): boolean {
    if (this.urgent) return true;
    const gap = Math.max(this.deps.snapshotMs ?? 100, 4 * this.snapshotCost);
    return this.deps.now() - this.lastSnapshotT >= gap;
  }

  sendProgress(step: number, epoch: number, now = this.deps.now()): void {
    const ev = this.progress.take(now, step, epoch);
    if (ev) this.post(ev);
  }

  /** Display data of `sample` at `step`; a failure is reported, never thrown (display only). */
  async snapshot(trainer: TrainerLike, data: DataPayload, sample: number, step: number): Promise<void> {
    const now = this.deps.now();
    this.urgent = false;
    try {
      this.post(await buildSnapshot(this.deps, trainer, data, sample, step));
    } catch (e) {
      this.onError(`snapshot: ${errText(e)}`);
    }
    this.lastSnapshotT = this.deps.now();
    this.snapshotCost = this.lastSnapshotT - now;
    this.lastSnapshotStep = step;
  }

  /** Pending records out, and a snapshot unless the last one already shows `step`. */
  async flush(
    trainer: TrainerLike | null,
    data: DataPayload | null,
    sample: number,
    step: number,
    epoch: number,
  ) {
    this.sendProgress(step, epoch);
    if (trainer && data && this.lastSnapshotStep !== step) await this.snapshot(trainer, data, sample, step);
  }
}
