// Backend choice in Node, where only cpu (and maybe wasm) can start: every candidate is tried and
// reported, failures are named, the fastest working one is left active, and an override that cannot
// start says so and falls back.
import * as tf from '@tensorflow/tfjs-core';
import { describe, expect, it } from 'vitest';
import { selectBackend } from '../../../src/worker/backends.ts';

const probeMs: Record<string, number> = { webgpu: 5, webgl: 4, wasm: 3, cpu: 2 };
let afterSet = 0;
const opts = {
  probe: async (b: string) => probeMs[b]!,
  afterSet: () => void afterSet++,
  initTimeoutMs: 15_000,
};

describe('selectBackend (Node)', () => {
  it('auto: tries all four, reports why webgpu/webgl failed, keeps the fastest that works', async () => {
    const r = await selectBackend('auto', opts);
    expect(r.tried.map((t) => t.backend)).toEqual(['webgl', 'webgpu', 'wasm', 'cpu']);
    expect(r.tried.find((t) => t.backend === 'webgpu')).toMatchObject({
      ok: false,
      error: 'no navigator.gpu',
    });
    expect(r.tried.find((t) => t.backend === 'webgl')!.ok).toBe(false);
    expect(r.tried.find((t) => t.backend === 'cpu')).toMatchObject({ ok: true, msPerStep: 2 });
    expect(r.backend).toBe('cpu'); // 2 ms beats wasm's 3 ms even if wasm started
    expect(tf.getBackend()).toBe('cpu');
    expect(r.reason).toMatch(
      /^webgl: .+; webgpu: no navigator\.gpu; wasm.+; cpu 2\.0 ms\/step → cpu \((fastest|the only one that works)\)$/,
    );
    expect(afterSet).toBeGreaterThan(0);
  });

  it('an override that cannot start falls back and says so', async () => {
    const r = await selectBackend('webgpu', opts);
    expect(r.requested).toBe('webgpu');
    expect(r.backend).toBe('cpu');
    expect(r.reason).toMatch(/^webgpu requested but failed \(no navigator\.gpu\); fell back: /);
  });

  it('an override that starts is used as is', async () => {
    const r = await selectBackend('cpu', opts);
    expect(r).toMatchObject({ backend: 'cpu', requested: 'cpu', reason: 'cpu 2.0 ms/step (requested)' });
  });

  it('a backend whose AWD step fails is not chosen', async () => {
    const r = await selectBackend('cpu', {
      ...opts,
      probe: async () => {
        throw new Error('kernel Foo not registered');
      },
    }).catch((e: Error) => e);
    expect(r).toBeInstanceOf(Error);
    expect((r as Error).message).toContain('cpu: AWD step failed: kernel Foo not registered');
  });
});
