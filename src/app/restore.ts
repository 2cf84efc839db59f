// Continuing a saved session (a reload, or an imported session file): the lab state it implies.
import { wavefunH0 } from '../core/wavefun.ts';
import type { SessionExport } from './export/session.ts';
import type { LabState } from './store/types.ts';

/** Lab state continuing a saved session: its curves and filter history, steps counted on from its last. */
export function restoredState(s: LabState, sess: SessionExport): Partial<LabState> {
  const last = sess.h0History.at(-1);
  const initialH0 = sess.initialH0 ?? sess.h0History[0]?.h0 ?? null;
  return {
    config: sess.config,
    results: {
      snapshot: null,
      initialH0,
      initialWavefun: initialH0 ? cascade(initialH0) : null,
      h0History: sess.h0History,
      distance: sess.distance,
    },
    // The worker counts from 0 again: its steps continue after the last one the session recorded.
    training: {
      ...s.training,
      records: sess.records,
      step: sess.step,
      epoch: 0,
      error: null,
      stepOffset: Math.max(sess.step, sess.records.at(-1)?.step ?? 0, last?.step ?? 0),
    },
  };
}

/** φ/ψ of a filter as the worker's snapshots show them (cascade level 7); null if it does not converge. */
function cascade(h0: number[]): { x: Float32Array; phi: Float32Array; psi: Float32Array } | null {
  try {
    const w = wavefunH0(h0, 7);
    return { x: Float32Array.from(w.x), phi: Float32Array.from(w.phi), psi: Float32Array.from(w.psi) };
  } catch {
    return null;
  }
}
