// (c) The verify page, driven like a user: upload awd_loss.json and the teacher files, run every case in
// the worker on WebGL and then WebGPU (SwiftShader), and check each term, the total and d total/d h0
// against awave within the project tolerances, from the numbers the page displays.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { TOL } from '../unit/tolerances.ts';
import { noErrors, REFERENCE_DIR, startLab, type Lab } from './harness.ts';

const FILES = [
  'awd_loss.json',
  'teacher_mlp1d_s11.json',
  'teacher_mlp1d_s11.weights.bin',
  'teacher_cnn2d_s12.json',
  'teacher_cnn2d_s12.weights.bin',
].map((f) => join(REFERENCE_DIR, f));
const CASES = (JSON.parse(readFileSync(FILES[0]!, 'utf8')) as { id: string }[]).map((c) => c.id);
const TERMS = ['rec', 'lsum', 'hsum', 'l2norm', 'cmf', 'conv', 'l1wave', 'l1attr', 'total'];

interface Row {
  id: string;
  backend: string;
  pass: string;
  ms: string;
  error: string | null;
  cells: { term: string; value: string; title: string }[];
}

const rows = (page: Page, backend: string): Promise<Row[]> =>
  page.$$eval(`[data-testid=result-row][data-backend=${backend}]`, (trs) =>
    trs.map((tr) => ({
      id: tr.getAttribute('data-case')!,
      backend: tr.getAttribute('data-backend')!,
      pass: tr.getAttribute('data-pass')!,
      ms: tr.getAttribute('data-ms')!,
      error: tr.querySelector('[data-testid=case-error]')?.textContent ?? null,
      cells: [...tr.querySelectorAll('[data-term]')].map((td) => ({
        term: td.getAttribute('data-term')!,
        value: td.getAttribute('data-value')!,
        title: td.getAttribute('title') ?? '',
      })),
    })),
  );

async function runOn(page: Page, backend: 'webgl' | 'webgpu'): Promise<Row[]> {
  await page.getByTestId('backend-select').selectOption(backend);
  await page.getByTestId('run').click();
  await page
    .getByTestId('summary')
    .filter({ hasText: `on ${backend}` })
    .waitFor({ timeout: 240_000 });
  // The worker really runs the requested backend (no silent fallback).
  assert.equal(await page.getByTestId('worker-backend').textContent(), backend);
  const reason = (await page.getByTestId('worker-reason').textContent())!.replace(/^\s*—\s*/, '');
  assert.doesNotMatch(reason, /fell back/, reason);
  assert.equal(await page.getByTestId('engine-mode').textContent(), 'worker');
  console.log(`${backend}: ${await page.getByTestId('summary').textContent()} — ${reason}`);
  return rows(page, backend);
}

function checkRows(backend: string, got: Row[]): void {
  assert.deepEqual(got.map((r) => r.id).sort(), [...CASES].sort(), `${backend}: one row per case`);
  for (const r of got) {
    assert.equal(r.error, null, `${backend} ${r.id}: ${r.error}`);
    const worst: string[] = [];
    for (const term of TERMS) {
      const cell = r.cells.find((c) => c.term === term);
      assert.ok(cell, `${backend} ${r.id}: no ${term} cell`);
      // Recompute from the displayed got/want instead of trusting the page's verdict.
      const m = /got (\S+), awave (\S+)/.exec(cell.title);
      assert.ok(m, `${backend} ${r.id} ${term}: title '${cell.title}'`);
      const [g, w] = [Number(m[1]), Number(m[2])];
      const err = Math.abs(g - w);
      const allowed = Math.max(TOL.awdRel * Math.abs(w), TOL.awdAbsFloor);
      assert.ok(err <= allowed, `${backend} ${r.id} ${term}: got ${g}, awave ${w}, |Δ| ${err} > ${allowed}`);
      worst.push(`${term} ${Number(cell.value).toExponential(1)}`);
    }
    const grad = Number(r.cells.find((c) => c.term === 'grad')!.value);
    assert.ok(grad <= TOL.awdGradRel, `${backend} ${r.id}: grad_h0 error ${grad} of its norm`);
    assert.equal(r.pass, 'true', `${backend} ${r.id}: page says FAIL`);
    console.log(`  ${backend} ${r.id} (${r.ms} ms): grad ${grad.toExponential(1)}; ${worst.join(', ')}`);
  }
}

let lab: Lab;
before(async () => {
  lab = await startLab();
});
after(async () => lab?.close());

test('verify page: every awd_loss case passes in the worker on webgl and on webgpu', async () => {
  const page = await lab.newPage('verify.html');
  await page.getByTestId('files').setInputFiles(FILES);
  await page
    .getByTestId('inputs')
    .filter({ hasText: `${CASES.length} AWD loss cases` })
    .waitFor();
  assert.equal(await page.locator('[data-testid=inputs] .problem').count(), 0);
  checkRows('webgl', await runOn(page, 'webgl'));
  checkRows('webgpu', await runOn(page, 'webgpu'));
  assert.equal(await page.locator('[data-testid=result-row]').count(), 2 * CASES.length);
  assert.equal(noErrors(lab), '');
});
