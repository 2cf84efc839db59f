import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { validityTerms } from '../../../../src/model/loss/validity.ts';
import { loadReference } from '../../reference.ts';
import { TOL } from '../../tolerances.ts';

interface Case {
  id: string;
  h0: number[];
  terms: Record<string, number>;
}

/** float64 twins of awave's definitions, written independently of the tf code. */
function float64Terms(h: number[]) {
  const K = h.length;
  const g = h.map((_, k) => (k % 2 ? -1 : 1) * h[K - 1 - k]!);
  const sum = (a: number[]) => a.reduce((s, v) => s + v, 0);
  const mod = h.map((_, k) => {
    let re = 0;
    let im = 0;
    h.forEach((v, n) => {
      re += v * Math.cos((2 * Math.PI * k * n) / K);
      im -= v * Math.sin((2 * Math.PI * k * n) / K);
    });
    return re * re + im * im;
  });
  let cmf = 0;
  for (let k = 0; k < K / 2; k++) cmf += 0.5 * (mod[k]! + mod[k + K / 2]! - 2) ** 2;
  let conv = 0;
  for (let i = 0; i <= K; i++) {
    let v = 0;
    for (let k = 0; k < K; k++) v += h[k]! * (h[k + 2 * i - K] ?? 0);
    conv += 0.5 * (v - (i === K / 2 ? 1 : 0)) ** 2;
  }
  return {
    lsum: 0.5 * (sum(h) - Math.SQRT2) ** 2,
    hsum: 0.5 * sum(g) ** 2,
    l2norm: 0.5 * (sum(h.map((v) => v * v)) - 1) ** 2,
    cmf,
    conv,
  };
}

const close = (got: number, want: number) =>
  Math.abs(got - want) <= Math.max(TOL.awdRel * Math.abs(want), TOL.awdAbsFloor);

describe('validity terms', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  const cases = loadReference<Case[]>('awd_loss.json');
  for (const c of cases)
    it(`match awave on ${c.id}`, () => {
      const got = tf.tidy(() => {
        const t = validityTerms(tf.tensor1d(c.h0));
        return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.dataSync()[0]!]));
      });
      for (const k of ['lsum', 'hsum', 'l2norm', 'cmf', 'conv'])
        expect(close(got[k]!, c.terms[k]!), `${c.id} ${k}: got ${got[k]}, want ${c.terms[k]}`).toBe(true);
    });

  it('match a float64 twin for every even K from 2 to 20 (random filters)', () => {
    let s = 7;
    const rnd = () => ((s = (s * 16807) % 2147483647) / 2147483647) * 2 - 1;
    for (let K = 2; K <= 20; K += 2) {
      const h = Array.from({ length: K }, rnd);
      const want = float64Terms(h);
      const got = tf.tidy(() => {
        const t = validityTerms(tf.tensor1d(h));
        return Object.fromEntries(Object.entries(t).map(([k, v]) => [k, v.dataSync()[0]!]));
      });
      for (const [k, w] of Object.entries(want))
        expect(Math.abs(got[k]! - w), `K=${K} ${k}`).toBeLessThan(1e-5 * Math.max(1, Math.abs(w)));
    }
  });

  it('vanish for an orthogonal wavelet (db2)', () => {
    const db2 = [0.48296291314453416, 0.8365163037378079, 0.2241438680420134, -0.12940952255126037];
    const got = tf.tidy(() => Object.values(validityTerms(tf.tensor1d(db2))).map((v) => v.dataSync()[0]!));
    for (const v of got) expect(v).toBeLessThan(1e-12);
  });

  it('rejects odd filter lengths with the length in the message', () => {
    expect(() => validityTerms(tf.tensor1d([1, 2, 3]))).toThrow(/even.*3/);
  });
});
