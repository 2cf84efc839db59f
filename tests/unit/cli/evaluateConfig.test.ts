// `awd evaluate` / `awd sweep` config mistakes, found before any engine loads (in-process): one stderr
// line naming the key and the bad value, exit 2. And `awd fit` on a built-in dataset.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { awdIn, writeConfig } from './fitHelpers.ts';
import { tempDir } from './runAwd.ts';

const sim = { builtin: 'simulation', n: 50, seed: 1 };

describe('awd evaluate / awd sweep config errors', () => {
  const dir = tempDir();
  const err = async (cmd: string, cfg: unknown, ...extra: string[]) => {
    const r = await awdIn(cmd, '--config', writeConfig(dir, cfg, `${cmd}.json`), ...extra);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    return r.stderr;
  };

  it('names unknown keys with a suggestion, unknown built-ins and bad generator options', async () => {
    expect(await err('evaluate', { data: sim, methds: [] })).toMatch(
      /unknown key "methds" \(did you mean "methods"\?\)/,
    );
    expect(await err('evaluate', { data: { builtin: 'simulaton' } })).toMatch(
      /"data.builtin": unknown dataset "simulaton"/,
    );
    expect(await err('evaluate', { data: { builtin: 'mass-maps', sizee: 64 } })).toMatch(
      /"data.sizee": not an option of mass-maps \(did you mean "size"\?\)/,
    );
    expect(await err('evaluate', { data: { builtin: 'simulation', n: -3 }, wavelets: ['db5'] })).toMatch(
      /"data" \(simulation-db5\): simulate1d: n must be an integer ≥ 1/,
    );
  });

  it('checks wavelets, methods, split and the awd keys an evaluation may set', async () => {
    expect(await err('evaluate', { data: sim, wavelets: [{ wavelet: 'db99' }] })).toMatch(
      /"wavelets\[0\]".wavelet: unknown wavelet "db99"/,
    );
    expect(await err('evaluate', { data: sim, wavelets: [{ from: 'selected' }] })).toMatch(/only in a sweep/);
    expect(await err('evaluate', { data: sim, methods: ['peak_cont'] })).toMatch(
      /"methods": unknown method "peak_cont"/,
    );
    expect(await err('evaluate', { data: sim, split: { val: 0.5, test: 0.5 } })).toMatch(
      /val \+ test must be below 1/,
    );
    expect(await err('evaluate', { data: sim, awd: { lr: 0.1 } })).toMatch(/"awd.lr": not used here/);
    expect(await err('evaluate', { data: sim, awd: { mode: 'smooth' } })).toMatch(
      /"awd.mode": expected one of zero, symmetric/,
    );
    expect(
      await err('evaluate', { data: sim, wavelets: [{ wavelet: 'db5' }], methods: ['peak_count'] }),
    ).toMatch(/peak_count is a 2-D method; the data is 1-D/);
    expect(
      await err('evaluate', { data: sim, wavelets: [{ wavelet: 'db5' }], methods: ['teacher'] }),
    ).toMatch(/teacher needs a "teacher"/);
  });

  it('sweep: grid, λ/γ only in the grid, validation, reference, run selection flags', async () => {
    const base = { data: sim, grid: { lambda: [0.1], gamma: [0] } };
    expect(await err('sweep', { data: sim, grid: { lambda: [0.1] } }, '--out-dir', dir)).toMatch(
      /"grid.gamma": expected \[values…\]/,
    );
    expect(
      await err('sweep', { ...base, grid: { lambda: { log: [0, 1, 3] }, gamma: [0] } }, '--out-dir', dir),
    ).toMatch(/start, stop > 0/);
    expect(await err('sweep', { ...base, awd: { gamma: 1 } }, '--out-dir', dir)).toMatch(
      /"awd.gamma": not used here \(the "grid" sets it\)/,
    );
    expect(await err('sweep', { ...base, validation: { metric: 'accuracy' } }, '--out-dir', dir)).toMatch(
      /accuracy exists for peak_count only/,
    );
    expect(await err('sweep', { ...base, reference: 'db77' }, '--out-dir', dir)).toMatch(
      /"reference": expected a wavelet name/,
    );
    expect(await err('sweep', base)).toMatch(/missing --out-dir DIR/);
    expect(await err('sweep', base, '--out-dir', dir, '--only', '3')).toMatch(
      /--only: '3' is not a run index in 0–0/,
    );
    expect(await err('sweep', base, '--out-dir', dir, '--shard', '3/2')).toMatch(
      /--shard: expected K\/N with 1 ≤ K ≤ N, got '3\/2'/,
    );
    expect(await err('sweep', base, '--out-dir', dir, '--shard', '1/2', '--summarize')).toMatch(
      /at most one of/,
    );
  });

  it('awd fit takes the same built-in datasets ("data": {"builtin": …})', async () => {
    expect(await err('fit', { data: { builtin: 'simulation', nn: 3 }, gamma: 0 })).toMatch(
      /"data.nn": not an option of simulation-db5 \(options: n, length/,
    );
    const out = `${dir}/fit-result.json`;
    const cfg = {
      data: { builtin: 'simulation', n: 40, seed: 2 },
      gamma: 0,
      epochs: 1,
      batch_size: 0,
      backend: 'cpu',
    };
    const r = await awdIn('fit', '--config', writeConfig(dir, cfg, 'fit.json'), '--out', out, '--quiet');
    expect(r.code, r.stderr).toBe(0);
    const res = JSON.parse(readFileSync(out, 'utf8')) as {
      data: { x: string; shape: number[] };
      steps: number;
    };
    expect(res.data.x).toBe('builtin:simulation-db5');
    expect(res.data.shape).toEqual([40, 64]);
    expect(res.steps).toBe(1);
  });

  it('--help lists the keys', async () => {
    for (const cmd of ['evaluate', 'sweep']) {
      const r = await awdIn(cmd, '--help');
      expect(r.code).toBe(0);
      expect(r.stdout).toMatch(/Keys:/);
    }
  });
});
