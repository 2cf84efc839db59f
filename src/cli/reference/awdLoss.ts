// awd_loss.json: one awave Trainer iteration per case. Recomputes every term, the total and
// d total / d h0 from the case's h0, x, teacher (model.json beside the case file), target,
// attribution, weights, mode and level.
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import * as tf from '@tensorflow/tfjs-core';
import { evaluateLossCase } from '../../model/loss/lossCase.ts';
import { loadTeacherFromArtifacts } from '../../model/teacher/loadLayersModel.ts';
import type { Teacher } from '../../model/teacher/types.ts';
import type { AwdLossCase } from '../../protocol/reference.ts';
import { CliError } from '../errors.ts';
import { int, str, vec } from './caseFields.ts';
import type { RefCase, ReferenceContext, ReferenceHandler } from './registry.ts';

/** Reads a TF.js Layers model.json and its weight shards (paths relative to the model file). */
export async function loadTeacherFile(modelPath: string): Promise<Teacher> {
  let modelJson: { weightsManifest?: { paths: string[] }[] };
  try {
    modelJson = JSON.parse(await readFile(modelPath, 'utf8')) as typeof modelJson;
  } catch (e) {
    throw new CliError(`teacher ${modelPath}: ${(e as Error).message}`);
  }
  if (!Array.isArray(modelJson.weightsManifest))
    throw new CliError(`teacher ${modelPath}: not a TF.js Layers model.json (no weightsManifest)`);
  const dir = dirname(modelPath);
  const weightData = await Promise.all(
    modelJson.weightsManifest.flatMap((g) =>
      g.paths.map(async (p) => {
        const b = await readFile(resolve(dir, p)).catch((e: Error) => {
          throw new CliError(`teacher ${modelPath}: weights ${p}: ${e.message}`);
        });
        return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
      }),
    ),
  );
  return loadTeacherFromArtifacts(modelJson, weightData);
}

// One load per teacher file for the whole command (a CLI process is short-lived).
const TEACHERS = new Map<string, Promise<Teacher>>();

export async function caseTeacher(c: RefCase, ctx: ReferenceContext): Promise<Teacher> {
  const path = resolve(ctx.dir, str(c, 'teacher'));
  let t = TEACHERS.get(path);
  if (!t) TEACHERS.set(path, (t = loadTeacherFile(path)));
  await tf.ready(); // the entry point registered a backend; make sure it is initialised
  return t;
}

/** The fields evaluateLossCase reads, checked here so a malformed case is a CliError naming the field. */
export function lossCase(c: RefCase): AwdLossCase {
  vec(c, 'h0');
  int(c, 'level');
  int(c, 'target');
  for (const k of ['mode', 'attribution', 'teacher']) str(c, k);
  if (!Array.isArray(c.x)) throw new CliError('case field "x" must be an N×L or N×H×W array');
  const w = c.weights;
  if (typeof w !== 'object' || w === null) throw new CliError('case field "weights" must be an object');
  for (const k of ['lsum', 'hsum', 'l2norm', 'cmf', 'conv', 'l1wave', 'l1attr'])
    if (typeof (w as Record<string, unknown>)[k] !== 'number')
      throw new CliError(`case field "weights.${k}" must be a number`);
  return c as unknown as AwdLossCase;
}

export const handler: ReferenceHandler = {
  async compute(c, ctx) {
    const lc = lossCase(c);
    const teacher = await caseTeacher(c, ctx);
    const r = (() => {
      try {
        return evaluateLossCase(lc, teacher);
      } catch (e) {
        throw new CliError(`${lc.id ?? 'case'}: ${(e as Error).message}`);
      }
    })();
    return { terms: r.terms, total: r.total, grad_h0: Array.from(r.gradH0) };
  },
};
