// awave's dist(ψ_a, ψ_b): ψ by the cascade of each filter's custom bank, then the smallest L2 distance
// over circular shifts and the flip. The float64 core owns the maths; this only adapts the call.
import { waveletDist } from '../../core/index.ts';

export function waveletDistance(h0a: ArrayLike<number>, h0b: ArrayLike<number>): number {
  return waveletDist(Float64Array.from(h0a), Float64Array.from(h0b));
}
