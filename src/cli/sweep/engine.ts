// The engine half of `awd sweep` (loaded lazily): backend, teacher (trained once per sweep and kept in
// the folder as teacher-<sweep_id>.json, so every shard and a resumed sweep use the very same one),
// the requested runs, then the summary — and, once every run exists, the evaluation of the selected run.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { waveletDist } from '../../core/filterQuality.ts';
import { initialH0 } from '../../model/train/init.ts';
import { planSweep } from '../../model/sweep/grid.ts';
import { runSweep, type SweepEvents } from '../../model/sweep/runSweep.ts';
import { summarize } from '../../model/sweep/summary.ts';
import { pick, rowsOf } from '../../model/evaluate/splits.ts';
import type { EvaluationTable } from '../../model/evaluate/types.ts';
import { CliError } from '../errors.ts';
import { readTeacherFiles } from '../fit/teacherFiles.ts';
import { selectNodeBackend } from '../nodeBackend.ts';
import type { ExperimentData } from '../evaluate/dataSpec.ts';
import { snakeKeys, writeJsonAtomic } from '../evaluate/json.ts';
import { runEvaluation } from '../evaluate/runEval.ts';
import { prepareTeacher, trainingFitData } from '../evaluate/prepare.ts';
import { experimentTeacher } from '../evaluate/teacher.ts';
import { resolveWavelets } from '../evaluate/wavelets.ts';
import type { Split3 } from '../../model/evaluate/splits.ts';
import type { SweepSpec } from './spec.ts';
import { fileStore } from './store.ts';
import { makeValidator } from './validator.ts';

export interface SweepOutcome {
  readonly summary: Record<string, unknown>;
  readonly table: EvaluationTable | null;
  readonly ran: number;
  readonly missing: number[];
}

export async function runSweepCommand(
  spec: SweepSpec,
  data: ExperimentData,
  split: Split3 & { seed: number },
  outDir: string,
  indices: readonly number[],
  log: (line: string) => void,
  now: () => number = () => performance.now(),
): Promise<SweepOutcome> {
  const { exp } = spec;
  let report;
  try {
    report = await selectNodeBackend(exp.awd.backend);
  } catch (e) {
    throw new CliError(`awd sweep: "awd.backend": ${(e as Error).message}`, 1);
  }
  const signal = data.shape.slice(1);
  const per = signal.reduce((p, d) => p * d, 1);
  const fitData = trainingFitData(rowsOf(data.x, per, split.train), pick(data.y, split.train), signal);
  const saved = join(outDir, `teacher-${spec.sweepId}.json`);
  let teacherSpec = exp.teacher;
  if (teacherSpec?.source === 'train') {
    teacherSpec = existsSync(saved)
      ? { source: 'model', path: saved }
      : { source: 'train', train: { ...teacherSpec.train, save: saved } };
    if (teacherSpec.source === 'train') log('training the teacher on the train split…');
  }
  const prepared =
    teacherSpec?.source === 'model' && teacherSpec.path === saved
      ? { source: 'model' as const, path: saved, files: readTeacherFiles(saved) }
      : prepareTeacher('sweep', teacherSpec, fitData, exp.awd.target);
  const t = await experimentTeacher('sweep', prepared, exp.awd, fitData, report.backend);
  try {
    for (const w of t.warnings) log(`warning: ${w}`);
    const plan = planSweep(spec.grid, spec.warmStart);
    const store = fileStore(outDir, plan, spec.sweepId, { backend: report.backend });
    const validate = makeValidator(spec, data, split, t.teacher);
    const ctx = {
      x: fitData.x,
      shape: fitData.shape,
      teacher: t.teacher,
      base: exp.awd,
      epochs: exp.awd.epochs,
      reference: spec.reference,
      validate: validate.fn,
      now,
    };
    const fmt = (v: number | null | undefined) => (v === null || v === undefined ? '—' : v.toPrecision(4));
    let ran = 0;
    const events: SweepEvents = {
      onSkip: (p) => log(`run ${p.index}: already in ${outDir}, kept`),
      onDone: (r, role) => {
        if (role === 'run') ran++;
        const src = r.warmFrom === null ? 'init' : `run ${r.warmFrom}`;
        const v = r.validation ? ` val ${r.validation.metric} ${fmt(r.validation.value)}` : '';
        const ref =
          r.distToReference !== null ? ` dist(${spec.referenceName}) ${fmt(r.distToReference)}` : '';
        log(
          `${role === 'run' ? 'run' : 'source run'} ${r.index}/${plan.length - 1} λ=${r.lambda} γ=${r.gamma} from ${src}:${ref}${v} ${r.status} (${r.seconds.toFixed(1)} s)`,
        );
      },
    };
    await runSweep(ctx, plan, store, indices, events);
    const runs = store.all();
    const s = summarize(spec.grid, plan, runs, spec.warmStart);
    const sel = s.selected === null ? null : runs.get(s.selected)!;
    const missing = s.runs.filter((l) => l.status === 'missing').map((l) => l.index);
    let table: EvaluationTable | null = null;
    if (s.complete && spec.evaluate) {
      const wavelets = resolveWavelets('sweep', spec.ev.wavelets, {
        selected: sel?.h0 ?? null,
        init: Array.from(initialH0(exp.awd)),
      });
      table = runEvaluation('sweep', {
        data,
        split,
        teacher: t.teacher,
        wavelets,
        spec: spec.ev,
        awd: exp.awd,
        now,
      });
      writeJsonAtomic(
        join(outDir, 'evaluation.json'),
        snakeKeys({ sweepId: spec.sweepId, selected: s.selected, wavelets, table }),
      );
    }
    const summary = snakeKeys({
      sweepId: spec.sweepId,
      config: exp.configPath,
      data: { description: data.description, shape: data.shape, target: data.targetName },
      split: { train: split.train.length, val: split.val.length, test: split.test.length, seed: split.seed },
      validation: validate.describe,
      reference: spec.referenceName,
      // Where the sweep started, in the same measure as every run's dist_to_reference.
      initDistToReference: spec.reference ? waveletDist(initialH0(exp.awd), spec.reference) : null,
      teacher: { ...t.info, file: existsSync(saved) ? saved : null },
      backend: report.backend,
      ...s,
      runs: s.runs.map((l) => ({ ...l, file: store.fileOf(l.index) })),
      selectedRun: sel && {
        index: sel.index,
        lambda: sel.lambda,
        gamma: sel.gamma,
        h0: sel.h0,
        file: store.fileOf(sel.index),
        validation: sel.validation,
        distToReference: sel.distToReference,
      },
      evaluation: table ? 'evaluation.json' : null,
    }) as Record<string, unknown>;
    writeJsonAtomic(join(outDir, 'summary.json'), summary);
    return { summary, table, ran, missing };
  } finally {
    t.dispose();
  }
}
