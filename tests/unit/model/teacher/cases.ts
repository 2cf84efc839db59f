// Tiny seeded tfjs-layers models, one per supported layer configuration and activation, exported
// as model.json-style artifacts. Each wraps the layer under test as
// [layer, Dense(3, tanh), Flatten (rank > 2 only), Dense(2)] so that second derivatives w.r.t. the input are
// non-zero and pass back through the layer's own gradient.
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';
import { mulberry32 } from '../../../../src/model/teacher/rng.ts';

export interface LayerCase {
  name: string;
  inputShape: number[];
  layer: () => tfl.layers.Layer;
  /** Why tfjs-layers' own input gradient cannot serve as the reference (finite differences do). */
  refGradBroken?: string;
}

type L = typeof tfl.layers;
const c = (
  name: string,
  inputShape: number[],
  layer: (l: L) => tfl.layers.Layer,
  refGradBroken?: string,
): LayerCase => ({
  name,
  inputShape,
  layer: () => layer(tfl.layers),
  ...(refGradBroken ? { refGradBroken } : {}),
});
const NO_DILATED_GRAD = 'tfjs conv2d gradients refuse dilation > 1';
const AVG_SAME_GRAD =
  'tfjs avgPool(same) gradient disagrees with its own forward (finite differences side with ours)';

export const ACTIVATIONS = [
  'linear',
  'relu',
  'relu6',
  'tanh',
  'sigmoid',
  'hardSigmoid',
  'elu',
  'selu',
  'softplus',
  'softsign',
  'softmax',
  'logSoftmax',
  'swish',
  'mish',
  'gelu',
  'gelu_new',
] as const;

export const ACTIVATION_CASES: LayerCase[] = ACTIVATIONS.map((a) =>
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  c(`Dense/${a}`, [6], (l) => l.dense({ units: 4, activation: a as any })),
);

export const LAYER_CASES: LayerCase[] = [
  c('Conv1D valid', [12, 2], (l) => l.conv1d({ filters: 3, kernelSize: 3 })),
  c('Conv1D same stride 2', [12, 2], (l) =>
    l.conv1d({ filters: 3, kernelSize: 4, strides: 2, padding: 'same', activation: 'tanh' }),
  ),
  // tfjs-layers infers a causal conv's output length as if 'valid' (Keras: same length), so causal
  // padding is checked against an explicit left pad in topology.test.ts instead.
  c(
    'Conv1D dilation 2',
    [12, 2],
    (l) => l.conv1d({ filters: 2, kernelSize: 3, dilationRate: 2 }),
    NO_DILATED_GRAD,
  ),
  c('Conv2D valid', [7, 7, 2], (l) => l.conv2d({ filters: 3, kernelSize: 3, activation: 'elu' })),
  c('Conv2D same stride 2', [7, 7, 2], (l) =>
    l.conv2d({ filters: 2, kernelSize: [3, 2], strides: 2, padding: 'same' }),
  ),
  c(
    'Conv2D dilation 2',
    [7, 7, 1],
    (l) => l.conv2d({ filters: 2, kernelSize: 2, dilationRate: 2, padding: 'same', useBias: false }),
    NO_DILATED_GRAD,
  ),
  c('MaxPooling1D', [9, 2], (l) => l.maxPooling1d({ poolSize: 2 })),
  c('MaxPooling1D same 3/2', [9, 2], (l) => l.maxPooling1d({ poolSize: 3, strides: 2, padding: 'same' })),
  c('MaxPooling2D', [7, 7, 2], (l) => l.maxPooling2d({ poolSize: 2 })),
  c('MaxPooling2D same 3/2', [7, 6, 2], (l) => l.maxPooling2d({ poolSize: 3, strides: 2, padding: 'same' })),
  c('AveragePooling1D', [9, 2], (l) => l.averagePooling1d({ poolSize: 3 })),
  c(
    'AveragePooling1D same 3/2',
    [9, 2],
    (l) => l.averagePooling1d({ poolSize: 3, strides: 2, padding: 'same' }),
    AVG_SAME_GRAD,
  ),
  c('AveragePooling2D', [6, 6, 2], (l) => l.averagePooling2d({ poolSize: 2 })),
  c(
    'AveragePooling2D same 3/2',
    [7, 6, 2],
    (l) => l.averagePooling2d({ poolSize: 3, strides: [2, 1], padding: 'same' }),
    AVG_SAME_GRAD,
  ),
  c('GlobalAveragePooling1D', [8, 3], (l) => l.globalAveragePooling1d({})),
  c('GlobalAveragePooling2D', [5, 5, 3], (l) => l.globalAveragePooling2d({})),
  c('GlobalMaxPooling1D', [8, 3], (l) => l.globalMaxPooling1d({})),
  c('GlobalMaxPooling2D', [5, 5, 3], (l) => l.globalMaxPooling2d({})),
  c('Flatten', [3, 4, 2], (l) => l.flatten({})),
  c('Reshape', [12], (l) => l.reshape({ targetShape: [3, 4] })),
  c('Permute', [3, 4], (l) => l.permute({ dims: [2, 1] })),
  c('ZeroPadding2D', [4, 4, 2], (l) =>
    l.zeroPadding2d({
      padding: [
        [1, 0],
        [0, 2],
      ],
    }),
  ),
  c('Cropping2D', [6, 6, 2], (l) =>
    l.cropping2D({
      cropping: [
        [1, 0],
        [2, 1],
      ],
    }),
  ),
  c('Dropout', [6], (l) => l.dropout({ rate: 0.5 })),
  c('BatchNormalization', [6], (l) => l.batchNormalization({})),
  c('BatchNormalization 2D', [4, 4, 2], (l) => l.batchNormalization({ epsilon: 0.01 })),
  c('LayerNormalization', [6], (l) => l.layerNormalization({})),
  c('LSTM', [5, 2], (l) => l.lstm({ units: 3, recurrentActivation: 'sigmoid' })),
  c('LSTM hard_sigmoid sequences', [5, 2], (l) => l.lstm({ units: 3, returnSequences: true })),
  c('LSTM backwards', [5, 2], (l) => l.lstm({ units: 2, goBackwards: true, recurrentActivation: 'sigmoid' })),
  c('GRU', [5, 2], (l) => l.gru({ units: 3, recurrentActivation: 'sigmoid' })),
  c('GRU hard_sigmoid sequences', [5, 2], (l) => l.gru({ units: 3, returnSequences: true })),
  c('SimpleRNN', [5, 2], (l) => l.simpleRNN({ units: 3 })),
  c('Activation', [6], (l) => l.activation({ activation: 'tanh' })),
  c('LeakyReLU', [6], (l) => l.leakyReLU({ alpha: 0.2 })),
  c('ELU', [6], (l) => l.elu({})), // tfjs-layers only takes alpha = 1; other alphas: topology.test.ts
  c('ReLU max 0.5', [6], (l) => l.reLU({ maxValue: 0.5 })),
  c('PReLU', [6], (l) => l.prelu({})),
  c('Softmax', [6], (l) => l.softmax({})),
];

/** Seeded weights: uniform ±0.8, positive variances for batch norm, non-zero PReLU slopes. */
function randomize(model: tfl.LayersModel, seed: number): void {
  const rnd = mulberry32(seed);
  const ws = model.weights.map((w) => {
    const shape = w.shape as number[];
    const n = shape.reduce((p, d) => p * d, 1);
    const pos = /variance/.test(w.name);
    const vals = Float32Array.from({ length: n }, () => (pos ? 0.3 + rnd() : 1.6 * rnd() - 0.8));
    return tf.tensor(vals, shape);
  });
  model.setWeights(ws);
  tf.dispose(ws);
}

export function buildCaseModel(k: LayerCase, seed: number): tfl.LayersModel {
  const m = tfl.sequential();
  const first = k.layer();
  m.add(tfl.layers.inputLayer({ inputShape: k.inputShape }));
  m.add(first);
  m.add(tfl.layers.dense({ units: 3, activation: 'tanh' }));
  if (m.outputs[0]!.shape.length > 2) m.add(tfl.layers.flatten());
  m.add(tfl.layers.dense({ units: 2 }));
  randomize(m, seed);
  return m;
}

export interface MemoryArtifacts {
  modelJson: Record<string, unknown>;
  weightData: ArrayBuffer;
}

/** What tfjs-layers would write as model.json + one weights file. */
export async function toArtifacts(model: tfl.LayersModel): Promise<MemoryArtifacts> {
  let out: MemoryArtifacts | null = null;
  await model.save(
    tf.io.withSaveHandler(async (a) => {
      out = {
        modelJson: {
          modelTopology: a.modelTopology,
          format: 'layers-model',
          weightsManifest: [{ paths: ['w.bin'], weights: a.weightSpecs }],
        },
        weightData: a.weightData as ArrayBuffer,
      };
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    }),
  );
  return out!;
}

export function seededInput(shape: number[], seed: number, scale = 1): tf.Tensor {
  const rnd = mulberry32(seed);
  const n = shape.reduce((p, d) => p * d, 1);
  return tf.tensor(
    Float32Array.from({ length: n }, () => scale * (2 * rnd() - 1)),
    shape,
  );
}
