// The "data" and "split" sections shared by `awd evaluate` and `awd sweep`: a built-in generator
// (core's BUILTIN_DATASETS, seeded, nothing to download) or x/y(/labels) files, and a seeded
// train/validation/test split (stratified by class when the data has classes, e.g. the mass maps'
// cosmologies). Parsing is pure; loading reads files or generates.
import { resolve } from 'node:path';
import { BUILTIN_DATASETS, getBuiltinDataset } from '../../core/datasets/index.ts';
import { split3, stratifiedSplit3, type Split3 } from '../../model/evaluate/splits.ts';
import { CliError } from '../errors.ts';
import { readArrayFile } from '../files.ts';
import { didYouMean } from '../fit/keys.ts';

export type DataSpec =
  | { readonly kind: 'builtin'; readonly name: string; readonly options: Readonly<Record<string, unknown>> }
  | { readonly kind: 'files'; readonly x: string; readonly y: string; readonly labels: string | null };

export interface SplitSpec {
  readonly val: number;
  readonly test: number;
  readonly seed: number;
  /** Split within each class of the labels ("auto": when the data has labels). */
  readonly stratify: boolean | 'auto';
}

export interface ExperimentData {
  readonly dims: 1 | 2;
  /** n signals, row-major, of shape[1:] each. */
  readonly x: Float64Array;
  readonly y: Float64Array;
  /** Class per sample (mass maps: the cosmology), or null. */
  readonly labels: Int32Array | null;
  readonly shape: readonly number[];
  readonly targetName: string;
  readonly description: string;
}

const show = (v: unknown) => JSON.stringify(v) ?? String(v);
const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
/** "simulation" is the paper's simulation with its db5 ground truth. */
const ALIASES: Record<string, string> = { simulation: 'simulation-db5' };

export function parseDataSpec(v: unknown, dir: string, errors: string[]): DataSpec | null {
  const names = BUILTIN_DATASETS.map((d) => d.name);
  if (!isObj(v)) {
    errors.push(`"data": expected {"builtin": NAME, ...options} or {"x": FILE, "y": FILE}, got ${show(v)}`);
    return null;
  }
  if ('builtin' in v) {
    const name = ALIASES[String(v.builtin)] ?? v.builtin;
    const entry = typeof name === 'string' ? getBuiltinDataset(name) : undefined;
    if (!entry) {
      errors.push(
        `"data.builtin": unknown dataset ${show(v.builtin)} (built-ins: ${['simulation', ...names].join(', ')})`,
      );
      return null;
    }
    const known = Object.keys(entry.defaults);
    const options: Record<string, unknown> = {};
    for (const [k, val] of Object.entries(v)) {
      if (k === 'builtin') continue;
      if (!known.includes(k))
        errors.push(
          `"data.${k}": not an option of ${entry.name}${didYouMean(k, known)} (options: ${known.join(', ')})`,
        );
      else options[k] = val;
    }
    return { kind: 'builtin', name: entry.name, options };
  }
  for (const k of Object.keys(v))
    if (!['x', 'y', 'labels'].includes(k))
      errors.push(`"data.${k}": unknown key${didYouMean(k, ['x', 'y', 'labels', 'builtin'])}`);
  const path = (k: string, required: boolean): string | null => {
    const p = v[k];
    if (p === undefined || p === null) {
      if (required) errors.push(`"data.${k}": missing (a file path: NPY, CSV or JSON)`);
      return null;
    }
    if (typeof p === 'string' && p !== '') return resolve(dir, p);
    errors.push(`"data.${k}": expected a file path, got ${show(p)}`);
    return null;
  };
  const x = path('x', true);
  const y = path('y', true);
  const labels = path('labels', false);
  return x && y ? { kind: 'files', x, y, labels } : null;
}

export function parseSplitSpec(v: unknown, errors: string[]): SplitSpec {
  const dflt: SplitSpec = { val: 0.2, test: 0.2, seed: 1, stratify: 'auto' };
  if (v === undefined) return dflt;
  if (!isObj(v)) {
    errors.push(`"split": expected {"val": 0.2, "test": 0.2, "seed": 1}, got ${show(v)}`);
    return dflt;
  }
  const out = { ...dflt } as { -readonly [K in keyof SplitSpec]: SplitSpec[K] };
  for (const [k, val] of Object.entries(v)) {
    if (k === 'val' || k === 'test') {
      if (typeof val !== 'number' || !(val >= 0 && val < 1))
        errors.push(`"split.${k}": expected a fraction in [0, 1), got ${show(val)}`);
      else out[k] = val;
    } else if (k === 'seed') {
      if (typeof val !== 'number' || !Number.isInteger(val) || val < 0)
        errors.push(`"split.seed": expected an integer ≥ 0, got ${show(val)}`);
      else out.seed = val;
    } else if (k === 'stratify') {
      if (typeof val !== 'boolean' && val !== 'auto')
        errors.push(`"split.stratify": expected true, false or "auto", got ${show(val)}`);
      else out.stratify = val;
    } else errors.push(`"split.${k}": unknown key${didYouMean(k, ['val', 'test', 'seed', 'stratify'])}`);
  }
  if (out.val + out.test >= 1)
    errors.push(`"split": val + test must be below 1, got ${out.val} + ${out.test}`);
  if (out.test === 0) errors.push('"split.test": must be > 0 (the evaluation table reports the test split)');
  return out;
}

function readFiles(spec: Extract<DataSpec, { kind: 'files' }>, cmd: string): ExperimentData {
  const read = (key: string, p: string) => {
    try {
      return readArrayFile(p);
    } catch (e) {
      if (e instanceof CliError)
        throw new CliError(`awd ${cmd}: "data.${key}": ${e.message.replace(/^awd: /, '')}`);
      throw e;
    }
  };
  const xa = read('x', spec.x);
  if (xa.shape.length !== 2 && xa.shape.length !== 3)
    throw new CliError(
      `awd ${cmd}: "data.x" (${spec.x}): shape [${xa.shape.join(', ')}]; expected (N, L) or (N, H, W)`,
    );
  const n = xa.shape[0]!;
  const ya = read('y', spec.y);
  if (ya.data.length !== n || ya.shape[0] !== n)
    throw new CliError(
      `awd ${cmd}: "data.y" (${spec.y}): shape [${ya.shape.join(', ')}]; expected (${n},) to match "data.x"`,
    );
  let labels: Int32Array | null = null;
  if (spec.labels) {
    const la = read('labels', spec.labels);
    const bad = la.data.findIndex((v) => !Number.isInteger(v));
    if (la.data.length !== n || bad >= 0)
      throw new CliError(
        `awd ${cmd}: "data.labels" (${spec.labels}): expected ${n} integer class ids${bad >= 0 ? `; row ${bad} is ${la.data[bad]}` : ''}`,
      );
    labels = Int32Array.from(la.data);
  }
  return {
    dims: xa.shape.length === 2 ? 1 : 2,
    x: xa.data,
    y: ya.data,
    labels,
    shape: xa.shape,
    targetName: 'y',
    description: `x: ${spec.x}; y: ${spec.y}`,
  };
}

/** Generates or reads the data; the generators' own messages name the bad option. */
export function loadData(spec: DataSpec, cmd: string): ExperimentData {
  if (spec.kind === 'files') return readFiles(spec, cmd);
  let ds;
  try {
    ds = getBuiltinDataset(spec.name)!.generate(spec.options);
  } catch (e) {
    throw new CliError(`awd ${cmd}: "data" (${spec.name}): ${(e as Error).message}`);
  }
  const cosmology = (ds as { cosmology?: Int32Array }).cosmology;
  return {
    dims: ds.shape.length === 2 ? 1 : 2,
    x: ds.x,
    y: ds.y,
    labels: cosmology ?? null,
    shape: [...ds.shape],
    targetName: ds.targetName,
    description: ds.description,
  };
}

export function makeSplit(data: ExperimentData, s: SplitSpec, cmd: string): Split3 & { seed: number } {
  const strat = s.stratify === 'auto' ? data.labels !== null : s.stratify;
  if (strat && !data.labels)
    throw new CliError(`awd ${cmd}: "split.stratify": the data has no labels to stratify by`);
  try {
    const parts = strat ? stratifiedSplit3(data.labels!, s) : split3(data.shape[0]!, s);
    return { ...parts, seed: s.seed };
  } catch (e) {
    throw new CliError(`awd ${cmd}: "split": ${(e as Error).message}`);
  }
}
