// Mini-batch order: torch DataLoader semantics (drop_last=False, reshuffled every epoch when asked),
// driven by the run's seed so a run is reproducible.
import { mulberry32, shuffleInPlace } from './rng.ts';

export interface Batch {
  /** Sample indices, or null for the whole set in its stored order (no gather needed). */
  indices: Int32Array | null;
  size: number;
  epoch: number;
}

export class BatchScheduler {
  readonly n: number;
  readonly batchSize: number;
  readonly stepsPerEpoch: number;
  private readonly shuffle: boolean;
  private readonly uniform: () => number;
  private order: Int32Array;
  private done = 0;

  /** batchSize 0 (or ≥ n) means full batch. */
  constructor(n: number, batchSize: number, shuffle: boolean, seed: number) {
    if (!Number.isInteger(n) || n < 1) throw new Error(`BatchScheduler: need at least one sample, got ${n}`);
    this.n = n;
    this.batchSize = batchSize <= 0 || batchSize >= n ? n : batchSize;
    this.stepsPerEpoch = Math.ceil(n / this.batchSize);
    this.shuffle = shuffle;
    // A stream apart from the init noise's (same seed), so changing batching never changes h0's init.
    this.uniform = mulberry32((seed ^ 0x9e3779b9) >>> 0);
    this.order = Int32Array.from({ length: n }, (_, i) => i);
  }

  /** Index (0-based) of the epoch the next batch belongs to. */
  get epoch(): number {
    return Math.floor(this.done / this.stepsPerEpoch);
  }

  next(): Batch {
    const epoch = this.epoch;
    const k = this.done % this.stepsPerEpoch;
    this.done++;
    // A full batch is a sum over all samples: its order cannot matter, so no shuffle and no gather.
    if (this.batchSize === this.n) return { indices: null, size: this.n, epoch };
    if (k === 0 && this.shuffle) shuffleInPlace(this.order, this.uniform);
    const start = k * this.batchSize;
    const indices = this.order.slice(start, Math.min(start + this.batchSize, this.n));
    return { indices, size: indices.length, epoch };
  }
}
