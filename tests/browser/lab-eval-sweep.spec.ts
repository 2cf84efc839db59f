// The lab's evaluation table and λ×γ sweep on the built-in demo, in the built bundle: Evaluate shows a
// table with AWD and db5 rows and finite numbers; a 3×3 sweep runs to completion in the worker and
// draws a 3×3 heatmap (best cell = best validation value) and a Pareto plot with every run; clicking a
// cell loads that run's h0, which the wavelet panel then draws (compared tap by tap). Auto and WebGPU.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { noErrors, startLab, type Lab } from './harness.ts';
import { freshPage, LONG, waitStep } from './labPage.ts';

let lab: Lab;
before(async () => {
  lab = await startLab();
});
after(async () => lab?.close());

type PlotEl = HTMLElement & {
  data?: { name?: string; meta?: string; x?: unknown[]; y?: unknown[]; z?: unknown[][] }[];
};

/** Plotly's drawn traces of the plot labelled `label`, once it has drawn ≥ `points` finite values (and `meta`). */
async function traces(page: Page, label: string, points = 1, meta: string | null = null) {
  // Plots out of view are not redrawn (Plot.tsx): bring this one into view first.
  await page.locator(`[aria-label="${label}"]`).scrollIntoViewIfNeeded();
  await page.waitForFunction(
    ([l, n, m]) => {
      const el = document.querySelector(`[aria-label="${l}"]`) as PlotEl | null;
      return Number(el?.dataset.points ?? 0) >= n && (m === null || !!el?.data?.some((t) => t.meta === m));
    },
    [label, points, meta] as const,
    { timeout: LONG, polling: 200 },
  );
  return page.evaluate((l) => {
    const el = document.querySelector(`[aria-label="${l}"]`) as PlotEl;
    return (el.data ?? []).map((t) => ({
      name: t.name ?? null,
      meta: t.meta ?? null,
      x: t.x ?? null,
      y: t.y ?? null,
      z: t.z ?? null,
    }));
  }, label);
}

/** h0 as the wavelet panel draws it (the 'h0 taps' markers). */
async function drawnH0(page: Page): Promise<number[]> {
  const t = await traces(page, 'filter taps h0 and g');
  return (t.find((x) => x.name === 'h0 taps')?.y ?? []) as number[];
}

async function evaluateSweepLoad(hash: string, via: 'heatmap' | 'button'): Promise<void> {
  const page = await freshPage(lab, hash);
  await waitStep(page, 3);
  console.log(`backend: ${await page.getByTestId('backend-reason').textContent()}`);

  // ---- evaluation table ----
  await page.getByRole('button', { name: 'Evaluate', exact: true }).click();
  await page.getByTestId('eval-table').waitFor({ timeout: LONG });
  const rows = await page.$$eval('[data-testid=eval-row]', (trs) =>
    trs.map((tr) => ({
      basis: (tr as HTMLElement).dataset.basis!,
      method: tr.querySelector('th')!.textContent!,
      rmse: Number((tr.querySelector('[data-metric=rmse]') as HTMLElement | null)?.dataset.value),
      se: Number((tr.querySelector('[data-metric=rmse]') as HTMLElement | null)?.dataset.se),
      r2: Number((tr.querySelector('[data-metric=r2]') as HTMLElement | null)?.dataset.value),
    })),
  );
  console.log(
    `evaluation: ${rows.map((r) => `${r.method} rmse ${r.rmse.toFixed(3)} ± ${r.se.toFixed(3)}, r2 ${r.r2.toFixed(3)}`).join('; ')}`,
  );
  for (const basis of ['AWD', 'db5', 'teacher', 'raw'])
    assert.ok(
      rows.some((r) => r.basis === basis),
      `a ${basis} row: ${rows.map((r) => r.method).join(', ')}`,
    );
  for (const r of rows.filter((x) => x.basis === 'AWD' || x.basis === 'db5')) {
    assert.ok(Number.isFinite(r.rmse) && r.rmse > 0, `${r.method}: rmse ${r.rmse}`);
    assert.ok(Number.isFinite(r.se) && r.se > 0, `${r.method}: se ${r.se}`);
    assert.ok(Number.isFinite(r.r2) && r.r2 <= 1, `${r.method}: r2 ${r.r2}`);
  }
  assert.match((await page.getByTestId('eval-status').textContent())!, /test samples/);
  // The attribution-ranked linear model on db5 recovers the simulation's target (db5 is its ground truth):
  // wrong attributions (e.g. GPU constants read back as zeros) would leave R² near 0.
  const db5Attr = rows.find((r) => r.basis === 'db5' && /top-attributed/.test(r.method));
  assert.ok(db5Attr && db5Attr.r2 > 0.9, `db5 · top-attributed linear R² ${db5Attr?.r2}`);

  // ---- sweep (the default 3×3 grid, 2 epochs a run) ----
  assert.equal(await page.getByTestId('sweep-lambdas').textContent(), '0.0100, 0.100, 1.00');
  await page.getByRole('button', { name: 'Start sweep' }).click();
  await page.waitForFunction(
    () =>
      ['done', 'error', 'stopped'].includes(
        document.querySelector<HTMLElement>('[data-testid=sweep-status]')?.dataset.status ?? '',
      ),
    null,
    { timeout: LONG, polling: 250 },
  );
  const status = (await page.getByTestId('sweep-status').textContent())!;
  console.log(`sweep: ${status}`);
  assert.match(status, /^done · 9\/9 runs/);
  // Redraws are scheduled: wait (bounded) until the heatmap has drawn all 9 values, then check them.
  const heat = await traces(page, 'validation metric over the λ×γ grid', 9, 'best validation');
  const z = heat[0]!.z as number[][];
  assert.equal(z.length, 3, 'three λ rows');
  assert.ok(
    z.every((row) => row.length === 3 && row.every((v) => typeof v === 'number' && Number.isFinite(v))),
    `3×3 finite cells: ${JSON.stringify(z)}`,
  );
  const best = heat.find((t) => t.meta === 'best validation');
  assert.ok(best, 'the best cell is marked');
  // The marked cell holds the largest validation R².
  const xs = heat[0]!.x as string[];
  const ys = heat[0]!.y as string[];
  const bestValue = z[ys.indexOf((best.y as string[])[0]!)]![xs.indexOf((best.x as string[])[0]!)]!;
  assert.equal(bestValue, Math.max(...z.flat()), `best cell ${bestValue} vs ${JSON.stringify(z)}`);
  const pareto = await traces(page, 'Pareto view: reconstruction vs attribution sparsity', 9, 'best');
  const pts = pareto.find((t) => t.meta === 'runs')!;
  assert.equal(pts.x!.length, 9, 'one Pareto point per run');
  assert.ok(
    [...pts.x!, ...pts.y!].every((v) => typeof v === 'number' && Number.isFinite(v) && v >= 0),
    JSON.stringify(pts),
  );

  // ---- load a run that is not the best one, with training paused so the filter stays put ----
  await page.getByRole('group', { name: 'Training' }).getByRole('button', { name: 'Pause' }).click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid=status]')?.textContent === 'paused',
    null,
    { timeout: LONG },
  );
  const cells = page.getByTestId('sweep-cell');
  assert.equal(await cells.count(), 9, 'nine cell buttons');
  const bestIndex = await page.locator('[data-testid=sweep-cell].best').getAttribute('data-index');
  const pick = bestIndex === '0' ? '4' : '0';
  const before = await drawnH0(page);
  if (via === 'heatmap') {
    // Click the heatmap where Plotly drew the cell (category axes: cell k is centred at k).
    await page.locator('[aria-label="validation metric over the λ×γ grid"]').scrollIntoViewIfNeeded();
    const at = await page.evaluate((i) => {
      type Ax = { l2p(v: number): number; _offset: number };
      const el = document.querySelector(
        '[aria-label="validation metric over the λ×γ grid"]',
      ) as HTMLElement & {
        _fullLayout: { xaxis: Ax; yaxis: Ax };
      };
      const cell = document.querySelector<HTMLElement>(`[data-testid=sweep-cell][data-index="${i}"]`)!;
      const [row, col] = [Number(cell.dataset.row), Number(cell.dataset.col)];
      const { xaxis, yaxis } = el._fullLayout;
      const box = el.getBoundingClientRect();
      return { x: box.left + xaxis._offset + xaxis.l2p(col), y: box.top + yaxis._offset + yaxis.l2p(row) };
    }, pick);
    await page.mouse.move(at.x, at.y);
    await page.mouse.click(at.x, at.y);
  } else await page.locator(`[data-testid=sweep-cell][data-index="${pick}"]`).click();
  const want = JSON.parse((await page.getByTestId('sweep-loaded-h0').getAttribute('data-h0'))!) as number[];
  assert.equal(want.length, before.length, 'same filter length');
  assert.ok(
    want.some((v, i) => Math.abs(v - before[i]!) > 1e-4),
    'the run’s h0 differs from the live filter before loading',
  );
  await page.locator('[aria-label="filter taps h0 and g"]').scrollIntoViewIfNeeded();
  await page.waitForFunction(
    (w) => {
      const el = document.querySelector('[aria-label="filter taps h0 and g"]') as PlotEl | null;
      const y = (el?.data?.find((t) => t.name === 'h0 taps')?.y ?? []) as number[];
      return y.length === w.length && y.every((v, i) => Math.abs(v - w[i]!) < 1e-5);
    },
    want,
    { timeout: LONG, polling: 200 },
  );
  const after = await drawnH0(page);
  const err = Math.max(...after.map((v, i) => Math.abs(v - want[i]!)));
  console.log(`loaded run ${pick}: max |drawn h0 − run h0| = ${err.toExponential(2)}`);
  assert.ok(err < 1e-5, `wavelet panel shows the run's h0 (max error ${err})`);
  assert.equal(
    await page.locator(`[data-testid=sweep-cell][data-index="${pick}"]`).getAttribute('aria-pressed'),
    'true',
  );
  // λ, γ follow the loaded run, and training continues from it.
  await page.getByRole('group', { name: 'Training' }).getByRole('button', { name: 'Play' }).click();
  const s0 = Number(await page.getByTestId('step').textContent());
  await waitStep(page, s0 + 3);
  assert.equal(noErrors(lab), '');
  await page.close();
}

test('evaluate, run a 3×3 sweep, load a run into the lab (auto backend)', () =>
  evaluateSweepLoad('', 'heatmap'));

// WebGPU in a worker has no trustworthy synchronous read: the jobs must run on the host (cpu) there and
// still give finite numbers and the exact h0.
test('the same on WebGPU (SwiftShader): the jobs read nothing synchronously from the GPU', () =>
  evaluateSweepLoad('#backend=webgpu', 'button'));
