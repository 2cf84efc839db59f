// Wavelet and mode flags, checked before any maths so a typo is exit 2 with the valid choices.
import type { Mode } from '../core/index.ts';
import { waveletNames } from '../core/index.ts';
import { CliError } from './errors.ts';

/** pywt's mode names (shared/ARCHITECTURE.md), in pywt.Modes.modes order. */
export const MODES = [
  'zero',
  'constant',
  'symmetric',
  'periodic',
  'smooth',
  'periodization',
  'reflect',
  'antisymmetric',
  'antireflect',
] as const satisfies readonly Mode[];

export function checkMode(command: string, mode: string): Mode {
  if (!(MODES as readonly string[]).includes(mode)) {
    throw new CliError(`awd ${command}: unknown mode '${mode}' (one of: ${MODES.join(', ')})`);
  }
  return mode as Mode;
}

export function checkWavelet(command: string, name: string): string {
  const names = waveletNames();
  if (!names.includes(name)) {
    const family = name.replace(/\d+$/, '');
    const near = names.filter((n) => n.startsWith(family)).slice(0, 6);
    throw new CliError(
      `awd ${command}: unknown wavelet '${name}'${near.length ? ` (e.g. ${near.join(', ')})` : ''}; awd --help lists families`,
    );
  }
  return name;
}
