export type { BoundTransform, NativeOps, TransformPlan } from './plan.ts';
export { plan1d } from './dwt1d.ts';
export { plan2d } from './dwt2d.ts';
export { axisSelectors, bankOfH0, clearSelectorCache, levelMatrices } from './selectors.ts';
export type { AxisSelectors, LevelMatrices } from './selectors.ts';
export { createPlan } from './createPlan.ts';
export { ensureFastWasmKernels } from './wasmKernels.ts';
