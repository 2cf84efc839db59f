// The backend that 'auto' picked, remembered per browser profile: measuring all four backends takes
// from seconds to a minute on a slow CPU, and the answer does not change between visits. A later visit
// with backend 'auto' starts on the remembered winner at once; choosing 'auto' again in the controls
// measures afresh.
import type { ActiveBackend, ReadyEvent } from '../protocol/messages.ts';

const KEY = 'awd-lab-auto-backend';
/** Re-measure after this long (browser and driver updates change the ranking). */
const MAX_AGE_MS = 7 * 24 * 3600 * 1000;

export interface KeyValue {
  getItem(k: string): string | null;
  setItem(k: string, v: string): void;
}

export function rememberAuto(ev: ReadyEvent, store: KeyValue | null, now = Date.now()): void {
  if (!store || ev.requested !== 'auto' || !ev.canTrain) return;
  try {
    store.setItem(KEY, JSON.stringify({ backend: ev.backend, reason: ev.reason, at: now }));
  } catch {
    /* storage full or disabled: measure again next time */
  }
}

export function recallAuto(
  store: KeyValue | null,
  now = Date.now(),
): { backend: ActiveBackend; reason: string } | null {
  try {
    const v = JSON.parse(store?.getItem(KEY) ?? 'null') as {
      backend?: string;
      reason?: string;
      at?: number;
    } | null;
    if (!v || typeof v.at !== 'number' || now - v.at > MAX_AGE_MS) return null;
    if (!['webgpu', 'webgl', 'wasm', 'cpu'].includes(v.backend ?? '')) return null;
    return { backend: v.backend as ActiveBackend, reason: String(v.reason ?? '') };
  } catch {
    return null;
  }
}
