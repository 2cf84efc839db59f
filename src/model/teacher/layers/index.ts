// Layer class name (tfjs-layers and Keras spellings) → second-order-safe builder.
import {
  activationLayer,
  eluLayer,
  leakyReluLayer,
  preluLayer,
  reluLayer,
  softmaxLayer,
} from './activationLayers.ts';
import { conv1d, conv2d } from './conv.ts';
import { dense } from './dense.ts';
import { batchNormalization, layerNormalization } from './norm.ts';
import {
  averagePooling1d,
  averagePooling2d,
  globalAveragePooling1d,
  globalAveragePooling2d,
  globalMaxPooling1d,
  globalMaxPooling2d,
  maxPooling1d,
  maxPooling2d,
} from './pooling.ts';
import { gru, lstm, simpleRnn } from './recurrent.ts';
import {
  cropping1d,
  cropping2d,
  flattenLayer,
  identity,
  permuteLayer,
  reshapeLayer,
  zeroPadding1d,
  zeroPadding2d,
} from './shape.ts';
import type { LayerBuilder } from './types.ts';

export const LAYER_BUILDERS: Readonly<Record<string, LayerBuilder>> = {
  Dense: dense,
  Conv1D: conv1d,
  Convolution1D: conv1d,
  Conv2D: conv2d,
  Convolution2D: conv2d,
  MaxPooling1D: maxPooling1d,
  MaxPool1D: maxPooling1d,
  MaxPooling2D: maxPooling2d,
  MaxPool2D: maxPooling2d,
  AveragePooling1D: averagePooling1d,
  AvgPool1D: averagePooling1d,
  AveragePooling2D: averagePooling2d,
  AvgPool2D: averagePooling2d,
  GlobalAveragePooling1D: globalAveragePooling1d,
  GlobalAvgPool1D: globalAveragePooling1d,
  GlobalAveragePooling2D: globalAveragePooling2d,
  GlobalAvgPool2D: globalAveragePooling2d,
  GlobalMaxPooling1D: globalMaxPooling1d,
  GlobalMaxPool1D: globalMaxPooling1d,
  GlobalMaxPooling2D: globalMaxPooling2d,
  GlobalMaxPool2D: globalMaxPooling2d,
  Flatten: flattenLayer,
  Reshape: reshapeLayer,
  Permute: permuteLayer,
  ZeroPadding1D: zeroPadding1d,
  ZeroPadding2D: zeroPadding2d,
  Cropping1D: cropping1d,
  Cropping2D: cropping2d,
  Dropout: identity,
  SpatialDropout1D: identity,
  SpatialDropout2D: identity,
  GaussianNoise: identity,
  GaussianDropout: identity,
  AlphaDropout: identity,
  ActivityRegularization: identity,
  BatchNormalization: batchNormalization,
  LayerNormalization: layerNormalization,
  LSTM: lstm,
  GRU: gru,
  SimpleRNN: simpleRnn,
  Activation: activationLayer,
  ReLU: reluLayer,
  LeakyReLU: leakyReluLayer,
  ELU: eluLayer,
  PReLU: preluLayer,
  Softmax: softmaxLayer,
};

export const SUPPORTED_LAYERS: readonly string[] = Object.keys(LAYER_BUILDERS);
