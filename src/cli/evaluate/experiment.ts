// The sections every evaluation and sweep config shares: "data", "split", "teacher" and "awd" (the lab's
// AWD schema keys, snake_case, checked by protocol/config.ts exactly as `awd fit` checks them).
import { dirname, resolve } from 'node:path';
import { fromJsonKeys, validateConfig, type AwdConfig } from '../../protocol/config.ts';
import { waveletNames } from '../../core/wavelets.ts';
import { AWD_KEYS, camelToSnake, didYouMean } from '../fit/keys.ts';
import type { NodeBackendChoice } from '../fit/spec.ts';
import { parseTeacher, type TeacherSpec } from '../fit/teacherSpec.ts';
import { parseDataSpec, parseSplitSpec, type DataSpec, type SplitSpec } from './dataSpec.ts';

export interface ExperimentSpec {
  readonly configPath: string;
  /** Folder of the config: relative paths resolve against it. */
  readonly dir: string;
  readonly data: DataSpec;
  readonly split: SplitSpec;
  readonly teacher: TeacherSpec | null;
  readonly awd: AwdConfig & { backend: NodeBackendChoice };
}

const show = (v: unknown) => JSON.stringify(v) ?? String(v);

/** "config.batchSize: …" (the schema's wording) → "\"awd.batch_size\": …". */
const snakeMessage = (m: string) =>
  m
    .replace(/^config\.([A-Za-z0-9.]+):/, (_, k: string) => `"awd.${camelToSnake(k)}":`)
    .replace(/^config: unknown key '([^']+)'/, (_, k: string) => `"awd.${camelToSnake(k)}": unknown key`)
    .replace(`≥ ${Number.MIN_VALUE}`, '> 0');

/**
 * Parses the shared sections. `awdKeys`: the AWD keys this command accepts in "awd" (evaluate needs
 * only the transform and attribution settings; a sweep takes all but λ and γ, which its grid sets).
 */
export function parseExperiment(
  o: Record<string, unknown>,
  configPath: string,
  awdKeys: readonly string[],
  errors: string[],
): ExperimentSpec | null {
  const dir = dirname(resolve(configPath));
  if (o.data === undefined)
    errors.push('"data": missing ({"builtin": "simulation", "n": 2000} or {"x": FILE, "y": FILE})');
  const data = o.data === undefined ? null : parseDataSpec(o.data, dir, errors);
  const split = parseSplitSpec(o.split, errors);
  const awdIn: Record<string, unknown> = {};
  if (o.awd !== undefined) {
    if (typeof o.awd !== 'object' || o.awd === null || Array.isArray(o.awd))
      errors.push(`"awd": expected an object, got ${show(o.awd)}`);
    else
      for (const [k, v] of Object.entries(o.awd)) {
        if (awdKeys.includes(k)) awdIn[k] = v;
        else if (AWD_KEYS.some((d) => d.key === k))
          errors.push(
            `"awd.${k}": not used here (${k === 'lambda' || k === 'gamma' ? 'the "grid" sets it' : `keys: ${awdKeys.join(', ')}`})`,
          );
        else errors.push(`"awd.${k}": unknown key${didYouMean(k, awdKeys)}`);
      }
  }
  const checked = validateConfig(fromJsonKeys(awdIn));
  if (!checked.ok) errors.push(...checked.errors.map(snakeMessage));
  const awd = checked.ok ? (checked.config as AwdConfig & { backend: NodeBackendChoice }) : null;
  if (awd) {
    const requested: string = awd.backend; // the schema also allows the browser's backends
    if (requested === 'webgl' || requested === 'webgpu')
      errors.push(
        `"awd.backend": "${awd.backend}" is a browser backend; in Node use "cpu", "wasm" or "auto"`,
      );
    if (awd.h0 === null && !waveletNames().includes(awd.wavelet))
      errors.push(`"awd.wavelet": unknown wavelet ${show(awd.wavelet)}`);
  }
  const teacher = parseTeacher(o.teacher, dir, awd?.seed ?? 1, errors);
  if (!data || !awd) return null;
  return { configPath, dir, data, split, teacher, awd };
}
