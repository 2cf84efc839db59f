// The only main-thread code that talks to the training worker. Framework-free: commands in, events out
// via subscribe. It remembers what a fresh worker needs (backend, config, data, teacher, latest h0), so
// a crashed worker is restarted warm; if no Worker can be made it runs the engine on the main thread.
//
// src/app may not import src/worker (lint layers), so the main-thread engine is *injected* as
// `fallback` by the entry point (src/main.tsx), which loads it with a dynamic import: the worker
// bundle stays out of the main chunk unless it is needed.
import type { BackendChoice } from '../protocol/config.ts';
import type { WorkerLike } from '../protocol/endpoint.ts';
import type {
  Command,
  InitCommand,
  ReadyEvent,
  TeacherArtifacts,
  TeacherCheckedEvent,
  TeacherProgressEvent,
  TeacherTrainedEvent,
  TrainTeacherCommand,
  WorkerEvent,
} from '../protocol/messages.ts';
import { transferList } from '../protocol/transfer.ts';

export type Listener = (ev: WorkerEvent) => void;

/** A request whose answer is one event; the engine answers them in the order they were sent. */
interface Pending {
  command: 'checkTeacher' | 'trainTeacher';
  answer: 'teacherChecked' | 'teacherTrained';
  resolve(ev: WorkerEvent): void;
  reject(e: Error): void;
  onProgress?: (ev: TeacherProgressEvent) => void;
}

export interface WorkerClientOptions {
  /** Makes a worker; default spawns src/worker/awd.worker.ts as a module worker. */
  spawn?: () => WorkerLike;
  /** A main-thread engine with the Worker's shape, used when `spawn` throws or the worker never starts. */
  fallback?: () => Promise<WorkerLike>;
  /** Restarts allowed after crashes (default 3). */
  maxRestarts?: number;
}

function defaultSpawn(): WorkerLike {
  // Literal form, so Vite bundles the worker (shared/ARCHITECTURE.md).
  return new Worker(new URL('../worker/awd.worker.ts', import.meta.url), { type: 'module' });
}

export class WorkerClient {
  private worker: WorkerLike | null = null;
  /** Commands sent while the fallback engine is still loading. */
  private queued: Command[] = [];
  private loadingFallback = false;
  private readonly listeners = new Set<Listener>();
  private lastInit: InitCommand | null = null;
  private lastBackend: BackendChoice | null = null;
  private lastH0: number[] | null = null;
  private heard = false;
  /** Sent to the current worker before it said anything: resent if it turns out never to start. */
  private unheard: Command[] = [];
  private restarts = 0;
  private disposed = false;
  /** Where the engine runs; 'main-thread' after a fallback. */
  mode: 'worker' | 'main-thread' = 'worker';
  /** The latest backend report, for views that subscribe late. */
  lastReady: ReadyEvent | null = null;
  private pending: Pending[] = [];

  constructor(private readonly opts: WorkerClientOptions = {}) {
    this.start();
  }

  subscribe(fn: Listener): () => void {
    this.listeners.add(fn);
    return () => this.listeners.delete(fn);
  }

  /** Sends a command. Array payloads are copied before transfer: the caller's arrays stay usable. */
  send(cmd: Command): void {
    if (this.disposed) return;
    this.remember(cmd);
    this.post(cmd);
  }

  /**
   * The compatibility verdict for `teacher` on samples of `inputShape` (see TeacherCheck). Rejects when
   * the worker answers the command with an error or crashes (teacher jobs are not replayed).
   */
  checkTeacher(
    teacher: TeacherArtifacts,
    inputShape: number[],
    target?: number,
  ): Promise<TeacherCheckedEvent> {
    const cmd: Command = {
      type: 'checkTeacher',
      teacher,
      inputShape,
      ...(target !== undefined ? { target } : {}),
    };
    return this.request(cmd, 'teacherChecked') as Promise<TeacherCheckedEvent>;
  }

  /** Trains a teacher in the worker; `onProgress` gets every teacherProgress event (~10 Hz). */
  trainTeacher(
    opts: Omit<TrainTeacherCommand, 'type'>,
    onProgress?: (ev: TeacherProgressEvent) => void,
  ): Promise<TeacherTrainedEvent> {
    const cmd: Command = { type: 'trainTeacher', ...opts };
    return this.request(cmd, 'teacherTrained', onProgress) as Promise<TeacherTrainedEvent>;
  }

  /** Ends a running trainTeacher after its current epoch; its promise still resolves (stoppedBy 'user'). */
  stopTeacher(): void {
    this.send({ type: 'stopTeacher' });
  }

  private request(
    cmd: Command & { type: Pending['command'] },
    answer: Pending['answer'],
    onProgress?: (ev: TeacherProgressEvent) => void,
  ): Promise<WorkerEvent> {
    if (this.disposed) return Promise.reject(new Error(`${cmd.type}: the client is disposed`));
    return new Promise((resolve, reject) => {
      this.pending.push({
        command: cmd.type,
        answer,
        resolve,
        reject,
        ...(onProgress ? { onProgress } : {}),
      });
      this.send(cmd);
    });
  }

  /** Routes answers (and errors naming the command) to the oldest request waiting for them. */
  private settle(ev: WorkerEvent): void {
    const first = (p: (q: Pending) => boolean) => this.pending.find(p);
    const done = (q: Pending) => (this.pending = this.pending.filter((x) => x !== q));
    if (ev.type === 'teacherChecked' || ev.type === 'teacherTrained') {
      const q = first((x) => x.answer === ev.type);
      if (q) {
        done(q);
        q.resolve(ev);
      }
    } else if (ev.type === 'teacherProgress') first((x) => x.command === 'trainTeacher')?.onProgress?.(ev);
    else if (ev.type === 'error') {
      const q = first((x) => x.command === ev.command);
      if (q) {
        done(q);
        q.reject(new Error(ev.message));
      }
    }
  }

  /** Requests the engine will never answer (it crashed; teacher jobs are not replayed). */
  private failPending(why: string): void {
    const all = this.pending;
    this.pending = [];
    for (const q of all) q.reject(new Error(`${q.command}: ${why}`));
  }

  dispose(): void {
    if (this.disposed) return;
    this.failPending('the client was disposed');
    this.post({ type: 'dispose' });
    this.disposed = true;
    this.worker?.terminate();
    this.worker = null;
    this.listeners.clear();
  }

  private remember(cmd: Command): void {
    switch (cmd.type) {
      case 'init':
        this.lastInit = cmd;
        this.lastH0 = cmd.h0 ?? null;
        // Like the engine: an init with 'auto' keeps a backend already chosen.
        if (cmd.config.backend !== 'auto' || !this.lastBackend) this.lastBackend = cmd.config.backend;
        break;
      case 'setBackend':
        this.lastBackend = cmd.backend;
        if (this.lastInit)
          this.lastInit = { ...this.lastInit, config: { ...this.lastInit.config, backend: cmd.backend } };
        break;
      case 'setConfig':
        if (this.lastInit)
          this.lastInit = { ...this.lastInit, config: { ...this.lastInit.config, ...cmd.patch } };
        break;
      case 'setWeights':
        if (this.lastInit) {
          const c = { ...this.lastInit.config };
          if (cmd.lambda !== undefined) c.lambda = cmd.lambda;
          if (cmd.gamma !== undefined) c.gamma = cmd.gamma;
          this.lastInit = { ...this.lastInit, config: c };
        }
        break;
      case 'reset':
        this.lastH0 = null;
        break;
      default:
        break;
    }
  }

  private post(cmd: Command): void {
    if (!this.worker) {
      this.queued.push(cmd);
      return;
    }
    if (!this.heard) this.unheard.push(cmd);
    const wire = copyPayload(cmd);
    this.worker.postMessage(wire, transferList(wire));
  }

  private start(): void {
    let w: WorkerLike;
    try {
      w = (this.opts.spawn ?? defaultSpawn)();
    } catch (e) {
      return this.useFallback(`new Worker failed: ${e instanceof Error ? e.message : String(e)}`);
    }
    this.attach(w);
  }

  private attach(w: WorkerLike): void {
    this.worker = w;
    this.heard = false;
    this.unheard = [];
    w.addEventListener('message', (ev) => {
      if (this.worker !== w) return;
      this.heard = true;
      this.unheard = [];
      this.receive((ev as MessageEvent<WorkerEvent>).data);
    });
    const crash = (what: string) => (ev: Event) => {
      if (this.worker !== w) return;
      const msg = (ev as ErrorEvent).message || what;
      this.crashed(w, msg);
    };
    w.addEventListener('error', crash('worker error'));
    w.addEventListener('messageerror', crash('a message could not be deserialized'));
    const pending = this.queued;
    this.queued = [];
    for (const c of pending) this.post(c);
  }

  private receive(ev: WorkerEvent): void {
    if (ev.type === 'snapshot') this.lastH0 = Array.from(ev.h0);
    if (ev.type === 'ready') this.lastReady = ev;
    for (const fn of this.listeners) fn(ev);
    this.settle(ev);
  }

  private crashed(w: WorkerLike, message: string): void {
    w.terminate();
    this.worker = null;
    // A worker that never said anything most likely cannot load here: run on the main thread.
    if (!this.heard && this.opts.fallback && this.mode === 'worker') {
      this.queued = [...this.unheard, ...this.queued];
      return this.useFallback(`worker failed to start: ${message}`);
    }
    this.failPending(`the worker crashed (${message})`);
    const max = this.opts.maxRestarts ?? 3;
    const again = this.restarts < max;
    this.receive({
      type: 'error',
      code: 'worker_crashed',
      message: `${this.mode === 'worker' ? 'worker' : 'engine'} crashed: ${message}${again ? '; restarting from the last filter' : '; giving up'}`,
      recoverable: again,
    });
    if (!again) return;
    this.restarts++;
    this.replay();
    if (this.mode === 'worker') this.start();
    else this.useFallback('restart');
  }

  /** Queues what a fresh engine needs to continue where the last one stopped (warm start). */
  private replay(): void {
    const q: Command[] = [];
    if (this.lastBackend) q.push({ type: 'setBackend', backend: this.lastBackend });
    if (this.lastInit) {
      const init: InitCommand = { ...this.lastInit };
      if (this.lastH0) init.h0 = this.lastH0;
      q.push(init);
    }
    this.queued = [...q, ...this.queued];
  }

  private useFallback(why: string): void {
    this.mode = 'main-thread';
    const fb = this.opts.fallback;
    if (!fb) {
      this.receive({
        type: 'error',
        code: 'worker_crashed',
        message: `${why}; no main-thread fallback`,
        recoverable: false,
      });
      this.failPending('no engine could be started');
      return;
    }
    if (this.loadingFallback) return;
    this.loadingFallback = true;
    fb().then(
      (w) => {
        this.loadingFallback = false;
        this.receive({
          type: 'error',
          code: 'worker_crashed',
          message: `${why}; training on the main thread`,
          recoverable: true,
        });
        if (!this.disposed) this.attach(w);
      },
      (e: unknown) => {
        this.loadingFallback = false;
        this.receive({
          type: 'error',
          code: 'internal',
          message: `${why}; main-thread engine failed: ${String(e)}`,
          recoverable: false,
        });
        this.failPending('no engine could be started');
      },
    );
  }
}

/** Copies arrays that would be transferred, so the caller keeps its own (and we keep ours for replay). */
function copyPayload(cmd: Command): Command {
  switch (cmd.type) {
    case 'init':
      return {
        ...cmd,
        data: { x: cmd.data.x.slice(), shape: [...cmd.data.shape] },
        teacher: {
          modelJson: cmd.teacher.modelJson,
          weightData: cmd.teacher.weightData.map((b) => b.slice(0)),
        },
      };
    case 'runReferenceCases':
      return {
        ...cmd,
        teachers: Object.fromEntries(
          Object.entries(cmd.teachers).map(([k, t]) => [
            k,
            { modelJson: t.modelJson, weightData: t.weightData.map((b) => b.slice(0)) },
          ]),
        ),
      };
    case 'trainTeacher':
      return { ...cmd, data: { x: cmd.data.x.slice(), shape: [...cmd.data.shape] }, y: cmd.y.slice() };
    case 'checkTeacher':
      return {
        ...cmd,
        teacher: {
          modelJson: cmd.teacher.modelJson,
          weightData: cmd.teacher.weightData.map((b) => b.slice(0)),
        },
      };
    default:
      return cmd;
  }
}
