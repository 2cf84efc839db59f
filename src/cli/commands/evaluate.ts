// awd evaluate --config EVAL.json [--out TABLE.json]: keys, files and data are checked here before the
// engine loads; ../evaluate/engine.ts (tfjs) is imported only then.
import { resolve } from 'node:path';
import { parseCommandArgs, stringOpt } from '../args.ts';
import { printJson } from '../command.ts';
import type { CliIO, Command } from '../command.ts';
import { CliError } from '../errors.ts';
import { readJsonFile, writeJsonFile } from '../files.ts';
import { loadData, makeSplit } from '../evaluate/dataSpec.ts';
import { formatTable } from '../evaluate/format.ts';
import { evaluateHelp } from '../evaluate/help.ts';
import { methodsFor } from '../evaluate/methods.ts';
import { pick, rowsOf } from '../../model/evaluate/splits.ts';
import { parseEvaluateConfig } from '../evaluate/spec.ts';
import { prepareTeacher, trainingFitData } from '../evaluate/prepare.ts';

function readConfig(path: string): unknown {
  try {
    return readJsonFile(path);
  } catch (e) {
    if (e instanceof CliError)
      throw new CliError(`awd evaluate: --config: ${e.message.replace(/^awd: /, '')}`);
    throw e;
  }
}

async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const p = parseCommandArgs('evaluate', argv, {
    config: { type: 'string', short: 'c' },
    out: { type: 'string', short: 'o' },
    quiet: { type: 'boolean', short: 'q' },
  });
  if (p.values.help) {
    io.out(evaluateHelp());
    return 0;
  }
  if (p.positionals.length > 0) throw new CliError(`awd evaluate: unexpected argument '${p.positionals[0]}'`);
  const configPath = stringOpt(p, 'config');
  if (configPath === undefined)
    throw new CliError('awd evaluate: missing --config EVAL.json (see awd evaluate --help)');
  const spec = parseEvaluateConfig(readConfig(configPath), configPath);
  const outFlag = stringOpt(p, 'out');
  const out = outFlag !== undefined ? resolve(outFlag) : spec.out;
  const data = loadData(spec.exp.data, 'evaluate');
  const split = makeSplit(data, spec.exp.split, 'evaluate');
  // Checked now, not after the teacher trained: the methods against the data and the teacher.
  methodsFor('evaluate', data.dims, spec.ev.methods, spec.exp.teacher !== null, data.labels !== null);
  const per = data.shape.slice(1).reduce((a, d) => a * d, 1);
  const fitData = trainingFitData(
    rowsOf(data.x, per, split.train),
    pick(data.y, split.train),
    data.shape.slice(1),
  );
  const prepared = prepareTeacher('evaluate', spec.exp.teacher, fitData, spec.exp.awd.target);
  const { runEvaluate } = await import('../evaluate/engine.ts');
  const outcome = await runEvaluate(spec, data, split, prepared);
  if (out !== null) writeJsonFile(out, outcome.result);
  else printJson(io, outcome.result);
  if (p.values.quiet !== true) {
    for (const w of outcome.warnings) io.err(`awd evaluate: warning: ${w}\n`);
    io.err(formatTable(outcome.table));
  }
  return 0;
}

export const evaluateCommand: Command = {
  name: 'evaluate',
  summary: 'evaluation table: distilled predictors (AWD, db5, baselines, teacher) on the test split',
  help: evaluateHelp(),
  run,
};
