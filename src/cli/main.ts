// The `awd` command: dispatch to a subcommand, map errors to one stderr line and an exit code
// (2: the user's mistake, 1: a failure or an internal error). bin/awd.mjs is the Node launcher.
import type { CliIO, Command } from './command.ts';
import { dwtCommand } from './commands/dwt.ts';
import { evaluateCommand } from './commands/evaluate.ts';
import { fitCommand } from './commands/fit.ts';
import { idwtCommand } from './commands/idwt.ts';
import { referenceCommand } from './commands/reference.ts';
import { sweepCommand } from './commands/sweep.ts';
import { wavefunCommand } from './commands/wavefun.ts';
import { CliError, oneLine } from './errors.ts';

export const COMMANDS: readonly Command[] = [
  dwtCommand,
  idwtCommand,
  wavefunCommand,
  referenceCommand,
  fitCommand,
  sweepCommand,
  evaluateCommand,
];

export function mainHelp(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: awd <command> [options]',
    '',
    'AWD Lab on the command line: the float64 wavelet core, exact to PyWavelets, and AWD training.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Wavelets: haar, db1-db38, sym2-sym20, coif1-coif17. Modes: zero, constant, symmetric, periodic,',
    'smooth, periodization, reflect, antisymmetric, antireflect.',
    'Run awd <command> --help for its options.',
    '',
  ].join('\n');
}

export const nodeIO: CliIO = {
  out: (t) => void process.stdout.write(t),
  err: (t) => void process.stderr.write(t),
  errIsTTY: process.stderr.isTTY === true,
};

/** Runs the CLI; returns the exit code (never throws). */
export async function main(argv: readonly string[], io: CliIO = nodeIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined) {
    io.err(mainHelp());
    return 2;
  }
  if (name === '--help' || name === '-h' || name === 'help') {
    io.out(mainHelp());
    return 0;
  }
  const cmd = COMMANDS.find((c) => c.name === name);
  try {
    if (!cmd) {
      throw new CliError(
        `awd: ${name.startsWith('-') ? `unknown option '${name}'` : `unknown command '${name}'`} (commands: ${COMMANDS.map((c) => c.name).join(', ')})`,
      );
    }
    return await cmd.run(rest, io);
  } catch (e) {
    if (e instanceof CliError) {
      io.err(oneLine(e.message) + '\n');
      return e.exitCode;
    }
    // A bug or an unexpected input the core refused: one line; AWD_DEBUG=1 shows the stack.
    const msg = e instanceof Error ? e.message : String(e);
    io.err(`awd ${cmd?.name ?? ''}: error: ${oneLine(msg)}\n`.replace('awd : ', 'awd: '));
    if (process.env.AWD_DEBUG && e instanceof Error && e.stack) io.err(e.stack + '\n');
    return 1;
  }
}
