// `awd reference awd_fit <cases.json>`: for each case, `steps` full-batch torch-Adam steps at `lr` from
// its h0 (fixed sample order, as the reference), reporting h0_final and the per-step loss history.
import { readFile } from 'node:fs/promises';
import { flattenSignals } from '../../model/loss/lossCase.ts';
import { AwdTrainer } from '../../model/train/trainer.ts';
import { ATTRIBUTIONS, DEFAULT_CONFIG, TRAIN_MODES } from '../../protocol/config.ts';
import type { AttributionMethod, TrainMode } from '../../protocol/config.ts';
import type { AwdLossCase } from '../../protocol/reference.ts';
import { teacherCache } from './awdLoss.ts';

export interface AwdFitCase extends AwdLossCase {
  lr: number;
  steps: number;
  h0_final?: number[];
}

export interface AwdFitResult {
  id: string;
  h0_final: number[];
  history: number[];
  h0_history: number[][];
  /** Present when the case records h0_final: max |Δ| over the taps. */
  check?: { h0MaxAbs: number; pass: boolean };
}

/** h0_final within this (max abs) of the recorded one counts as a pass (tests/unit/tolerances.ts awdFit). */
export const AWD_FIT_TOLERANCE = 1e-4;

export async function runAwdFit(caseFile: string): Promise<{ cases: AwdFitResult[]; pass: boolean }> {
  const cases = JSON.parse(await readFile(caseFile, 'utf8')) as AwdFitCase[];
  if (!Array.isArray(cases)) throw new Error(`${caseFile}: expected a JSON array of awd_fit cases`);
  const teachers = teacherCache(caseFile);
  const out: AwdFitResult[] = [];
  try {
    for (const c of cases) {
      if (!(TRAIN_MODES as readonly string[]).includes(c.mode))
        throw new Error(`${c.id}: unsupported mode '${c.mode}'`);
      if (!(ATTRIBUTIONS as readonly string[]).includes(c.attribution))
        throw new Error(`${c.id}: unsupported attribution '${c.attribution}'`);
      if (!(Number.isInteger(c.steps) && c.steps >= 0 && c.lr > 0))
        throw new Error(`${c.id}: bad steps ${c.steps} or lr ${c.lr}`);
      const { data, shape } = flattenSignals(c.x);
      const w = c.weights;
      const tr = new AwdTrainer({
        x: data,
        shape,
        teacher: await teachers.get(c.teacher),
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
      const history: number[] = [];
      const h0History: number[][] = [];
      try {
        for (let s = 0; s < c.steps; s++) {
          const r = tr.step();
          history.push(r.total);
          h0History.push(Array.from(r.h0));
        }
      } finally {
        tr.dispose();
      }
      const h0Final = h0History.at(-1) ?? [...c.h0];
      const res: AwdFitResult = { id: c.id, h0_final: h0Final, history, h0_history: h0History };
      if (Array.isArray(c.h0_final)) {
        const e = Math.max(...c.h0_final.map((v, i) => Math.abs(v - h0Final[i]!)));
        res.check = { h0MaxAbs: e, pass: e <= AWD_FIT_TOLERANCE };
      }
      out.push(res);
    }
  } finally {
    await teachers.dispose();
  }
  return { cases: out, pass: out.every((c) => c.check?.pass !== false) };
}
