// A tiny deterministic stand-in for model/train's AwdTrainer that still runs real tfjs (cpu) ops, so the
// engine's state machine, throttling and tensor hygiene are tested without the full AWD graph.
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { DEFAULT_CONFIG, type AwdConfig } from '../../../src/protocol/config.ts';
import type { Command, InitCommand, TeacherArtifacts, WorkerEvent } from '../../../src/protocol/messages.ts';
import { transferList } from '../../../src/protocol/transfer.ts';
import { createEngine, type Engine } from '../../../src/worker/engine.ts';
import type {
  EngineDeps,
  Endpoint,
  StepRecordLike,
  TeacherLike,
  TrainerLike,
} from '../../../src/worker/types.ts';

export const N = 6;
export const L = 16;

export interface FakeClock {
  t: number;
}

export class FakeTrainer implements TrainerLike {
  static created: FakeTrainer[] = [];
  readonly h0Var: tf.Variable;
  lambda: number;
  gamma: number;
  lr: number;
  steps = 0;
  /** Steps (1-based) whose loss is NaN: the trainer restores h0 and throws, like AwdTrainer. */
  nanAt = new Set<number>();
  /** [steps done when setWeights ran, the weights]. */
  weightCalls: [number, { lambda?: number; gamma?: number }][] = [];
  readonly stepsPerEpoch = 3;
  readonly config: AwdConfig;
  private readonly X: tf.Tensor2D;
  disposed = false;

  constructor(
    o: { x: Float32Array; shape: number[]; config: AwdConfig },
    private readonly clock: FakeClock,
    private readonly msPerStep: number,
  ) {
    this.config = o.config;
    this.lambda = o.config.lambda;
    this.gamma = o.config.gamma;
    this.lr = o.config.lr;
    const h0 = o.config.h0 ?? [0.5, 0.5, 0.5, 0.5];
    this.h0Var = tf.variable(tf.tensor1d(h0));
    this.X = tf.tensor2d(o.x, [o.shape[0]!, o.shape[1]!]);
    FakeTrainer.created.push(this);
  }

  get epoch(): number {
    return Math.floor(this.steps / this.stepsPerEpoch);
  }

  step(): StepRecordLike {
    this.clock.t += this.msPerStep;
    this.steps++;
    const before = this.h0Var.dataSync().slice();
    // A real gradient step on ½‖h0 − 0.7‖² (+ λ‖h0‖₁), inside tidy like the real trainer.
    const { loss, l1 } = tf.tidy(() => {
      const f = (h: tf.Tensor) =>
        tf.add(tf.mul(0.5, tf.sum(tf.square(tf.sub(h, 0.7)))), tf.mul(this.lambda, tf.sum(tf.abs(h))));
      const g = tf.grad(f)(this.h0Var);
      this.h0Var.assign(tf.sub(this.h0Var, tf.mul(this.lr, g)));
      return { loss: f(this.h0Var).dataSync()[0]!, l1: tf.sum(tf.abs(this.h0Var)).dataSync()[0]! };
    });
    if (this.nanAt.has(this.steps)) {
      this.h0Var.assign(tf.tensor1d(before));
      const e = new Error(`AWD training diverged at step ${this.steps}`);
      e.name = 'TrainingDiverged';
      throw e;
    }
    const terms = { rec: loss, lsum: 0, hsum: 0, l2norm: 0, cmf: 0, conv: 0, l1wave: l1, l1attr: l1 / 2 };
    const total = terms.rec + this.lambda * terms.l1wave + this.gamma * terms.l1attr;
    return {
      step: this.steps,
      epoch: this.epoch,
      terms,
      total,
      gradNorm: 1,
      h0: this.h0(),
      lambda: this.lambda,
      gamma: this.gamma,
    };
  }

  setWeights(w: { lambda?: number; gamma?: number }): void {
    this.weightCalls.push([this.steps, { ...w }]);
    if (w.lambda !== undefined) this.lambda = w.lambda;
    if (w.gamma !== undefined) this.gamma = w.gamma;
  }
  setLr(lr: number): void {
    this.lr = lr;
  }
  h0(): Float64Array {
    return Float64Array.from(this.h0Var.dataSync());
  }
  g(): Float64Array {
    const h = this.h0();
    return h.map((_, k) => (k % 2 ? -1 : 1) * h[h.length - 1 - k]!);
  }
  /** Deliberately leaves its intermediate tensors for the engine's scope (tf.tidy) to free. */
  coefficients(sample: number) {
    const row = tf.reshape(tf.slice(this.X, [sample, 0], [1, L]), [L]);
    const c = tf.mul(row, tf.sum(this.h0Var));
    const half = tf.slice(c, 0, L / 2);
    return {
      coeffs: [half.dataSync() as Float32Array, tf.slice(c, L / 2, L / 2).dataSync() as Float32Array],
      attributions: [tf.abs(half).dataSync() as Float32Array, new Float32Array(L / 2)],
      shapes: [[L / 2], [L / 2]],
      recon: row.dataSync() as Float32Array,
    };
  }
  dispose(): void {
    this.disposed = true;
    this.h0Var.dispose();
    this.X.dispose();
  }
}

export class FakeTeacher implements TeacherLike {
  compatibility = { ok: true, problems: [] as string[] };
  disposed = false;
  constructor(readonly artifacts: TeacherArtifacts) {
    const m = artifacts.modelJson as { bad?: string };
    if (m.bad) this.compatibility = { ok: false, problems: [m.bad] };
  }
  dispose(): void {
    this.disposed = true;
  }
}

export function fakeTeacherArtifacts(bad?: string): TeacherArtifacts {
  return {
    modelJson: bad ? { bad } : { modelTopology: {} },
    weightData: [new Float32Array([1, 2, 3]).buffer],
  };
}

export function signals(): Float32Array {
  return Float32Array.from({ length: N * L }, (_, i) => Math.sin(i / 3));
}

export function initCommand(patch: Partial<AwdConfig> = {}): InitCommand {
  return {
    type: 'init',
    config: { ...DEFAULT_CONFIG, weights: { ...DEFAULT_CONFIG.weights }, epochs: 0, lr: 0.05, ...patch },
    data: { x: signals(), shape: [N, L] },
    teacher: fakeTeacherArtifacts(),
  };
}

export function fakeDeps(
  clock: FakeClock,
  msPerStep = 10,
  over: Partial<EngineDeps<FakeTeacher>> = {},
): EngineDeps<FakeTeacher> {
  return {
    now: () => clock.t,
    yieldToEvents: () => new Promise((r) => setImmediate(r)),
    selectBackend: async (choice) => {
      await tf.setBackend('cpu');
      return {
        backend: 'cpu',
        requested: choice,
        reason: 'cpu (test)',
        tried: [{ backend: 'cpu', ok: true, msPerStep: 1 }],
        canTrain: true,
      };
    },
    loadTeacher: (a) => new FakeTeacher(a),
    onHost: async (fn) => fn(),
    createTrainer: (o) => new FakeTrainer(o, clock, msPerStep),
    wavefun: (h0) => ({
      phi: Array.from(h0),
      psi: Array.from(h0, (v) => -v),
      x: Array.from(h0, (_, i) => i),
    }),
    evaluateLossCase: () => Promise.reject(new Error('not wired in this test')),
    scoped: <R>(fn: () => R): R => {
      let r!: R;
      tf.tidy(() => {
        r = fn();
      });
      return r;
    },
    ...over,
  };
}

/** An engine on one end of a Node MessageChannel; the test plays the UI on the other end. */
export interface Harness {
  engine: Engine<FakeTeacher>;
  ui: MessagePort;
  events: WorkerEvent[];
  send(cmd: Command | Record<string, unknown>): void;
  waitFor<E extends WorkerEvent>(pred: (e: WorkerEvent) => e is E, from?: number, ms?: number): Promise<E>;
  of<T extends WorkerEvent['type']>(type: T): Extract<WorkerEvent, { type: T }>[];
  close(): void;
}

export function harness(deps: EngineDeps<FakeTeacher>): Harness {
  const { port1, port2 } = new MessageChannel();
  const engine = createEngine(port1 as unknown as Endpoint, deps);
  const events: WorkerEvent[] = [];
  const waiters = new Set<() => void>();
  port2.on('message', (e: WorkerEvent) => {
    events.push(e);
    for (const w of waiters) w();
  });
  return {
    engine,
    ui: port2,
    events,
    send: (cmd) => port2.postMessage(cmd, transferList(cmd as Command)),
    waitFor: (pred, from = 0, ms = 10_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          const hit = events.slice(from).find(pred);
          if (hit) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(hit);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(
            new Error(
              `timed out; events: ${events
                .slice(from)
                .map(
                  (e) =>
                    e.type +
                    ('code' in e ? `:${e.code}(${e.message})` : '') +
                    ('status' in e ? `:${e.status}` : ''),
                )
                .join(', ')}`,
            ),
          );
        }, ms);
        waiters.add(check);
        check();
      }),
    of: (type) => events.filter((e) => e.type === type) as never,
    close: () => {
      port1.close();
      port2.close();
    },
  };
}

export const is =
  <T extends WorkerEvent['type']>(
    type: T,
    extra: (e: Extract<WorkerEvent, { type: T }>) => boolean = () => true,
  ) =>
  (e: WorkerEvent): e is Extract<WorkerEvent, { type: T }> =>
    e.type === type && extra(e as Extract<WorkerEvent, { type: T }>);
