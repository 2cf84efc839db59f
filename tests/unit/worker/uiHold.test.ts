// Training pauses between steps while the page draws (uiHold … uiRelease), and never longer than asked.
import { afterEach, describe, expect, it } from 'vitest';
import { parseCommand } from '../../../src/protocol/parseCommand.ts';
import { UiHold } from '../../../src/worker/uiHold.ts';
import { FakeTrainer, fakeDeps, harness, initCommand, is, type Harness } from './fakes.ts';

let h: Harness;
afterEach(() => h?.close());

describe('UiHold', () => {
  it('waits until released, or until the hold expires by itself', async () => {
    const hold = new UiHold(() => performance.now());
    await hold.wait(); // no hold: at once
    hold.hold(1000);
    let done = false;
    const w = hold.wait().then(() => (done = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    hold.release();
    await w;
    const t0 = performance.now();
    hold.hold(30);
    await hold.wait();
    expect(performance.now() - t0).toBeGreaterThanOrEqual(25);
  });

  it('says when training has paused: at once when idle or already waiting, else when the loop waits', async () => {
    let held = 0;
    const hold = new UiHold(
      () => performance.now(),
      () => held++,
    );
    hold.hold(1000, true); // no training loop
    expect(held).toBe(1);
    hold.release();
    hold.hold(1000); // a step is in flight: nothing yet
    expect(held).toBe(1);
    const w = hold.wait(); // the loop reaches the pause
    expect(held).toBe(2);
    hold.hold(1000); // renewed while waiting: answered at once
    expect(held).toBe(3);
    hold.release();
    await w;
  });

  it('parses uiHold with 0 < ms ≤ 1000 and uiRelease', () => {
    expect(parseCommand({ type: 'uiHold', ms: 250 })).toEqual({
      ok: true,
      command: { type: 'uiHold', ms: 250 },
    });
    expect(parseCommand({ type: 'uiRelease' })).toEqual({ ok: true, command: { type: 'uiRelease' } });
    for (const ms of [0, -1, 5000, '1', null]) expect(parseCommand({ type: 'uiHold', ms }).ok).toBe(false);
  });
});

describe('engine: uiHold', () => {
  it('no step runs while the page holds; training resumes on release', async () => {
    FakeTrainer.created = [];
    h = harness(fakeDeps({ t: 1000 }, 1, { now: () => performance.now() }));
    h.send(initCommand());
    await h.waitFor(is('snapshot'));
    h.send({ type: 'play' });
    await h.waitFor(is('progress', (e) => e.step >= 5));
    const from = h.events.length;
    h.send({ type: 'uiHold', ms: 1000 });
    await h.waitFor(is('uiHeld'), from); // the hold is seen between steps, and answered
    const t = FakeTrainer.created[0]!;
    const held = t.steps;
    await new Promise((r) => setTimeout(r, 150));
    expect(t.steps - held).toBeLessThanOrEqual(1); // at most the step in flight when the hold arrived
    h.send({ type: 'uiRelease' });
    await new Promise((r) => setTimeout(r, 100));
    expect(t.steps).toBeGreaterThan(held + 5);
    h.send({ type: 'pause' });
    await h.engine.settled();
    const idle = h.events.length;
    h.send({ type: 'uiHold', ms: 1000 }); // nothing training: answered at once
    await h.waitFor(is('uiHeld'), idle, 500);
  });
});
