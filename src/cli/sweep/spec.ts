// An `awd sweep` config → checked spec (pure). Shared sections (data, split, teacher, awd: every AWD key
// but λ and γ), the grid, warm start, the validation metric that selects a run, the reference wavelet
// for awave's dist, and an optional "evaluate" section (the evaluation keys) run on the selected run.
import { dirname, resolve } from 'node:path';
import { getWavelet, waveletNames } from '../../core/wavelets.ts';
import { logGrid, normalizeGrid, type SweepGrid } from '../../model/sweep/grid.ts';
import type { MetricName } from '../../model/evaluate/types.ts';
import { CliError } from '../errors.ts';
import { AWD_KEYS, didYouMean } from '../fit/keys.ts';
import { EVAL_KEYS, parseEvalSpec, type EvalSpec } from '../evaluate/evalSpec.ts';
import { parseExperiment, type ExperimentSpec } from '../evaluate/experiment.ts';
import { configHash } from '../evaluate/json.ts';

export interface ValidationSpec {
  /** null: the default for the data (1-D: top_attr_linear with a teacher, else topk_ridge; 2-D: peak_count). */
  readonly predictor: 'top_attr_linear' | 'topk_ridge' | 'peak_count' | null;
  /** null: r2 in 1-D, rmse in 2-D. */
  readonly metric: MetricName | null;
}

export interface SweepSpec {
  readonly exp: ExperimentSpec;
  readonly grid: SweepGrid;
  readonly warmStart: boolean;
  readonly validation: ValidationSpec;
  readonly reference: readonly number[] | null;
  readonly referenceName: string | null;
  /** Predictor options for validation and the evaluation keys for the selected run. */
  readonly ev: EvalSpec;
  readonly evaluate: boolean;
  readonly outDir: string | null;
  /** Identifies the sweep's runs: a hash of everything that changes them (not of "evaluate"). */
  readonly sweepId: string;
}

const TOP = [
  'data',
  'split',
  'teacher',
  'awd',
  'grid',
  'warm_start',
  'validation',
  'reference',
  'evaluate',
  'out_dir',
] as const;
const SWEEP_AWD_KEYS = AWD_KEYS.map((k) => k.key).filter((k) => k !== 'lambda' && k !== 'gamma');
const show = (v: unknown) => JSON.stringify(v) ?? String(v);
const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function parseAxis(v: unknown, name: 'lambda' | 'gamma', errors: string[]): number[] {
  const at = `"grid.${name}"`;
  if (Array.isArray(v)) {
    if (v.length === 0 || !v.every((x) => typeof x === 'number' && Number.isFinite(x) && x >= 0)) {
      errors.push(`${at}: expected a non-empty array of numbers ≥ 0, got ${show(v)}`);
      return [];
    }
    return v as number[];
  }
  if (isObj(v) && Array.isArray(v.log) && v.log.length === 3) {
    const [a, b, n] = v.log as unknown[];
    const extra = Object.keys(v).filter((k) => k !== 'log' && k !== 'zero');
    if (extra.length) errors.push(`${at}.${extra[0]}: unknown key (keys: log, zero)`);
    if (v.zero !== undefined && typeof v.zero !== 'boolean')
      errors.push(`${at}.zero: expected true or false, got ${show(v.zero)}`);
    if (
      typeof a === 'number' &&
      typeof b === 'number' &&
      a > 0 &&
      b > 0 &&
      Number.isInteger(n) &&
      (n as number) >= 1
    )
      return logGrid(a, b, n as number, v.zero === true);
  }
  errors.push(
    `${at}: expected [values…] or {"log": [start, stop, count], "zero": true} (start, stop > 0), got ${show(v)}`,
  );
  return [];
}

function parseValidation(v: unknown, errors: string[]): ValidationSpec {
  if (v === undefined) return { predictor: null, metric: null };
  if (!isObj(v)) {
    errors.push(`"validation": expected {"predictor": …, "metric": …}, got ${show(v)}`);
    return { predictor: null, metric: null };
  }
  const preds = ['top_attr_linear', 'topk_ridge', 'peak_count'];
  const metrics = ['r2', 'rmse', 'accuracy'];
  for (const k of Object.keys(v))
    if (k !== 'predictor' && k !== 'metric')
      errors.push(`"validation.${k}": unknown key${didYouMean(k, ['predictor', 'metric'])}`);
  if (v.predictor !== undefined && !preds.includes(v.predictor as string))
    errors.push(`"validation.predictor": expected one of ${preds.join(', ')}, got ${show(v.predictor)}`);
  if (v.metric !== undefined && !metrics.includes(v.metric as string))
    errors.push(`"validation.metric": expected one of ${metrics.join(', ')}, got ${show(v.metric)}`);
  if (v.metric === 'accuracy' && v.predictor !== 'peak_count')
    errors.push('"validation.metric": accuracy exists for peak_count only (the cosmology class)');
  return {
    predictor: (v.predictor as ValidationSpec['predictor']) ?? null,
    metric: (v.metric as MetricName) ?? null,
  };
}

export function parseSweepConfig(raw: unknown, configPath: string): SweepSpec {
  const fail = (errors: string[]) => new CliError(`awd sweep: ${configPath}: ${errors.join('; ')}`);
  if (!isObj(raw)) throw fail([`expected a JSON object of settings, got ${show(raw)}`]);
  const o = raw;
  const dir = dirname(resolve(configPath));
  const errors: string[] = [];
  for (const k of Object.keys(o))
    if (!(TOP as readonly string[]).includes(k))
      errors.push(`unknown key "${k}"${didYouMean(k, TOP)} (awd sweep --help lists the keys)`);
  const exp = parseExperiment(o, configPath, SWEEP_AWD_KEYS, errors);
  let grid: SweepGrid = { lambdas: [], gammas: [] };
  if (!isObj(o.grid)) errors.push(`"grid": expected {"lambda": [...], "gamma": [...]}, got ${show(o.grid)}`);
  else {
    for (const k of Object.keys(o.grid))
      if (k !== 'lambda' && k !== 'gamma')
        errors.push(`"grid.${k}": unknown key${didYouMean(k, ['lambda', 'gamma'])}`);
    grid = {
      lambdas: parseAxis(o.grid.lambda, 'lambda', errors),
      gammas: parseAxis(o.grid.gamma, 'gamma', errors),
    };
    if (grid.lambdas.length && grid.gammas.length) grid = normalizeGrid(grid);
  }
  const warmStart = o.warm_start ?? true;
  if (typeof warmStart !== 'boolean')
    errors.push(`"warm_start": expected true or false, got ${show(o.warm_start)}`);
  const validation = parseValidation(o.validation, errors);
  let reference: number[] | null = null;
  if (o.reference !== undefined && o.reference !== null) {
    if (typeof o.reference === 'string' && waveletNames().includes(o.reference))
      reference = Array.from(getWavelet(o.reference).recLo);
    else
      errors.push(
        `"reference": expected a wavelet name (awave's dist is reported to it), got ${show(o.reference)}`,
      );
  }
  const evIn = o.evaluate === undefined || o.evaluate === null ? {} : o.evaluate;
  if (!isObj(evIn)) errors.push(`"evaluate": expected an object of evaluation keys, got ${show(o.evaluate)}`);
  else
    for (const k of Object.keys(evIn))
      if (!(EVAL_KEYS as readonly string[]).includes(k))
        errors.push(`"evaluate.${k}": unknown key${didYouMean(k, EVAL_KEYS)}`);
  const ev = parseEvalSpec(isObj(evIn) ? evIn : {}, dir, true, errors);
  let outDir: string | null = null;
  if (o.out_dir !== undefined) {
    if (typeof o.out_dir !== 'string' || o.out_dir === '')
      errors.push(`"out_dir": expected a folder path, got ${show(o.out_dir)}`);
    else outDir = resolve(dir, o.out_dir);
  }
  if (errors.length || !exp) throw fail(errors);
  // Everything that changes a run's numbers; paths as written, so a copy of the folder keeps its id.
  const e = isObj(evIn) ? evIn : {};
  const sweepId = configHash({
    data: o.data,
    split: o.split ?? null,
    teacher: o.teacher ?? null,
    awd: o.awd ?? null,
    grid,
    warmStart,
    validation: o.validation ?? null,
    reference: o.reference ?? null,
    predictors: {
      topk: e.topk ?? null,
      top_attr: e.top_attr ?? null,
      ridge: e.ridge ?? null,
      peaks: e.peaks ?? null,
    },
  });
  return {
    exp,
    grid,
    warmStart: warmStart === true,
    validation,
    reference,
    referenceName: reference ? (o.reference as string) : null,
    ev,
    evaluate: o.evaluate !== undefined && o.evaluate !== null,
    outDir,
    sweepId,
  };
}
