// Slider latency while training: send setWeights {gamma} (what the γ slider does) and time, on arrival
// in the page, (a) the first progress event whose records show the new γ in effect, and (b) the first
// snapshot of a step taken with it (snapshots carry no γ: a snapshot of step ≥ the first new-γ record's
// step). Each trial uses a distinct γ, and trials start at staggered offsets so they do not lock onto
// the worker's 125 ms progress / 100 ms snapshot rhythm.
import type { SnapshotEvent } from '../../src/protocol/messages.ts';
import { spread } from '../stats.ts';
import type { WorkloadId } from '../workload.ts';
import { sleep, type Session } from './session.ts';
import type { BrowserBackend, LatencyResult } from './types.ts';

const TRIAL_MS = 5_000;

async function trial(s: Session, gamma: number): Promise<{ progress: number; snapshot: number }> {
  const snaps: { step: number; t: number }[] = [];
  let firstStep = -1;
  let progressAt = -1;
  let t0 = 0;
  const done = s.until(
    (ev, t) => {
      if (ev.type === 'snapshot') snaps.push({ step: (ev as SnapshotEvent).step, t });
      if (ev.type === 'progress' && progressAt < 0) {
        const r = ev.records.find((x) => x.gamma === gamma);
        if (r) {
          firstStep = r.step;
          progressAt = t;
        }
      }
      if (progressAt < 0) return null;
      const snap = snaps.find((x) => x.step >= firstStep);
      return snap ? { progress: progressAt - t0, snapshot: snap.t - t0 } : null;
    },
    TRIAL_MS,
    `γ = ${gamma} taking effect`,
    (ev) => (ev.type === 'error' ? `${ev.code}: ${ev.message}` : null),
  );
  t0 = s.send({ type: 'setWeights', gamma });
  return done;
}

export async function measureLatency(
  s: Session,
  workload: WorkloadId,
  backend: BrowserBackend,
  trials: number,
): Promise<LatencyResult> {
  const progress: number[] = [];
  const snapshot: number[] = [];
  let error: string | undefined;
  for (let i = 0; i < trials; i++) {
    await sleep(150 + ((i * 53) % 170)); // staggered phase
    try {
      const r = await trial(s, 1 + (i + 1) / 64); // distinct, exactly representable γ values
      progress.push(r.progress);
      snapshot.push(r.snapshot);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
      break;
    }
  }
  // Leave γ as the workload defines it.
  s.send({ type: 'setWeights', gamma: 1 });
  const out: LatencyResult = {
    workload,
    backend,
    trials: progress.length,
    progress: spread(progress),
    snapshot: spread(snapshot),
  };
  if (error !== undefined) out.error = error;
  return out;
}
