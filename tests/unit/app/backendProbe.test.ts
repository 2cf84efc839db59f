// First visit with 'auto': the measurement runs in its own worker and the run follows its winner.
import { describe, expect, it, vi } from 'vitest';
import { recallAuto } from '../../../src/app/backendMemo.ts';
import { adoptMeasurement, measureBackends, type ProbeClient } from '../../../src/app/backendProbe.ts';
import type { ReadyEvent, WorkerEvent } from '../../../src/protocol/messages.ts';

const ready = (backend: ReadyEvent['backend'], requested: ReadyEvent['requested'] = 'auto'): ReadyEvent => ({
  type: 'ready',
  backend,
  requested,
  reason: `webgl 12 ms/step; wasm 30 ms/step → ${backend} (fastest)`,
  tried: [],
  canTrain: true,
});

function fakeClient(answer: (emit: (ev: WorkerEvent) => void) => void) {
  const listeners = new Set<(ev: WorkerEvent) => void>();
  const c = {
    sent: [] as unknown[],
    disposed: false,
    subscribe: (fn: (ev: WorkerEvent) => void) => (listeners.add(fn), () => listeners.delete(fn)),
    send(cmd: unknown) {
      c.sent.push(cmd);
      answer((ev) => listeners.forEach((l) => l(ev)));
    },
    dispose() {
      c.disposed = true;
    },
  };
  return c satisfies ProbeClient;
}

function memory() {
  const m = new Map<string, string>();
  return { getItem: (k: string) => m.get(k) ?? null, setItem: (k: string, v: string) => void m.set(k, v) };
}

function target(choice: string, active: string | null) {
  return { choice: () => choice, active: () => active, note: vi.fn(), switchTo: vi.fn() };
}

describe('background backend measurement', () => {
  it("asks the probe worker for 'auto', answers with its ready event (not an earlier forced one) and disposes it", async () => {
    const c = fakeClient((emit) => {
      emit(ready('wasm', 'wasm'));
      emit(ready('webgl'));
    });
    const ev = await measureBackends(c);
    expect(c.sent).toEqual([{ type: 'setBackend', backend: 'auto' }]);
    expect(ev?.backend).toBe('webgl');
    expect(c.disposed).toBe(true);
  });

  it('gives null on an unrecoverable error or a timeout, and still disposes the worker', async () => {
    const failing = fakeClient((emit) =>
      emit({ type: 'error', code: 'backend', message: 'no backend works', recoverable: false }),
    );
    expect(await measureBackends(failing)).toBeNull();
    expect(failing.disposed).toBe(true);
    const silent = fakeClient(() => {});
    expect(await measureBackends(silent, 20)).toBeNull();
    expect(silent.disposed).toBe(true);
  });

  it('moves the run to a faster winner, remembers it, and says so', () => {
    const store = memory();
    const t = target('auto', 'wasm');
    adoptMeasurement(ready('webgl'), t, store);
    expect(t.switchTo).toHaveBeenCalledWith('webgl');
    expect(t.note.mock.calls[0]![0]).toMatch(/^auto, measured in the background: .*→ webgl \(fastest\)/);
    expect(recallAuto(store)?.backend).toBe('webgl');
  });

  it('stays when the provisional backend won, and never overrides a backend the user picked meanwhile', () => {
    const same = target('auto', 'wasm');
    adoptMeasurement(ready('wasm'), same, memory());
    expect(same.switchTo).not.toHaveBeenCalled();
    const store = memory();
    const picked = target('cpu', 'cpu');
    adoptMeasurement(ready('webgl'), picked, store);
    expect(picked.switchTo).not.toHaveBeenCalled();
    expect(picked.note).not.toHaveBeenCalled();
    expect(recallAuto(store)?.backend).toBe('webgl'); // the measurement itself is still worth keeping
  });

  it('a failed measurement leaves the run where it is, with a note', () => {
    const t = target('auto', 'wasm');
    adoptMeasurement(null, t, memory());
    expect(t.switchTo).not.toHaveBeenCalled();
    expect(t.note).toHaveBeenCalledWith('auto: the background measurement failed; staying on wasm');
  });
});
