// Runs the real launcher (node bin/awd.mjs) as a subprocess, as a user would.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = fileURLToPath(new URL('../../../', import.meta.url));

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function awd(...args: string[]): Run {
  const r = spawnSync(process.execPath, [join(REPO, 'bin/awd.mjs'), ...args], {
    cwd: REPO,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, AWD_DEBUG: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'awd-cli-'));
}

export function writeTemp(dir: string, name: string, content: string | Uint8Array): string {
  const p = join(dir, name);
  writeFileSync(p, content);
  return p;
}

/** A little-endian float64 .npy (format 1.0), C or Fortran order, as numpy.save writes it. */
export function npyBytes(data: readonly number[], shape: readonly number[], fortran = false): Uint8Array {
  const dict = `{'descr': '<f8', 'fortran_order': ${fortran ? 'True' : 'False'}, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
  const total = Math.ceil((10 + dict.length + 1) / 64) * 64;
  const header = dict.padEnd(total - 10 - 1, ' ') + '\n';
  const out = new Uint8Array(total + 8 * data.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, header.length & 0xff, header.length >> 8]);
  out.set(new TextEncoder().encode(header), 10);
  const dv = new DataView(out.buffer, total);
  data.forEach((v, i) => dv.setFloat64(8 * i, v, true));
  return out;
}

/** max |a − b| over equally nested number arrays; Infinity on any shape difference. */
export function maxAbsDiff(a: unknown, b: unknown): number {
  if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b);
  if (Array.isArray(a) && Array.isArray(b) && a.length === b.length) {
    return a.reduce<number>((m, v, i) => Math.max(m, maxAbsDiff(v, b[i])), 0);
  }
  return Infinity;
}
