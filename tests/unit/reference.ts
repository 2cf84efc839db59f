// Loads ../shared/reference (beside the repo, read-only) for the reference-comparison tests.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const REFERENCE_DIR = fileURLToPath(new URL('../../../shared/reference/', import.meta.url));

export function loadReference<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(REFERENCE_DIR + name, 'utf8')) as T;
}

export function referenceBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(REFERENCE_DIR + name));
}
