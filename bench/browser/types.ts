// What the benchmark page is asked to do and what it answers (plain data: it crosses page.evaluate).
import type { Spread, Throughput } from '../stats.ts';
import type { BenchResult } from '../wavedec2.ts';
import type { WorkloadId } from '../workload.ts';

export type BrowserBackend = 'wasm' | 'webgl' | 'cpu' | 'webgpu';

export interface PagePlan {
  wavedec2: boolean;
  backends: BrowserBackend[];
  workloads: WorkloadId[];
  /** Slider-latency trials, run on this backend after its throughput windows (0 = none). */
  latencyBackend: BrowserBackend | null;
  latencyTrials: number;
}

export interface BrowserCaseResult {
  workload: WorkloadId;
  backend: BrowserBackend;
  /** measured; verify-only (the worker can run the reference checks on it but not train); failed. */
  status: 'measured' | 'verify-only' | 'failed';
  /** The worker's backend report (ready.reason) and anything that went wrong. */
  reason: string;
  error?: string;
  throughput?: Throughput;
  /** Snapshot events per second while timing (the UI's refresh rate). */
  snapshotsPerSecond?: number;
  /** init sent → model built and first snapshot (backend choice, teacher gradients, selectors), ms. */
  initMs?: number;
}

export interface LatencyResult {
  workload: WorkloadId;
  backend: BrowserBackend;
  trials: number;
  /** setWeights sent → first progress event whose records carry the new γ, ms. */
  progress: Spread;
  /** setWeights sent → first snapshot of a step taken with the new γ, ms. */
  snapshot: Spread;
  error?: string;
}

export interface PageResult {
  userAgent: string;
  hardwareConcurrency: number;
  wavedec2?: BenchResult;
  training: BrowserCaseResult[];
  latency: LatencyResult[];
}
