// An uploaded TF.js Layers model (model.json + the weight shards it names) → TeacherArtifacts, with the
// shards in manifest order. The worker then checks the model itself (layers, shapes, second order).
import type { TeacherArtifacts } from '../../protocol/messages.ts';
import { UploadError } from './checks.ts';

export interface NamedBytes {
  name: string;
  bytes: ArrayBuffer;
}

interface Manifest {
  weightsManifest?: { paths?: unknown }[];
  modelTopology?: unknown;
}

export function assembleTeacher(files: readonly NamedBytes[]): TeacherArtifacts {
  const jsons = files.filter((f) => f.name.toLowerCase().endsWith('.json'));
  if (jsons.length !== 1)
    throw new UploadError(
      `teacher: choose exactly one model.json with its weight files (got ${jsons.length} JSON files)`,
    );
  let model: Manifest;
  try {
    model = JSON.parse(new TextDecoder().decode(jsons[0]!.bytes)) as Manifest;
  } catch (e) {
    throw new UploadError(`${jsons[0]!.name}: not JSON (${e instanceof Error ? e.message : String(e)})`);
  }
  if (!model || typeof model !== 'object' || !model.modelTopology)
    throw new UploadError(
      `${jsons[0]!.name}: no modelTopology: not a TF.js Layers model.json (Keras: tensorflowjs_converter --input_format keras)`,
    );
  const paths = (model.weightsManifest ?? []).flatMap((g) =>
    Array.isArray(g.paths) ? g.paths.map(String) : [],
  );
  const byName = new Map(files.map((f) => [f.name, f.bytes]));
  const weightData = paths.map((p) => {
    const b = byName.get(p.split('/').pop()!);
    if (!b) throw new UploadError(`${jsons[0]!.name} needs the weight file "${p}": add it to the selection`);
    return b;
  });
  return { modelJson: model as object, weightData };
}
