// The lab's evaluation table: the run's learned filter (AWD) against db5 (and the run's initial wavelet
// when that is another one), awave's baselines and the teacher, on the held-out split the run never
// saw. Same pipelines as `awd evaluate` (model/evaluate), with the CLI's default options.
import { getWavelet } from '../core/wavelets.ts';
import { DEFAULT_ATTR_THRESHOLD } from '../model/evaluate/compression.ts';
import { evaluate1d, METHODS_1D } from '../model/evaluate/evaluate1d.ts';
import { BASELINES_2D, evaluate2d } from '../model/evaluate/evaluate2d.ts';
import { DEFAULT_PEAKS } from '../model/evaluate/peakCounting.ts';
import { DEFAULT_RIDGE } from '../model/evaluate/predictors1d.ts';
import type { NamedWavelet } from '../model/evaluate/types.ts';
import { data1d, data2d, jobTeacher, splitOf } from './labJobData.ts';
import type { EvaluateJob, EvaluateResult } from './labJobTypes.ts';

/** The fixed wavelets AWD is compared with: db5 (the paper's), and the run's init wavelet if different. */
function fixedWavelets(init: string): NamedWavelet[] {
  const names = init === 'db5' ? ['db5'] : ['db5', init];
  return names.map((name) => ({ label: name, h0: Array.from(getWavelet(name).recLo), learned: false }));
}

export function evaluateLab(job: EvaluateJob): EvaluateResult {
  const { config: cfg, data: d } = job;
  const signal = d.shape.slice(1);
  const teacher = jobTeacher(job.artifacts, signal, cfg.target, false);
  try {
    const wavelets: NamedWavelet[] = [
      { label: 'AWD', h0: job.h0, learned: true },
      ...fixedWavelets(cfg.wavelet),
    ];
    const common = {
      split: splitOf(d),
      targetName: d.targetName,
      wavelets,
      teacher,
      mode: cfg.mode,
      level: cfg.level,
      target: cfg.target,
      attribution: cfg.attribution,
      igSteps: cfg.igSteps,
      bootstrap: { reps: job.bootstrapReps, seed: 1 },
      attrThreshold: DEFAULT_ATTR_THRESHOLD,
      now: job.now,
    };
    const table =
      signal.length === 1
        ? evaluate1d({
            ...common,
            data: data1d(d),
            methods: METHODS_1D,
            topk: { k: 5, by: 'abs' },
            topAttr: 10,
            ridge: DEFAULT_RIDGE,
          })
        : evaluate2d({
            ...common,
            data: data2d(d),
            baselines: BASELINES_2D,
            includeTeacher: true,
            kernels: '3x3',
            boundary: 'zero',
            peaks: DEFAULT_PEAKS,
          });
    // Plain-data copies: the table's readonly arrays and records go over postMessage as they are.
    return {
      table: structuredClone(table) as EvaluateResult['table'],
      wavelets: wavelets.map((w) => ({ label: w.label, h0: [...w.h0], learned: w.learned })),
    };
  } finally {
    teacher?.dispose();
  }
}
