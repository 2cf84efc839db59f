// (b) The float64 core computes the same numbers in Chromium as in Node: src/core bundled by esbuild to
// an IIFE at test time, injected into the built app page, wavedec2 of a seeded 64×48 map (db5, level 3,
// several modes), compared value by value (bit-identical expected; ≤ 1e-12 accepted).
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { build } from 'esbuild';
import * as core from '../../src/core/index.ts';
import { noErrors, REPO_ROOT, startLab, type Lab } from './harness.ts';

const ROWS = 64;
const COLS = 48;
const MODES = ['zero', 'symmetric', 'periodic', 'periodization', 'reflect', 'smooth', 'antisymmetric'];
const TOL = 1e-12;

/** Seeded map (LCG + a smooth part) as nested arrays, so Node and the page get identical doubles. */
function seededMap(seed: number): number[][] {
  let s = seed >>> 0;
  const rnd = () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * 2 - 1;
  return Array.from({ length: ROWS }, (_, i) =>
    Array.from({ length: COLS }, (_, j) => Math.sin(i / 5) * Math.cos(j / 7) + 0.25 * rnd()),
  );
}

/**
 * Flattens any coefficient structure (arrays, tuples, {rows, cols, data}, typed arrays, objects by
 * sorted key) into one number list. Kept as source text: the same code runs in Node and in the page
 * (tsx would otherwise inject helpers into a serialised function).
 */
const FLATTEN = `function flatten(v, out) {
  if (typeof v === 'number') out.push(v);
  else if (ArrayBuffer.isView(v) || Array.isArray(v)) for (const x of v) flatten(x, out);
  else if (v && typeof v === 'object') for (const k of Object.keys(v).sort()) flatten(v[k], out);
  return out;
}`;
const flatten = new Function(`${FLATTEN}; return flatten;`)() as (v: unknown, out: number[]) => number[];

let lab: Lab;
let bundle: string;
before(async () => {
  const r = await build({
    entryPoints: [join(REPO_ROOT, 'src/core/index.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'AwdCore',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'error',
  });
  bundle = r.outputFiles[0]!.text;
  lab = await startLab();
});
after(async () => lab?.close());

test('wavedec2 in Chromium equals wavedec2 in Node (float64, db5, level 3, 7 modes)', async () => {
  const page = await lab.newPage();
  await page.getByTestId('backend').waitFor();
  const x = seededMap(20240611);
  const inPage = (await page.evaluate(
    // The bundle goes in with the call: the lab's CSP forbids inline <script>, while DevTools
    // evaluation is exempt from it, and the page itself stays unchanged.
    `(() => { ${bundle}; ${FLATTEN}
      const x = ${JSON.stringify(x)};
      const modes = ${JSON.stringify(MODES)};
      return modes.map((m) => flatten(AwdCore.wavedec2(x, 'db5', m, 3), []));
    })()`,
  )) as number[][];
  assert.equal(inPage.length, MODES.length);
  let identical = 0;
  let total = 0;
  MODES.forEach((mode, k) => {
    const want = flatten(core.wavedec2(x, 'db5', mode as never, 3), []);
    const got = inPage[k]!;
    assert.equal(got.length, want.length, `${mode}: ${got.length} vs ${want.length} coefficients`);
    assert.ok(want.length > (ROWS * COLS) / 2, `${mode}: suspiciously few coefficients (${want.length})`);
    let worst = 0;
    for (let i = 0; i < want.length; i++) {
      const d = Math.abs(got[i]! - want[i]!);
      if (!(d <= worst)) worst = Number.isNaN(d) ? Infinity : d;
      if (Object.is(got[i], want[i])) identical++;
    }
    total += want.length;
    assert.ok(worst <= TOL, `${mode}: max |browser − node| = ${worst}`);
  });
  console.log(
    `core in Chromium: ${identical}/${total} coefficients bit-identical to Node, all within ${TOL}`,
  );
  assert.equal(noErrors(lab), '');
});
