// (a) The built lab loads with no console error and shows the backend the worker chose, with why.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { noErrors, startLab, type Lab } from './harness.ts';

let lab: Lab;
before(async () => {
  lab = await startLab();
});
after(async () => lab?.close());

test('the lab shell loads and reports the worker backend', async () => {
  const page = await lab.newPage();
  assert.equal(await page.locator('h1').textContent(), 'AWD Lab');
  const backend = page.getByTestId('backend');
  await page.waitForFunction(
    () => !document.querySelector('[data-testid=backend]')?.textContent?.includes('choosing'),
    undefined,
    { timeout: 90_000 },
  );
  const name = (await backend.textContent())!;
  assert.ok(['webgpu', 'webgl', 'wasm', 'cpu'].includes(name), `backend '${name}'`);
  const reason = (await page.getByTestId('backend-reason').textContent())!;
  console.log(`auto backend choice in the worker: ${name} ${reason}`);
  // All four were tried and the winner is named with its reason.
  for (const b of ['webgpu', 'webgl', 'wasm', 'cpu']) assert.match(reason, new RegExp(`\\b${b}\\b`));
  assert.match(reason, new RegExp(`→ ${name} \\((fastest|the only one that works)\\)`));
  assert.doesNotMatch(reason, /main thread/);
  // The link to the installation check is a real page.
  await page.getByRole('link', { name: 'Verify installation' }).click();
  await page.waitForURL(/verify\.html$/);
  assert.match((await page.locator('h1').textContent())!, /Verify installation/);
  assert.equal(noErrors(lab), '');
});
