// WorkerClient over in-process "workers" (an engine on a Node MessageChannel): warm restart after a crash,
// main-thread fallback when no worker can be made, and callers' arrays left intact.
import { MessageChannel } from 'node:worker_threads';
import { beforeEach, describe, expect, it } from 'vitest';
import { WorkerClient } from '../../../src/app/workerClient.ts';
import type { WorkerLike } from '../../../src/protocol/endpoint.ts';
import type { WorkerEvent } from '../../../src/protocol/messages.ts';
import { createEngine } from '../../../src/worker/engine.ts';
import type { EngineDeps, Endpoint } from '../../../src/worker/types.ts';
import {
  FakeTrainer,
  fakeDeps,
  fakeTeacherArtifacts,
  initCommand,
  type FakeClock,
  type FakeTeacher,
} from './fakes.ts';

interface FakeWorker extends WorkerLike {
  crash(message: string): void;
  terminated: boolean;
}

function fakeWorker(clock: FakeClock, over: Partial<EngineDeps<FakeTeacher>> = {}): FakeWorker {
  const { port1, port2 } = new MessageChannel();
  createEngine(port1 as unknown as Endpoint, fakeDeps(clock, 10, over));
  const errorFns: ((ev: Event) => void)[] = [];
  const w: FakeWorker = {
    terminated: false,
    postMessage: (m, t) => port2.postMessage(m, t as never),
    addEventListener: (type, fn) => {
      if (type === 'message') port2.addEventListener('message', fn as never);
      else errorFns.push(fn);
    },
    terminate: () => {
      w.terminated = true;
      port1.close();
      port2.close();
    },
    crash: (message) => errorFns.forEach((fn) => fn({ message } as ErrorEvent)),
  };
  return w;
}

function collect(client: WorkerClient) {
  const events: WorkerEvent[] = [];
  const waiters = new Set<() => void>();
  client.subscribe((e) => {
    events.push(e);
    waiters.forEach((w) => w());
  });
  const waitFor = (pred: (e: WorkerEvent) => boolean, from = 0) =>
    new Promise<WorkerEvent>((resolve, reject) => {
      const t = setTimeout(
        () =>
          reject(
            new Error(
              `timeout; got ${events
                .slice(from)
                .map((e) => e.type)
                .join(',')}`,
            ),
          ),
        10_000,
      );
      const check = () => {
        const hit = events.slice(from).find(pred);
        if (hit) {
          clearTimeout(t);
          waiters.delete(check);
          resolve(hit);
        }
      };
      waiters.add(check);
      check();
    });
  return { events, waitFor };
}

let clock: FakeClock;
beforeEach(() => {
  clock = { t: 0 };
  FakeTrainer.created = [];
});

describe('WorkerClient', () => {
  it('restarts a crashed worker warm: same backend choice, config, data and the latest h0', async () => {
    const workers: FakeWorker[] = [];
    const client = new WorkerClient({ spawn: () => (workers.push(fakeWorker(clock)), workers.at(-1)!) });
    const { events, waitFor } = collect(client);
    const init = initCommand({ lambda: 0.3 });
    client.send({ type: 'setBackend', backend: 'cpu' });
    client.send(init);
    expect(init.data.x.length).toBeGreaterThan(0); // the caller's array was copied, not transferred
    client.send({ type: 'setWeights', gamma: 0.5 });
    client.send({ type: 'step', n: 5 });
    const snap = await waitFor((e) => e.type === 'snapshot' && e.step === 5);
    const h0 = Array.from((snap as Extract<WorkerEvent, { type: 'snapshot' }>).h0);
    const from = events.length;
    workers[0]!.crash('boom');
    const err = await waitFor((e) => e.type === 'error', from);
    expect(err).toMatchObject({ code: 'worker_crashed', recoverable: true });
    expect((err as { message: string }).message).toContain('boom');
    await waitFor((e) => e.type === 'snapshot', from);
    expect(workers).toHaveLength(2);
    expect(workers[0]!.terminated).toBe(true);
    const t = FakeTrainer.created.at(-1)!;
    expect(t.config.h0).toEqual(h0);
    expect(t.config).toMatchObject({ lambda: 0.3, gamma: 0.5 });
    expect(events.filter((e) => e.type === 'ready').map((e) => (e as { backend: string }).backend)).toEqual([
      'cpu',
      'cpu',
    ]);
    client.dispose();
  });

  it('gives up after maxRestarts', async () => {
    const workers: FakeWorker[] = [];
    const client = new WorkerClient({
      spawn: () => (workers.push(fakeWorker(clock)), workers.at(-1)!),
      maxRestarts: 1,
    });
    const { waitFor } = collect(client);
    client.send({ type: 'setBackend', backend: 'cpu' });
    await waitFor((e) => e.type === 'ready');
    workers[0]!.crash('one');
    await waitFor((e) => e.type === 'ready' && workers.length === 2);
    workers[1]!.crash('two');
    const err = await waitFor((e) => e.type === 'error' && !e.recoverable);
    expect((err as { message: string }).message).toContain('giving up');
    expect(workers).toHaveLength(2);
  });

  it('falls back to the main-thread engine when new Worker throws, delivering queued commands', async () => {
    const client = new WorkerClient({
      spawn: () => {
        throw new Error('Worker is not defined');
      },
      fallback: async () => fakeWorker(clock),
    });
    const { events, waitFor } = collect(client);
    client.send({ type: 'setBackend', backend: 'auto' });
    client.send(initCommand());
    await waitFor((e) => e.type === 'snapshot');
    expect(client.mode).toBe('main-thread');
    const note = events.find((e) => e.type === 'error');
    expect(note).toMatchObject({ code: 'worker_crashed', recoverable: true });
    expect((note as { message: string }).message).toContain('main thread');
    expect(client.lastReady?.backend).toBe('cpu');
  });

  it('a worker that errors before saying anything is replaced by the fallback, commands resent', async () => {
    let dead: FakeWorker | null = null;
    const client = new WorkerClient({
      spawn: () => {
        const { port2 } = new MessageChannel(); // nobody listens: like a worker whose script failed to load
        const errorFns: ((ev: Event) => void)[] = [];
        dead = {
          terminated: false,
          postMessage: () => undefined,
          addEventListener: (type, fn) => void (type === 'error' && errorFns.push(fn)),
          terminate: () => port2.close(),
          crash: (m) => errorFns.forEach((fn) => fn({ message: m } as ErrorEvent)),
        };
        return dead;
      },
      fallback: async () => fakeWorker(clock),
    });
    const { waitFor } = collect(client);
    client.send({ type: 'setBackend', backend: 'cpu' });
    (dead as FakeWorker | null)!.crash('Failed to fetch a worker script');
    const ready = await waitFor((e) => e.type === 'ready');
    expect(ready).toMatchObject({ backend: 'cpu' });
    expect(client.mode).toBe('main-thread');
  });

  it('checkTeacher/trainTeacher helpers: answers in request order, progress, errors and crashes reject', async () => {
    const workers: FakeWorker[] = [];
    let stopSeen = false;
    const spawn = () => {
      workers.push(
        fakeWorker(clock, {
          trainTeacher: async (cmd, hooks) => {
            const history = [];
            for (let e = 1; e <= cmd.epochs; e++) {
              clock.t += 200; // every epoch is reported
              history.push({ epoch: e, loss: 1 / e, valLoss: 1 / e });
              const more = hooks.onEpoch(history.at(-1)!);
              await hooks.yieldToEvents();
              if (!more) {
                stopSeen = true;
                break;
              }
            }
            if (cmd.seed === 13) throw new Error('unlucky seed');
            return {
              artifacts: fakeTeacherArtifacts(),
              metric: { name: 'r2' as const, value: 0.5 },
              history,
              bestEpoch: 1,
              inputShape: [16],
            };
          },
        }),
      );
      return workers.at(-1)!;
    };
    const client = new WorkerClient({ spawn });
    const [bad, good] = await Promise.all([
      client.checkTeacher(fakeTeacherArtifacts('no second derivative'), [16]),
      client.checkTeacher(fakeTeacherArtifacts(), [16], 0),
    ]);
    expect([bad.canUseGamma, good.canUseGamma]).toEqual([false, true]);
    const opts = {
      arch: { kind: 'mlp1d' as const },
      data: { x: new Float32Array(32), shape: [2, 16] },
      y: new Float32Array(2),
      yShape: [2],
      task: 'regression' as const,
      epochs: 3,
      batchSize: 1,
      lr: 0.1,
      seed: 1,
      validationSplit: 0.5,
      patience: 2,
    };
    const seen: number[] = [];
    const trained = await client.trainTeacher(opts, (p) => seen.push(p.epoch));
    expect(trained).toMatchObject({ epochs: 3, stoppedBy: 'maxEpochs' });
    expect(seen).toEqual([1, 2, 3]);
    expect(opts.data.x.length).toBe(32); // the caller's arrays are copied, not transferred
    await expect(client.trainTeacher({ ...opts, seed: 13 })).rejects.toThrow('trainTeacher: unlucky seed');
    const long = client.trainTeacher({ ...opts, epochs: 10_000 }, () => client.stopTeacher());
    expect(await long).toMatchObject({ stoppedBy: 'user' });
    expect(stopSeen).toBe(true);
    const lost = client.trainTeacher({ ...opts, epochs: 10_000 });
    await new Promise((r) => setTimeout(r, 20));
    workers[0]!.crash('gone');
    await expect(lost).rejects.toThrow('trainTeacher: the worker crashed (gone)');
    client.dispose();
  });
});
