import type { Tensor } from '@tensorflow/tfjs-core';
export interface Teacher {
  readonly inputShape: readonly number[]; // without batch dim, e.g. [64] or [32,32,1] or [40,1]
  readonly outputSize: number;
  readonly kind: 'mlp1d' | 'cnn1d' | 'lstm' | 'cnn2d' | 'imported';
  /** Forward pass with second-order-safe ops. x: [N, ...inputShape] → [N, outputSize]. Weights are constants. */
  apply(x: Tensor): Tensor;
  /** Layers/ops that cannot be differentiated twice (empty = γ-term OK). */
  readonly compatibility: { ok: boolean; problems: string[] };
  dispose(): void;
}
