// Validates the lab-job commands (evaluate, sweep, stopSweep, loadH0) as they arrive over postMessage:
// every problem names the command and the field, and nothing malformed reaches the engine.
import type { Command } from './messages.ts';
import type { LabelledData } from './labJobMessages.ts';
import { isFiniteNum, isPosInt, parseData } from './parseFields.ts';

export type LabJobParse = { ok: true; command: Command } | { ok: false; message: string };

/** Grid sizes the lab offers; a bigger sweep belongs in `awd sweep`. */
export const MAX_GRID = 12;
export const MAX_SWEEP_EPOCHS = 1000;

const show = (v: unknown) => (v instanceof Int32Array ? 'an Int32Array' : (JSON.stringify(v) ?? String(v)));

/** An Int32Array of sorted, distinct row indices < n; a problem or null. */
function indexProblem(v: unknown, n: number, where: string, nonEmpty: boolean): string | null {
  if (!(v instanceof Int32Array)) return `${where}: expected an Int32Array of row indices, got ${show(v)}`;
  if (nonEmpty && v.length === 0) return `${where}: expected at least one row`;
  for (let i = 0; i < v.length; i++)
    if (v[i]! < 0 || v[i]! >= n || (i > 0 && v[i]! <= v[i - 1]!))
      return `${where}: expected ascending distinct rows in 0…${n - 1}, got ${v[i]} at ${i}`;
  return null;
}

/** Checks a LabelledData payload; the data or a problem naming the field. */
export function parseLabelledData(d: unknown, where: string): { data: LabelledData } | { problem: string } {
  const base = parseData(d, where);
  if ('problem' in base) return base;
  const m = d as Record<string, unknown>;
  const n = base.data.shape[0]!;
  const y = m['y'];
  if (!(y instanceof Float32Array) || y.length !== n)
    return { problem: `${where}.y: expected a Float32Array of ${n} targets` };
  if (!y.every(Number.isFinite)) return { problem: `${where}.y: every target must be finite` };
  const groups = m['groups'];
  const twoD = base.data.shape.length === 3;
  if (twoD && (!(groups instanceof Int32Array) || groups.length !== n || groups.some((g) => g < 0)))
    return { problem: `${where}.groups: 2-D data needs an Int32Array of ${n} class ids ≥ 0 (one per map)` };
  if (!twoD && groups !== null) return { problem: `${where}.groups: expected null for 1-D data` };
  for (const k of ['train', 'val', 'test'] as const) {
    const p = indexProblem(m[k], n, `${where}.${k}`, k !== 'val');
    if (p) return { problem: p };
  }
  const seen = new Uint8Array(n);
  for (const k of ['train', 'val', 'test'] as const)
    for (const i of m[k] as Int32Array) {
      if (seen[i]) return { problem: `${where}.${k}: row ${i} is in more than one of train, val, test` };
      seen[i] = 1;
    }
  if (typeof m['targetName'] !== 'string') return { problem: `${where}.targetName: expected a string` };
  if (!Number.isInteger(m['splitSeed']))
    return { problem: `${where}.splitSeed: expected an integer, got ${show(m['splitSeed'])}` };
  return {
    data: {
      ...base.data,
      y,
      groups: twoD ? (groups as Int32Array) : null,
      train: m['train'] as Int32Array,
      val: m['val'] as Int32Array,
      test: m['test'] as Int32Array,
      splitSeed: m['splitSeed'] as number,
      targetName: m['targetName'],
    },
  };
}

function gridProblem(v: unknown, where: string): string | null {
  if (!Array.isArray(v) || v.length < 1 || v.length > MAX_GRID)
    return `${where}: expected 1–${MAX_GRID} values, got ${show(v)}`;
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i];
    if (!isFiniteNum(x) || x < 0) return `${where}[${i}]: expected a finite number ≥ 0, got ${show(x)}`;
    if (i > 0 && x <= (v[i - 1] as number))
      return `${where}: expected strictly ascending values, got ${show(v)}`;
  }
  return null;
}

export function parseLabJobCommand(type: string, m: Record<string, unknown>): LabJobParse {
  switch (type) {
    case 'stopSweep':
      return { ok: true, command: { type } };
    case 'loadH0': {
      const h0 = m['h0'];
      if (!Array.isArray(h0) || h0.length < 2 || h0.length % 2 !== 0 || !h0.every(isFiniteNum))
        return { ok: false, message: `loadH0.h0: expected an even-length array (≥ 2) of finite numbers` };
      return { ok: true, command: { type, h0: [...(h0 as number[])] } };
    }
    case 'evaluate': {
      const d = parseLabelledData(m['data'], 'evaluate.data');
      if ('problem' in d) return { ok: false, message: d.problem };
      const reps = m['bootstrapReps'];
      if (!isPosInt(reps) || reps < 2 || reps > 10000)
        return {
          ok: false,
          message: `evaluate.bootstrapReps: expected an integer in 2…10000, got ${show(reps)}`,
        };
      return { ok: true, command: { type, data: d.data, bootstrapReps: reps } };
    }
    case 'sweep': {
      const d = parseLabelledData(m['data'], 'sweep.data');
      if ('problem' in d) return { ok: false, message: d.problem };
      if (d.data.val.length < 2)
        return {
          ok: false,
          message: 'sweep.data.val: the validation split needs ≥ 2 samples to select a run',
        };
      const p = gridProblem(m['lambdas'], 'sweep.lambdas') ?? gridProblem(m['gammas'], 'sweep.gammas');
      if (p) return { ok: false, message: p };
      const epochs = m['epochs'];
      if (!isPosInt(epochs) || epochs > MAX_SWEEP_EPOCHS)
        return {
          ok: false,
          message: `sweep.epochs: expected an integer in 1…${MAX_SWEEP_EPOCHS}, got ${show(epochs)}`,
        };
      if (typeof m['warmStart'] !== 'boolean')
        return { ok: false, message: `sweep.warmStart: expected true or false, got ${show(m['warmStart'])}` };
      return {
        ok: true,
        command: {
          type,
          data: d.data,
          lambdas: [...(m['lambdas'] as number[])],
          gammas: [...(m['gammas'] as number[])],
          epochs,
          warmStart: m['warmStart'],
        },
      };
    }
    default:
      return { ok: false, message: `command: unknown type ${show(type)}` };
  }
}
