// Throttled progress: step records pile up and leave together about every 125 ms (tfjs-layers'
// yieldEvery default), so a fast backend does not flood the main thread with one message per step.
import type { ProgressRecord, TrainProgressEvent } from '../protocol/messages.ts';

export class ProgressThrottle {
  private pending: ProgressRecord[] = [];
  private lastT = 0;
  private steps = 0;

  constructor(private readonly periodMs: number) {}

  /** Starts a measuring window (steps per second are counted from here). */
  start(now: number): void {
    this.lastT = now;
    this.steps = 0;
  }

  add(r: ProgressRecord): void {
    this.pending.push(r);
    this.steps++;
  }

  due(now: number): boolean {
    return this.pending.length > 0 && now - this.lastT >= this.periodMs;
  }

  /** The event for everything since the last one, or null if nothing is pending. */
  take(now: number, step: number, epoch: number): TrainProgressEvent | null {
    if (!this.pending.length) return null;
    const dt = (now - this.lastT) / 1000;
    const ev: TrainProgressEvent = {
      type: 'progress',
      records: this.pending,
      step,
      epoch,
      stepsPerSecond: dt > 0 ? this.steps / dt : 0,
    };
    this.pending = [];
    this.start(now);
    return ev;
  }
}
