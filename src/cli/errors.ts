// The CLI's error contract: a CliError is the user's to fix (bad flag, missing or unparsable file)
// and ends the process with one stderr line and its exit code (2 by default); anything else is a bug.

export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode = 2) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}

/** One line: newlines in nested messages would break "one line to stderr". */
export function oneLine(message: string): string {
  return message.replace(/\s*\n\s*/g, ' ').trim();
}
