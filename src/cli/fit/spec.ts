// An `awd fit` config file → a checked FitSpec (pure: reads nothing but the JSON it is given).
// The AWD keys go through the lab's own schema (fromJsonKeys + validateConfig), so the CLI and the lab
// accept exactly the same values; this file adds the CLI-only keys and turns the schema's camelCase
// messages back into the snake_case keys the user wrote. Relative paths resolve against the config.
import { dirname, resolve } from 'node:path';
import { waveletNames } from '../../core/index.ts';
import { fromJsonKeys, validateConfig } from '../../protocol/config.ts';
import type { AwdConfig } from '../../protocol/config.ts';
import { CliError } from '../errors.ts';
import { parseDataSpec } from '../evaluate/dataSpec.ts';
import { AWD_KEYS, camelToSnake, didYouMean, FIT_KEYS } from './keys.ts';
import { parseTeacher } from './teacherSpec.ts';
import type { TeacherSpec } from './teacherSpec.ts';

export type NodeBackendChoice = 'auto' | 'cpu' | 'wasm';

export interface FitSpec {
  /** The config file as given (for messages). */
  readonly configPath: string;
  readonly awd: AwdConfig & { backend: NodeBackendChoice };
  /**
   * Absolute paths; for a built-in dataset ("data": {"builtin": NAME, …}) x and y read
   * "builtin:NAME" and `builtin` holds the generator and its options.
   */
  readonly data: {
    readonly x: string;
    readonly y: string | null;
    readonly builtin?: { readonly name: string; readonly options: Readonly<Record<string, unknown>> };
  };
  readonly teacher: TeacherSpec | null;
  /** Absolute result path from the config's "out", or null. */
  readonly out: string | null;
  readonly allowGammaZero: boolean;
}

const show = (v: unknown) => JSON.stringify(v) ?? String(v);

/** "config.batchSize: …" (the schema's wording) → "\"batch_size\": …". */
function snakeMessage(m: string): string {
  return m
    .replace(/^config\.([A-Za-z0-9.]+):/, (_, k: string) => `"${camelToSnake(k)}":`)
    .replace(`≥ ${Number.MIN_VALUE}`, '> 0'); // lr's lower bound, in words
}

function parseData(v: unknown, dir: string, errors: string[]): FitSpec['data'] | null {
  if (typeof v === 'object' && v !== null && 'builtin' in v) {
    // A seeded built-in generator (the same as awd sweep / awd evaluate and the lab's picker).
    const b = parseDataSpec(v, dir, errors);
    if (b?.kind !== 'builtin') return null;
    const tag = `builtin:${b.name}`;
    return { x: tag, y: tag, builtin: { name: b.name, options: b.options } };
  }
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    errors.push(`"data": expected {"x": "x.npy", "y": "y.npy"}, got ${show(v)}`);
    return null;
  }
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o))
    if (k !== 'x' && k !== 'y') errors.push(`"data.${k}": unknown key${didYouMean(k, ['x', 'y'])}`);
  const path = (k: 'x' | 'y'): string | null => {
    const p = o[k];
    if (p === undefined || (k === 'y' && p === null)) return null;
    if (typeof p === 'string' && p !== '') return resolve(dir, p);
    errors.push(`"data.${k}": expected a file path (NPY, CSV or JSON), got ${show(p)}`);
    return null;
  };
  const x = path('x');
  if (o.x === undefined) errors.push('"data.x": missing (the signals, (N,L) or (N,H,W))');
  const y = path('y');
  return x === null ? null : { x, y };
}

/** Checks every key of a parsed config file; throws one CliError listing every problem. */
export function parseFitSpec(raw: unknown, configPath: string): FitSpec {
  const fail = (errors: string[]) => new CliError(`awd fit: ${configPath}: ${errors.join('; ')}`);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    throw fail([`expected a JSON object of settings, got ${show(raw)}`]);
  const dir = dirname(resolve(configPath));
  const o = raw as Record<string, unknown>;
  const errors: string[] = [];
  const fitKeys = FIT_KEYS.map((k) => k.key);
  const awdKeys = AWD_KEYS.map((k) => k.key);
  const awdIn: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) {
    if (awdKeys.includes(k)) awdIn[k] = v;
    else if (!fitKeys.includes(k))
      errors.push(
        `unknown key "${k}"${didYouMean(k, [...fitKeys, ...awdKeys])} (awd fit --help lists the keys)`,
      );
  }
  const checked = validateConfig(fromJsonKeys(awdIn));
  if (!checked.ok) errors.push(...checked.errors.map(snakeMessage));
  const awd = checked.ok ? checked.config : null;
  if (awd) {
    if (awd.backend === 'webgl' || awd.backend === 'webgpu')
      errors.push(`"backend": "${awd.backend}" is a browser backend; in Node use "cpu", "wasm" or "auto"`);
    if (awd.h0 === null && !waveletNames().includes(awd.wavelet))
      errors.push(
        `"wavelet": unknown wavelet ${show(awd.wavelet)} (haar, db1-db38, sym2-sym20, coif1-coif17)`,
      );
    if (awd.epochs < 1) errors.push(`"epochs": expected an integer ≥ 1, got ${awd.epochs}`);
  }
  if (o.data === undefined) errors.push('"data": missing ({"x": "x.npy", "y": "y.npy"})');
  const data = o.data === undefined ? null : parseData(o.data, dir, errors);
  const teacher = parseTeacher(o.teacher, dir, awd?.seed ?? 1, errors);
  const gamma = awd?.gamma ?? 1;
  if ((o.teacher === undefined || o.teacher === null) && gamma > 0)
    errors.push(`"teacher": missing; the attribution term needs one (or set "gamma": 0)`);
  if (teacher?.source === 'train' && data && data.y === null)
    errors.push('"data.y": missing; "teacher.train" needs targets to train on');
  let out: string | null = null;
  if (o.out !== undefined && o.out !== null) {
    if (typeof o.out !== 'string' || o.out === '')
      errors.push(`"out": expected a file path, got ${show(o.out)}`);
    else out = resolve(dir, o.out);
  }
  const allowGammaZero = o.allow_gamma_zero ?? false;
  if (typeof allowGammaZero !== 'boolean')
    errors.push(`"allow_gamma_zero": expected true or false, got ${show(allowGammaZero)}`);
  if (errors.length || !awd || !data) throw fail(errors);
  return {
    configPath,
    awd: awd as FitSpec['awd'],
    data,
    teacher,
    out,
    allowGammaZero: allowGammaZero === true,
  };
}

/** The resolved config in the file's own (snake_case) form, for the result's echo. */
export function echoConfig(spec: FitSpec): Record<string, unknown> {
  const awd: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(spec.awd)) awd[camelToSnake(k)] = v;
  const t = spec.teacher;
  const teacher =
    t === null
      ? null
      : t.source === 'model'
        ? { model: t.path }
        : {
            train: {
              arch: { kind: t.train.arch.kind, ...t.train.arch.options },
              ...Object.fromEntries(
                Object.entries(t.train)
                  .filter(([k]) => k !== 'arch')
                  .map(([k, v]) => [camelToSnake(k), v]),
              ),
            },
          };
  return { data: spec.data, teacher, ...awd, out: spec.out, allow_gamma_zero: spec.allowGammaZero };
}
