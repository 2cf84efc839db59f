// Throughput of one backend in the real worker, through the protocol: init (backend forced) → play →
// count the steps in progress events (timed on arrival in the page) → pause. A step here is the
// engine's: the trainer step (graph, gradient, readbacks, Adam) plus what the UI gets — progress
// records every ~125 ms and a snapshot (cascade, one sample's bands, attributions) every ~100 ms.
import type { DataPayload, TeacherArtifacts, WorkerEvent } from '../../src/protocol/messages.ts';
import { WindowMeter } from '../stats.ts';
import type { Workload } from '../workload.ts';
import { measureLatency } from './latency.ts';
import type { Session } from './session.ts';
import type { BrowserBackend, BrowserCaseResult, LatencyResult } from './types.ts';

export interface CaseInput {
  workload: Workload;
  data: Float32Array;
  teacher: TeacherArtifacts;
}

const INIT_MS = 90_000;
/** A backend slower than this gets the windows it finished (and the open one) reported as partial. */
const TIMING_MS = 40_000;
const errText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

const failure = (ev: WorkerEvent): string | null =>
  ev.type === 'error' && (ev.code !== 'bad_command' || !ev.recoverable)
    ? `${ev.code}: ${ev.message}`
    : ev.type === 'state' && (ev.status === 'diverged' || ev.status === 'error')
      ? `status ${ev.status}`
      : null;

/** Runs one workload on the session's worker; `latencyTrials` > 0 adds the slider test while playing. */
export async function runCase(
  s: Session,
  backend: BrowserBackend,
  input: CaseInput,
  latencyTrials: number,
): Promise<{ result: BrowserCaseResult; latency: LatencyResult | null }> {
  const w = input.workload;
  const result: BrowserCaseResult = { workload: w.id, backend, status: 'failed', reason: '' };
  // The engine answers init with ready (first time only), then state + the new model's step-0
  // snapshot, or an error (the previous run's last snapshot, sent after pausing, has step > 0).
  const built = s.next(
    (ev) => (ev.type === 'snapshot' && ev.step === 0) || (ev.type === 'error' && ev.code !== 'bad_command'),
    INIT_MS,
    `model built on ${backend}`,
  );
  const data: DataPayload = { x: input.data, shape: [...w.shape] };
  const t0 = s.send({ type: 'init', config: { ...w.config, backend }, data, teacher: input.teacher });
  let got;
  try {
    got = await built;
  } catch (e) {
    result.error = errText(e);
    return { result, latency: null };
  }
  const ready = s.lastReady;
  result.reason = ready?.reason ?? '(no ready event)';
  if (got.ev.type === 'error') {
    const verifyOnly = ready?.backend === backend && !ready.canTrain;
    result.status = verifyOnly ? 'verify-only' : 'failed';
    result.error = `${got.ev.code}: ${got.ev.message}`;
    return { result, latency: null };
  }
  if (!ready || ready.backend !== backend) {
    result.error = `the worker runs ${ready?.backend ?? 'nothing'}, not ${backend}`;
    return { result, latency: null };
  }
  result.initMs = got.t - t0;

  let snapshots = 0;
  let timingFrom = 0;
  const meter = new WindowMeter(s.send({ type: 'play' }));
  let latency: LatencyResult | null = null;
  try {
    await s.until(
      (ev, t) => {
        if (ev.type === 'snapshot' && timingFrom > 0) snapshots++;
        if (ev.type !== 'progress') return null;
        const wasTiming = meter.timing;
        const done = meter.add(ev.records.length, t);
        if (!wasTiming && meter.timing) timingFrom = t;
        return done ? true : null;
      },
      TIMING_MS,
      `timing ${w.id} on ${backend}`,
      failure,
    );
    const th = meter.result();
    result.throughput = th;
    result.snapshotsPerSecond = (snapshots * 1000) / th.ms;
    result.status = 'measured';
    if (latencyTrials > 0) latency = await measureLatency(s, w.id, backend, latencyTrials);
  } catch (e) {
    const partial = meter.result(performance.now());
    if (partial.steps > 0 && /timed out/.test(errText(e))) {
      result.throughput = partial;
      result.status = 'measured';
      result.error = `partial: ${partial.steps} steps in ${(partial.ms / 1000).toFixed(0)} s (${TIMING_MS / 1000} s cap)`;
    } else result.error = errText(e);
  }
  // Only a training engine answers pause with a state event (a failed one has already stopped).
  const wait = result.status === 'measured' ? 30_000 : 2_000;
  const paused = s.next((ev) => ev.type === 'state' && ev.status !== 'training', wait, 'pause');
  s.send({ type: 'pause' });
  await paused.catch((e: unknown) => {
    if (result.status === 'measured') result.error = [result.error, errText(e)].filter(Boolean).join('; ');
  });
  return { result, latency };
}
