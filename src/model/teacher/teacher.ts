// A Teacher built from layer specs + named weights: the forward is a chain of second-order-safe
// layer builders; its compatibility comes from building every layer and a second-order probe.
import * as tf from '@tensorflow/tfjs-core';
import type { Tensor } from '@tensorflow/tfjs-core';
import { registerSecondOrderGradients } from '../grads/register.ts';
import { LAYER_BUILDERS } from './layers/index.ts';
import { sizeOf } from './layers/types.ts';
import type { BuiltLayer } from './layers/types.ts';
import { secondOrderProbe } from './probe.ts';
import type { LayerSpec } from './topology.ts';
import type { Teacher } from './types.ts';
import type { NamedWeight } from './weights.ts';

export type TeacherKind = Teacher['kind'];

/** Everything needed to rebuild (and to save) a teacher. */
export interface TeacherSource {
  name: string;
  kind: TeacherKind;
  inputShape: number[];
  layers: LayerSpec[];
  weights: NamedWeight[];
}

// Why some well-known layers are refused (the rest get "unknown layer class").
const REFUSED: Record<string, string> = {
  Lambda: 'a Lambda layer holds arbitrary code that cannot be rebuilt from model.json',
  Bidirectional: 'wrapper layers are not supported',
  TimeDistributed: 'wrapper layers are not supported',
  Embedding: 'an Embedding takes integer ids, so input gradients do not exist',
  Add: 'merge layers make a non-chain graph',
  Concatenate: 'merge layers make a non-chain graph',
  Multiply: 'merge layers make a non-chain graph',
};

export const layerLabel = (l: LayerSpec) => `layer '${l.name}' (${l.className})`;

/** Weights of each layer by short name: the first '/'-segment of a weight name that names a layer. */
export function groupWeights(
  layers: LayerSpec[],
  weights: NamedWeight[],
): Map<string, Map<string, NamedWeight>> {
  const out = new Map(layers.map((l) => [l.name, new Map<string, NamedWeight>()]));
  for (const w of weights) {
    const parts = w.name.replace(/:\d+$/, '').split('/');
    const owner = parts.slice(0, -1).find((p) => out.has(p));
    if (owner !== undefined) out.get(owner)!.set(parts[parts.length - 1]!, w);
  }
  return out;
}

export class LayersTeacher implements Teacher {
  readonly inputShape: readonly number[];
  readonly outputSize: number;
  readonly kind: TeacherKind;
  readonly compatibility: { ok: boolean; problems: string[] };
  readonly outShape: readonly number[];
  private disposed = false;

  constructor(
    readonly source: TeacherSource,
    private readonly built: BuiltLayer[],
    problems: string[],
  ) {
    this.inputShape = [...source.inputShape];
    this.kind = source.kind;
    this.outShape = built.length ? built[built.length - 1]!.outShape : source.inputShape;
    this.outputSize = sizeOf(this.outShape);
    this.compatibility = { ok: problems.length === 0, problems };
  }

  /** x: [N, ...inputShape] (any shape with N·∏inputShape elements is reshaped) → [N, outputSize]. */
  apply(x: Tensor): Tensor {
    if (this.disposed) throw new Error('Teacher.apply: the teacher has been disposed');
    const per = sizeOf(this.inputShape);
    const n = x.shape[0] ?? 0;
    if (x.rank < 1 || n * per !== x.size)
      throw new Error(
        `Teacher.apply: input of shape [${x.shape.join(', ')}] does not fit [N, ${this.inputShape.join(', ')}]`,
      );
    let y =
      x.shape.length === this.inputShape.length + 1 &&
      x.shape.every((d, i) => i === 0 || d === this.inputShape[i - 1])
        ? x
        : tf.reshape(x, [n, ...this.inputShape]);
    for (const l of this.built) y = l.apply(y);
    return y.rank === 2 ? y : tf.reshape(y, [n, this.outputSize]);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const l of this.built) tf.dispose(l.tensors);
  }
}

/**
 * The layers of `source`, built in order; throws an Error naming every layer that cannot run.
 * `live` (training): per layer name, tensors to use instead of constant weights.
 */
export function buildLayers(
  source: TeacherSource,
  live?: ReadonlyMap<string, ReadonlyMap<string, Tensor>>,
): BuiltLayer[] {
  registerSecondOrderGradients();
  const byLayer = groupWeights(source.layers, source.weights);
  const built: BuiltLayer[] = [];
  const errors: string[] = [];
  let shape = [...source.inputShape];
  for (const spec of source.layers) {
    const builder = LAYER_BUILDERS[spec.className];
    if (!builder) {
      errors.push(`${layerLabel(spec)}: ${REFUSED[spec.className] ?? 'unknown layer class'}`);
      continue;
    }
    try {
      const lv = live?.get(spec.name);
      const b = builder({
        name: spec.name,
        className: spec.className,
        config: spec.config,
        inShape: shape,
        weights: byLayer.get(spec.name)!,
        ...(lv ? { live: lv } : {}),
      });
      built.push(b);
      shape = [...b.outShape];
    } catch (e) {
      if (!(e instanceof Error)) throw e;
      errors.push(`${layerLabel(spec)}: ${e.message}`);
    }
  }
  if (errors.length > 0) {
    for (const b of built) tf.dispose(b.tensors.filter((t) => !(t instanceof tf.Variable)));
    throw new Error(`loadTeacherFromArtifacts: cannot build the teacher: ${errors.join('; ')}`);
  }
  return built;
}

/**
 * Builds the forward of `source`; throws an Error naming every layer that cannot run. With
 * `probe` (default), a second-order probe runs and failures are named per layer in compatibility.
 */
export function buildTeacher(source: TeacherSource, opts: { probe?: boolean } = {}): LayersTeacher {
  const built = buildLayers(source);
  const problems = opts.probe === false ? [] : probeProblems(source, built);
  return new LayersTeacher(source, built, problems);
}

/** Probe the whole chain; on failure probe each layer alone to name the culprit(s). */
function probeProblems(source: TeacherSource, built: BuiltLayer[]): string[] {
  const whole = secondOrderProbe((x) => built.reduce((y, l) => l.apply(y), x), source.inputShape);
  if (whole.ok) return [];
  const named: string[] = [];
  let shape = source.inputShape;
  built.forEach((l, i) => {
    const r = secondOrderProbe((x) => l.apply(x), shape);
    if (!r.ok) named.push(`${layerLabel(source.layers[i]!)}: ${r.reason}`);
    shape = [...l.outShape];
  });
  return named.length > 0 ? named : [`model '${source.name}': ${whole.reason}`];
}
