// An `awd evaluate` config → checked specs (pure). Keys: the shared sections (data, split, teacher,
// awd: the transform and attribution settings), the evaluation keys, and "out".
import { resolve, dirname } from 'node:path';
import { CliError } from '../errors.ts';
import { didYouMean } from '../fit/keys.ts';
import { EVAL_KEYS, parseEvalSpec, type EvalSpec } from './evalSpec.ts';
import { parseExperiment, type ExperimentSpec } from './experiment.ts';

/** The AWD keys an evaluation uses: how coefficients and attributions are computed, and where. */
export const EVAL_AWD_KEYS = ['level', 'mode', 'attribution', 'ig_steps', 'target', 'backend'] as const;

const TOP_KEYS = ['data', 'split', 'teacher', 'awd', 'out', ...EVAL_KEYS] as const;

export interface EvaluateSpec {
  readonly exp: ExperimentSpec;
  readonly ev: EvalSpec;
  readonly out: string | null;
}

export function parseEvaluateConfig(raw: unknown, configPath: string): EvaluateSpec {
  const fail = (errors: string[]) => new CliError(`awd evaluate: ${configPath}: ${errors.join('; ')}`);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw fail([`expected a JSON object of settings, got ${JSON.stringify(raw)}`]);
  const o = raw as Record<string, unknown>;
  const errors: string[] = [];
  for (const k of Object.keys(o))
    if (!(TOP_KEYS as readonly string[]).includes(k))
      errors.push(`unknown key "${k}"${didYouMean(k, TOP_KEYS)} (awd evaluate --help lists the keys)`);
  const exp = parseExperiment(o, configPath, EVAL_AWD_KEYS, errors);
  const ev = parseEvalSpec(o, dirname(resolve(configPath)), false, errors);
  let out: string | null = null;
  if (o.out !== undefined && o.out !== null) {
    if (typeof o.out !== 'string' || o.out === '')
      errors.push(`"out": expected a file path, got ${JSON.stringify(o.out)}`);
    else out = resolve(dirname(resolve(configPath)), o.out);
  }
  if (errors.length || !exp) throw fail(errors);
  return { exp, ev, out };
}
