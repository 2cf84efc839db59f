// The run configuration as the lab starts it. The protocol's DEFAULT_CONFIG is the CLI's (3 epochs, as
// awave's scripts); the lab trains until paused (epochs 0) with a larger step so that a first visitor
// sees the filter move within seconds. Every value can still be changed from the controls or the URL.
import { DEFAULT_CONFIG, type AwdConfig } from '../../protocol/config.ts';
import type { ConfigSlice } from './types.ts';

export const LAB_DEFAULT_CONFIG: Readonly<AwdConfig> = Object.freeze({
  ...DEFAULT_CONFIG,
  weights: { ...DEFAULT_CONFIG.weights },
  epochs: 0,
  lr: 0.003,
  batchSize: 64,
});

/** The built-in dataset a first visit opens on. */
export const DEMO_DATASET_ID = 'builtin:simulation-db5';

export function initialConfigSlice(): ConfigSlice {
  return {
    config: { ...LAB_DEFAULT_CONFIG, weights: { ...LAB_DEFAULT_CONFIG.weights } },
    datasetId: DEMO_DATASET_ID,
  };
}

/** The config after a patch; nested weights are merged, never shared with the previous object. */
export function mergeConfig(config: AwdConfig, patch: Partial<AwdConfig>): AwdConfig {
  return { ...config, ...patch, weights: { ...config.weights, ...(patch.weights ?? {}) } };
}
