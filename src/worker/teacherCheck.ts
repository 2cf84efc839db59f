// The teacher compatibility check behind `checkTeacher` and `init`: which layers the model has, which of
// them we cannot rebuild (the loader's supported-layer and activation lists), which cannot be
// differentiated twice (the loader's second-order probe, per layer), and whether the forward fits the
// data. The verdict decides whether AWD may use γ; a failing teacher still trains with γ = 0.
import type { TeacherArtifacts, TeacherLayerInfo, TeacherProblem } from '../protocol/messages.ts';
import { assertTeacherFits } from '../model/attribution/trim.ts';
import { ACTIVATION_NAMES, normaliseActivation } from '../model/teacher/activations.ts';
import { SUPPORTED_LAYERS } from '../model/teacher/layers/index.ts';
import { parseTopology, type LayerSpec } from '../model/teacher/topology.ts';
import type { Teacher } from '../model/teacher/types.ts';
import type { InspectedTeacher } from './types.ts';

const errText = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const MODEL = '(model)';
const ACTIVATION_KEYS = ['activation', 'recurrent_activation'] as const;

/** "layer 'x' (Cls): reason" entries, as the loader and the probe name a failing layer. */
const LAYER_ENTRY = /layer '([^']*)' \(([^)]*)\): (.*?)(?=; layer '|$)/gs;

/** The op to blame in a reason: an activation or tfjs kernel it names, else the layer class. */
function opOf(className: string, reason: string): string {
  const act = /activation '([^']+)'/.exec(reason);
  if (act) return `activation '${act[1]}'`;
  const kernel = /gradient (?:function )?(?:not found )?(?:for|of) (?:kernel )?'?([A-Z]\w+)/.exec(reason);
  if (kernel) return kernel[1]!;
  const y = /Cannot compute gradient of y=f\(x\)/.test(reason);
  return y ? `${className} (gradient of gradient)` : className;
}

/** Splits a loader/probe message into per-layer problems; the whole message when it names none. */
export function problemsFromMessage(message: string): TeacherProblem[] {
  const out: TeacherProblem[] = [];
  for (const m of message.matchAll(LAYER_ENTRY))
    out.push({ layer: m[1]!, op: opOf(m[2]!, m[3]!), reason: m[3]!.trim() });
  if (out.length) return out;
  const model = /^model '[^']*': (.*)$/s.exec(message);
  return [{ layer: MODEL, op: 'model', reason: (model?.[1] ?? message).trim() }];
}

function activationsOf(l: LayerSpec): string[] {
  return ACTIVATION_KEYS.flatMap((k) => {
    const v = l.config[k];
    if (v === undefined || v === null) return [];
    return [typeof v === 'string' ? v : normaliseActivation(v)];
  });
}

/** Problems visible in model.json alone: layer classes and activations the loader does not rebuild. */
export function structuralProblems(layers: readonly LayerSpec[]): TeacherProblem[] {
  const out: TeacherProblem[] = [];
  for (const l of layers) {
    if (!SUPPORTED_LAYERS.includes(l.className))
      out.push({
        layer: l.name,
        op: l.className,
        reason: `no second-order-safe implementation of ${l.className} (supported: ${SUPPORTED_LAYERS.join(', ')})`,
      });
    for (const a of activationsOf(l).map(normaliseActivation))
      if (!ACTIVATION_NAMES.includes(a))
        out.push({
          layer: l.name,
          op: `activation '${a}'`,
          reason: `activation '${a}' has no twice-differentiable implementation here (supported: ${ACTIVATION_NAMES.join(', ')})`,
        });
  }
  return out;
}

const show = (p: TeacherProblem) =>
  p.layer === MODEL ? `${p.op}: ${p.reason}` : `layer '${p.layer}' (${p.op}): ${p.reason}`;

export function verdictMessage(
  ok: boolean,
  canUseGamma: boolean,
  problems: TeacherProblem[],
  what: string,
): string {
  if (canUseGamma)
    return `${what}: every layer can be differentiated twice, so the γ (attribution) term can be used.`;
  const list = problems.map(show).join('; ');
  return ok
    ? `${what} runs, but cannot be differentiated twice — ${list}. AWD trains with γ = 0 (no attribution term).`
    : `${what} cannot be used — ${list}. AWD can still train with γ = 0 (no attribution term).`;
}

/** Merges problems from several sources, one per (layer, op): the first (most specific) reason wins. */
function merge(...lists: TeacherProblem[][]): TeacherProblem[] {
  const seen = new Map<string, TeacherProblem>();
  for (const p of lists.flat()) if (!seen.has(`${p.layer}|${p.op}`)) seen.set(`${p.layer}|${p.op}`, p);
  return [...seen.values()];
}

/**
 * Loads `a` with `load` (which builds every layer and runs the second-order probe) and checks it for
 * samples of `inputShape` and output `target`. Never throws; a teacher is returned only when it runs.
 */
export function inspectTeacher(
  a: TeacherArtifacts,
  inputShape: readonly number[],
  target: number,
  load: (a: TeacherArtifacts) => Teacher,
): InspectedTeacher<Teacher> {
  let layers: LayerSpec[] = [];
  let name = 'the teacher';
  const problems: TeacherProblem[][] = [];
  try {
    const topo = parseTopology(a.modelJson);
    layers = topo.layers;
    name = `teacher '${topo.name}'`;
    problems.push(structuralProblems(layers));
  } catch (e) {
    problems.push([{ layer: MODEL, op: 'model.json', reason: errText(e) }]);
  }
  let teacher: Teacher | null = null;
  let secondOrder: TeacherProblem[] = [];
  if (layers.length > 0) {
    try {
      teacher = load(a);
      if (!teacher.compatibility.ok)
        secondOrder = teacher.compatibility.problems.flatMap(problemsFromMessage);
    } catch (e) {
      problems.unshift(
        problemsFromMessage(
          errText(e).replace(/^loadTeacherFromArtifacts: (cannot build the teacher: )?/, ''),
        ),
      );
    }
  }
  if (teacher) {
    try {
      assertTeacherFits(teacher, inputShape, target);
    } catch (e) {
      problems.push([{ layer: MODEL, op: 'input/output', reason: errText(e).replace(/^TRIM: /, '') }]);
      teacher.dispose();
      teacher = null;
    }
  }
  const fatal = merge(...problems);
  const all = merge(fatal, secondOrder);
  const ok = teacher !== null && fatal.length === 0;
  const canUseGamma = ok && secondOrder.length === 0;
  const bad = new Set(all.map((p) => p.layer));
  const info: TeacherLayerInfo[] = layers.map((l) => {
    const acts = activationsOf(l);
    return {
      name: l.name,
      className: l.className,
      ...(acts.length ? { activation: acts.join(', ') } : {}),
      ok: !bad.has(l.name),
    };
  });
  return {
    teacher,
    check: {
      ok,
      canUseGamma,
      layers: info,
      problems: all,
      message: verdictMessage(ok, canUseGamma, all, name),
    },
  };
}
