// Facts about the machine a benchmark ran on (the numbers mean little without them).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';

export interface MachineFacts {
  date: string;
  node: string;
  cpuModel: string;
  /** `nproc`: CPUs this process may use. */
  nproc: number;
  /** 1/5/15-minute load averages when the benchmark started and when it ended. */
  loadStart: number[];
  loadEnd?: number[];
  tfjs: string;
  chromium?: string;
  chromiumUserAgent?: string;
}

function cpuModel(): string {
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) return line.split(':')[1]!.trim();
  } catch {
    /* not Linux: fall back to os.cpus() */
  }
  return cpus()[0]?.model ?? 'unknown';
}

function nproc(): number {
  try {
    return Number(execFileSync('nproc', { encoding: 'utf8' }).trim());
  } catch {
    return cpus().length;
  }
}

const round2 = (v: number) => Math.round(v * 100) / 100;
export const load = (): number[] => loadavg().map(round2);

export function machineFacts(): MachineFacts {
  const req = createRequire(import.meta.url);
  const tfjs = (
    JSON.parse(readFileSync(req.resolve('@tensorflow/tfjs-core/package.json'), 'utf8')) as {
      version: string;
    }
  ).version;
  return {
    date: new Date().toISOString(),
    node: process.version,
    cpuModel: cpuModel(),
    nproc: nproc(),
    loadStart: load(),
    tfjs,
  };
}
