// Field checks shared by the command parsers: each returns a problem naming the field, or null.
import type { DataPayload } from './messages.ts';

export const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
export const isNonNegInt = (v: unknown): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= 0;
export const isPosInt = (v: unknown): v is number => isNonNegInt(v) && v > 0;
export const isFiniteNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/** Checks a teacher payload; returns a problem or null. */
export function teacherProblem(t: unknown, where: string): string | null {
  if (!isObj(t)) return `${where}: expected {modelJson, weightData}`;
  if (!isObj(t['modelJson'])) return `${where}.modelJson: expected the model.json object`;
  const w = t['weightData'];
  if (!Array.isArray(w) || !w.every((b) => b instanceof ArrayBuffer))
    return `${where}.weightData: expected an array of ArrayBuffers`;
  return null;
}

/** `shape` is a list of `minRank`…`maxRank` positive integers; returns a problem or null. */
export function shapeProblem(shape: unknown, where: string, minRank: number, maxRank: number): string | null {
  if (
    !Array.isArray(shape) ||
    shape.length < minRank ||
    shape.length > maxRank ||
    !shape.every((s) => isPosInt(s))
  ) {
    const want =
      minRank === 2 && maxRank === 3 ? '[N, L] or [N, H, W]' : `${minRank}–${maxRank} positive integers`;
    return `${where}: expected ${want}, got ${JSON.stringify(shape)}`;
  }
  return null;
}

/** Checks {x: Float32Array, shape: [N, L] | [N, H, W]} with matching sizes; the payload or a problem. */
export function parseData(d: unknown, where: string): { data: DataPayload } | { problem: string } {
  if (!isObj(d) || !(d['x'] instanceof Float32Array))
    return { problem: `${where}.x: expected a Float32Array` };
  const shape = d['shape'];
  const sp = shapeProblem(shape, `${where}.shape`, 2, 3);
  if (sp) return { problem: sp };
  const size = (shape as number[]).reduce((a, b) => a * b, 1);
  if (size !== d['x'].length)
    return {
      problem: `${where}: shape ${JSON.stringify(shape)} needs ${size} values, x has ${d['x'].length}`,
    };
  return { data: { x: d['x'], shape: [...(shape as number[])] } };
}
