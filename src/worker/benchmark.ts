// The representative AWD step timed by backend choice: the shape of the reference 1-D problem (an MLP
// teacher Dense32-relu → Dense32-relu → Dense1 on length-64 signals, db5, second-order γ term), with
// seeded random weights so start-up needs no files. Small on purpose: the whole choice is ~1.5 s.
import { DEFAULT_CONFIG, type AwdConfig } from '../protocol/config.ts';
import type { TeacherArtifacts } from '../protocol/messages.ts';
import type { TeacherLike, TrainerLike } from './types.ts';

const L = 64;
const N = 32;
const UNITS = [32, 32, 1];

/** Small LCG (Numerical Recipes constants) → uniform in [−a, a]; reproducible across runs. */
function uniform(seed: number, a: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s / 2 ** 32) * 2 * a - a;
  };
}

/** A TF.js Layers model.json + weights for the synthetic MLP teacher. */
export function syntheticTeacher(seed = 7): TeacherArtifacts {
  const layers: object[] = [];
  const weights: { name: string; shape: number[]; dtype: 'float32' }[] = [];
  const values: number[] = [];
  const rnd = uniform(seed, 1);
  let fanIn = L;
  UNITS.forEach((units, i) => {
    const name = `fc${i + 1}`;
    const config: Record<string, unknown> = {
      units,
      activation: i < UNITS.length - 1 ? 'relu' : 'linear',
      use_bias: true,
      name,
      trainable: true,
      dtype: 'float32',
    };
    if (i === 0) config['batch_input_shape'] = [null, L];
    layers.push({ class_name: 'Dense', config });
    weights.push({ name: `${name}/kernel`, shape: [fanIn, units], dtype: 'float32' });
    weights.push({ name: `${name}/bias`, shape: [units], dtype: 'float32' });
    const scale = Math.sqrt(6 / (fanIn + units)); // Glorot-uniform range
    for (let k = 0; k < fanIn * units; k++) values.push(rnd() * scale);
    for (let k = 0; k < units; k++) values.push(0);
    fanIn = units;
  });
  const modelJson = {
    modelTopology: {
      class_name: 'Sequential',
      config: { name: 'benchmark_mlp', layers },
      keras_version: 'tfjs-layers 4.22.0',
      backend: 'tensor_flow.js',
    },
    format: 'layers-model',
    weightsManifest: [{ paths: ['benchmark_mlp.weights.bin'], weights }],
  };
  return { modelJson, weightData: [new Float32Array(values).buffer] };
}

export function syntheticSignals(seed = 11): Float32Array {
  const rnd = uniform(seed, 1);
  const x = new Float32Array(N * L);
  for (let i = 0; i < N; i++)
    for (let t = 0; t < L; t++) x[i * L + t] = Math.sin((2 * Math.PI * ((i % 5) + 1) * t) / L) + 0.3 * rnd();
  return x;
}

export interface ProbeDeps<T extends TeacherLike> {
  /** May switch to the host backend for the teacher's second-order probe (see EngineDeps.onHost). */
  loadTeacher(a: TeacherArtifacts): T | Promise<T>;
  createTrainer(opts: {
    x: Float32Array;
    shape: number[];
    teacher: T | null;
    config: AwdConfig;
  }): TrainerLike;
  now(): number;
}

/**
 * ms per step on the active backend, the way the engine steps (asynchronous reads): one untimed warm-up
 * step (kernel/shader compilation), then timed steps until the budget is spent (at least 1, at most
 * 8); the median is returned.
 */
export async function probeAwdStep<T extends TeacherLike>(
  d: ProbeDeps<T>,
  budgetMs: number,
): Promise<number> {
  const teacher = await d.loadTeacher(syntheticTeacher());
  let trainer: TrainerLike | null = null;
  try {
    const config: AwdConfig = {
      ...DEFAULT_CONFIG,
      weights: { ...DEFAULT_CONFIG.weights },
      level: 3,
      batchSize: 0,
      noise: 0.05,
    };
    trainer = d.createTrainer({ x: syntheticSignals(), shape: [N, L], teacher, config });
    const start = d.now();
    await trainer.stepAsync();
    const times: number[] = [];
    while (times.length === 0 || (times.length < 8 && d.now() - start < budgetMs)) {
      const t0 = d.now();
      const r = await trainer.stepAsync();
      if (!Number.isFinite(r.total)) throw new Error(`non-finite loss ${r.total}`);
      times.push(d.now() - t0);
    }
    times.sort((a, b) => a - b);
    return times[Math.floor(times.length / 2)]!;
  } finally {
    trainer?.dispose();
    teacher.dispose();
  }
}
