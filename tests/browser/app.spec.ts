// (a) The built lab loads with no console error and shows the backend the worker chose, with why.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { noErrors, startLab, type Lab } from './harness.ts';

let lab: Lab;
before(async () => {
  lab = await startLab();
});
after(async () => lab?.close());

test('the lab shell loads, trains at once, and moves to the backend measured in the background', async () => {
  const page = await lab.newPage();
  assert.equal(await page.locator('h1').textContent(), 'AWD Lab');
  const line = page.locator('.backend-line');
  const t0 = Date.now();
  // First visit: training starts on wasm while a second worker measures every backend.
  await page.waitForFunction(
    () => Number(document.querySelector('[data-testid=step]')?.textContent ?? 0) >= 1,
    undefined,
    {
      timeout: 90_000,
      polling: 100,
    },
  );
  const firstStepMs = Date.now() - t0;
  const early = (await line.textContent())!;
  await page.waitForFunction(
    () => /measured in the background:/.test(document.querySelector('.backend-line')?.textContent ?? ''),
    undefined,
    {
      timeout: 180_000,
    },
  );
  const measuredMs = Date.now() - t0;
  const text = (await line.textContent())!;
  const winner = /→ (\w+) \((?:fastest|the only one that works)\)/.exec(text)?.[1];
  console.log(
    `first step after ${firstStepMs} ms (${early.trim()}); measurement after ${measuredMs} ms: ${text.trim()}`,
  );
  assert.match(
    early,
    /training on wasm while every backend is measured in the background/,
    'training did not wait for the measurement',
  );
  // All four were tried and the winner is named with its reason; the run is on the winner.
  for (const b of ['webgpu', 'webgl', 'wasm', 'cpu']) assert.match(text, new RegExp(`\\b${b}\\b`));
  assert.ok(winner, `no winner in "${text}"`);
  await page.waitForFunction(
    (w) => document.querySelector('[data-testid=backend]')?.textContent === w,
    winner,
    { timeout: 60_000 },
  );
  assert.doesNotMatch(text, /main thread/);
  // The next visit starts on the remembered winner without measuring.
  await page.reload();
  await page.waitForFunction(
    () =>
      /remembered from an earlier measurement/.test(
        document.querySelector('.backend-line')?.textContent ?? '',
      ),
    undefined,
    {
      timeout: 30_000,
    },
  );
  assert.equal(await page.getByTestId('backend').textContent(), winner);
  // The link to the installation check is a real page.
  await page.getByRole('link', { name: 'Verify installation' }).click();
  await page.waitForURL(/verify\.html$/);
  assert.match((await page.locator('h1').textContent())!, /Verify installation/);
  assert.equal(noErrors(lab), '');
});
