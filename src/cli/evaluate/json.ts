// JSON plumbing for `awd evaluate` and `awd sweep`: the model layer speaks camelCase, the CLI's files
// speak snake_case (as `awd fit` and shared/reference do); typed arrays become plain arrays; a stable
// hash of a config's run-relevant part identifies a sweep across processes; writes are atomic so a
// shard reading a run file never sees half of one.
import { renameSync, writeFileSync } from 'node:fs';
import { CliError } from '../errors.ts';

const snake = (k: string) => k.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** A deep copy with object keys in snake_case and typed arrays as arrays (values untouched). */
export function snakeKeys(v: unknown): unknown {
  if (ArrayBuffer.isView(v)) return Array.from(v as unknown as ArrayLike<number>);
  if (Array.isArray(v)) return v.map(snakeKeys);
  if (v !== null && typeof v === 'object')
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [snake(k), snakeKeys(x)]));
  return v;
}

/** JSON with object keys sorted at every level: equal values give equal text. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v !== null && typeof v === 'object')
    return `{${Object.keys(v)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((v as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(v) ?? 'null';
}

/** 64-bit FNV-1a of the canonical JSON, as 16 hex digits (an identity, not a security hash). */
export function configHash(v: unknown): string {
  let h = 0xcbf29ce484222325n;
  const text = canonicalJson(v);
  for (let i = 0; i < text.length; i++) {
    h ^= BigInt(text.charCodeAt(i));
    h = (h * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return h.toString(16).padStart(16, '0');
}

/** Writes JSON to `path` via a temporary file and a rename (atomic on one filesystem). */
export function writeJsonAtomic(path: string, value: unknown): void {
  const tmp = `${path}.${process.pid}.tmp`;
  try {
    writeFileSync(tmp, JSON.stringify(value) + '\n');
    renameSync(tmp, path);
  } catch (e) {
    throw new CliError(`awd: cannot write ${path}: ${(e as Error).message}`, 1);
  }
}
