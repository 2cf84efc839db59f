// Screenshots of the lab for the README: the 1-D demo and the 2-D mass maps, each after some training.
// Run after a build: `npx vite build && node --import tsx scripts/screenshots.ts`.
// The viewport is tall enough for every panel, since plots out of view do not redraw while training.
import { startLab } from '../tests/browser/harness.ts';
import { freshPage, waitStep } from '../tests/browser/labPage.ts';

const shots: [string, string, number][] = [
  ['docs/screenshots/lab-1d.png', '#backend=wasm', 300],
  ['docs/screenshots/lab-2d.png', '#data=builtin:mass-maps&backend=wasm&level=3', 40],
];

const lab = await startLab();
try {
  for (const [file, hash, steps] of shots) {
    const page = await freshPage(lab, hash);
    await page.setViewportSize({ width: 1500, height: 2900 });
    await page.getByRole('button', { name: 'Got it' }).click();
    await waitStep(page, steps, 600_000);
    // The evaluation table and a finished 3×3 sweep, so the shot shows every panel with content.
    await page.getByRole('button', { name: 'Evaluate', exact: true }).click();
    await page.waitForFunction(
      () => /test samples/.test(document.querySelector('[data-testid=eval-status]')?.textContent ?? ''),
      undefined,
      { timeout: 600_000 },
    );
    await page.getByRole('button', { name: 'Start sweep' }).click();
    await page.waitForFunction(
      () => document.querySelector<HTMLElement>('[data-testid=sweep-status]')?.dataset.status === 'done',
      undefined,
      { timeout: 600_000 },
    );
    await page.waitForTimeout(3000); // let every plot catch up
    await page.screenshot({ path: file, fullPage: true });
    console.log(`${file}: step ${await page.getByTestId('step').textContent()}`);
    await page.close();
  }
  if (lab.errors.length) throw new Error(lab.errors.join('\n'));
} finally {
  await lab.close();
}
