// Reading the user's files for the CLI: Node fs at this edge, the pure parsers of src/core/io inside.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArrayFile, type ParsedArray } from '../core/io/index.ts';
import { CliError } from './errors.ts';

function readBytes(path: string): Uint8Array {
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') throw new CliError(`awd: no such file: ${path}`);
    if (code === 'EISDIR') throw new CliError(`awd: is a directory, not a file: ${path}`);
    throw new CliError(`awd: cannot read ${path}: ${(e as Error).message}`);
  }
}

/** A numeric array from a CSV/TSV/TXT, NPY or JSON file; parse errors name the file. */
export function readArrayFile(path: string): ParsedArray {
  const bytes = readBytes(path);
  try {
    return parseArrayFile(path, bytes);
  } catch (e) {
    throw new CliError(`awd: ${path}: ${(e as Error).message}`);
  }
}

export function readJsonFile(path: string): unknown {
  const text = new TextDecoder().decode(readBytes(path));
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new CliError(`awd: ${path}: invalid JSON: ${(e as Error).message}`);
  }
}

export function writeJsonFile(path: string, value: unknown): void {
  try {
    writeFileSync(path, JSON.stringify(value) + '\n');
  } catch (e) {
    throw new CliError(`awd: cannot write ${path}: ${(e as Error).message}`);
  }
}
