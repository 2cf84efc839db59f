// What a subcommand is: a name, its help text, and a run function over injectable output streams
// (tests call main() in-process with a fake CliIO; bin/awd.mjs wires process.stdout/stderr).

export interface CliIO {
  out(text: string): void;
  err(text: string): void;
  /** stderr is a terminal: progress lines may be redrawn in place there (never in logs or pipes). */
  readonly errIsTTY?: boolean;
}

export interface Command {
  readonly name: string;
  /** One line for `awd --help`. */
  readonly summary: string;
  /** Full `awd <name> --help` text. */
  readonly help: string;
  /** Returns the exit code; throws CliError for the user's mistakes. */
  run(argv: readonly string[], io: CliIO): Promise<number> | number;
}

/** Pretty enough for humans, exact for machines: JSON.stringify prints the shortest round-trip float64. */
export function printJson(io: CliIO, value: unknown): void {
  io.out(JSON.stringify(value) + '\n');
}
