// The whole session as one JSON file (config, h0 history, loss history, metrics) and its re-import.
// Data and teacher weights are not in it (they can be large and private); re-importing restores the
// run's settings, curves and filter, and continues training from the last filter on the current data.
import { validateConfig, type AwdConfig } from '../../protocol/config.ts';
import { TERM_NAMES, type ProgressRecord } from '../../protocol/messages.ts';
import type { H0Point, LabState } from '../store/types.ts';

export interface SessionExport {
  format: 'awd-lab-session';
  version: 1;
  savedAt: string;
  config: AwdConfig;
  dataset: { id: string; name: string; shape: number[] } | null;
  teacher: { source: string | null; metric: { name: string; value: number } | null; verdict: string | null };
  initialH0: number[] | null;
  h0History: H0Point[];
  records: ProgressRecord[];
  distance: { step: number; value: number }[];
  step: number;
}

export function sessionExport(s: LabState, now = new Date()): SessionExport {
  const d = s.datasets.find((x) => x.id === s.activeId) ?? null;
  return {
    format: 'awd-lab-session',
    version: 1,
    savedAt: now.toISOString(),
    config: s.config,
    dataset: d ? { id: d.id, name: d.name, shape: d.shape } : null,
    teacher: {
      source: s.teacher.source,
      metric: s.teacher.metric,
      verdict: s.teacher.verdict?.summary ?? null,
    },
    initialH0: s.results.initialH0,
    h0History: s.results.h0History,
    records: s.training.records,
    distance: s.results.distance.map((p) => ({
      step: p.step,
      value: Number.isFinite(p.value) ? p.value : -1,
    })),
    step: s.training.step,
  };
}

const isNums = (a: unknown): a is number[] =>
  Array.isArray(a) && a.every((v) => typeof v === 'number' && Number.isFinite(v));

/** Parses and checks a session file; throws an Error whose message names the first problem. */
export function parseSession(text: string): SessionExport {
  let o: unknown;
  try {
    o = JSON.parse(text);
  } catch (e) {
    throw new Error(`session: not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  const s = o as Partial<SessionExport>;
  if (!s || typeof s !== 'object' || s.format !== 'awd-lab-session')
    throw new Error('session: not an AWD Lab session file (format ≠ "awd-lab-session")');
  if (s.version !== 1) throw new Error(`session: unsupported version ${String(s.version)}`);
  const c = validateConfig(s.config ?? null);
  if (!c.ok) throw new Error(`session: ${c.errors[0]}`);
  if (!Array.isArray(s.h0History) || !s.h0History.every((p) => typeof p?.step === 'number' && isNums(p.h0)))
    throw new Error('session: h0History must be a list of {step, h0: numbers}');
  if (
    !Array.isArray(s.records) ||
    !s.records.every(
      (r) =>
        typeof r?.step === 'number' &&
        typeof r.total === 'number' &&
        TERM_NAMES.every((t) => typeof r.terms?.[t] === 'number'),
    )
  )
    throw new Error('session: records must be a list of {step, total, terms: {rec, …}}');
  if (s.initialH0 !== null && s.initialH0 !== undefined && !isNums(s.initialH0))
    throw new Error('session: initialH0 must be numbers or null');
  return {
    format: 'awd-lab-session',
    version: 1,
    savedAt: String(s.savedAt ?? ''),
    config: c.config,
    dataset: s.dataset ?? null,
    teacher: s.teacher ?? { source: null, metric: null, verdict: null },
    initialH0: s.initialH0 ?? null,
    h0History: s.h0History,
    records: s.records,
    distance: (s.distance ?? []).map((p) => ({ step: p.step, value: p.value < 0 ? NaN : p.value })),
    step: typeof s.step === 'number' ? s.step : (s.records.at(-1)?.step ?? 0),
  };
}
