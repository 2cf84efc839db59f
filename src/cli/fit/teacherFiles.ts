// Teacher files on disk, without tfjs: read a TF.js Layers model.json and its weight shards (paths
// relative to the model file) before any engine starts, so a wrong path fails in a second; and write
// a trained teacher back as model.json + one .weights.bin.
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { CliError } from '../errors.ts';

export interface TeacherFiles {
  readonly modelJson: Record<string, unknown>;
  readonly weightData: ArrayBuffer[];
}

const fail = (path: string, msg: string) => new CliError(`awd fit: "teacher.model" (${path}): ${msg}`);

function read(path: string, what: string, modelPath: string): Buffer {
  try {
    return readFileSync(path);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a directory' : (e as Error).message;
    throw fail(modelPath, `${what}${what ? ' ' : ''}${path}: ${why}`);
  }
}

export function readTeacherFiles(modelPath: string): TeacherFiles {
  const text = read(modelPath, '', modelPath).toString('utf8');
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw fail(modelPath, `invalid JSON: ${(e as Error).message}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw fail(modelPath, 'expected a TF.js Layers model.json object');
  const m = json as Record<string, unknown>;
  if (!('modelTopology' in m)) throw fail(modelPath, 'not a TF.js Layers model.json (no modelTopology)');
  const manifest = m.weightsManifest;
  if (!Array.isArray(manifest) || !manifest.every((g) => Array.isArray((g as { paths?: unknown }).paths)))
    throw fail(modelPath, 'not a TF.js Layers model.json (no weightsManifest with paths)');
  const dir = dirname(modelPath);
  const weightData = (manifest as { paths: unknown[] }[]).flatMap((g) =>
    g.paths.map((p) => {
      if (typeof p !== 'string')
        throw fail(modelPath, `weightsManifest path ${JSON.stringify(p)} is not a string`);
      const b = read(resolve(dir, p), 'weights', modelPath);
      return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength) as ArrayBuffer;
    }),
  );
  return { modelJson: m, weightData };
}

/** FILE.json → FILE.weights.bin beside it. */
export function weightsPathFor(modelPath: string): string {
  return modelPath.replace(/\.json$/i, '') + '.weights.bin';
}

/** Writes model.json (its manifest naming the .bin by base name) and the weights. */
export function writeTeacherFiles(modelPath: string, modelJson: object, weightData: ArrayBuffer): void {
  const bin = weightsPathFor(modelPath);
  try {
    writeFileSync(bin, new Uint8Array(weightData));
    writeFileSync(modelPath, JSON.stringify(modelJson) + '\n');
  } catch (e) {
    throw new CliError(`awd fit: "teacher.train.save": cannot write ${modelPath}: ${(e as Error).message}`);
  }
}

export const weightsName = (modelPath: string): string => basename(weightsPathFor(modelPath));
