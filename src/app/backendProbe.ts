// First visit with backend 'auto': measuring every backend takes 20+ s on a slow CPU (WebGL/WebGPU
// compile their shaders on SwiftShader), and the lab should be training within seconds. So training
// starts at once on wasm (the fastest on every CPU-only machine we measured) while a second, short-lived
// worker measures all four; if it finds a faster one the run moves there warm (from the current filter).
// The answer is remembered (backendMemo), so later visits start on the winner directly.
import type { ReadyEvent, WorkerEvent } from '../protocol/messages.ts';
import type { KeyValue } from './backendMemo.ts';
import { rememberAuto } from './backendMemo.ts';

/** Where training starts while the measurement runs. */
export const PROVISIONAL_BACKEND = 'wasm';

export interface ProbeClient {
  subscribe(fn: (ev: WorkerEvent) => void): () => void;
  send(cmd: { type: 'setBackend'; backend: 'auto' }): void;
  dispose(): void;
}

/** Runs `auto` in its own worker; the ready event, or null when it fails or takes over `timeoutMs`. */
export function measureBackends(client: ProbeClient, timeoutMs = 180_000): Promise<ReadyEvent | null> {
  return new Promise((resolve) => {
    const done = (ev: ReadyEvent | null) => {
      clearTimeout(timer);
      off();
      client.dispose();
      resolve(ev);
    };
    const timer = setTimeout(() => done(null), timeoutMs);
    const off = client.subscribe((ev) => {
      if (ev.type === 'ready' && ev.requested === 'auto') done(ev);
      else if (ev.type === 'error' && !ev.recoverable) done(null);
    });
    client.send({ type: 'setBackend', backend: 'auto' });
  });
}

export interface AdoptTarget {
  /** The user's backend choice now ('auto' unless they picked one meanwhile). */
  choice(): string;
  /** The backend training runs on now (null before the first report). */
  active(): string | null;
  note(text: string): void;
  switchTo(backend: ReadyEvent['backend']): void;
}

/** Remembers the measurement and, while the user still wants 'auto', moves the run to the winner. */
export function adoptMeasurement(ev: ReadyEvent | null, t: AdoptTarget, storage: KeyValue | null): void {
  if (!ev) {
    if (t.choice() === 'auto')
      t.note(`auto: the background measurement failed; staying on ${t.active() ?? PROVISIONAL_BACKEND}`);
    return;
  }
  rememberAuto(ev, storage);
  if (t.choice() !== 'auto') return;
  t.note(`auto, measured in the background: ${ev.reason}`);
  if (ev.backend !== t.active()) t.switchTo(ev.backend);
}
