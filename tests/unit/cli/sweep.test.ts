// `awd sweep`: the full sweep through the real launcher (run files, summary, selection); then, in this
// process (each call starts from nothing but its folder), shards in separate folders reproduce the
// sequential sweep run for run, a resumed sweep keeps its runs, and another sweep's folder is refused.
// Tiny problem, cpu backend, a briefly trained teacher.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { awd, tempDir } from './runAwd.ts';
import { awdIn, writeConfig } from './fitHelpers.ts';

const config = {
  data: { builtin: 'simulation', n: 120, seed: 3 },
  split: { val: 0.25, test: 0.25, seed: 2 },
  teacher: { train: { arch: { kind: 'mlp1d', hidden: [4] }, epochs: 2, seed: 1 } },
  awd: {
    wavelet: 'db3',
    noise: 0.05,
    seed: 1,
    level: 2,
    lr: 0.01,
    epochs: 1,
    batch_size: 30,
    backend: 'cpu',
  },
  grid: { lambda: [0.001, 0.01], gamma: [0, 0.1] },
  reference: 'db3',
};

const json = (p: string) => JSON.parse(readFileSync(p, 'utf8')) as Record<string, unknown>;
const runFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => /^\d{4}_/.test(f))
    .sort();

describe('awd sweep', () => {
  const dir = tempDir();
  const cfg = writeConfig(dir, config, 'sweep.json');

  it('writes one file per run and a summary whose selection is the best validation value', () => {
    const out = join(dir, 'full');
    const r = awd('sweep', '--config', cfg, '--out-dir', out);
    expect(r.code, r.stderr).toBe(0);
    expect(runFiles(out)).toEqual([
      '0000_l0.001_g0.json',
      '0001_l0.01_g0.json',
      '0002_l0.001_g0.1.json',
      '0003_l0.01_g0.1.json',
    ]);
    const s = json(join(out, 'summary.json'));
    expect(s.complete).toBe(true);
    const runs = s.runs as {
      index: number;
      warm_from: number | null;
      validation: { metric: string; value: number };
    }[];
    expect(runs.map((l) => l.warm_from)).toEqual([null, 0, 0, 1]);
    expect(runs[0]!.validation.metric).toBe('r2'); // default: top-attributed linear, R²
    const best = Math.max(...runs.map((l) => l.validation.value));
    expect((s.selected_run as { validation: { value: number } }).validation.value).toBe(best);
    const run3 = json(join(out, '0003_l0.01_g0.1.json'));
    expect(run3.h0_init).toEqual(json(join(out, '0001_l0.01_g0.json')).h0);
    expect(Object.keys(run3)).toEqual(
      expect.arrayContaining(['sweep_id', 'h0', 'dist_to_reference', 'final_loss', 'history', 'backend']),
    );
    expect(r.stderr).toMatch(/complete; selected run \d/);
  });

  it('two shards in separate folders give the same runs as one process; --only and resume', async () => {
    const full = join(dir, 'full');
    for (const k of [1, 2]) {
      const r = await awdIn(
        'sweep',
        '--config',
        cfg,
        '--out-dir',
        join(dir, `shard${k}`),
        '--shard',
        `${k}/2`,
        '--quiet',
      );
      expect(r.code, r.stderr).toBe(0);
    }
    expect(runFiles(join(dir, 'shard1'))).toEqual(['0000_l0.001_g0.json', '0002_l0.001_g0.1.json']);
    expect(runFiles(join(dir, 'shard2'))).toEqual(['0001_l0.01_g0.json', '0003_l0.01_g0.1.json']);
    expect(json(join(dir, 'shard2', 'summary.json')).complete).toBe(false);
    for (const f of runFiles(full)) {
      const shard = existsSync(join(dir, 'shard1', f)) ? 'shard1' : 'shard2';
      const a = json(join(full, f));
      const b = json(join(dir, shard, f));
      expect(b.h0, f).toEqual(a.h0);
      expect(b.validation, f).toEqual(a.validation);
    }
    // --only 3 in a folder holding run 1 reads its source instead of recomputing it; run 1 is kept.
    const r = await awdIn('sweep', '--config', cfg, '--out-dir', join(dir, 'shard2'), '--only', '3,1');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/run 1: already in .*, kept/);
    expect(r.stderr).toMatch(/run 3: already in .*, kept/);
    expect(r.stderr).not.toMatch(/source run/);
  });

  it('refuses a folder that holds another sweep’s runs', async () => {
    const other = writeConfig(dir, { ...config, awd: { ...config.awd, lr: 0.02 } }, 'other.json');
    const r = await awdIn('sweep', '--config', other, '--out-dir', join(dir, 'full'), '--only', '0');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/belongs to another sweep .*use another --out-dir/);
  });
});
