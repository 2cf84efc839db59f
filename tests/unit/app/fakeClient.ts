// A fake worker client for the controller tests: records what is sent, replays events to subscribers.
import type { LabClient } from '../../../src/app/lab.ts';
import type { Command, WorkerEvent } from '../../../src/protocol/messages.ts';

export class FakeClient implements LabClient {
  sent: Command[] = [];
  mode = 'worker' as const;
  private fns = new Set<(ev: WorkerEvent) => void>();
  send(cmd: Command) {
    this.sent.push(cmd);
  }
  subscribe(fn: (ev: WorkerEvent) => void) {
    this.fns.add(fn);
    return () => this.fns.delete(fn);
  }
  emit(ev: WorkerEvent) {
    for (const f of this.fns) f(ev);
  }
  types() {
    return this.sent.map((c) => c.type);
  }
  last<T extends Command['type']>(type: T): Extract<Command, { type: T }> | undefined {
    return this.sent.filter((c) => c.type === type).at(-1) as Extract<Command, { type: T }> | undefined;
  }
}

const empty = new Float32Array(0);

/** A minimal 1-D snapshot event at `step` with lowpass `h0` (everything else empty). */
export function snapshotEvent(step: number, h0: number[]): Extract<WorkerEvent, { type: 'snapshot' }> {
  return {
    type: 'snapshot',
    step,
    sample: 0,
    h0: Float32Array.from(h0),
    g: empty,
    phi: empty,
    psi: empty,
    wavefunX: empty,
    coeffs: [],
    attributions: [],
    shapes: [],
    fullShapes: [],
    x: empty,
    recon: empty,
    sampleShape: [64],
  };
}
