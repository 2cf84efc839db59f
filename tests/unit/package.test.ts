// The published entry points: `import { wavedec } from 'awd-lab/core'` (and '/model') must work in plain
// Node, without the TS loader the rest of the tests use — that is what a user of the package gets.
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadReference } from './reference.ts';
import { TOL } from './tolerances.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const node = (code: string) =>
  execFileSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8' });

interface Dwt1dCase {
  wavelet: string;
  mode: string;
  level: number;
  x: number[];
  coeffs: number[][];
}

describe('package exports (lib/ built by `prepare`)', () => {
  beforeAll(() => {
    execFileSync(process.execPath, ['scripts/build-lib.mjs'], { cwd: ROOT });
  }, 60_000);

  it("'awd-lab/core' gives pywt's wavedec in plain Node", () => {
    const c = loadReference<Dwt1dCase[]>('dwt1d.json').find((k) => k.level >= 2 && k.mode === 'symmetric')!;
    const out = node(
      `import { wavedec } from 'awd-lab/core';
       const c = ${JSON.stringify({ x: c.x, w: c.wavelet, m: c.mode, l: c.level })};
       console.log(JSON.stringify(wavedec(c.x, c.w, c.m, c.l).map((a) => Array.from(a))));`,
    );
    const got = JSON.parse(out) as number[][];
    expect(got.length).toBe(c.coeffs.length);
    got.forEach((band, i) =>
      band.forEach((v, j) => expect(Math.abs(v - c.coeffs[i]![j]!)).toBeLessThanOrEqual(TOL.pywt)),
    );
  });

  it("'awd-lab/model' loads with gradients registered (second order works)", () => {
    const out = node(
      `import { TERM_NAMES } from 'awd-lab/model';
       import * as tf from '@tensorflow/tfjs-core';
       tf.env().set('PROD', true);
       const d2 = tf.grad(tf.grad((x) => tf.sum(tf.mul(x, tf.mul(x, x)))))(tf.scalar(2)).dataSync()[0];
       console.log(JSON.stringify({ terms: TERM_NAMES.length, d2 }));`,
    );
    const r = JSON.parse(out.trim().split('\n').pop()!) as { terms: number; d2: number };
    expect(r.terms).toBe(8);
    expect(r.d2).toBeCloseTo(12, 5); // d²/dx² x³ = 6x at x = 2
  });
});
