// Loads a reference teacher (model.json + weight shards in manifest order) with the project's loader.
import { readFileSync } from 'node:fs';
import { loadTeacherFromArtifacts } from '../../../../src/model/teacher/loadLayersModel.ts';
import type { Teacher } from '../../../../src/model/teacher/types.ts';
import { REFERENCE_DIR } from '../../reference.ts';

export function loadReferenceTeacher(name: string): Teacher {
  const modelJson = JSON.parse(readFileSync(REFERENCE_DIR + name, 'utf8')) as {
    weightsManifest: { paths: string[] }[];
  };
  const weightData = modelJson.weightsManifest.flatMap((g) =>
    g.paths.map((p) => {
      const b = readFileSync(REFERENCE_DIR + p);
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
    }),
  );
  return loadTeacherFromArtifacts(modelJson, weightData);
}
