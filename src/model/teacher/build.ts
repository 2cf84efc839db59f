// Seeded teacher architectures as tfjs-layers layer specs + Keras-style initial weights
// (glorot_uniform kernels, zero biases, LSTM forget-gate bias 1), so a built teacher can be trained,
// saved as model.json by teacherToArtifacts and loaded back — by our loader or by tfjs-layers.
import { glorotUniform, mulberry32 } from './rng.ts';
import { buildTeacher } from './teacher.ts';
import type { LayersTeacher, TeacherSource } from './teacher.ts';
import type { Json, LayerSpec } from './topology.ts';
import type { NamedWeight } from './weights.ts';

export interface Mlp1dArch {
  kind: 'mlp1d';
  /** Signal length (input [L]); default 64. */
  inputLength?: number;
  /** Hidden widths; default [32, 32]. */
  hidden?: number[];
  activation?: string;
  outputs?: number;
}
export interface Cnn1dArch {
  kind: 'cnn1d';
  inputLength?: number;
  filters?: number;
  kernelSize?: number;
  dense?: number;
  outputs?: number;
}
export interface LstmArch {
  kind: 'lstm';
  /** Time steps (input [T, 1]); default 40. */
  inputLength?: number;
  units?: number;
  outputs?: number;
}
export interface Cnn2dArch {
  kind: 'cnn2d';
  height?: number;
  width?: number;
  filters?: number;
  outputs?: number;
}
export type TeacherArch = Mlp1dArch | Cnn1dArch | LstmArch | Cnn2dArch;

/** Collects layer specs and their initial weights while walking an architecture. */
class SpecBuilder {
  readonly layers: LayerSpec[] = [];
  readonly weights: NamedWeight[] = [];
  private readonly rnd: () => number;
  constructor(
    seed: number,
    private readonly inputShape: number[],
  ) {
    this.rnd = mulberry32(seed);
  }

  add(className: string, name: string, config: Json): this {
    const first =
      this.layers.length === 0 ? { batch_input_shape: [null, ...this.inputShape], dtype: 'float32' } : {};
    this.layers.push({ className, name, config: { name, trainable: true, ...first, ...config } });
    return this;
  }

  /** glorot_uniform with Keras' fans: receptive field × in/out channels. */
  kernel(layer: string, key: string, shape: number[]): this {
    const receptive = shape.slice(0, -2).reduce((p, d) => p * d, 1);
    const n = shape.reduce((p, d) => p * d, 1);
    const values = glorotUniform(
      this.rnd,
      n,
      receptive * shape[shape.length - 2]!,
      receptive * shape[shape.length - 1]!,
    );
    this.weights.push({ name: `${layer}/${key}`, shape, values });
    return this;
  }

  bias(layer: string, n: number, fill: (i: number) => number = () => 0): this {
    this.weights.push({
      name: `${layer}/bias`,
      shape: [n],
      values: Float32Array.from({ length: n }, (_, i) => fill(i)),
    });
    return this;
  }

  dense(name: string, inDim: number, units: number, activation: string): this {
    return this.add('Dense', name, { units, activation, use_bias: true })
      .kernel(name, 'kernel', [inDim, units])
      .bias(name, units);
  }
}

const conv = (filters: number, kernel: number[], activation: string) => ({
  filters,
  kernel_size: kernel,
  strides: kernel.map(() => 1),
  padding: 'valid',
  data_format: 'channels_last',
  dilation_rate: kernel.map(() => 1),
  activation,
  use_bias: true,
});

/** The layer specs and seeded initial weights of `arch`. */
export function teacherSpec(arch: TeacherArch, seed: number): TeacherSource {
  const out = arch.outputs ?? 1;
  if (!Number.isInteger(seed)) throw new Error(`teacherSpec: seed ${seed} is not an integer`);
  switch (arch.kind) {
    case 'mlp1d': {
      const L = arch.inputLength ?? 64;
      const b = new SpecBuilder(seed, [L]);
      let prev = L;
      (arch.hidden ?? [32, 32]).forEach((h, i) => {
        b.dense(`fc${i + 1}`, prev, h, arch.activation ?? 'relu');
        prev = h;
      });
      b.dense(`fc${(arch.hidden ?? [32, 32]).length + 1}`, prev, out, 'linear');
      return {
        name: `teacher_mlp1d_s${seed}`,
        kind: 'mlp1d',
        inputShape: [L],
        layers: b.layers,
        weights: b.weights,
      };
    }
    case 'cnn1d': {
      const L = arch.inputLength ?? 64;
      const [f, k, d] = [arch.filters ?? 4, arch.kernelSize ?? 5, arch.dense ?? 16];
      const b = new SpecBuilder(seed, [L, 1]);
      b.add('Conv1D', 'conv1', conv(f, [k], 'relu'))
        .kernel('conv1', 'kernel', [k, 1, f])
        .bias('conv1', f);
      const pooled = Math.floor((L - k + 1) / 2);
      b.add('MaxPooling1D', 'pool1', { pool_size: [2], strides: [2], padding: 'valid' });
      b.add('Flatten', 'flatten', {});
      b.dense('fc1', pooled * f, d, 'relu').dense('fc2', d, out, 'linear');
      return {
        name: `teacher_cnn1d_s${seed}`,
        kind: 'cnn1d',
        inputShape: [L, 1],
        layers: b.layers,
        weights: b.weights,
      };
    }
    case 'lstm': {
      const T = arch.inputLength ?? 40;
      const u = arch.units ?? 8;
      const b = new SpecBuilder(seed, [T, 1]);
      b.add('LSTM', 'lstm', {
        units: u,
        activation: 'tanh',
        recurrent_activation: 'sigmoid',
        use_bias: true,
        return_sequences: false,
        unit_forget_bias: true,
      })
        .kernel('lstm', 'kernel', [1, 4 * u])
        .kernel('lstm', 'recurrent_kernel', [u, 4 * u])
        .bias('lstm', 4 * u, (i) => (i >= u && i < 2 * u ? 1 : 0));
      b.dense('fc', u, out, 'linear');
      return {
        name: `teacher_lstm_s${seed}`,
        kind: 'lstm',
        inputShape: [T, 1],
        layers: b.layers,
        weights: b.weights,
      };
    }
    case 'cnn2d': {
      const [H, W, f] = [arch.height ?? 32, arch.width ?? 32, arch.filters ?? 4];
      const b = new SpecBuilder(seed, [H, W, 1]);
      b.add('Conv2D', 'conv1', conv(f, [3, 3], 'relu'))
        .kernel('conv1', 'kernel', [3, 3, 1, f])
        .bias('conv1', f);
      b.add('Flatten', 'flatten', {});
      b.dense('fc', (H - 2) * (W - 2) * f, out, 'linear');
      return {
        name: `teacher_cnn2d_s${seed}`,
        kind: 'cnn2d',
        inputShape: [H, W, 1],
        layers: b.layers,
        weights: b.weights,
      };
    }
  }
}

/** An untrained seeded teacher (constant weights). */
export function buildSeededTeacher(arch: TeacherArch, seed: number): LayersTeacher {
  return buildTeacher(teacherSpec(arch, seed));
}
