// Loads a tfjs-layers model (model.json + weight shards) as a second-order-safe Teacher, without
// tfjs-layers: the topology is parsed and every layer is rebuilt from tfjs-core ops.
import { buildTeacher } from './teacher.ts';
import type { TeacherKind } from './teacher.ts';
import { parseTopology } from './topology.ts';
import type { Teacher } from './types.ts';
import { decodeWeights } from './weights.ts';
import type { ManifestGroup, WeightEntry } from './weights.ts';

const KINDS: readonly TeacherKind[] = ['mlp1d', 'cnn1d', 'lstm', 'cnn2d', 'imported'];

/** Our own saved teachers record their kind in userDefinedMetadata; anything else is 'imported'. */
function kindOf(modelJson: Record<string, unknown>): TeacherKind {
  const meta = modelJson['userDefinedMetadata'] as { awdLab?: { kind?: unknown } } | undefined;
  const k = meta?.awdLab?.kind;
  return KINDS.includes(k as TeacherKind) ? (k as TeacherKind) : 'imported';
}

/**
 * `modelJson`: the parsed model.json ({modelTopology, weightsManifest}; tf.io ModelArtifacts with
 * `weightSpecs` also work). `weightData`: the shards in manifest order (or one concatenated buffer).
 * Throws an Error naming the layer(s) when the forward cannot be built.
 */
export function loadTeacherFromArtifacts(
  modelJson: object,
  weightData: ArrayBuffer | ArrayBuffer[],
): Teacher {
  const json = modelJson as Record<string, unknown>;
  const topo = parseTopology(json);
  const manifest: ManifestGroup[] = Array.isArray(json['weightsManifest'])
    ? (json['weightsManifest'] as ManifestGroup[])
    : Array.isArray(json['weightSpecs'])
      ? [{ paths: [], weights: json['weightSpecs'] as WeightEntry[] }]
      : [];
  const weights = decodeWeights(manifest, weightData);
  return buildTeacher({
    name: topo.name,
    kind: kindOf(json),
    inputShape: topo.inputShape,
    layers: topo.layers,
    weights,
  });
}
