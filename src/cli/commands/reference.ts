// awd reference FILE.json...: recompute reference cases with our code, write them, summarise errors.
import { basename, join } from 'node:path';
import { statSync } from 'node:fs';
import { numberOpt, parseCommandArgs, stringOpt } from '../args.ts';
import type { CliIO, Command } from '../command.ts';
import { CliError } from '../errors.ts';
import { writeJsonFile } from '../files.ts';
import { REFERENCE_KINDS } from '../reference/registry.ts';
import { runReferenceFile, type FileReport } from '../reference/runFile.ts';

const help = `Usage: awd reference FILE.json... [--out OUT] [--tol T]

Recompute every case of reference files in the format of shared/reference (kinds:
${REFERENCE_KINDS.map((k) => k.kind).join(', ')}; detected from the case fields) from their inputs.
  --out OUT   write the same case list with each expected field (coeffs, recon, cA, cD, phi, psi,
              x, ...) replaced by our value: a file for one input, a directory for several
  --tol T     exit 1 when a file's worst absolute error exceeds T

Prints one line per file: kind, cases, worst absolute error, worst relative error
(max|ours - file| / max|file| per case and field), worst RMS, and where the worst error is.
`;

const fmt = (v: number) => (Number.isFinite(v) ? v.toExponential(2) : String(v));

export function summaryLine(file: string, r: FileReport): string {
  return (
    `${basename(file)}: kind=${r.kind} cases=${r.cases} worst_abs=${fmt(r.worstAbs)} ` +
    `worst_rel=${fmt(r.worstRel)} worst_rms=${fmt(r.worstRms)} at ${r.worstAt}`
  );
}

function outPath(out: string, file: string, many: boolean): string {
  if (!many) return out;
  let dir = false;
  try {
    dir = statSync(out).isDirectory();
  } catch {
    dir = false;
  }
  if (!dir)
    throw new CliError(
      `awd reference: --out must be an existing directory when several files are given: ${out}`,
    );
  return join(out, basename(file));
}

async function run(argv: readonly string[], io: CliIO): Promise<number> {
  const p = parseCommandArgs('reference', argv, { out: { type: 'string' }, tol: { type: 'string' } });
  if (p.values.help) {
    io.out(help);
    return 0;
  }
  const files = p.positionals;
  if (files.length === 0) throw new CliError('awd reference: missing FILE.json (see awd reference --help)');
  const out = stringOpt(p, 'out');
  const tol = numberOpt('reference', p, 'tol');
  let code = 0;
  for (const file of files) {
    const r = await runReferenceFile(file);
    if (out !== undefined) writeJsonFile(outPath(out, file, files.length > 1), r.output);
    const fail = r.mismatches.length > 0 || (tol !== undefined && !(r.worstAbs <= tol));
    io.out(summaryLine(file, r) + (fail ? ' FAIL' : '') + '\n');
    for (const m of r.mismatches.slice(0, 5)) io.err(`awd reference: shape mismatch: ${m}\n`);
    if (fail) code = 1;
  }
  return code;
}

export const referenceCommand: Command = {
  name: 'reference',
  summary: 'recompute reference files (pywt/MATLAB/awave cases) and report the worst errors',
  help,
  run,
};
