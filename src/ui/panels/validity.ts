// "Is it still a wavelet?": the five validity penalties of the current h0 (core, float64, awave's
// definitions) and the reconstruction error, each as a 0…1 badness on a log scale for a <meter>.
import { validityPenalties } from '../../core/filterQuality.ts';

export interface Meter {
  key: string;
  label: string;
  value: number;
  /** 0 = exact (≤ 1e-8), 1 = far off (≥ 1); log-linear in between. */
  badness: number;
}

/** Below this every condition holds to display precision: the filter is (numerically) a wavelet. */
export const VALID_TOL = 1e-3;

export function badness(v: number): number {
  if (!(v > 1e-8)) return 0;
  return Math.min(1, (Math.log10(v) + 8) / 8);
}

export function validityMeters(h0: ArrayLike<number>, rec: number | null): Meter[] {
  const p = validityPenalties(h0);
  const rows: [string, string, number][] = [
    ['lsum', 'Σh0 = √2', p.lsum.penalty],
    ['hsum', 'Σg = 0', p.hsum.penalty],
    ['l2norm', '‖h0‖ = 1', p.l2norm.penalty],
    ['cmf', '|H(ω)|² + |H(ω+π)|² = 2', p.cmf.penalty],
    ['conv', 'orthogonal to even shifts', p.conv.penalty],
  ];
  if (rec !== null) rows.push(['rec', 'reconstruction error', rec]);
  return rows.map(([key, label, value]) => ({ key, label, value, badness: badness(value) }));
}

export function isWavelet(meters: readonly Meter[]): boolean {
  return meters.filter((m) => m.key !== 'rec').every((m) => m.value < VALID_TOL);
}
