// Privacy (no request leaves the page's origin after load; CSP allows only 'self'), accessible names on
// every control, keyboard focus, the first-visit hints, and a 1024 px window without overlapping panels.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { noErrors, startLab, type Lab } from './harness.ts';
import { freshPage, png, waitStep } from './labPage.ts';

let lab: Lab;
before(async () => {
  lab = await startLab();
});
after(async () => lab?.close());

test('no request leaves the origin; the CSP allows only the app itself', async () => {
  const requests: string[] = [];
  lab.context.on('request', (r) => requests.push(r.url()));
  const page = await freshPage(lab, '#backend=wasm');
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.reload();
  await page.waitForLoadState('load');
  const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(csp!, /default-src 'self'/);
  assert.match(csp!, /connect-src 'self'/);
  assert.doesNotMatch(csp!, /https?:|\*/, 'no other origin is allowed');
  // Train, upload, export: everything a session does.
  await waitStep(page, 10);
  await page
    .getByLabel(/^Upload data/)
    .setInputFiles([{ name: 'one.png', mimeType: 'image/png', buffer: png(32, 32, (r, c) => r * c) }]);
  await page.getByRole('button', { name: 'Wavelet JSON' }).click();
  await page.waitForTimeout(1500);
  const foreign = requests.filter(
    (u) => !u.startsWith(lab.url) && !u.startsWith('data:') && !u.startsWith('blob:'),
  );
  console.log(`${requests.length} requests, all to ${lab.url}`);
  assert.deepEqual(foreign, [], 'requests to other origins');
  assert.equal(noErrors(lab), '');
});

test('every control has an accessible name; sliders and buttons work from the keyboard with a visible focus', async () => {
  const page = await freshPage(lab, '#backend=wasm');
  await waitStep(page, 2);
  const unnamed = await page
    .locator('button, input, select, [role=slider], [role=radio]')
    .evaluateAll((els) =>
      els
        .filter((e) => {
          const el = e as HTMLInputElement;
          if (el.type === 'hidden' || el.hidden) return false;
          const named =
            el.getAttribute('aria-label') ||
            el.getAttribute('aria-labelledby') ||
            (el.labels && [...el.labels].some((l) => l.textContent?.trim())) ||
            (el.tagName === 'BUTTON' && el.textContent?.trim());
          return !named;
        })
        .map((e) => e.outerHTML.slice(0, 120)),
    );
  assert.deepEqual(unnamed, [], 'controls without an accessible name');
  for (const name of [/gamma/i, /lambda/i])
    assert.equal(await page.getByRole('slider', { name }).count(), 1, `${name} slider`);
  for (const name of [
    'wavelet',
    'mode',
    'attribution',
    'backend',
    'J (levels)',
    'learning rate',
    'noise',
    'seed',
  ])
    assert.equal(await page.getByLabel(name, { exact: true }).count(), 1, `control "${name}"`);

  const lambda = page.getByRole('slider', { name: /lambda/i });
  await lambda.focus();
  const outline = await lambda.evaluate((e) => getComputedStyle(e).outlineStyle);
  assert.notEqual(outline, 'none', 'visible focus');
  await page.keyboard.press('End');
  assert.equal(await lambda.getAttribute('aria-valuetext'), 'lambda 10');
  await page.keyboard.press('Home');
  assert.equal(await lambda.getAttribute('aria-valuetext'), 'lambda 0');
  await page.waitForFunction(
    () => document.querySelector('[data-testid=lambda-in-effect]')?.textContent === 'λ = 0',
    undefined,
    { timeout: 10_000 },
  );
  // Pause/play from the keyboard.
  const play = page.getByRole('button', { name: 'Pause' });
  await play.focus();
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Play' }).waitFor({ timeout: 10_000 });
  await page.waitForFunction(
    () => document.querySelector('[data-testid=status]')?.textContent === 'paused',
    undefined,
    { timeout: 10_000 },
  );

  // Plot legends are checkbox groups: Space on "ψ now" hides that trace (Plotly's 'legendonly').
  const traceVisible = (label: string, key: string) =>
    page.evaluate(
      ([l, k]) => {
        const el = document.querySelector(`[aria-label="${l}"]`) as
          (HTMLElement & { data?: { name?: string; meta?: string; visible?: unknown }[] }) | null;
        return el?.data?.find((t) => (t.meta ?? t.name) === k)?.visible ?? true;
      },
      [label, key] as const,
    );
  const wave = 'scaling function and wavelet, now and initial';
  const psi = page
    .getByRole('group', { name: `${wave}: traces shown` })
    .getByRole('checkbox', { name: 'ψ now' });
  await psi.scrollIntoViewIfNeeded();
  assert.equal(await psi.isChecked(), true);
  await psi.focus();
  await page.keyboard.press('Space');
  assert.equal(await psi.isChecked(), false);
  await page.waitForFunction(
    (l) =>
      (
        document.querySelector(`[aria-label="${l}"]`) as HTMLElement & {
          data?: { name?: string; visible?: unknown }[];
        }
      ).data?.find((t) => t.name === 'ψ now')?.visible === 'legendonly',
    wave,
    { timeout: 10_000 },
  );
  assert.equal(await traceVisible(wave, 'φ now'), true);
  // The Losses legend is the term toggles.
  const cmf = page.getByRole('group', { name: 'Loss terms shown' }).getByRole('checkbox', { name: /^cmf/ });
  await cmf.click();
  await page.waitForFunction(
    () =>
      (
        document.querySelector('[aria-label="losses over steps"]') as HTMLElement & {
          data?: { meta?: string; visible?: unknown }[];
        }
      ).data?.find((t) => t.meta === 'cmf')?.visible === 'legendonly',
    undefined,
    { timeout: 10_000 },
  );
  assert.equal(await cmf.isChecked(), false);
  assert.equal(noErrors(lab), '');
});

test('first-visit hints explain reconstruction, validity, λ and γ, and stay dismissed', async () => {
  const page = await freshPage(lab, '#backend=wasm');
  const tour = page.getByRole('complementary', { name: 'How to read the lab' });
  await tour.waitFor();
  const text = (await tour.textContent())!;
  for (const word of ['Reconstruction', 'Validity', 'λ', 'γ']) assert.ok(text.includes(word), word);
  await page.getByRole('button', { name: 'Got it' }).click();
  await tour.waitFor({ state: 'detached' });
  await page.reload();
  await page.getByRole('heading', { name: 'Controls' }).waitFor();
  assert.equal(await tour.count(), 0);
  assert.equal(noErrors(lab), '');
});

test('at 1024 px wide the panels neither overlap nor overflow', async () => {
  const page = await freshPage(lab, '#backend=wasm');
  await page.setViewportSize({ width: 1024, height: 768 });
  await waitStep(page, 5);
  await page.waitForTimeout(1000);
  const boxes = await page.locator('section.panel').evaluateAll((els) =>
    els.map((e) => {
      const r = e.getBoundingClientRect();
      return {
        id: (e as HTMLElement).dataset.panel!,
        x: r.left,
        y: r.top + scrollY,
        w: r.width,
        h: r.height,
      };
    }),
  );
  assert.equal(boxes.length, 8); // controls, data, teacher, losses, wavelet, attributions, evaluation, sweep
  for (const a of boxes)
    for (const b of boxes) {
      if (a.id >= b.id) continue;
      const overlap =
        a.x < b.x + b.w - 1 && b.x < a.x + a.w - 1 && a.y < b.y + b.h - 1 && b.y < a.y + a.h - 1;
      assert.ok(!overlap, `${a.id} overlaps ${b.id}: ${JSON.stringify([a, b])}`);
    }
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 1024, `no horizontal overflow (${width} px)`);
  assert.equal(noErrors(lab), '');
});
