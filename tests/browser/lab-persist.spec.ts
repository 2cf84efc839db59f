// Data out and back in: the learned wavelet as JSON (h0, g, pywt filter_bank) and Python, plots as
// PNG/SVG, the session as JSON and its re-import; a reload restores the lab from IndexedDB.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { noErrors, startLab, type Lab } from './harness.ts';
import { freshPage, step, traceY, waitStep } from './labPage.ts';

let lab: Lab;
before(async () => {
  lab = await startLab();
});
after(async () => lab?.close());

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 20_000 }), click()]);
  return { name: d.suggestedFilename(), text: readFileSync((await d.path())!, 'utf8') };
}

test('wavelet JSON + Python, plot PNG/SVG, session export and re-import, reload restores', async () => {
  const page = await freshPage(lab, '#backend=wasm&gamma=0.3');
  await waitStep(page, 40);

  const w = await download(page, () => page.getByRole('button', { name: 'Wavelet JSON' }).click());
  const wj = JSON.parse(w.text) as {
    h0: number[];
    g: number[];
    filter_bank: number[][];
    provenance: { gamma: number; level: number };
  };
  assert.equal(w.name, 'awd-wavelet.json');
  assert.equal(wj.h0.length, 10);
  assert.deepEqual(wj.filter_bank[2], wj.h0); // rec_lo = h0
  assert.deepEqual(wj.filter_bank[0], [...wj.h0].reverse()); // dec_lo = h0 reversed
  wj.g.forEach((v, k) => assert.equal(v, (k % 2 ? -1 : 1) * wj.h0[9 - k]!));
  assert.equal(wj.provenance.gamma, 0.3);
  const py = await download(page, () => page.getByRole('button', { name: 'Python', exact: true }).click());
  assert.match(py.text, /pywt\.Wavelet\('awd-db5', filter_bank=\(h0\[::-1\], g\[::-1\], h0, g\)\)/);
  // (training went on between the two clicks, so the taps themselves differ slightly)
  const taps = /h0 = np\.array\(\[([^\]]*)\]\)/.exec(py.text)?.[1]?.split(',').map(Number) ?? [];
  assert.equal(taps.length, 10);
  taps.forEach((v, k) => assert.ok(Math.abs(v - wj.h0[k]!) < 0.05, `tap ${k}: ${v} vs ${wj.h0[k]}`));

  const pngFile = await download(page, () =>
    page.getByRole('button', { name: 'Download losses over steps as PNG' }).click(),
  );
  assert.match(pngFile.name, /\.png$/);
  const svg = await download(page, () =>
    page.getByRole('button', { name: 'Download filter taps h0 and g as SVG' }).click(),
  );
  assert.match(svg.name, /\.svg$/);
  assert.match(svg.text, /<svg/);
  // On screen the legend is HTML; an exported picture gets Plotly's legend back.
  const wave = await download(page, () =>
    page
      .getByRole('button', { name: 'Download scaling function and wavelet, now and initial as SVG' })
      .click(),
  );
  assert.match(wave.text, /class="legend"/);
  assert.match(wave.text, /ψ now/);

  const sess = await download(page, () => page.getByRole('button', { name: 'Session', exact: true }).click());
  const sj = JSON.parse(sess.text) as {
    format: string;
    config: { gamma: number };
    records: unknown[];
    h0History: { step: number; h0: number[] }[];
    step: number;
  };
  assert.equal(sj.format, 'awd-lab-session');
  assert.equal(sj.config.gamma, 0.3);
  assert.ok(
    sj.records.length >= 40 && sj.h0History.length >= 2,
    `${sj.records.length} records, ${sj.h0History.length} filters`,
  );

  // Change γ, then re-import: the session's γ is back and its curve continues from its last step.
  const box = page.getByRole('textbox', { name: /gamma value/i });
  await box.fill('0.05');
  await box.press('Enter');
  await page.waitForFunction(
    () => document.querySelector('[data-testid=gamma-in-effect]')?.textContent === 'γ = 0.05',
    undefined,
    { timeout: 5000 },
  );
  await page.getByTestId('session-input').setInputFiles({
    name: 'awd-session.json',
    mimeType: 'application/json',
    buffer: Buffer.from(sess.text),
  });
  await page.getByText('imported awd-session.json').waitFor({ timeout: 5000 });
  await page.waitForFunction(
    () => document.querySelector('[data-testid=gamma-in-effect]')?.textContent === 'γ = 0.3',
    undefined,
    { timeout: 60_000 },
  );
  const lastSaved = sj.h0History.at(-1)!.step;
  await waitStep(page, lastSaved + 5);
  await page.locator('[data-panel=losses]').scrollIntoViewIfNeeded();
  // Plots out of view catch up when they come back.
  await page
    .waitForFunction(
      (n) => {
        const el = document.querySelector('[aria-label="losses over steps"]') as
          (HTMLElement & { data?: { meta?: string; x?: number[] }[] }) | null;
        return (el?.data?.find((t) => t.meta === 'total')?.x?.length ?? 0) >= n;
      },
      sj.records.length,
      { timeout: 30_000 },
    )
    .catch(() => undefined);
  const total = await traceY(page, 'losses over steps', 'total');
  assert.ok(
    total.length >= sj.records.length,
    `the imported curve is drawn (${total.length} ≥ ${sj.records.length} points)`,
  );

  // Reload: the same dataset, teacher (checked, not retrained), config and curves; training continues.
  await page.waitForTimeout(2500); // the debounced IndexedDB write
  const before = await step(page);
  const shape = await page.getByTestId('dataset-shape').textContent();
  await page.reload();
  await page.waitForFunction(
    () => /^ready/.test(document.querySelector('[data-testid=teacher-status]')?.textContent ?? ''),
    undefined,
    { timeout: 120_000 },
  );
  assert.match((await page.getByTestId('teacher-status').textContent())!, /held-out r2 = /);
  assert.equal(await page.getByTestId('dataset-shape').textContent(), shape);
  const after = await waitStep(page, before);
  console.log(`reload: step ${before} before, ${after} after restore`);
  assert.match(page.url(), /gamma=0\.3/);
  await page.waitForFunction(
    () => document.querySelector('[data-testid=gamma-in-effect]')?.textContent === 'γ = 0.3',
    undefined,
    { timeout: 30_000 },
  );
  assert.equal(noErrors(lab), '');
});
