// awd_fit.json: `steps` full-batch torch-Adam steps at `lr` from the case's h0 (fixed sample order, as
// the reference). Writes h0_final, the per-step loss `history` (at the h0 each step started from),
// `h0_history` (h0 after each step) and `total_final` (the loss at h0_final).
import { flattenSignals } from '../../model/loss/lossCase.ts';
import { AwdTrainer } from '../../model/train/trainer.ts';
import { DEFAULT_CONFIG } from '../../protocol/config.ts';
import type { AttributionMethod, TrainMode } from '../../protocol/config.ts';
import { CliError } from '../errors.ts';
import { caseTeacher, lossCase } from './awdLoss.ts';
import { int } from './caseFields.ts';
import type { ReferenceHandler } from './registry.ts';

export const handler: ReferenceHandler = {
  async compute(c, ctx) {
    const lc = lossCase(c);
    const steps = int(c, 'steps');
    const lr = c.lr;
    if (typeof lr !== 'number' || !(lr > 0)) throw new CliError('case field "lr" must be a number > 0');
    const teacher = await caseTeacher(c, ctx);
    const { data, shape } = flattenSignals(lc.x);
    const w = lc.weights;
    let tr: AwdTrainer;
    try {
      tr = new AwdTrainer({
        x: data,
        shape,
        teacher,
        config: {
          ...DEFAULT_CONFIG,
          h0: lc.h0,
          mode: lc.mode as TrainMode,
          level: lc.level,
          lr,
          batchSize: 0,
          shuffle: false,
          attribution: lc.attribution as AttributionMethod,
          target: lc.target,
          lambda: w.l1wave,
          gamma: w.l1attr,
          weights: { lsum: w.lsum, hsum: w.hsum, l2norm: w.l2norm, cmf: w.cmf, conv: w.conv },
        },
        distEvery: 0,
      });
    } catch (e) {
      throw new CliError(`${lc.id ?? 'case'}: ${(e as Error).message}`);
    }
    try {
      const history: number[] = [];
      const h0History: number[][] = [];
      for (let s = 0; s < steps; s++) {
        const r = tr.step();
        history.push(r.total);
        h0History.push(Array.from(r.h0));
      }
      return {
        h0_final: Array.from(tr.h0()),
        history,
        h0_history: h0History,
        total_final: tr.evaluate().total,
      };
    } finally {
      tr.dispose();
    }
  },
};
