// Typed readers for reference-case fields: a malformed case is a CliError naming the field.
import type { Mode } from '../../core/index.ts';
import { CliError } from '../errors.ts';
import { checkMode } from '../transformArgs.ts';
import type { RefCase } from './registry.ts';

export function str(c: RefCase, key: string): string {
  const v = c[key];
  if (typeof v !== 'string') throw new CliError(`case field "${key}" must be a string`);
  return v;
}

export function int(c: RefCase, key: string): number {
  const v = c[key];
  if (typeof v !== 'number' || !Number.isInteger(v))
    throw new CliError(`case field "${key}" must be an integer`);
  return v;
}

export function vec(c: RefCase, key: string): Float64Array {
  return toVec(c[key], key);
}

export function toVec(v: unknown, key: string): Float64Array {
  if (!Array.isArray(v) || !v.every((x) => typeof x === 'number')) {
    throw new CliError(`case field "${key}" must be an array of numbers`);
  }
  return Float64Array.from(v as number[]);
}

export function rows(c: RefCase, key: string): number[][] {
  const v = c[key];
  if (
    !Array.isArray(v) ||
    v.length === 0 ||
    !v.every((r) => Array.isArray(r) && r.every((x) => typeof x === 'number'))
  ) {
    throw new CliError(`case field "${key}" must be a non-empty array of number rows`);
  }
  return v as number[][];
}

export function mode(c: RefCase, key = 'mode'): Mode {
  return checkMode('reference', str(c, key));
}
