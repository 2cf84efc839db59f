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
import { verdictMessage } from '../../../src/worker/teacherCheck.ts';
import type {
  EngineDeps,
  Endpoint,
  InspectedTeacher,
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
  readonly teacher: FakeTeacher | null;
  private readonly X: tf.Tensor2D;
  disposed = false;

  constructor(
    o: { x: Float32Array; shape: number[]; config: AwdConfig; teacher: FakeTeacher | null },
    private readonly clock: FakeClock,
    private readonly msPerStep: number,
  ) {
    this.config = o.config;
    this.teacher = o.teacher;
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

  /** A real gradient step on ½‖h0 − 0.7‖² (+ λ‖h0‖₁), inside tidy and read with await data() like AwdTrainer. */
  async stepAsync(): Promise<StepRecordLike> {
    this.clock.t += this.msPerStep;
    const step = ++this.steps;
    const before = this.h0();
    const [loss, l1] = tf.tidy(() => {
      const f = (h: tf.Tensor) =>
        tf.add(tf.mul(0.5, tf.sum(tf.square(tf.sub(h, 0.7)))), tf.mul(this.lambda, tf.sum(tf.abs(h))));
      const g = tf.grad(f)(this.h0Var);
      this.h0Var.assign(tf.sub(this.h0Var, tf.mul(this.lr, g)));
      return [f(this.h0Var), tf.sum(tf.abs(this.h0Var))];
    });
    const [lv, l1v] = await Promise.all([loss!.data(), l1!.data()]);
    tf.dispose([loss!, l1!]);
    if (this.nanAt.has(step)) {
      this.h0Var.assign(tf.tensor1d(Float32Array.from(before)));
      const e = new Error(`AWD training diverged at step ${step}`);
      e.name = 'TrainingDiverged';
      throw e;
    }
    const l1n = l1v[0]!;
    const terms = { rec: lv[0]!, lsum: 0, hsum: 0, l2norm: 0, cmf: 0, conv: 0, l1wave: l1n, l1attr: l1n / 2 };
    const total = terms.rec + this.lambda * terms.l1wave + this.gamma * terms.l1attr;
    return {
      step,
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
  async coefficientsAsync(sample: number) {
    const [lo, hi, attr, row] = tf.tidy(() => {
      const r = tf.reshape(tf.slice(this.X, [sample, 0], [1, L]), [L]);
      const c = tf.mul(r, tf.sum(this.h0Var));
      const half = tf.slice(c, 0, L / 2);
      return [half, tf.slice(c, L / 2, L / 2), tf.abs(half), r];
    });
    const all = [lo!, hi!, attr!, row!];
    const [a, b, c, d] = (await Promise.all(all.map((t) => t.data()))) as Float32Array[];
    tf.dispose(all);
    return {
      coeffs: [a!, b!],
      attributions: [c!, new Float32Array(L / 2)],
      shapes: [[L / 2], [L / 2]],
      recon: d!,
    };
  }
  dispose(): void {
    this.disposed = true;
    this.h0Var.dispose();
    this.X.dispose();
  }
}

/**
 * modelJson.bad: a layer that cannot be differentiated twice (it runs, γ cannot be used);
 * modelJson.unusable: the forward cannot run at all.
 */
export class FakeTeacher implements TeacherLike {
  static created: FakeTeacher[] = [];
  compatibility = { ok: true, problems: [] as string[] };
  disposed = false;
  constructor(readonly artifacts: TeacherArtifacts) {
    const m = artifacts.modelJson as { bad?: string };
    if (m.bad) this.compatibility = { ok: false, problems: [m.bad] };
    FakeTeacher.created.push(this);
  }
  dispose(): void {
    this.disposed = true;
  }
}

export function fakeInspect(a: TeacherArtifacts): InspectedTeacher<FakeTeacher> {
  const m = a.modelJson as { bad?: string; unusable?: string };
  const layers = [{ name: 'fc1', className: 'Dense', ok: !m.bad && !m.unusable }];
  const problems = [m.unusable, m.bad].flatMap((r) => (r ? [{ layer: 'fc1', op: 'Fake', reason: r }] : []));
  const teacher = m.unusable ? null : new FakeTeacher(a);
  const ok = teacher !== null;
  const canUseGamma = ok && !m.bad;
  return {
    teacher,
    check: { ok, canUseGamma, layers, problems, message: verdictMessage(ok, canUseGamma, problems, 'fake') },
  };
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
        syncReadback: true,
      };
    },
    loadTeacher: (a) => new FakeTeacher(a),
    inspectTeacher: fakeInspect,
    trainTeacher: () => Promise.reject(new Error('not wired in this test')),
    onHost: async (fn) => fn(),
    createTrainer: (o) => new FakeTrainer(o, clock, msPerStep),
    wavefun: (h0) => ({
      phi: Array.from(h0),
      psi: Array.from(h0, (v) => -v),
      x: Array.from(h0, (_, i) => i),
    }),
    evaluateLossCase: () => Promise.reject(new Error('not wired in this test')),
    evaluateLab: () => Promise.reject(new Error('not wired in this test')),
    sweepLab: () => Promise.reject(new Error('not wired in this test')),
    resetModelCaches: () => {},
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
