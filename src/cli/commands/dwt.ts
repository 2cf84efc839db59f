// awd dwt FILE: multilevel DWT of a 1-D signal (pywt.wavedec) or, with --2d, a 2-D map (pywt.wavedec2).
import { dwtMaxLevel, fromRows, wavedec, wavedec2 } from '../../core/index.ts';
import { intOpt, parseCommandArgs, positionals, stringOpt } from '../args.ts';
import { coeffs1DToJson, coeffs2DToJson } from '../coeffsJson.ts';
import { printJson, type CliIO, type Command } from '../command.ts';
import { CliError } from '../errors.ts';
import { readArrayFile } from '../files.ts';
import { checkMode, checkWavelet } from '../transformArgs.ts';

const help = `Usage: awd dwt FILE [--wavelet NAME] [--mode MODE] [--level J] [--2d]

Multilevel discrete wavelet transform, coefficient for coefficient as PyWavelets.
  FILE             CSV/TSV/TXT, NPY or JSON: a 1-D signal (one row or one column),
                   or with --2d a 2-D map (rows x cols)
  --wavelet NAME   haar, dbN, symN, coifN (default db5)
  --mode MODE      pywt signal extension mode (default symmetric)
  --level J        decomposition level (default: pywt's maximum useful level)
  --2d             2-D transform (pywt.wavedec2)

Prints one JSON object: {"transform":"wavedec"|"wavedec2","wavelet","mode","level","shape","coeffs"}
with coeffs in pywt order: 1-D [cA_J, cD_J, ..., cD_1]; 2-D [cA_J, [cH_J, cV_J, cD_J], ..., [cH_1, cV_1, cD_1]].
awd idwt reads that JSON back.
`;

function run(argv: readonly string[], io: CliIO): number {
  const p = parseCommandArgs('dwt', argv, {
    wavelet: { type: 'string' },
    mode: { type: 'string' },
    level: { type: 'string' },
    '2d': { type: 'boolean' },
  });
  if (p.values.help) {
    io.out(help);
    return 0;
  }
  const [file] = positionals('dwt', p, ['FILE']);
  const wavelet = checkWavelet('dwt', stringOpt(p, 'wavelet') ?? 'db5');
  const mode = checkMode('dwt', stringOpt(p, 'mode') ?? 'symmetric');
  const levelOpt = intOpt('dwt', p, 'level', 0, 64);
  const arr = readArrayFile(file!);
  const twoD = p.values['2d'] === true;
  if (twoD) {
    if (arr.shape.length !== 2)
      throw new CliError(`awd dwt: --2d needs a 2-D map, ${file} has shape [${arr.shape.join(', ')}]`);
    const [rows, cols] = arr.shape as [number, number];
    const x = fromRows(
      Array.from({ length: rows }, (_, i) => Array.from(arr.data.subarray(i * cols, (i + 1) * cols))),
    );
    const level = levelOpt ?? Math.min(dwtMaxLevel(rows, wavelet), dwtMaxLevel(cols, wavelet));
    const coeffs = wavedec2(x, wavelet, mode, level);
    printJson(io, {
      transform: 'wavedec2',
      wavelet,
      mode,
      level,
      shape: arr.shape,
      coeffs: coeffs2DToJson(coeffs),
    });
    return 0;
  }
  if (arr.shape.length !== 1) {
    throw new CliError(
      `awd dwt: ${file} has shape [${arr.shape.join(', ')}]: give a 1-D signal, or pass --2d for a 2-D map`,
    );
  }
  const level = levelOpt ?? dwtMaxLevel(arr.data.length, wavelet);
  const coeffs = wavedec(arr.data, wavelet, mode, level);
  printJson(io, {
    transform: 'wavedec',
    wavelet,
    mode,
    level,
    shape: arr.shape,
    coeffs: coeffs1DToJson(coeffs),
  });
  return 0;
}

export const dwtCommand: Command = {
  name: 'dwt',
  summary: 'multilevel DWT of a 1-D signal or 2-D map (pywt.wavedec/wavedec2)',
  help,
  run,
};
