// A run's session as IndexedDB stores it: every list of numbers becomes one Float64Array column.
// IndexedDB structured-clones a value on the main thread, synchronously, inside put(): the session as
// objects (4000 records, nested terms) took 12–50 ms per save while training (measured in
// the lab: among the last long tasks). Packed: ~2.5 ms to build the columns, ~0.5 ms to clone them.
import { TERM_NAMES, type ProgressRecord, type TermName } from '../../protocol/messages.ts';
import type { SessionExport } from '../export/session.ts';

const FIELDS = ['step', 'epoch', 'total', 'gradNorm', 'lambda', 'gamma'] as const;
type Field = (typeof FIELDS)[number];

export interface PackedSession extends Omit<SessionExport, 'records' | 'h0History' | 'distance'> {
  packed: 1;
  records: Record<Field, Float64Array> & { terms: Record<TermName, Float64Array> };
  /** Every snapshot's h0 back to back; `lengths[i]` taps belong to `steps[i]`. */
  h0History: { steps: Float64Array; lengths: Uint16Array; taps: Float64Array };
  distance: { steps: Float64Array; values: Float64Array };
}

const column = <T>(rows: readonly T[], get: (r: T) => number): Float64Array => {
  const out = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) out[i] = get(rows[i]!);
  return out;
};

export function packSession(s: SessionExport): PackedSession {
  const recs = s.records;
  const records = {
    terms: Object.fromEntries(TERM_NAMES.map((t) => [t, column(recs, (r) => r.terms[t])])),
  } as PackedSession['records'];
  for (const f of FIELDS) records[f] = column(recs, (r) => r[f]);
  const h = s.h0History;
  const lengths = Uint16Array.from(h, (p) => p.h0.length);
  const taps = new Float64Array(lengths.reduce((a, n) => a + n, 0));
  let at = 0;
  for (const p of h) {
    taps.set(p.h0, at);
    at += p.h0.length;
  }
  return {
    ...s,
    packed: 1,
    records,
    h0History: { steps: column(h, (p) => p.step), lengths, taps },
    distance: { steps: column(s.distance, (p) => p.step), values: column(s.distance, (p) => p.value) },
  };
}

/** Back to the session's lists; a session stored before packing existed passes through as it is. */
export function unpackSession(p: PackedSession | SessionExport): SessionExport {
  if (!('packed' in p)) return p;
  const { packed: _p, records: r, h0History: h, distance: d, ...rest } = p;
  const records: ProgressRecord[] = Array.from(r.step, (_, i) => {
    const rec = { terms: {} } as ProgressRecord;
    for (const f of FIELDS) rec[f] = r[f][i]!;
    for (const t of TERM_NAMES) rec.terms[t] = r.terms[t][i]!;
    return rec;
  });
  let at = 0;
  const h0History = Array.from(h.steps, (step, i) => {
    const n = h.lengths[i]!;
    const h0 = Array.from(h.taps.subarray(at, at + n));
    at += n;
    return { step, h0 };
  });
  const distance = Array.from(d.steps, (step, i) => ({ step, value: d.values[i]! }));
  return { ...rest, records, h0History, distance };
}
