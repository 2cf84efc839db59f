// awd fit --config RUN.json [--out RESULT.json]: everything the user can get wrong (keys, values, files,
// shapes, teacher paths) is checked here before the engine loads; ../fit/run.ts (tfjs) is imported
// only then, so `awd fit --help` and config errors cost no engine start-up.
import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseCommandArgs, stringOpt } from '../args.ts';
import { printJson } from '../command.ts';
import type { CliIO, Command } from '../command.ts';
import { CliError } from '../errors.ts';
import { readJsonFile, writeJsonFile } from '../files.ts';
import { loadFitData } from '../fit/data.ts';
import type { FitData } from '../fit/data.ts';
import { fitHelp } from '../fit/help.ts';
import { NO_PROGRESS, terminalProgress } from '../fit/progress.ts';
import { parseFitSpec } from '../fit/spec.ts';
import type { FitSpec } from '../fit/spec.ts';
import type { PreparedTeacher } from '../fit/teacher.ts';
import { readTeacherFiles } from '../fit/teacherFiles.ts';
import { resolveTrainSetup } from '../fit/trainSetup.ts';

function prepareTeacher(spec: FitSpec, data: FitData): PreparedTeacher {
  const t = spec.teacher;
  if (t === null) return null;
  if (t.source === 'model') return { source: 'model', path: t.path, files: readTeacherFiles(t.path) };
  return { source: 'train', spec: t.train, setup: resolveTrainSetup(t.train, data, spec.awd.target) };
}

/** Fails now, not after the training, when the result cannot be written there. */
function checkWritable(key: string, file: string): void {
  const dir = dirname(file);
  if (!existsSync(dir) || !statSync(dir).isDirectory())
    throw new CliError(`awd fit: ${key}: the folder of ${file} does not exist`);
  if (existsSync(file) && statSync(file).isDirectory())
    throw new CliError(`awd fit: ${key}: ${file} is a directory`);
}

function readConfig(path: string): unknown {
  try {
    return readJsonFile(path);
  } catch (e) {
    if (e instanceof CliError) throw new CliError(`awd fit: --config: ${e.message.replace(/^awd: /, '')}`);
    throw e;
  }
}

async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const p = parseCommandArgs('fit', argv, {
    config: { type: 'string', short: 'c' },
    out: { type: 'string', short: 'o' },
    quiet: { type: 'boolean', short: 'q' },
    progress: { type: 'boolean' },
  });
  if (p.values.help) {
    io.out(fitHelp());
    return 0;
  }
  if (p.positionals.length > 0)
    throw new CliError(`awd fit: unexpected argument '${p.positionals[0]}' (the run goes in --config FILE)`);
  const configPath = stringOpt(p, 'config');
  if (configPath === undefined) throw new CliError('awd fit: missing --config RUN.json (see awd fit --help)');
  const spec = parseFitSpec(readConfig(configPath), configPath);
  const outFlag = stringOpt(p, 'out');
  const out = outFlag !== undefined ? resolve(outFlag) : spec.out;
  if (out !== null) checkWritable(outFlag !== undefined ? '--out' : '"out"', out);
  const saveTo = spec.teacher?.source === 'train' ? spec.teacher.train.save : null;
  if (saveTo) checkWritable('"teacher.train.save"', saveTo);
  const data = loadFitData(spec);
  const prepared = prepareTeacher(spec, data);

  const quiet = p.values.quiet === true;
  const draw = !quiet && (p.values.progress === true || io.errIsTTY === true);
  const progress = draw ? terminalProgress((s) => io.err(s)) : NO_PROGRESS;
  const { runFit } = await import('../fit/run.ts');
  const outcome = await runFit(spec, data, prepared, progress);
  if (out !== null) writeJsonFile(out, outcome.result);
  else printJson(io, outcome.result);
  if (!quiet) {
    for (const w of outcome.warnings) io.err(`awd fit: warning: ${w}\n`);
    const r = outcome.result as { steps: number; steps_per_second: number | null; backend: string };
    const rate = r.steps_per_second === null ? '' : ` (${r.steps_per_second.toFixed(1)} steps/s)`;
    io.err(
      `awd fit: ${r.steps} step${r.steps === 1 ? '' : 's'} on ${r.backend}${rate}${out !== null ? ` → ${out}` : ''}\n`,
    );
  }
  if (outcome.diverged !== null) {
    io.err(`awd fit: ${outcome.diverged}\n`);
    return 1;
  }
  return 0;
}

export const fitCommand: Command = {
  name: 'fit',
  summary: 'distil a teacher into an adaptive wavelet (AWD) from a JSON config',
  help: fitHelp(),
  run,
};
