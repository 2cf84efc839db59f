// One AWD run: h0 as a tf.Variable (float32, what the graph sees) with a float64 master copy and
// torch-exact Adam on the JS side. Each step is one tidy scope; the only tensors that outlive a step
// are the data, the variable and the cached selector constants, so tf.memory() stays flat.
import * as tf from '@tensorflow/tfjs-core';
import type { AwdConfig } from '../../protocol/config.ts';
import type { Teacher } from '../teacher/types.ts';
import { assertTeacherFits, teacherInputGrads } from '../attribution/trim.ts';
import type { ResidualGradient } from '../attribution/trim.ts';
import { awdLoss } from '../loss/awdLoss.ts';
import type { AwdLossOptions } from '../loss/awdLoss.ts';
import { stackTerms, TERM_NAMES, unstackTerms } from '../loss/terms.ts';
import type { LossWeights, TermName } from '../loss/terms.ts';
import { createPlan } from '../transform/createPlan.ts';
import type { TransformPlan } from '../transform/plan.ts';
import { TorchAdam } from './adam.ts';
import type { AdamState } from './adam.ts';
import { BatchScheduler } from './batches.ts';
import { TrainingDiverged } from './errors.ts';
import { initialH0 } from './init.ts';
import { highpassOf, perScale } from './views.ts';
import { waveletDistance } from './distance.ts';

export interface StepRecord {
  step: number;
  epoch: number;
  terms: Record<TermName, number>;
  /** Loss at the h0 the step started from (torch's loss.item()). */
  total: number;
  gradNorm: number;
  /** h0 after the update. */
  h0: Float64Array;
  lambda: number;
  gamma: number;
  /** awave's dist(ψ_now, ψ_init), computed every `distEvery` steps (cascade is costly), else null. */
  dist: number | null;
}

/** One sample's bands, attributions (zeros without a teacher) and reconstruction; see coefficients(). */
export interface SampleCoefficients {
  coeffs: Float32Array[];
  attributions: Float32Array[];
  shapes: number[][];
  recon: Float32Array;
}

/** A step whose graph ran and whose two outputs are still to be read. */
interface PendingStep {
  epoch: number;
  weights: LossWeights;
  /** The 8 terms, the total, then d total / d h0: one tensor, so one read (each read is a GPU sync). */
  out: tf.Tensor;
}

export interface AwdTrainerOptions {
  x: Float32Array;
  /** [N, L] or [N, H, W]. */
  shape: number[];
  teacher: Teacher | null;
  config: AwdConfig;
  /** Steps between dist computations (0 = never); default 10. */
  distEvery?: number;
  /** How attributions are differentiated w.r.t. h0 (attribution/trim.ts); default 'exact'. */
  residualGradient?: ResidualGradient;
}

export class AwdTrainer {
  readonly plan: TransformPlan;
  private readonly X: tf.Tensor;
  /** ∇_x f_target(x) per sample, cached when it cannot change (see below); else null. */
  private readonly G: tf.Tensor | null;
  private readonly h0Var: tf.Variable<tf.Rank.R1>;
  private master: Float64Array;
  private readonly init: Float64Array;
  private readonly adam: TorchAdam;
  private readonly batches: BatchScheduler;
  private readonly opts: Omit<AwdLossOptions, 'weights'>;
  private weights: LossWeights;
  private readonly distEvery: number;
  private steps = 0;
  private disposed = false;
  private pending = false;

  constructor(o: AwdTrainerOptions) {
    const { config, shape } = o;
    if (shape.length !== 2 && shape.length !== 3)
      throw new Error(`AwdTrainer: shape must be [N, L] or [N, H, W], got [${shape.join(', ')}]`);
    const size = shape.reduce((p, d) => p * d, 1);
    if (o.x.length !== size)
      throw new Error(`AwdTrainer: x has ${o.x.length} values, shape [${shape.join(', ')}] needs ${size}`);
    if (o.teacher && !o.teacher.compatibility.ok)
      throw new Error(`AwdTrainer: teacher is not usable: ${o.teacher.compatibility.problems.join('; ')}`);
    if (o.teacher) assertTeacherFits(o.teacher, shape.slice(1), config.target);
    this.init = initialH0(config);
    this.master = this.init.slice();
    this.plan = createPlan(shape.slice(1), this.init.length, config.mode, config.level);
    this.X = tf.tensor(o.x, shape);
    const h0 = tf.tensor1d(Float32Array.from(this.master));
    this.h0Var = tf.variable(h0, true); // shares h0's data; the handle itself would leak
    h0.dispose();
    this.adam = new TorchAdam(this.init.length, { lr: config.lr });
    this.batches = new BatchScheduler(shape[0]!, config.batchSize, config.shuffle, config.seed);
    this.opts = {
      plan: this.plan,
      teacher: o.teacher,
      target: config.target,
      attribution: config.attribution,
      igSteps: config.igSteps,
      residualGradient: o.residualGradient ?? 'exact',
    };
    // With the exact residual gradient, saliency and input×gradient need ∇f only at x itself: the
    // teacher is frozen and x fixed, so one pass here replaces a teacher forward+backward per step.
    const cacheable =
      o.teacher !== null &&
      config.attribution !== 'integrated_gradients' &&
      this.opts.residualGradient === 'exact';
    this.G = cacheable ? teacherInputGrads(o.teacher!, config.target, this.X) : null;
    this.weights = { ...config.weights, l1wave: config.lambda, l1attr: config.gamma };
    this.distEvery = o.distEvery ?? 10;
  }

  get epoch(): number {
    return this.batches.epoch;
  }
  get stepsPerEpoch(): number {
    return this.batches.stepsPerEpoch;
  }

  /** λ (l1wave) and γ (l1attr) for the following steps; Adam's state is kept. */
  setWeights(w: { lambda?: number; gamma?: number }): void {
    for (const [k, v] of Object.entries(w))
      if (v !== undefined && !(Number.isFinite(v) && v >= 0))
        throw new Error(`setWeights: ${k} must be a finite number ≥ 0, got ${v}`);
    if (w.lambda !== undefined) this.weights = { ...this.weights, l1wave: w.lambda };
    if (w.gamma !== undefined) this.weights = { ...this.weights, l1attr: w.gamma };
  }

  setLr(lr: number): void {
    if (!(Number.isFinite(lr) && lr > 0))
      throw new Error(`setLr: learning rate must be a finite number > 0, got ${lr}`);
    this.adam.lr = lr;
  }

  h0(): Float64Array {
    return this.master.slice();
  }
  g(): Float64Array {
    return highpassOf(this.master);
  }

  /** One step, reading the loss and gradient synchronously (Node, CLI, tests). */
  step(): StepRecord {
    const p = this.launch();
    try {
      return this.complete(p, p.out.dataSync());
    } finally {
      p.out.dispose();
    }
  }

  /**
   * The same step with `await data()`: the only read every backend supports (tfjs's synchronous read
   * returns zeros on WebGPU in a Worker). The graph runs at once; only the K + 9 numbers are awaited.
   */
  async stepAsync(): Promise<StepRecord> {
    if (this.pending) throw new Error('AwdTrainer.stepAsync: the previous step has not finished');
    this.pending = true;
    try {
      const p = this.launch();
      let v: ArrayLike<number>;
      try {
        v = await p.out.data();
      } finally {
        p.out.dispose();
      }
      this.alive(); // disposed while the read was in flight
      return this.complete(p, v);
    } finally {
      this.pending = false;
    }
  }

  /** Builds the step's graph: the loss terms + total as one [9] tensor and d total / d h0. */
  private launch(): PendingStep {
    this.alive();
    const batch = this.batches.next();
    const weights = this.weights;
    const out = tf.tidy(() => {
      const idx = batch.indices ? tf.tensor1d(batch.indices, 'int32') : null;
      const xb = idx ? tf.gather(this.X, idx) : this.X;
      const gb = this.G && idx ? tf.gather(this.G, idx) : this.G;
      let termVec: tf.Tensor | null = null;
      const { grads } = tf.variableGrads(() => {
        const r = awdLoss(this.h0Var, xb, this.lossOpts(weights, gb));
        termVec = tf.keep(stackTerms(r.terms, r.total));
        return r.total;
      }, [this.h0Var]);
      const g = grads[this.h0Var.name]!;
      const both = tf.concat([termVec! as tf.Tensor, g]);
      (termVec! as tf.Tensor).dispose(); // kept out of variableGrads' scope, so tidy would not free it
      return both;
    });
    return { epoch: batch.epoch, weights, out };
  }

  /** Host side of a step (float64): divergence check, torch-exact Adam, the record. */
  private complete(p: PendingStep, v: ArrayLike<number>): StepRecord {
    const T = TERM_NAMES.length + 1;
    const gr = Float64Array.from({ length: v.length - T }, (_, i) => v[T + i]!);
    const { terms, total } = unstackTerms(v);
    this.steps++;
    const bad = !Number.isFinite(total) ? 'the loss' : gr.every(Number.isFinite) ? null : 'the gradient';
    if (bad) throw this.diverged(bad);
    // This h0 gave a finite loss and gradient: it is the restore point if a later one does not.
    this.lastGood = { h0: this.master.slice(), adam: this.adam.snapshot() };
    const next = this.adam.step(this.master, gr);
    if (!next.every(Number.isFinite)) throw this.diverged('the updated h0');
    this.setH0(next);
    let gradNorm = 0;
    for (const x of gr) gradNorm += x * x;
    const dist = this.distEvery > 0 && this.steps % this.distEvery === 0 ? this.distToInit() : null;
    return {
      step: this.steps,
      epoch: p.epoch,
      terms,
      total,
      gradNorm: Math.sqrt(gradNorm),
      h0: this.master.slice(),
      lambda: p.weights.l1wave,
      gamma: p.weights.l1attr,
      dist,
    };
  }

  /** awave's dist between the current wavelet and the initial one (ψ by the cascade, level 5). */
  distToInit(): number {
    return waveletDistance(this.master, this.init);
  }

  /** Full-data loss at the current h0 (in chunks of the batch size), no step taken. */
  evaluate(): Record<TermName, number> & { total: number } {
    this.alive();
    const N = this.X.shape[0];
    const B = this.batches.batchSize;
    const acc = new Float64Array(TERM_NAMES.length + 1);
    for (let s = 0; s < N; s += B) {
      const n = Math.min(B, N - s);
      const v = tf.tidy(() => {
        const part = (t: tf.Tensor) => (n === N ? t : tf.slice(t, s, n));
        const r = awdLoss(this.h0Var, part(this.X), this.lossOpts(this.weights, this.G && part(this.G)));
        return stackTerms(r.terms, r.total);
      });
      const d = v.dataSync();
      v.dispose();
      // Data terms are per-signal means: weight chunks by size. Validity terms are equal per chunk.
      for (let i = 0; i < acc.length; i++) acc[i]! += (d[i]! * n) / N;
    }
    const { terms, total } = unstackTerms(acc);
    return { ...terms, total };
  }

  /**
   * One sample's coefficients and attributions per scale in pywt order (1-D: [cA_J, cD_J, …, cD_1], each
   * [len]; 2-D: [cA_J] as [h, w], then each level's (cH, cV, cD) stacked as [3, h, w]), and Ψ⁻¹Ψx.
   */
  coefficients(sample: number): SampleCoefficients {
    const t = this.coefficientTensors(sample);
    try {
      return this.assemble(t, t.flat.dataSync() as Float32Array);
    } finally {
      t.flat.dispose();
    }
  }

  /** coefficients() with an asynchronous read (see stepAsync). */
  async coefficientsAsync(sample: number): Promise<SampleCoefficients> {
    const t = this.coefficientTensors(sample);
    let flat: Float32Array;
    try {
      flat = (await t.flat.data()) as Float32Array;
    } finally {
      t.flat.dispose();
    }
    return this.assemble(t, flat);
  }

  /**
   * The bands, then the attributions (when there are any), then the reconstruction, concatenated flat:
   * one read instead of ~2J+3 (on a GPU each read is a round trip), split again on the host.
   */
  private coefficientTensors(sample: number): { flat: tf.Tensor; sizes: number[]; attributed: boolean } {
    this.alive();
    const N = this.X.shape[0];
    if (!Number.isInteger(sample) || sample < 0 || sample >= N)
      throw new Error(`coefficients: sample must be an integer in [0, ${N - 1}], got ${sample}`);
    return tf.tidy(() => {
      const xs = tf.slice(this.X, sample, 1);
      const r = awdLoss(
        this.h0Var,
        xs,
        this.lossOpts(this.weights, this.G && tf.slice(this.G, sample, 1)),
      ).standard();
      const parts = [...r.coeffs, ...(r.attributions ?? []), r.recon];
      const flat = tf.concat(parts.map((t) => tf.reshape(t, [-1])));
      return { flat, sizes: parts.map((t) => t.size), attributed: r.attributions !== null };
    });
  }

  private assemble(t: { sizes: number[]; attributed: boolean }, flat: Float32Array): SampleCoefficients {
    let at = 0;
    const values = t.sizes.map((n) => flat.subarray(at, (at += n)));
    const bands = this.plan.bandShapes.length;
    const c = perScale(this.plan, values.slice(0, bands));
    const a = t.attributed
      ? perScale(this.plan, values.slice(bands, 2 * bands)).values
      : c.values.map((v) => new Float32Array(v.length));
    return { coeffs: c.values, attributions: a, shapes: c.shapes, recon: values.at(-1)!.slice() };
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.X.dispose();
    this.G?.dispose();
    this.h0Var.dispose();
  }

  private lossOpts(weights: LossWeights, inputGrad: tf.Tensor | null): AwdLossOptions {
    return inputGrad ? { ...this.opts, weights, inputGrad } : { ...this.opts, weights };
  }

  private setH0(h: Float64Array): void {
    this.master = h;
    tf.tidy(() => this.h0Var.assign(tf.tensor1d(Float32Array.from(h))));
  }

  private lastGood: { h0: Float64Array; adam: AdamState } | null = null;

  private diverged(what: string): TrainingDiverged {
    // Back to the last h0 whose loss and gradient were finite, with the optimizer state it had then.
    const good = this.lastGood ?? { h0: this.init, adam: null };
    this.setH0(good.h0.slice());
    if (good.adam) this.adam.restore(good.adam);
    return new TrainingDiverged(this.steps, what, good.h0.slice());
  }

  private alive(): void {
    if (this.disposed) throw new Error('AwdTrainer: used after dispose()');
  }
}
