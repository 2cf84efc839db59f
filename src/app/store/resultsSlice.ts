// What the latest snapshot shows plus the history the lab derives from snapshots: the initial filter
// (the first snapshot of a run), h0 over time (for the session export) and awave's `dist` to the
// initial wavelet (shift/flip-invariant L2 between the ψ cascades).
import { waveletDist } from '../../core/filterQuality.ts';
import type { SnapshotEvent } from '../../protocol/messages.ts';
import type { H0Point, ResultsSlice } from './types.ts';

export const MAX_HISTORY = 2000;

export function initialResultsSlice(): ResultsSlice {
  return { results: { snapshot: null, initialH0: null, initialWavefun: null, h0History: [], distance: [] } };
}

function thin<T>(a: T[], cap: number): T[] {
  return a.length > cap ? a.filter((_, i) => i % 2 === 0 || i === a.length - 1) : a;
}

function safeDist(a: ArrayLike<number>, b: ArrayLike<number>): number {
  try {
    return waveletDist(a, b);
  } catch {
    return NaN; // a diverging filter's cascade is display-only: show a gap, not a crash
  }
}

/** Results after a snapshot. Step 0 (a fresh run) sets the initial filter and clears the history. */
export function applySnapshot(r: ResultsSlice['results'], s: SnapshotEvent): ResultsSlice['results'] {
  const h0 = Array.from(s.h0);
  const fresh = r.initialH0 === null || s.step === 0 || (r.h0History.at(-1)?.step ?? -1) > s.step;
  if (fresh) {
    return {
      snapshot: s,
      initialH0: h0,
      initialWavefun: { x: s.wavefunX.slice(), phi: s.phi.slice(), psi: s.psi.slice() },
      h0History: [{ step: s.step, h0 }],
      distance: [{ step: s.step, value: 0 }],
    };
  }
  const last = r.h0History.at(-1);
  if (last && last.step === s.step) return { ...r, snapshot: s }; // same filter, e.g. another sample
  const point: H0Point = { step: s.step, h0 };
  return {
    ...r,
    snapshot: s,
    h0History: thin([...r.h0History, point], MAX_HISTORY),
    distance: thin([...r.distance, { step: s.step, value: safeDist(h0, r.initialH0!) }], MAX_HISTORY),
  };
}
