// awd idwt FILE.json: inverse of `awd dwt` (pywt.waverec / waverec2) from its JSON output.
import { toRows, waverec, waverec2 } from '../../core/index.ts';
import { parseCommandArgs, positionals, stringOpt } from '../args.ts';
import { coeffs1DFromJson, coeffs2DFromJson, is2DCoeffs } from '../coeffsJson.ts';
import { printJson, type CliIO, type Command } from '../command.ts';
import { CliError } from '../errors.ts';
import { readJsonFile } from '../files.ts';
import { checkMode, checkWavelet } from '../transformArgs.ts';

const help = `Usage: awd idwt FILE.json [--wavelet NAME] [--mode MODE]

Multilevel inverse DWT (pywt.waverec / waverec2) of a coefficient file as printed by awd dwt:
{"wavelet", "mode", "coeffs": [cA_J, cD_J, ..., cD_1]} or the 2-D form
{"coeffs": [cA_J, [cH_J, cV_J, cD_J], ...]}. --wavelet / --mode override the file's fields.

Prints {"transform":"waverec"|"waverec2","wavelet","mode","shape","x"}. As pywt, an odd-length
signal comes back one sample longer.
`;

function field(obj: Record<string, unknown>, key: string, file: string): string | undefined {
  const v = obj[key];
  if (v === undefined) return undefined;
  if (typeof v !== 'string') throw new CliError(`awd idwt: ${file}: "${key}" must be a string`);
  return v;
}

function run(argv: readonly string[], io: CliIO): number {
  const p = parseCommandArgs('idwt', argv, { wavelet: { type: 'string' }, mode: { type: 'string' } });
  if (p.values.help) {
    io.out(help);
    return 0;
  }
  const [file] = positionals('idwt', p, ['FILE.json']);
  const doc = readJsonFile(file!);
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || !('coeffs' in doc)) {
    throw new CliError(`awd idwt: ${file}: expected an object with "coeffs" (the output of awd dwt)`);
  }
  const obj = doc as Record<string, unknown>;
  const wName = stringOpt(p, 'wavelet') ?? field(obj, 'wavelet', file!);
  if (wName === undefined) throw new CliError(`awd idwt: ${file} has no "wavelet": pass --wavelet`);
  const wavelet = checkWavelet('idwt', wName);
  const mode = checkMode('idwt', stringOpt(p, 'mode') ?? field(obj, 'mode', file!) ?? 'symmetric');
  const where = `awd idwt: ${file}: coeffs`;
  if (obj.transform === 'wavedec2' || (obj.transform === undefined && is2DCoeffs(obj.coeffs))) {
    const x = waverec2(coeffs2DFromJson(obj.coeffs, where), wavelet, mode);
    printJson(io, { transform: 'waverec2', wavelet, mode, shape: [x.rows, x.cols], x: toRows(x) });
  } else {
    const x = waverec(coeffs1DFromJson(obj.coeffs, where), wavelet, mode);
    printJson(io, { transform: 'waverec', wavelet, mode, shape: [x.length], x: Array.from(x) });
  }
  return 0;
}

export const idwtCommand: Command = {
  name: 'idwt',
  summary: 'inverse DWT of an awd dwt JSON (pywt.waverec/waverec2)',
  help,
  run,
};
