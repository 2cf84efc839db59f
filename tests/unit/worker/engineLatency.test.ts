// Slider latency: after a λ/γ change the first step that uses it is reported and shown at once.
import { afterEach, describe, expect, it } from 'vitest';
import { FakeTrainer, fakeDeps, harness, initCommand, is, type Harness } from './fakes.ts';

let h: Harness;
afterEach(() => h?.close());

describe('engine: slider latency', () => {
  it('after setWeights the first step with the new weights is reported and shown at once', async () => {
    // 1 ms steps: without the urge, records would wait for the 125 ms progress period and 100 ms snapshot gap.
    FakeTrainer.created = [];
    h = harness(fakeDeps({ t: 1000 }, 1));
    h.send(initCommand());
    await h.waitFor(is('snapshot'));
    h.send({ type: 'play' });
    await h.waitFor(is('progress', (e) => e.step >= 200));
    const from = h.events.length;
    h.send({ type: 'setWeights', gamma: 0.25 });
    await h.waitFor(
      is('snapshot', (e) => e.step > (h.of('progress').at(-1)?.step ?? Infinity) - 5),
      from,
    );
    h.send({ type: 'pause' });
    await h.engine.settled();
    const at = FakeTrainer.created[0]!.weightCalls[0]![0];
    const first = h.events
      .slice(from)
      .find((e) => e.type === 'progress' && e.records.some((r) => r.step === at + 1));
    expect(first?.type === 'progress' && first.records.at(-1)!.step).toBe(at + 1);
    expect(first?.type === 'progress' && first.records.at(-1)!.gamma).toBe(0.25);
    const snap = h.events.slice(from).find((e) => e.type === 'snapshot');
    expect(snap?.type === 'snapshot' && snap.step).toBe(at + 1);
  });
});
