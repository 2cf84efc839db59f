// Every awd_loss.json case (one awave Trainer iteration) and awd_fit.json run (20 torch Adam steps),
// recomputed in float32 on the cpu backend from h0, x and the reference teacher.
import '@tensorflow/tfjs-backend-cpu';
import * as tf from '@tensorflow/tfjs-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateLossCase, flattenSignals } from '../../../../src/model/loss/lossCase.ts';
import { TERM_NAMES } from '../../../../src/model/loss/terms.ts';
import type { Teacher } from '../../../../src/model/teacher/types.ts';
import { AwdTrainer } from '../../../../src/model/train/trainer.ts';
import { DEFAULT_CONFIG } from '../../../../src/protocol/config.ts';
import type { AttributionMethod, TrainMode } from '../../../../src/protocol/config.ts';
import type { AwdLossCase } from '../../../../src/protocol/reference.ts';
import { loadReference } from '../../reference.ts';
import { TOL } from '../../tolerances.ts';
import { loadReferenceTeacher } from './referenceTeacher.ts';

interface FitCase extends AwdLossCase {
  lr: number;
  steps: number;
  history: number[];
  h0_history: number[][];
  h0_final: number[];
}

const teachers = new Map<string, Teacher>();
const teacher = (name: string) => {
  let t = teachers.get(name);
  if (!t) teachers.set(name, (t = loadReferenceTeacher(name)));
  return t;
};

describe('awd_loss.json: every term, total and grad_h0 (float32 engine vs awave float64)', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });
  afterAll(() => {
    for (const t of teachers.values()) t.dispose();
    teachers.clear();
  });

  for (const c of loadReference<AwdLossCase[]>('awd_loss.json'))
    for (const residualGradient of ['exact', 'awave'] as const)
      it(`${c.id} (${residualGradient} residual gradient)`, () => {
        const r = evaluateLossCase(c, teacher(c.teacher), { residualGradient });
        for (const k of [...TERM_NAMES, 'total'] as const) {
          const want = k === 'total' ? c.total : c.terms[k];
          const got = k === 'total' ? r.total : r.terms[k];
          const err = Math.abs(got - want);
          expect(err, `${c.id} ${k}: got ${got}, want ${want}`).toBeLessThanOrEqual(
            Math.max(TOL.awdRel * Math.abs(want), TOL.awdAbsFloor),
          );
        }
        const norm = Math.hypot(...c.grad_h0);
        const gErr = Math.max(...c.grad_h0.map((g, i) => Math.abs(g - r.gradH0[i]!))) / norm;
        expect(gErr, `${c.id} grad_h0: got [${Array.from(r.gradH0).join(', ')}]`).toBeLessThanOrEqual(
          TOL.awdGradRel,
        );
      });

  for (const c of loadReference<FitCase[]>('awd_fit.json'))
    it(`${c.id}: ${c.steps} full-batch torch-Adam steps at lr ${c.lr}`, () => {
      const { data, shape } = flattenSignals(c.x);
      const w = c.weights;
      const tr = new AwdTrainer({
        x: data,
        shape,
        teacher: teacher(c.teacher),
        config: {
          ...DEFAULT_CONFIG,
          h0: c.h0,
          mode: c.mode as TrainMode,
          level: c.level,
          lr: c.lr,
          batchSize: 0,
          shuffle: false,
          attribution: c.attribution as AttributionMethod,
          target: c.target,
          lambda: w.l1wave,
          gamma: w.l1attr,
          weights: { lsum: w.lsum, hsum: w.hsum, l2norm: w.l2norm, cmf: w.cmf, conv: w.conv },
        },
        distEvery: 0,
      });
      for (let s = 0; s < c.steps; s++) {
        const r = tr.step();
        expect(Math.abs(r.total - c.history[s]!), `step ${s + 1} total`).toBeLessThanOrEqual(
          TOL.awdRel * Math.abs(c.history[s]!),
        );
        r.h0.forEach((v, i) =>
          expect(Math.abs(v - c.h0_history[s]![i]!), `step ${s + 1} h0[${i}]`).toBeLessThanOrEqual(
            TOL.awdFit,
          ),
        );
      }
      const fin = tr.h0();
      const err = Math.max(...c.h0_final.map((v, i) => Math.abs(v - fin[i]!)));
      expect(err, `h0_final: got [${Array.from(fin).join(', ')}]`).toBeLessThanOrEqual(TOL.awdFit);
      tr.dispose();
    });
});
