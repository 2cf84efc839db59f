// Shared by the `awd fit` tests: float32 .npy files, config files, and the CLI run in-process (for the
// errors found before the engine loads; a whole run goes through the real launcher, runAwd.ts).
import { join } from 'node:path';
import { main } from '../../../src/cli/main.ts';
import { writeTemp } from './runAwd.ts';

/** A little-endian float32 .npy (format 1.0, C order), as numpy.save writes a float32 array. */
export function npyF32(data: ArrayLike<number>, shape: readonly number[]): Uint8Array {
  const dict = `{'descr': '<f4', 'fortran_order': False, 'shape': (${shape.join(', ')}${shape.length === 1 ? ',' : ''}), }`;
  const total = Math.ceil((10 + dict.length + 1) / 64) * 64;
  const header = dict.padEnd(total - 10 - 1, ' ') + '\n';
  const out = new Uint8Array(total + 4 * data.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, header.length & 0xff, header.length >> 8]);
  out.set(new TextEncoder().encode(header), 10);
  const dv = new DataView(out.buffer, total);
  for (let i = 0; i < data.length; i++) dv.setFloat32(4 * i, data[i]!, true);
  return out;
}

/** Writes `config` as JSON into `dir`; returns its path. */
export function writeConfig(dir: string, config: unknown, name = 'run.json'): string {
  return writeTemp(dir, name, JSON.stringify(config));
}

export interface InProcess {
  code: number;
  stdout: string;
  stderr: string;
}

/** `awd ARGS` in this process with captured output (no TTY). */
export async function awdIn(...args: string[]): Promise<InProcess> {
  let stdout = '';
  let stderr = '';
  const code = await main(args, { out: (t) => void (stdout += t), err: (t) => void (stderr += t) });
  return { code, stdout, stderr };
}

/** A seeded standard normal source (Box–Muller over mulberry32), for test data only. */
export function normals(seed: number): () => number {
  let a = seed >>> 0;
  const u = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(1 - u())) * Math.cos(2 * Math.PI * u());
}

export const pathIn = (dir: string, name: string): string => join(dir, name);
