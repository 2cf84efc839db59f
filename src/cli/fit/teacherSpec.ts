// The "teacher" section of an `awd fit` config: {"model": PATH} or {"train": {...}}, checked key by
// key (pure: no tfjs, no files read). Problems are pushed onto `errors`, each naming its key path.
import { resolve } from 'node:path';
import { ARCH_OPTIONS, didYouMean, TRAIN_KEYS } from './keys.ts';

export type ArchKind = 'mlp1d' | 'cnn1d' | 'lstm' | 'cnn2d';

export interface ArchSpec {
  kind: ArchKind;
  /** The arch options as written (snake_case keys), type-checked. */
  options: Record<string, number | number[] | string>;
}

export interface TrainSpec {
  arch: ArchSpec;
  task: 'regression' | 'classification';
  epochs: number;
  seed: number;
  validationSplit: number;
  lr: number;
  batchSize: number;
  patience: number;
  metric: 'r2' | 'rmse';
  /** Absolute path of the model.json to write, or null. */
  save: string | null;
}

export type TeacherSpec = { source: 'model'; path: string } | { source: 'train'; train: TrainSpec };

const show = (v: unknown) => JSON.stringify(v) ?? String(v);
const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isInt = (v: unknown, min: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min;

function parseArch(v: unknown, errors: string[]): ArchSpec | null {
  const where = 'teacher.train.arch';
  if (!isObj(v)) {
    errors.push(`"${where}": expected {"kind": "mlp1d"|"cnn1d"|"lstm"|"cnn2d", ...}, got ${show(v)}`);
    return null;
  }
  const kinds = Object.keys(ARCH_OPTIONS);
  if (typeof v.kind !== 'string' || !kinds.includes(v.kind)) {
    errors.push(`"${where}.kind": expected one of ${kinds.join(', ')}, got ${show(v.kind)}`);
    return null;
  }
  const kind = v.kind as ArchKind;
  const allowed = Object.keys(ARCH_OPTIONS[kind]!);
  const options: ArchSpec['options'] = {};
  for (const [k, val] of Object.entries(v)) {
    if (k === 'kind') continue;
    const at = `"${where}.${k}"`;
    if (!allowed.includes(k)) {
      errors.push(
        `${at}: unknown option for ${kind}${didYouMean(k, allowed)} (options: ${allowed.join(', ')})`,
      );
    } else if (k === 'activation') {
      if (typeof val !== 'string') errors.push(`${at}: expected an activation name, got ${show(val)}`);
      else options[k] = val;
    } else if (k === 'hidden') {
      if (!Array.isArray(val) || val.length === 0 || !val.every((h) => isInt(h, 1)))
        errors.push(`${at}: expected a non-empty array of integers ≥ 1, got ${show(val)}`);
      else options[k] = val as number[];
    } else if (!isInt(val, k === 'outputs' ? 1 : 2)) {
      errors.push(`${at}: expected an integer ≥ ${k === 'outputs' ? 1 : 2}, got ${show(val)}`);
    } else options[k] = val;
  }
  return { kind, options };
}

function parseTrain(v: unknown, dir: string, seed: number, errors: string[]): TrainSpec | null {
  if (!isObj(v)) {
    errors.push(`"teacher.train": expected an object, got ${show(v)}`);
    return null;
  }
  const known = TRAIN_KEYS.map((k) => k.key);
  for (const k of Object.keys(v))
    if (!known.includes(k)) errors.push(`"teacher.train.${k}": unknown key${didYouMean(k, known)}`);
  const bad = (k: string, want: string) => errors.push(`"teacher.train.${k}": ${want}, got ${show(v[k])}`);
  const int = (k: string, min: number, dflt: number) => {
    if (v[k] === undefined) return dflt;
    if (isInt(v[k], min)) return v[k] as number;
    bad(k, `expected an integer ≥ ${min}`);
    return dflt;
  };
  const oneOf = <T extends string>(k: string, allowed: readonly T[], dflt: T): T => {
    if (v[k] === undefined) return dflt;
    if (allowed.includes(v[k] as T)) return v[k] as T;
    bad(k, `expected one of ${allowed.join(', ')}`);
    return dflt;
  };
  const num = (k: string, ok: (x: number) => boolean, want: string, dflt: number) => {
    const x = v[k];
    if (x === undefined) return dflt;
    if (typeof x === 'number' && Number.isFinite(x) && ok(x)) return x;
    bad(k, want);
    return dflt;
  };
  if (v.arch === undefined) errors.push('"teacher.train.arch": missing (e.g. {"kind": "mlp1d"})');
  const arch = v.arch === undefined ? null : parseArch(v.arch, errors);
  let save: string | null = null;
  if (v.save !== undefined && v.save !== null) {
    if (typeof v.save !== 'string' || !v.save.endsWith('.json'))
      bad('save', 'expected a file name ending in .json');
    else save = resolve(dir, v.save);
  }
  const spec: TrainSpec | null = arch && {
    arch,
    task: oneOf('task', ['regression', 'classification'] as const, 'regression'),
    epochs: int('epochs', 1, 100),
    seed: int('seed', 0, seed),
    validationSplit: num('validation_split', (x) => x > 0 && x < 1, 'expected a number in (0, 1)', 0.2),
    lr: num('lr', (x) => x > 0, 'expected a number > 0', 1e-3),
    batchSize: int('batch_size', 1, 32),
    patience: int('patience', 1, 10),
    metric: oneOf('metric', ['r2', 'rmse'] as const, 'r2'),
    save,
  };
  return spec;
}

/** The teacher section, or null when absent (allowed only with gamma = 0; checked by the caller). */
export function parseTeacher(v: unknown, dir: string, seed: number, errors: string[]): TeacherSpec | null {
  if (v === undefined || v === null) return null;
  const form = 'expected {"model": "model.json"} or {"train": {"arch": {...}, ...}}';
  if (!isObj(v)) {
    errors.push(`"teacher": ${form}, got ${show(v)}`);
    return null;
  }
  const keys = Object.keys(v);
  const extra = keys.filter((k) => k !== 'model' && k !== 'train');
  if (extra.length) {
    errors.push(`"teacher.${extra[0]}": unknown key${didYouMean(extra[0]!, ['model', 'train'])} (${form})`);
    return null;
  }
  if (keys.length !== 1) {
    errors.push(`"teacher": ${keys.length ? 'give either "model" or "train", not both' : form}`);
    return null;
  }
  if ('model' in v) {
    if (typeof v.model !== 'string' || v.model === '') {
      errors.push(`"teacher.model": expected the path of a TF.js Layers model.json, got ${show(v.model)}`);
      return null;
    }
    return { source: 'model', path: resolve(dir, v.model) };
  }
  const train = parseTrain(v.train, dir, seed, errors);
  return train && { source: 'train', train };
}
