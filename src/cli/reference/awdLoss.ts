// `awd reference awd_loss <cases.json>`: recomputes every term, the total and grad_h0 of each
// awd_loss.json case (awave's loss at a given h0) with the engine, and compares with the recorded
// values when the file has them. Teachers are model.json files relative to the case file.
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { evaluateLossCase } from '../../model/loss/lossCase.ts';
import { TERM_NAMES } from '../../model/loss/terms.ts';
import type { TermName } from '../../model/loss/terms.ts';
import { loadTeacherFromArtifacts } from '../../model/teacher/loadLayersModel.ts';
import type { Teacher } from '../../model/teacher/types.ts';
import type { AwdLossCase } from '../../protocol/reference.ts';
import { VERIFY_TOLERANCE } from '../../protocol/reference.ts';

/** Reads a TF.js Layers model.json and its weight shards (paths relative to the model file). */
export async function loadTeacherFile(modelPath: string): Promise<Teacher> {
  const modelJson = JSON.parse(await readFile(modelPath, 'utf8')) as {
    weightsManifest?: { paths: string[] }[];
  };
  if (!Array.isArray(modelJson.weightsManifest))
    throw new Error(`${modelPath}: not a TF.js Layers model.json (no weightsManifest)`);
  const dir = dirname(modelPath);
  const weightData = await Promise.all(
    modelJson.weightsManifest.flatMap((g) =>
      g.paths.map(async (p) => {
        const b = await readFile(resolve(dir, p));
        return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
      }),
    ),
  );
  return loadTeacherFromArtifacts(modelJson, weightData);
}

/** Loads each distinct teacher of a case file once; dispose() frees them. */
export function teacherCache(caseFile: string) {
  const cache = new Map<string, Promise<Teacher>>();
  return {
    get(name: string): Promise<Teacher> {
      let t = cache.get(name);
      if (!t) cache.set(name, (t = loadTeacherFile(resolve(dirname(caseFile), name))));
      return t;
    },
    async dispose(): Promise<void> {
      for (const t of cache.values()) (await t).dispose();
      cache.clear();
    },
  };
}

export interface AwdLossCaseResult {
  id: string;
  terms: Record<TermName, number>;
  total: number;
  grad_h0: number[];
  /** Present when the case records awave's values: worst |Δ|/max(|want|, floor/rel) and max|Δgrad|/‖grad‖. */
  check?: { worstTerm: string; worstRel: number; gradRel: number; pass: boolean };
}

export async function runAwdLoss(caseFile: string): Promise<{ cases: AwdLossCaseResult[]; pass: boolean }> {
  const cases = JSON.parse(await readFile(caseFile, 'utf8')) as AwdLossCase[];
  if (!Array.isArray(cases)) throw new Error(`${caseFile}: expected a JSON array of awd_loss cases`);
  const teachers = teacherCache(caseFile);
  const out: AwdLossCaseResult[] = [];
  try {
    for (const c of cases) {
      const r = evaluateLossCase(c, await teachers.get(c.teacher));
      const res: AwdLossCaseResult = {
        id: c.id,
        terms: r.terms,
        total: r.total,
        grad_h0: Array.from(r.gradH0),
      };
      if (c.terms && Array.isArray(c.grad_h0)) res.check = compare(c, res);
      out.push(res);
    }
  } finally {
    await teachers.dispose();
  }
  return { cases: out, pass: out.every((c) => c.check?.pass !== false) };
}

function compare(c: AwdLossCase, r: AwdLossCaseResult): NonNullable<AwdLossCaseResult['check']> {
  const { rel, absFloor, gradRel } = VERIFY_TOLERANCE;
  let worstTerm = '';
  let worstRel = 0;
  for (const k of [...TERM_NAMES, 'total'] as const) {
    const want = k === 'total' ? c.total : c.terms[k];
    const got = k === 'total' ? r.total : r.terms[k];
    const e = Math.abs(got - want) / Math.max(Math.abs(want), absFloor / rel);
    if (e >= worstRel) [worstTerm, worstRel] = [k, e];
  }
  const norm = Math.hypot(...c.grad_h0);
  const g = Math.max(...c.grad_h0.map((v, i) => Math.abs(v - r.grad_h0[i]!))) / norm;
  return { worstTerm, worstRel, gradRel: g, pass: worstRel <= rel && g <= gradRel };
}
