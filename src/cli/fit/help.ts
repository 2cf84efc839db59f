// `awd fit --help`, built from the key tables so every key is listed with its real default.
import { ARCH_OPTIONS, AWD_KEYS, FIT_KEYS, TRAIN_KEYS } from './keys.ts';
import type { KeyDoc } from './keys.ts';

function table(rows: readonly KeyDoc[], indent = '  '): string[] {
  const kw = Math.max(...rows.map((r) => r.key.length));
  const dw = Math.max(...rows.map((r) => r.default.length));
  return rows.map((r) => `${indent}${r.key.padEnd(kw)}  ${r.default.padEnd(dw)}  ${r.doc}`);
}

export function fitHelp(): string {
  const arch = Object.entries(ARCH_OPTIONS).map(
    ([kind, opts]) =>
      `    ${kind.padEnd(6)} ${Object.entries(opts)
        .map(([k, v]) => `${k} (${v})`)
        .join(', ')}`,
  );
  return [
    'Usage: awd fit --config RUN.json [--out RESULT.json] [--quiet] [--progress]',
    '',
    'Distil a teacher network into an adaptive wavelet (AWD, Ha et al. 2021; awave): learn the lowpass',
    'filter h0 with Adam on mini-batches, then write h0, the filter bank and the per-epoch history.',
    '  --config FILE   the run, a JSON object (keys below; relative paths resolve against its folder)',
    '  --out FILE      where to write the result JSON (default: the config\'s "out", else stdout)',
    '  --quiet         no progress line, warnings or summary on stderr',
    '  --progress      draw the progress line even when stderr is not a terminal',
    '',
    'Keys (key, default, meaning):',
    ...table([...FIT_KEYS, ...AWD_KEYS]),
    '',
    'teacher.train keys:',
    ...table(TRAIN_KEYS),
    '  arch options by kind (default):',
    ...arch,
    '',
    'Example:',
    '  {"data": {"x": "x.npy", "y": "y.npy"}, "teacher": {"model": "teacher.json"}, "wavelet": "db5",',
    '   "noise": 0.1, "seed": 1, "level": 4, "mode": "zero", "lambda": 0.1, "gamma": 1,',
    '   "attribution": "saliency", "target": 0, "lr": 0.001, "epochs": 3, "batch_size": 100, "backend": "cpu"}',
    '',
    'Data: NPY (float32/64), CSV or JSON; x (N,L) or (N,H,W), y (N,) or (N,k). The result holds h0,',
    'h0_init, filter_bank [dec_lo, dec_hi, rec_lo, rec_hi] (pywt), history (per epoch: the mean of every',
    'term and of the total over its steps, and dist), steps_per_second, backend and why, teacher, final',
    'loss and validity terms, and the resolved config. Exit 2: a bad key, value or file; 1: a failure',
    '(training diverged: the result is still written, with status "diverged"). docs/CLI.md has more.',
    '',
  ].join('\n');
}
