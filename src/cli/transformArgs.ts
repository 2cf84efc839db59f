// Wavelet and mode flags, checked before any maths so a typo is exit 2 with the valid choices.
import type { Mode } from '../core/index.ts';
import { isMode, MODES, waveletNames } from '../core/index.ts';
import { CliError } from './errors.ts';

export function checkMode(command: string, mode: string): Mode {
  if (!isMode(mode)) {
    throw new CliError(`awd ${command}: unknown mode '${mode}' (one of: ${MODES.join(', ')})`);
  }
  return mode;
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
