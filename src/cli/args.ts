// node:util parseArgs with the CLI's error contract: unknown or malformed flags become CliErrors.
import { parseArgs } from 'node:util';
import { CliError } from './errors.ts';

export type OptionSpec = Record<string, { type: 'string' | 'boolean'; short?: string; multiple?: boolean }>;

export interface Parsed {
  readonly values: Record<string, string | boolean | string[] | boolean[] | undefined>;
  readonly positionals: string[];
}

export function parseCommandArgs(command: string, argv: readonly string[], options: OptionSpec): Parsed {
  try {
    const { values, positionals } = parseArgs({
      args: [...argv],
      options: { ...options, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
      strict: true,
    });
    return { values, positionals };
  } catch (e) {
    const msg = e instanceof Error ? e.message.split('\n')[0]! : String(e);
    throw new CliError(`awd ${command}: ${msg} (see awd ${command} --help)`);
  }
}

export function stringOpt(p: Parsed, name: string): string | undefined {
  const v = p.values[name];
  return typeof v === 'string' ? v : undefined;
}

/** An integer flag within [min, max], or `fallback` when absent. */
export function intOpt(
  command: string,
  p: Parsed,
  name: string,
  min: number,
  max: number,
): number | undefined {
  const s = stringOpt(p, name);
  if (s === undefined) return undefined;
  const n = Number(s);
  if (!/^[+-]?\d+$/.test(s.trim()) || n < min || n > max) {
    throw new CliError(`awd ${command}: --${name} must be an integer in [${min}, ${max}], got '${s}'`);
  }
  return n;
}

export function numberOpt(command: string, p: Parsed, name: string): number | undefined {
  const s = stringOpt(p, name);
  if (s === undefined) return undefined;
  const n = Number(s);
  if (s.trim() === '' || !Number.isFinite(n) || n < 0) {
    throw new CliError(`awd ${command}: --${name} must be a non-negative number, got '${s}'`);
  }
  return n;
}

/** Exactly `n` positionals, named in the message when missing. */
export function positionals(command: string, p: Parsed, names: readonly string[]): string[] {
  if (p.positionals.length < names.length) {
    throw new CliError(
      `awd ${command}: missing ${names.slice(p.positionals.length).join(' ')} (see awd ${command} --help)`,
    );
  }
  if (p.positionals.length > names.length) {
    throw new CliError(
      `awd ${command}: unexpected argument '${p.positionals[names.length]}' (see awd ${command} --help)`,
    );
  }
  return p.positionals;
}
