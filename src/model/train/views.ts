// Host-side views of a run's state for display (no tensors).
import type { TransformPlan } from '../transform/plan.ts';

/** awave's highpass g[k] = (−1)^k h0[K−1−k]. */
export function highpassOf(h0: ArrayLike<number>): Float64Array {
  const K = h0.length;
  return Float64Array.from({ length: K }, (_, k) => (k % 2 === 0 ? 1 : -1) * h0[K - 1 - k]!);
}

/**
 * Groups one sample's bands (pywt order, each flat) per scale: 1-D bands stay as they are; 2-D detail
 * triples (cH, cV, cD) of a level are concatenated into one [3, h, w] block (awave's layout).
 */
export function perScale(
  plan: TransformPlan,
  bands: readonly Float32Array[],
): { values: Float32Array[]; shapes: number[][] } {
  if (plan.dims === 1)
    return { values: bands.map((b) => b.slice()), shapes: plan.bandShapes.map((s) => [...s]) };
  const values: Float32Array[] = [bands[0]!.slice()];
  const shapes: number[][] = [[...plan.bandShapes[0]!]];
  for (let i = 1; i < bands.length; i += 3) {
    const [h, w] = plan.bandShapes[i]!;
    const block = new Float32Array(3 * h! * w!);
    for (let b = 0; b < 3; b++) block.set(bands[i + b]!, b * h! * w!);
    values.push(block);
    shapes.push([3, h!, w!]);
  }
  return { values, shapes };
}
