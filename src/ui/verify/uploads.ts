// Sorts the files a user drops on the verify page: awd_loss.json (the cases), TF.js model.json files (the
// teachers, keyed by file name as the cases name them) and their .bin weight files. Anything else is
// listed as ignored, and every missing piece is named, so a failed check is never a silent one.
import type { TeacherArtifacts } from '../../protocol/messages.ts';
import type { AwdLossCase } from '../../protocol/reference.ts';

export interface Upload {
  name: string;
  /** Parsed JSON for .json files (undefined if it did not parse). */
  json?: unknown;
  bytes?: ArrayBuffer;
}

export interface VerifyInputs {
  cases: AwdLossCase[];
  casesFile: string | null;
  teachers: Record<string, TeacherArtifacts>;
  notes: string[];
  problems: string[];
}

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const baseName = (p: string): string => p.split('/').pop() ?? p;
const isCase = (c: unknown): boolean =>
  isObj(c) && typeof c['id'] === 'string' && isObj(c['terms']) && Array.isArray(c['grad_h0']);

export function classifyUploads(files: Upload[]): VerifyInputs {
  const out: VerifyInputs = { cases: [], casesFile: null, teachers: {}, notes: [], problems: [] };
  const bins = new Map(files.filter((f) => f.bytes).map((f) => [f.name, f.bytes!]));
  for (const f of files) {
    if (f.bytes) continue;
    const j = f.json;
    if (j === undefined) out.problems.push(`${f.name}: not valid JSON`);
    else if (Array.isArray(j) && j.length > 0 && j.every(isCase)) {
      out.cases.push(...(j as AwdLossCase[]));
      out.casesFile = f.name;
      out.notes.push(`${f.name}: ${j.length} AWD loss cases`);
    } else if (isObj(j) && isObj(j['modelTopology']) && Array.isArray(j['weightsManifest'])) {
      const paths = (j['weightsManifest'] as { paths?: unknown }[]).flatMap((g) =>
        Array.isArray(g.paths) ? g.paths : [],
      );
      const missing = paths.filter((p) => !bins.has(baseName(String(p))));
      if (missing.length) out.problems.push(`${f.name}: weight file(s) not uploaded: ${missing.join(', ')}`);
      else {
        out.teachers[f.name] = { modelJson: j, weightData: paths.map((p) => bins.get(baseName(String(p)))!) };
        out.notes.push(`${f.name}: teacher with ${paths.length} weight file(s)`);
      }
    } else out.notes.push(`${f.name}: ignored (neither awd_loss cases nor a TF.js model.json)`);
  }
  const needed = [...new Set(out.cases.map((c) => c.teacher))];
  for (const t of needed)
    if (!out.teachers[t]) out.problems.push(`teacher ${t} (named by the cases) not uploaded`);
  if (!out.cases.length && files.length) out.problems.push('no awd_loss.json cases among the files');
  return out;
}

/** Reads browser Files into Uploads (JSON parsed, everything else as bytes). */
export async function readFiles(files: readonly File[]): Promise<Upload[]> {
  return Promise.all(
    files.map(async (f): Promise<Upload> => {
      if (!f.name.endsWith('.json')) return { name: f.name, bytes: await f.arrayBuffer() };
      try {
        return { name: f.name, json: JSON.parse(await f.text()) as unknown };
      } catch {
        return { name: f.name };
      }
    }),
  );
}
