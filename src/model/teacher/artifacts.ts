// A teacher built here (seeded, trained or loaded) back to tfjs-layers files: model.json as a
// Sequential of its layer chain, and one float32 weights shard. The kind travels in
// userDefinedMetadata, so loadTeacherFromArtifacts gives back the same kind.
import { LayersTeacher } from './teacher.ts';
import type { Teacher } from './types.ts';
import { encodeWeights } from './weights.ts';

export interface TeacherArtifacts {
  modelJson: {
    modelTopology: object;
    format: 'layers-model';
    generatedBy: string;
    convertedBy: null;
    weightsManifest: { paths: string[]; weights: { name: string; shape: number[]; dtype: string }[] }[];
    userDefinedMetadata: { awdLab: { kind: Teacher['kind'] } };
  };
  weightData: ArrayBuffer;
}

export function teacherToArtifacts(teacher: Teacher, weightsPath?: string): TeacherArtifacts {
  if (!(teacher instanceof LayersTeacher))
    throw new Error(
      `teacherToArtifacts: a '${teacher.kind}' teacher not built by this module has no layer specs to save`,
    );
  const src = teacher.source;
  const layers = src.layers.map((l, i) => {
    const config = { ...l.config, name: l.name };
    // The chain's input shape goes on the first layer (a functional InputLayer is not kept).
    if (i === 0) Object.assign(config, { batch_input_shape: [null, ...src.inputShape] });
    else delete (config as Record<string, unknown>)['batch_input_shape'];
    return { class_name: l.className, config };
  });
  const { specs, data } = encodeWeights(src.weights);
  return {
    modelJson: {
      modelTopology: {
        class_name: 'Sequential',
        config: { name: src.name, layers },
        keras_version: 'tfjs-layers 4.22.0',
        backend: 'tensor_flow.js',
      },
      format: 'layers-model',
      generatedBy: 'awd-lab',
      convertedBy: null,
      weightsManifest: [{ paths: [weightsPath ?? `${src.name}.weights.bin`], weights: specs }],
      userDefinedMetadata: { awdLab: { kind: src.kind } },
    },
    weightData: data,
  };
}
