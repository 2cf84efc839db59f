// The two AWD training workloads of the benchmark (issue: awave/torch does ≈28 and ≈6 steps/s on these
// 2-core machines; the target is 2×). Browser-safe: the Node runner and the Chromium page share it.
// Teachers are seeded and UNTRAINED — speed does not depend on the weights' values.
import { DEFAULT_CONFIG, type AwdConfig } from '../src/protocol/config.ts';
import type { TeacherArch } from '../src/model/teacher/index.ts';

export type WorkloadId = '1d' | '2d';

export interface Workload {
  id: WorkloadId;
  title: string;
  /** [N, L] or [N, H, W]. */
  shape: number[];
  arch: TeacherArch;
  teacherSeed: number;
  config: AwdConfig;
  /** awave (PyTorch) steps/s on the same kind of machine, and the target (2×). */
  awaveStepsPerSecond: number;
  targetStepsPerSecond: number;
}

const base = (patch: Partial<AwdConfig>): AwdConfig => ({
  ...DEFAULT_CONFIG,
  weights: { ...DEFAULT_CONFIG.weights },
  wavelet: 'db5',
  mode: 'zero',
  attribution: 'saliency',
  lambda: 0.1,
  gamma: 1,
  target: 0,
  // Train until paused (0 = no epoch limit), and no backend choice: each run names its backend.
  epochs: 0,
  ...patch,
});

export const WORKLOADS: Record<WorkloadId, Workload> = {
  '1d': {
    id: '1d',
    title: '1-D: N=2000, L=64, J=4, MLP 64-32-32-1, batch 100, saliency, λ=0.1, γ=1, db5, zero',
    shape: [2000, 64],
    arch: { kind: 'mlp1d', inputLength: 64, hidden: [32, 32], outputs: 1 },
    teacherSeed: 11,
    config: base({ level: 4, batchSize: 100 }),
    awaveStepsPerSecond: 28,
    targetStepsPerSecond: 56,
  },
  '2d': {
    id: '2d',
    title: '2-D: N=200 maps 64×64, J=3, CNN Conv2D 4@3×3-relu → Dense 2, batch 50, saliency, target 0',
    shape: [200, 64, 64],
    arch: { kind: 'cnn2d', height: 64, width: 64, filters: 4, outputs: 2 },
    teacherSeed: 12,
    config: base({ level: 3, batchSize: 50 }),
    awaveStepsPerSecond: 6,
    targetStepsPerSecond: 12,
  },
};

/** Deterministic LCG in [−0.5, 0.5) (no Math.random: every run trains on the same data). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  };
}

/** Signals with structure a wavelet can compress: 1-D tones, 2-D blobs, plus a little noise. */
export function workloadData(w: Workload): Float32Array {
  const rnd = lcg(w.id === '1d' ? 101 : 202);
  const [N, ...sig] = w.shape as [number, ...number[]];
  const size = sig.reduce((p, d) => p * d, 1);
  const x = new Float32Array(N * size);
  for (let n = 0; n < N; n++) {
    const o = n * size;
    if (sig.length === 1) {
      const L = sig[0]!;
      const f = 1 + (n % 7);
      const ph = rnd() * 6;
      for (let t = 0; t < L; t++) x[o + t] = Math.sin((2 * Math.PI * f * t) / L + ph) + 0.2 * rnd();
    } else {
      const [H, W] = sig as [number, number];
      const cy = (0.5 + rnd()) * H;
      const cx = (0.5 + rnd()) * W;
      const r2 = (4 + 8 * (rnd() + 0.5)) ** 2;
      for (let i = 0; i < H; i++)
        for (let j = 0; j < W; j++)
          x[o + i * W + j] = Math.exp(-((i - cy) ** 2 + (j - cx) ** 2) / r2) + 0.1 * rnd();
    }
  }
  return x;
}
