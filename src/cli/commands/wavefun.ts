// awd wavefun: φ and ψ by the cascade (pywt Wavelet.wavefun; awave get_wavefun for --h0).
import { lowToHigh, wavefun, wavefunBank } from '../../core/index.ts';
import { intOpt, parseCommandArgs, stringOpt } from '../args.ts';
import { printJson, type CliIO, type Command } from '../command.ts';
import { CliError } from '../errors.ts';
import { readArrayFile } from '../files.ts';
import { checkWavelet } from '../transformArgs.ts';

const help = `Usage: awd wavefun WAVELET [--level L]
       awd wavefun --h0 FILE [--level L]

Scaling function phi and wavelet psi by the cascade algorithm, sample for sample as PyWavelets.
  WAVELET     haar, dbN, symN, coifN: pywt Wavelet(name).wavefun(L) -> {phi, psi, x},
              (K-1)*2^L + 1 samples
  --h0 FILE   a lowpass filter h0 (CSV/NPY/JSON, even length): awave's get_wavefun, i.e. pywt's
              custom filter bank (dec_lo=h0 reversed, dec_hi=g reversed, rec_lo=h0, rec_hi=g),
              g[k] = (-1)^k h0[K-1-k] -> {phi, psi, phi_r, psi_r, x}, (K-1)*2^L samples
  --level L   refinement level, 1..20 (default 8)

Prints one JSON object with the inputs and the arrays.
`;

function run(argv: readonly string[], io: CliIO): number {
  const p = parseCommandArgs('wavefun', argv, { level: { type: 'string' }, h0: { type: 'string' } });
  if (p.values.help) {
    io.out(help);
    return 0;
  }
  const level = intOpt('wavefun', p, 'level', 1, 20) ?? 8;
  const h0File = stringOpt(p, 'h0');
  if (h0File !== undefined) {
    if (p.positionals.length > 0)
      throw new CliError(`awd wavefun: give either WAVELET or --h0 FILE, not both`);
    const arr = readArrayFile(h0File);
    const K = arr.data.length;
    if (arr.shape.length !== 1 || K < 2 || K % 2 !== 0) {
      throw new CliError(
        `awd wavefun: ${h0File}: h0 must be a 1-D filter of even length ≥ 2, got shape [${arr.shape.join(', ')}]`,
      );
    }
    const h0 = arr.data;
    const g = lowToHigh(h0);
    const bank = { decLo: h0.slice().reverse(), decHi: g.slice().reverse(), recLo: h0, recHi: g };
    const r = wavefunBank(bank, level);
    printJson(io, {
      wavelet: 'custom',
      level,
      h0: Array.from(h0),
      phi: Array.from(r.phiD),
      psi: Array.from(r.psiD),
      phi_r: Array.from(r.phiR),
      psi_r: Array.from(r.psiR),
      x: Array.from(r.x),
    });
    return 0;
  }
  if (p.positionals.length !== 1) {
    throw new CliError(
      `awd wavefun: ${p.positionals.length ? 'too many arguments' : 'missing WAVELET (or --h0 FILE)'} (see awd wavefun --help)`,
    );
  }
  const name = checkWavelet('wavefun', p.positionals[0]!);
  const r = wavefun(name, level);
  printJson(io, { wavelet: name, level, phi: Array.from(r.phi), psi: Array.from(r.psi), x: Array.from(r.x) });
  return 0;
}

export const wavefunCommand: Command = {
  name: 'wavefun',
  summary: 'scaling function and wavelet by the cascade (pywt wavefun)',
  help,
  run,
};
