// `awd fit` end to end through the real launcher: (1) full-batch runs reproduce awave's 20 Adam steps
// in shared/reference/awd_fit.json; (2) a small simulation with a teacher trained on the spot gives a
// complete, finite result, a reloadable teacher, a progress line only when asked, and seeded runs
// that repeat exactly.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { getWavelet } from '../../../src/core/index.ts';
import { loadReference, REFERENCE_DIR } from '../reference.ts';
import { TOL } from '../tolerances.ts';
import { npyF32, normals, writeConfig } from './fitHelpers.ts';
import { awd, maxAbsDiff, npyBytes, tempDir, writeTemp } from './runAwd.ts';

const TERMS = ['rec', 'lsum', 'hsum', 'l2norm', 'cmf', 'conv', 'l1wave', 'l1attr', 'total'] as const;

interface FitCase {
  id: string;
  h0: number[];
  mode: string;
  level: number;
  x: number[][];
  teacher: string;
  target: number;
  attribution: string;
  weights: Record<string, number>;
  lr: number;
  steps: number;
  history: number[];
  h0_final: number[];
  total_final: number;
}

type Result = Record<string, unknown> & {
  h0: number[];
  h0_init: number[];
  filter_bank: number[][];
  history: Record<string, number>[];
  steps: number;
};

const relErr = (got: number, want: number) =>
  Math.abs(got - want) / Math.max(Math.abs(want), TOL.awdAbsFloor);

function expectBankOf(r: Result): void {
  const g = r.h0.map((_, k) => (k % 2 === 0 ? 1 : -1) * r.h0[r.h0.length - 1 - k]!);
  expect(r.filter_bank).toEqual([[...r.h0].reverse(), [...g].reverse(), r.h0, g]);
}

describe('awd fit reproduces awave (awd_fit.json, full-batch Adam)', () => {
  const c = loadReference<FitCase[]>('awd_fit.json')[0]!;
  const N = c.x.length;
  const L = c.x[0]!.length;

  /** The case as an `awd fit` run: its x, teacher, h0 (warm start) and weights, one full batch per epoch. */
  function caseConfig(dir: string, over: Record<string, unknown>): string {
    writeTemp(dir, 'x.npy', npyBytes(c.x.flat(), [N, L]));
    writeTemp(dir, 'y.npy', npyBytes(new Array<number>(N).fill(0), [N]));
    const { l1wave, l1attr, ...validity } = c.weights;
    return writeConfig(dir, {
      data: { x: 'x.npy', y: 'y.npy' },
      teacher: { model: join(REFERENCE_DIR, c.teacher) },
      h0: c.h0,
      mode: c.mode,
      level: c.level,
      lambda: l1wave,
      gamma: l1attr,
      weights: validity,
      attribution: c.attribution,
      target: c.target,
      lr: c.lr,
      epochs: c.steps, // one full-batch step per epoch
      batch_size: N,
      shuffle: false,
      out: 'result.json',
      ...over,
    });
  }

  for (const backend of ['cpu', 'wasm'] as const) {
    it(`${c.id}: h0 after ${c.steps} steps on ${backend}`, () => {
      const dir = tempDir();
      const cfg = caseConfig(dir, { backend });
      const run = awd('fit', '--config', cfg, '--quiet');
      expect(run.code, run.stderr).toBe(0);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe('');
      const r = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8')) as Result;
      expect(r.backend).toBe(backend);
      expect(r.h0_init).toEqual(c.h0);
      expect(r.steps).toBe(c.steps);
      expect(r.history).toHaveLength(c.steps);
      const h0Err = maxAbsDiff(r.h0, c.h0_final);
      const histErr = Math.max(...r.history.map((h, i) => relErr(h.total!, c.history[i]!)));
      const finalErr = relErr((r.final as { loss: { total: number } }).loss.total, c.total_final);
      console.info(
        `awd fit ${backend}: max|h0 - h0_final| = ${h0Err.toExponential(2)}, ` +
          `history rel ${histErr.toExponential(2)}, final total rel ${finalErr.toExponential(2)}`,
      );
      expect(h0Err).toBeLessThanOrEqual(TOL.awdFit);
      expect(histErr).toBeLessThanOrEqual(TOL.awdRel);
      expect(finalErr).toBeLessThanOrEqual(TOL.awdRel);
      expectBankOf(r);
    });
  }

  it('a diverging run (lr 1e6) exits 1 and still writes the result, h0 at the last finite filter', () => {
    const dir = tempDir();
    const run = awd('fit', '--config', caseConfig(dir, { lr: 1e6, epochs: 3, backend: 'cpu' }), '--quiet');
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^awd fit: AWD training diverged at step 2: the loss is not finite/);
    const r = JSON.parse(readFileSync(join(dir, 'result.json'), 'utf8')) as Result;
    expect(r.status).toBe('diverged');
    expect(r.error).toMatch(/diverged at step 2/);
    expect([r.steps, r.history.length]).toEqual([1, 1]);
    expect(r.h0).toEqual(c.h0); // step 1's start: the last h0 with a finite loss and gradient
    expect(Number.isFinite((r.final as { loss: { total: number } }).loss.total)).toBe(true);
  });
});

describe('awd fit on a small simulation (N = 200, L = 64, mlp1d teacher trained on the spot)', () => {
  const dir = tempDir();
  const N = 200;
  const L = 64;
  const rnd = normals(7);
  const x = Array.from({ length: N * L }, rnd);
  // y depends on a stretch of the signal, as in awave's simulations, plus a little noise.
  const y = Array.from(
    { length: N },
    (_, i) => 0.5 * x.slice(i * L + 10, i * L + 20).reduce((a, b) => a + b, 0) + 0.1 * rnd(),
  );
  writeTemp(dir, 'x.npy', npyF32(x, [N, L]));
  writeTemp(dir, 'y.csv', 'y\n' + y.join('\n') + '\n'); // CSV with a header row, one column

  it('writes every field; history has one finite entry per epoch with every term', () => {
    const cfg = writeConfig(dir, {
      data: { x: 'x.npy', y: 'y.csv' },
      teacher: { train: { arch: { kind: 'mlp1d', hidden: [16] }, epochs: 3, save: 'teacher_out.json' } },
      seed: 3,
      epochs: 2,
      batch_size: 100,
      backend: 'auto',
    });
    const run = awd('fit', '--config', cfg);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('\r'); // not a terminal: no progress line
    expect(run.stderr).toMatch(/^awd fit: 4 steps on (wasm|cpu) \([\d.]+ steps\/s\)\n$/);
    const r = JSON.parse(run.stdout) as Result;
    expect(r.status).toBe('completed');
    expect(r.history).toHaveLength(2);
    r.history.forEach((h, i) => {
      expect(h.epoch).toBe(i + 1);
      expect(h.steps).toBe(2);
      for (const k of [...TERMS, 'dist', 'seconds'])
        expect(Number.isFinite(h[k]), `history[${i}].${k}`).toBe(true);
      expect(h.total).toBeGreaterThan(h.rec!);
    });
    expect(r.history[1]!.total).toBeLessThan(r.history[0]!.total!);
    expect(r.steps).toBe(4);
    expect(r.steps_per_epoch).toBe(2);
    expect(r.steps_per_second as number).toBeGreaterThan(0);
    expect(r.wall_seconds as number).toBeGreaterThanOrEqual(r.train_seconds as number);
    expect(['wasm', 'cpu']).toContain(r.backend);
    expect(r.backend_reason).toMatch(/^auto: /);
    expect(r.h0).toHaveLength(10);
    const db5 = Array.from(getWavelet('db5').recLo);
    expect(maxAbsDiff(r.h0_init, db5)).toBeGreaterThan(1e-3); // noise 0.1 was added
    expect(maxAbsDiff(r.h0_init, db5)).toBeLessThan(1);
    expectBankOf(r);
    expect([r.lambda, r.gamma]).toEqual([0.1, 1]);
    expect(Number.isFinite(r.dist)).toBe(true);
    const final = r.final as { loss: Record<string, number>; validity: Record<string, number> };
    for (const k of TERMS) expect(Number.isFinite(final.loss[k]), `final.loss.${k}`).toBe(true);
    for (const k of ['lsum', 'hsum', 'l2norm', 'cmf', 'conv'])
      expect(Math.abs(final.validity[k]! - final.loss[k]!), k).toBeLessThan(
        1e-5 * Math.max(1, final.loss[k]!),
      );
    const t = r.teacher as Record<string, unknown> & { held_out: { metric: string; value: number } };
    expect(t.source).toBe('train');
    expect(t.held_out.metric).toBe('r2');
    expect(Number.isFinite(t.held_out.value)).toBe(true);
    expect(t.compat).toEqual({ ok: true, problems: [] });
    expect(t.saved).toBe(join(dir, 'teacher_out.json'));
    expect(existsSync(join(dir, 'teacher_out.weights.bin'))).toBe(true);
    const config = r.config as Record<string, unknown>;
    expect(config.batch_size).toBe(100);
    expect(config.ig_steps).toBe(16);
    expect((config.data as { x: string }).x).toBe(join(dir, 'x.npy'));
  });

  it('the saved teacher loads back; --progress draws; a seeded run repeats exactly', () => {
    const cfg = writeConfig(
      dir,
      {
        data: { x: 'x.npy' },
        teacher: { model: 'teacher_out.json' },
        seed: 5,
        epochs: 1,
        batch_size: 64, // 4 steps, the last one of 8 signals
        backend: 'cpu',
        out: 'again.json',
      },
      'again.config.json',
    );
    const a = awd('fit', '--config', cfg, '--progress');
    expect(a.code, a.stderr).toBe(0);
    expect(a.stderr).toMatch(/\repoch 1\/1 step 4\/4 \[#+\] 100% loss \S+ [\d.]+ steps\/s ETA/);
    const ra = JSON.parse(readFileSync(join(dir, 'again.json'), 'utf8')) as Result;
    expect((ra.teacher as { kind: string }).kind).toBe('mlp1d');
    expect(ra.steps).toBe(4);
    const b = awd('fit', '--config', cfg, '--quiet', '--out', join(dir, 'again2.json'));
    expect(b.code, b.stderr).toBe(0);
    expect(b.stderr).toBe('');
    const rb = JSON.parse(readFileSync(join(dir, 'again2.json'), 'utf8')) as Result;
    expect(rb.h0).toEqual(ra.h0);
    expect(rb.history).toEqual(ra.history.map((h, i) => ({ ...h, seconds: rb.history[i]!.seconds })));
  });
});
