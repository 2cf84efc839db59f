// The simulation must-show, fast version, through the real launcher (wasm when it works): the
// paper's simulation, an in-engine MLP teacher, AWD from db5 + 0.1·N(0,1) at one (λ, γ). The run
// must move the wavelet towards db5 (awave's dist), the attributions must rank the 3 true coefficients
// (wavedec band 2 = cD_3, positions 7–9) first, and a linear model on ≤ 10 top-attributed coefficients
// must reach test R² ≥ 0.95. Then `awd evaluate` re-reads the sweep (summary's selected run, the saved
// teacher) and must reproduce the sweep's own table row.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TOL_EVAL } from '../tolerances.ts';
import { writeConfig } from './fitHelpers.ts';
import { awd, tempDir } from './runAwd.ts';

const json = (p: string) => JSON.parse(readFileSync(p, 'utf8')) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('simulation must-show (fast)', () => {
  const dir = tempDir();
  const sweep = {
    data: { builtin: 'simulation', n: 1500, seed: 1 },
    split: { val: 0.2, test: 0.2, seed: 1 },
    teacher: { train: { arch: { kind: 'mlp1d' }, epochs: 40, seed: 1 } },
    awd: { wavelet: 'db5', noise: 0.1, seed: 1, lr: 0.02, epochs: 30, batch_size: 50, backend: 'auto' },
    grid: { lambda: [0.0001], gamma: [0.3] },
    reference: 'db5',
    evaluate: { methods: ['top_attr_linear'], bootstrap: { reps: 100, seed: 1 } },
  };

  it('AWD from db5 + noise approaches db5, finds the 3 true coefficients, R² ≥ 0.95', () => {
    const out = join(dir, 'runs');
    const r = awd('sweep', '--config', writeConfig(dir, sweep, 'sweep.json'), '--out-dir', out);
    expect(r.code, r.stderr).toBe(0);
    const run = json(join(out, '0000_l0.0001_g0.3.json'));
    // dist(init, db5) is ≈ 8.5 for this seed: the noise is large next to db5's small taps.
    expect(run.dist_to_init).toBeGreaterThan(4);
    expect(run.dist_to_reference, `dist to db5 ${run.dist_to_reference}`).toBeLessThan(run.dist_to_init / 4);
    const table = json(join(out, 'evaluation.json')).table;
    const awdRow = table.rows.find((x: { method: string }) => x.method === 'AWD · top-attributed linear');
    const top3 = awdRow.details.positions
      .slice(0, 3)
      .map((p: { band: number; index: number }) => `${p.band}:${p.index}`);
    expect(top3.sort()).toEqual(['2:7', '2:8', '2:9']);
    expect(awdRow.metrics.r2.value).toBeGreaterThanOrEqual(TOL_EVAL.minTopAttrR2);
    expect(awdRow.params).toBe(10 + 10 + 1);

    // awd evaluate on the sweep's outputs: the same numbers for the same wavelet, split and teacher.
    const teacher = readdirSync(out).find((f) => /^teacher-.*\.json$/.test(f))!;
    const evalCfg = {
      data: sweep.data,
      split: sweep.split,
      teacher: { model: join(out, teacher) },
      wavelets: [{ label: 'AWD', from: join(out, 'summary.json') }, 'db5'],
      methods: ['top_attr_linear', 'raw_ridge'],
      bootstrap: { reps: 100, seed: 1 },
    };
    const e = awd(
      'evaluate',
      '--config',
      writeConfig(dir, evalCfg, 'eval.json'),
      '--out',
      join(dir, 'table.json'),
    );
    expect(e.code, e.stderr).toBe(0);
    const res = json(join(dir, 'table.json'));
    expect(res.table.rows.map((x: { method: string }) => x.method)).toEqual([
      'AWD · top-attributed linear',
      'db5 · top-attributed linear',
      'raw · raw ridge',
    ]);
    expect(res.table.rows[0].metrics).toEqual(awdRow.metrics);
    expect(res.table.comparisons[0]).toMatchObject({
      a: 'AWD · top-attributed linear',
      b: 'db5 · top-attributed linear',
      metric: 'rmse',
    });
    expect(e.stderr).toMatch(/AWD · top-attributed linear − db5 · top-attributed linear: ΔRMSE = /);
  });
});
