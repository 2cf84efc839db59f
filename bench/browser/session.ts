// One training worker driven through the app's WorkerClient (the UI's path: same spawn, same protocol),
// with promise-style waiting on events. Every event is timestamped on arrival in the page.
import { WorkerClient } from '../../src/app/workerClient.ts';
import type { Command, WorkerEvent } from '../../src/protocol/messages.ts';

export type Stamped = { ev: WorkerEvent; t: number };
type Tap = (ev: WorkerEvent, t: number) => void;

export class Session {
  private readonly client = new WorkerClient();
  private readonly taps = new Set<Tap>();
  /** Every error event, as "code: message" (diagnostics in the report). */
  readonly errors: string[] = [];

  constructor() {
    this.client.subscribe((ev) => {
      const t = performance.now();
      if (ev.type === 'error') this.errors.push(`${ev.code}: ${ev.message}`);
      for (const f of [...this.taps]) f(ev, t);
    });
  }

  get lastReady() {
    return this.client.lastReady;
  }

  send(cmd: Command): number {
    const t = performance.now();
    this.client.send(cmd);
    return t;
  }

  /** Calls `fn` for each event until the returned function is called. */
  tap(fn: Tap): () => void {
    this.taps.add(fn);
    return () => this.taps.delete(fn);
  }

  /** The first event (from now on) that `pred` accepts; rejects after `timeoutMs`. */
  next(pred: (ev: WorkerEvent) => boolean, timeoutMs: number, what: string): Promise<Stamped> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`no ${what} within ${timeoutMs} ms${this.lastError()}`));
      }, timeoutMs);
      const off = this.tap((ev, t) => {
        if (!pred(ev)) return;
        clearTimeout(timer);
        off();
        resolve({ ev, t });
      });
    });
  }

  /** Resolves with `done()`'s value once it is non-null after an event; rejects on timeout or `fail`. */
  until<R>(
    done: (ev: WorkerEvent, t: number) => R | null,
    timeoutMs: number,
    what: string,
    fail: (ev: WorkerEvent) => string | null = () => null,
  ): Promise<R> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`${what}: timed out after ${timeoutMs} ms${this.lastError()}`));
      }, timeoutMs);
      const off = this.tap((ev, t) => {
        const why = fail(ev);
        const r = why === null ? done(ev, t) : null;
        if (why === null && r === null) return;
        clearTimeout(timer);
        off();
        if (why !== null) reject(new Error(`${what}: ${why}`));
        else resolve(r as R);
      });
    });
  }

  private lastError(): string {
    const e = this.errors[this.errors.length - 1];
    return e ? ` (last worker error: ${e})` : '';
  }

  dispose(): void {
    this.taps.clear();
    this.client.dispose();
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
