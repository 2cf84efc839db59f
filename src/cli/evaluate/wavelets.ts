// Wavelet sources → (label, h0, learned): a named wavelet (fixed: its taps are not parameters), a given
// h0, or a result file — `awd fit`'s result and a sweep run ("h0"), or a sweep summary (its
// "selected_run"). Learned filters count their taps as parameters in the table.
import { getWavelet } from '../../core/wavelets.ts';
import type { NamedWavelet } from '../../model/evaluate/types.ts';
import { CliError } from '../errors.ts';
import { readJsonFile } from '../files.ts';
import type { WaveletSource } from './evalSpec.ts';

const isH0 = (v: unknown): v is number[] =>
  Array.isArray(v) &&
  v.length >= 2 &&
  v.length % 2 === 0 &&
  v.every((x) => typeof x === 'number' && Number.isFinite(x));

/** h0 from a result file; names what was found when there is none. */
export function h0FromFile(cmd: string, path: string): number[] {
  let json: unknown;
  try {
    json = readJsonFile(path);
  } catch (e) {
    if (e instanceof CliError)
      throw new CliError(`awd ${cmd}: "wavelets": ${e.message.replace(/^awd: /, '')}`);
    throw e;
  }
  const o = (json ?? {}) as Record<string, unknown>;
  const sel = o.selected_run as Record<string, unknown> | null | undefined;
  if (sel !== undefined) {
    if (sel === null || !isH0(sel.h0))
      throw new CliError(
        `awd ${cmd}: "wavelets": ${path} is a sweep summary without a selected run (is the sweep complete, with a validation metric?)`,
      );
    return sel.h0;
  }
  if (isH0(o.h0)) return o.h0;
  throw new CliError(
    `awd ${cmd}: "wavelets": ${path} has no "h0" (expected an awd fit result, a sweep run or a sweep summary)`,
  );
}

export interface SweepWavelets {
  readonly selected: readonly number[] | null;
  readonly init: readonly number[];
}

export function resolveWavelets(
  cmd: string,
  sources: readonly WaveletSource[],
  sweep: SweepWavelets | null,
): NamedWavelet[] {
  return sources.map((s) => {
    switch (s.kind) {
      case 'name':
        return { label: s.label, h0: Array.from(getWavelet(s.name).recLo), learned: false };
      case 'h0':
        return { label: s.label, h0: [...s.h0], learned: true };
      case 'file':
        return { label: s.label, h0: h0FromFile(cmd, s.path), learned: true };
      case 'selected':
        if (!sweep?.selected)
          throw new CliError(
            `awd ${cmd}: "evaluate.wavelets": no run was selected (no completed run has a validation value)`,
            1,
          );
        return { label: s.label, h0: [...sweep.selected], learned: true };
      case 'init':
        return { label: s.label, h0: [...sweep!.init], learned: false };
      default: {
        const never: never = s;
        throw new Error(`resolveWavelets: unknown source ${JSON.stringify(never)}`);
      }
    }
  });
}
