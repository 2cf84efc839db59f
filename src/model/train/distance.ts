// awave's dist(ψ_a, ψ_b): ψ by the cascade of each filter's custom bank (level 5, as awave), then the
// smallest L2 distance over circular shifts and the flip. The float64 core owns the maths; O(L²) in
// ψ's length (≈ 300 samples for K = 10, about a millisecond), so the trainer runs it every few steps.
import { waveletDist } from '../../core/filterQuality.ts';

export function waveletDistance(h0a: ArrayLike<number>, h0b: ArrayLike<number>): number {
  return waveletDist(h0a, h0b);
}
