// Parses a tfjs-layers / Keras `modelTopology` into a linear chain of layer specs. Accepts
// Sequential (config {layers} or a bare layer list), Functional/Model graphs that are a single
// chain, nested Sequential/Functional sub-models (flattened), `model_config` wrappers, and the input
// shape from `batch_input_shape`, `batch_shape`, `input_shape` or an InputLayer.

export type Json = Record<string, unknown>;

export interface LayerSpec {
  className: string;
  name: string;
  config: Json;
}
export interface ParsedTopology {
  name: string;
  /** Input shape without the batch dim. */
  inputShape: number[];
  layers: LayerSpec[];
}

const isObj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

function fail(msg: string): never {
  throw new Error(`loadTeacherFromArtifacts: ${msg}`);
}

function shapeOf(config: Json): number[] | null {
  const b = (config['batch_input_shape'] ?? config['batch_shape']) as (number | null)[] | undefined;
  if (Array.isArray(b)) return b.slice(1).map(Number);
  const s = config['input_shape'] as (number | null)[] | undefined;
  if (Array.isArray(s)) return s.map(Number);
  const d = config['input_dim'];
  if (typeof d === 'number') return [d];
  return null;
}

function toSpec(l: Json): LayerSpec {
  const className = String(l['class_name'] ?? '');
  const config = isObj(l['config']) ? l['config'] : {};
  const name = String(config['name'] ?? l['name'] ?? className);
  return { className, name, config };
}

interface Chain {
  name: string;
  inputShape: number[] | null;
  layers: LayerSpec[];
}

/** Name of the single layer feeding `l` in a functional config (Keras 2/tfjs or Keras 3 form). */
function inboundNames(l: Json): string[] {
  const nodes = l['inbound_nodes'];
  if (!Array.isArray(nodes)) return [];
  if (nodes.length > 1) return ['<shared layer: called more than once>', ''];
  const node: unknown = nodes[0];
  if (node === undefined) return [];
  const names: string[] = [];
  if (Array.isArray(node)) for (const t of node) names.push(String((t as unknown[])[0]));
  else if (isObj(node)) {
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (isObj(v)) {
        const hist = isObj(v['config']) ? v['config']['keras_history'] : undefined;
        if (Array.isArray(hist)) names.push(String(hist[0]));
        else Object.values(v).forEach(walk);
      }
    };
    walk(node['args']);
  }
  return names;
}

function functionalChain(cls: string, config: Json): Chain {
  const name = String(config['name'] ?? cls);
  const raw = Array.isArray(config['layers']) ? (config['layers'] as Json[]) : [];
  const byName = new Map(raw.map((l) => [String(l['name'] ?? toSpec(l).name), l]));
  const ends = (k: string) => {
    const v = config[k] as unknown[];
    const list = Array.isArray(v) && Array.isArray(v[0]) ? v : [v];
    return list.map((e) => String((e as unknown[])[0]));
  };
  const ins = ends('input_layers');
  const outs = ends('output_layers');
  if (ins.length !== 1 || outs.length !== 1)
    fail(
      `model '${name}' has ${ins.length} inputs and ${outs.length} outputs; only single-input single-output chains are supported`,
    );
  // Walk backwards from the output; every layer must have exactly one inbound tensor.
  const chain: Json[] = [];
  let cur = outs[0]!;
  for (let guard = 0; guard <= raw.length; guard++) {
    const l = byName.get(cur) ?? fail(`model '${name}' refers to unknown layer '${cur}'`);
    chain.unshift(l);
    if (cur === ins[0]) break;
    const from = inboundNames(l);
    if (from.length !== 1)
      fail(
        `layer '${cur}' (${String(l['class_name'])}) has ${from.length} inputs; only linear chains of layers are supported (no branches or merges)`,
      );
    cur = from[0]!;
  }
  if (chain.length !== raw.length) {
    const used = new Set(chain.map((l) => String(l['name'])));
    const extra = raw
      .filter((l) => !used.has(String(l['name'])))
      .map((l) => `'${String(l['name'])}' (${String(l['class_name'])})`);
    fail(`model '${name}' is not a linear chain: layers ${extra.join(', ')} are off the input→output path`);
  }
  return flatten(name, chain);
}

function flatten(name: string, raw: Json[]): Chain {
  let inputShape: number[] | null = null;
  const layers: LayerSpec[] = [];
  for (const l of raw) {
    const spec = toSpec(l);
    if (['Sequential', 'Model', 'Functional'].includes(spec.className)) {
      const sub = chainOf(spec.className, l['config']);
      if (layers.length === 0 && inputShape === null) inputShape = sub.inputShape;
      layers.push(...sub.layers);
      continue;
    }
    if (layers.length === 0 && inputShape === null) inputShape = shapeOf(spec.config);
    if (spec.className === 'InputLayer') continue;
    layers.push(spec);
  }
  return { name, inputShape, layers };
}

function chainOf(cls: string, config: unknown): Chain {
  if (cls === 'Sequential') {
    if (Array.isArray(config)) return flatten('sequential', config as Json[]);
    if (!isObj(config) || !Array.isArray(config['layers'])) fail(`Sequential model has no layer list`);
    return flatten(String(config['name'] ?? 'sequential'), config['layers'] as Json[]);
  }
  if (cls === 'Model' || cls === 'Functional') {
    if (!isObj(config)) fail(`${cls} model has no config`);
    return functionalChain(cls, config);
  }
  return fail(`model class '${cls}' is not supported (expected Sequential, Model or Functional)`);
}

/** The model's layer chain; throws an Error naming what is not a supported topology. */
export function parseTopology(modelJson: unknown): ParsedTopology {
  if (!isObj(modelJson)) fail('model.json is not an object');
  let topo: unknown = modelJson['modelTopology'] ?? modelJson;
  if (isObj(topo) && isObj(topo['model_config'])) topo = topo['model_config'];
  if (!isObj(topo) || typeof topo['class_name'] !== 'string')
    fail('model.json has no modelTopology with a class_name');
  const chain = chainOf(topo['class_name'], topo['config']);
  if (chain.inputShape === null)
    fail(`model '${chain.name}' declares no input shape (batch_input_shape / batch_shape / InputLayer)`);
  if (chain.inputShape.some((d) => !Number.isInteger(d) || d <= 0))
    fail(
      `model '${chain.name}' input shape [${chain.inputShape.join(', ')}] has unknown or invalid dims; fixed sizes are needed`,
    );
  if (chain.layers.length === 0) fail(`model '${chain.name}' has no layers`);
  return { name: chain.name, inputShape: chain.inputShape, layers: chain.layers };
}
