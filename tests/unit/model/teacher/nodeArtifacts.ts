// Node helper: reads a tfjs-layers model.json and the weight shards its weightsManifest names
// (paths relative to the json), in manifest order.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface Artifacts {
  modelJson: { weightsManifest: { paths: string[] }[] } & Record<string, unknown>;
  weightData: ArrayBuffer[];
}

export function readArtifacts(jsonPath: string): Artifacts {
  const modelJson = JSON.parse(readFileSync(jsonPath, 'utf8')) as Artifacts['modelJson'];
  const dir = dirname(jsonPath);
  const weightData = modelJson.weightsManifest.flatMap((g) =>
    g.paths.map((p) => {
      const b = readFileSync(join(dir, p));
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
    }),
  );
  return { modelJson, weightData };
}
