// The signals x and targets y of an `awd fit` run: read with the core's parsers (NPY, CSV, JSON), then
// checked against each other and the config. Every message names the key, the file and the value.
import { dwtMaxLevel, getWavelet } from '../../core/index.ts';
import { unravel } from '../../core/io/finite.ts';
import type { ParsedArray } from '../../core/index.ts';
import { CliError } from '../errors.ts';
import { loadData } from '../evaluate/dataSpec.ts';
import { readArrayFile } from '../files.ts';
import type { FitSpec } from './spec.ts';

export interface FitData {
  /** Signals as the engine takes them (float32, C order). */
  readonly x: Float32Array;
  /** [N, L] or [N, H, W]. */
  readonly shape: number[];
  readonly y: ParsedArray | null;
}

const fail = (msg: string) => new CliError(`awd fit: ${msg}`);

function readKey(key: string, path: string): ParsedArray {
  try {
    return readArrayFile(path);
  } catch (e) {
    // files.ts says "awd: no such file: …" / "awd: PATH: npy: NaN at index [2, 5]: …": add the key.
    if (e instanceof CliError) throw fail(`"${key}": ${e.message.replace(/^awd: /, '')}`);
    throw e;
  }
}

/** Levels the signal can take: each halves it, so at most ⌊log2(shortest side)⌋. */
export function maxLevel(signalShape: readonly number[]): number {
  return Math.floor(Math.log2(Math.min(...signalShape)));
}

function checkLevel(spec: FitSpec, shape: readonly number[], xPath: string): void {
  const { level, h0, wavelet } = spec.awd;
  const sig = shape.slice(1);
  const most = maxLevel(sig);
  if (level <= most) return;
  const K = h0?.length ?? getWavelet(wavelet).decLo.length;
  const pywt = Math.min(...sig.map((n) => dwtMaxLevel(n, K)));
  throw fail(
    `"level": ${level} is too high for ${xPath}'s signals of shape [${sig.join(', ')}]: at most ${most} ` +
      `(each level halves the signal; pywt's max useful level for a length-${K} filter is ${pywt})`,
  );
}

function checkY(spec: FitSpec, y: ParsedArray, n: number, yPath: string): void {
  const where = `"data.y" (${yPath})`;
  if (y.shape.length !== 1 && y.shape.length !== 2)
    throw fail(`${where}: shape [${y.shape.join(', ')}]; expected (N,) or (N, k)`);
  if (y.shape[0] !== n)
    throw fail(`${where}: ${y.shape[0]} rows but "data.x" has N = ${n} signals; they must match`);
  const k = y.shape[1];
  if (k !== undefined && spec.awd.target >= k)
    throw fail(
      `"target": ${spec.awd.target} is not a column of "data.y" (shape [${y.shape.join(', ')}], k = ${k})`,
    );
}

/** A built-in dataset as the parsers would have returned it: x (N, …) and y (N,). */
function builtinArrays(b: NonNullable<FitSpec['data']['builtin']>): { xa: ParsedArray; y: ParsedArray } {
  const d = loadData({ kind: 'builtin', name: b.name, options: b.options }, 'fit');
  return { xa: { shape: [...d.shape], data: d.x }, y: { shape: [d.y.length], data: d.y } };
}

export function loadFitData(spec: FitSpec): FitData {
  const xPath = spec.data.x;
  const gen = spec.data.builtin ? builtinArrays(spec.data.builtin) : null;
  const xa = gen ? gen.xa : readKey('data.x', xPath);
  if (xa.shape.length !== 2 && xa.shape.length !== 3) {
    const hint = xa.shape.length === 1 ? '; one signal is shape (1, L)' : '';
    throw fail(`"data.x" (${xPath}): shape [${xa.shape.join(', ')}]; expected (N, L) or (N, H, W)${hint}`);
  }
  const x = Float32Array.from(xa.data);
  // The parsers checked float64 finiteness; the engine computes in float32, where 1e39 is Infinity.
  const over = x.findIndex((v) => !Number.isFinite(v));
  if (over >= 0)
    throw fail(
      `"data.x" (${xPath}): ${xa.data[over]} at index [${unravel(over, xa.shape).join(', ')}] overflows float32`,
    );
  checkLevel(spec, xa.shape, xPath);
  const y = gen ? gen.y : spec.data.y === null ? null : readKey('data.y', spec.data.y);
  if (y) checkY(spec, y, xa.shape[0]!, spec.data.y!);
  return { x, shape: xa.shape, y };
}
