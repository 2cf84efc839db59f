// The differentiable engine (tfjs-core only): transform, AWD loss, TRIM attributions, trainer.
export * from './transform/index.ts';
export * from './attribution/index.ts';
export * from './loss/index.ts';
export * from './train/index.ts';
