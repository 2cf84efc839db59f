// The built lab opens on the demo and trains in a Web Worker: no console errors, the total loss drops,
// and every panel draws a plot with data.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { noErrors, startLab, type Lab } from './harness.ts';
import { panelPoints, traceY, waitStep } from './labPage.ts';

let lab: Lab;
before(async () => {
  lab = await startLab();
});
after(async () => lab?.close());

test('the demo trains in a worker, the loss drops, every panel plots data', async () => {
  const page = await lab.newPage();
  const t0 = Date.now();
  await waitStep(page, 1);
  console.log(`demo: first step ${((Date.now() - t0) / 1000).toFixed(1)} s after load`);
  assert.ok(
    page.workers().some((w) => /awd\.worker/.test(w.url())),
    `a training worker runs: ${page
      .workers()
      .map((w) => w.url())
      .join(', ')}`,
  );
  assert.doesNotMatch((await page.getByTestId('backend-reason').textContent())!, /main thread/);
  assert.match(
    (await page.getByTestId('teacher-status').textContent())!,
    /ready \(trained\).*held-out r2 = /,
  );
  await waitStep(page, 200);
  // Plots out of view do not redraw while training: look at the Losses panel, as a user would.
  await page.locator('[data-panel=losses]').scrollIntoViewIfNeeded();
  await page
    .waitForFunction(
      () => {
        const el = document.querySelector('[aria-label="losses over steps"]') as
          (HTMLElement & { data?: { meta?: string; y?: unknown[] }[] }) | null;
        return (el?.data?.find((t) => t.meta === 'total')?.y?.length ?? 0) >= 100;
      },
      undefined,
      { timeout: 30_000, polling: 200 },
    )
    .catch(() => undefined); // the assertion below reports the count
  const total = await traceY(page, 'losses over steps', 'total');
  const mean = (a: number[]) => a.reduce((s, v) => s + v, 0) / a.length;
  const early = mean(total.slice(0, 10));
  const late = mean(total.slice(-10));
  console.log(
    `loss total: first 10 steps ${early.toFixed(3)}, last 10 of ${total.length} ${late.toFixed(3)}`,
  );
  assert.ok(total.length >= 100, `${total.length} loss points drawn`);
  assert.ok(late < 0.85 * early, `total loss drops: ${early} → ${late}`);
  const points = await panelPoints(page);
  for (const panel of ['data', 'teacher', 'losses', 'wavelet', 'attributions']) {
    const p = points[panel] ?? [];
    assert.ok(p.length > 0 && p.every((n) => n > 0), `${panel}: every plot has data (${p.join(', ')})`);
  }
  assert.ok(
    (points.wavelet ?? []).length >= 4 && (points.attributions ?? []).length >= 3,
    JSON.stringify(points),
  );
  assert.equal(noErrors(lab), '');
});
