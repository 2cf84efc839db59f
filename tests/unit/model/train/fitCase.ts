// The awd_fit.json case as an AwdConfig + data (full batch, fixed order, the case's h0 and weights), so
// the Node trainer tests and the browser worker test run exactly the reference's 20 Adam steps.
import {
  DEFAULT_CONFIG,
  type AttributionMethod,
  type AwdConfig,
  type TrainMode,
} from '../../../../src/protocol/config.ts';

export interface AwdFitCase {
  id: string;
  h0: number[];
  mode: string;
  level: number;
  x: number[][];
  teacher: string;
  target: number;
  attribution: string;
  weights: {
    lsum: number;
    hsum: number;
    l2norm: number;
    cmf: number;
    conv: number;
    l1wave: number;
    l1attr: number;
  };
  lr: number;
  steps: number;
  history: number[];
  h0_history: number[][];
  h0_final: number[];
}

export function fitCaseConfig(c: AwdFitCase): AwdConfig {
  const w = c.weights;
  return {
    ...DEFAULT_CONFIG,
    h0: [...c.h0],
    mode: c.mode as TrainMode,
    level: c.level,
    lr: c.lr,
    epochs: 0,
    batchSize: 0,
    shuffle: false,
    attribution: c.attribution as AttributionMethod,
    target: c.target,
    lambda: w.l1wave,
    gamma: w.l1attr,
    weights: { lsum: w.lsum, hsum: w.hsum, l2norm: w.l2norm, cmf: w.cmf, conv: w.conv },
  };
}

export function fitCaseData(c: AwdFitCase): { x: Float32Array; shape: number[] } {
  return { x: Float32Array.from(c.x.flat()), shape: [c.x.length, c.x[0]!.length] };
}

/** max |a − b| over two equal-length arrays (Infinity when the lengths differ or a value is NaN). */
export function maxAbsDiff(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length) return Infinity;
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs(a[i]! - b[i]!);
    if (!(d <= m)) m = Number.isNaN(d) ? Infinity : d;
  }
  return m;
}
