// Wire validation of the teacher commands (see teacherMessages.ts): shapes, ranges and types, each
// problem naming the command and the field. Whether the arch fits the data is the worker's check.
import type { TeacherArtifacts } from './messages.ts';
import { isFiniteNum, isObj, isPosInt, parseData, shapeProblem, teacherProblem } from './parseFields.ts';
import {
  TEACHER_KINDS,
  TEACHER_TASKS,
  type TeacherArchSpec,
  type TeacherCommand,
  type TeacherTask,
  type TrainTeacherCommand,
} from './teacherMessages.ts';

type Parsed = { ok: true; command: TeacherCommand } | { ok: false; message: string };
const bad = (message: string): Parsed => ({ ok: false, message });
const show = (v: unknown): string => JSON.stringify(v) ?? String(v);

/** Optional positive-integer size fields of each arch kind. */
const SIZE_KEYS: Record<TeacherArchSpec['kind'], readonly string[]> = {
  mlp1d: ['inputLength', 'outputs'],
  cnn1d: ['inputLength', 'filters', 'kernelSize', 'dense', 'outputs'],
  lstm: ['inputLength', 'units', 'outputs'],
  cnn2d: ['height', 'width', 'filters', 'outputs'],
};

function archProblem(a: unknown): string | null {
  const where = 'trainTeacher.arch';
  if (!isObj(a) || !TEACHER_KINDS.includes(a['kind'] as TeacherArchSpec['kind']))
    return `${where}.kind: expected one of ${TEACHER_KINDS.join(', ')}, got ${show(isObj(a) ? a['kind'] : a)}`;
  const kind = a['kind'] as TeacherArchSpec['kind'];
  const allowed = new Set([
    'kind',
    ...SIZE_KEYS[kind],
    ...(kind === 'mlp1d' ? ['hidden', 'activation'] : []),
  ]);
  for (const [k, v] of Object.entries(a)) {
    if (!allowed.has(k)) return `${where}.${k}: not a field of a '${kind}' teacher`;
    if (k === 'kind' || v === undefined) continue;
    if (k === 'hidden') {
      if (!Array.isArray(v) || v.length === 0 || !v.every(isPosInt))
        return `${where}.hidden: expected a non-empty array of positive integers, got ${show(v)}`;
    } else if (k === 'activation') {
      if (typeof v !== 'string' || !v)
        return `${where}.activation: expected an activation name, got ${show(v)}`;
    } else if (!isPosInt(v)) return `${where}.${k}: expected a positive integer, got ${show(v)}`;
  }
  return null;
}

function parseTrainTeacher(m: Record<string, unknown>): Parsed {
  const ap = archProblem(m['arch']);
  if (ap) return bad(ap);
  const arch = m['arch'] as TeacherArchSpec;
  const d = parseData(m['data'], 'trainTeacher.data');
  if ('problem' in d) return bad(d.problem);
  const rank = arch.kind === 'cnn2d' ? 3 : 2;
  if (d.data.shape.length !== rank)
    return bad(
      `trainTeacher.data.shape: a '${arch.kind}' teacher needs ${rank === 3 ? '[N, H, W]' : '[N, L]'}, got ${show(d.data.shape)}`,
    );
  const n = d.data.shape[0]!;
  if (n < 2) return bad(`trainTeacher.data: need at least 2 samples (one held out), got ${n}`);
  const y = m['y'];
  if (!(y instanceof Float32Array)) return bad('trainTeacher.y: expected a Float32Array');
  const yShape = m['yShape'];
  const sp = shapeProblem(yShape, 'trainTeacher.yShape', 1, 2);
  if (sp) return bad(sp);
  const ys = yShape as number[];
  if (ys[0] !== n) return bad(`trainTeacher.yShape: ${show(ys)} has ${ys[0]} rows, data has ${n} samples`);
  if (ys.reduce((p, q) => p * q, 1) !== y.length)
    return bad(
      `trainTeacher.y: yShape ${show(ys)} needs ${ys.reduce((p, q) => p * q, 1)} values, y has ${y.length}`,
    );
  if (!y.every(Number.isFinite)) return bad('trainTeacher.y: every target must be finite');
  const task = m['task'];
  if (!TEACHER_TASKS.includes(task as TeacherTask))
    return bad(`trainTeacher.task: expected ${TEACHER_TASKS.join(' or ')}, got ${show(task)}`);
  if (task === 'classification') {
    if (ys.length !== 1)
      return bad(`trainTeacher.yShape: classification takes N class ids ([N]), got ${show(ys)}`);
    if (!y.every((v) => Number.isInteger(v) && v >= 0))
      return bad('trainTeacher.y: class ids must be integers ≥ 0');
  }
  const num = (k: string, ok: (v: unknown) => boolean, want: string): string | null =>
    ok(m[k]) ? null : `trainTeacher.${k}: expected ${want}, got ${show(m[k])}`;
  const problem =
    num('epochs', isPosInt, 'an integer ≥ 1') ??
    num('batchSize', isPosInt, 'an integer ≥ 1') ??
    num('lr', (v) => isFiniteNum(v) && v > 0, 'a number > 0') ??
    num('seed', (v) => Number.isInteger(v), 'an integer') ??
    num('validationSplit', (v) => isFiniteNum(v) && v > 0 && v < 1, 'a fraction in (0, 1)') ??
    num('patience', isPosInt, 'an integer ≥ 1');
  if (problem) return bad(problem);
  const command: TrainTeacherCommand = {
    type: 'trainTeacher',
    arch: { ...arch, ...(arch.kind === 'mlp1d' && arch.hidden ? { hidden: [...arch.hidden] } : {}) },
    data: d.data,
    y,
    yShape: [...ys],
    task: task as TeacherTask,
    epochs: m['epochs'] as number,
    batchSize: m['batchSize'] as number,
    lr: m['lr'] as number,
    seed: m['seed'] as number,
    validationSplit: m['validationSplit'] as number,
    patience: m['patience'] as number,
  };
  return { ok: true, command };
}

function parseCheckTeacher(m: Record<string, unknown>): Parsed {
  const tp = teacherProblem(m['teacher'], 'checkTeacher.teacher');
  if (tp) return bad(tp);
  const sp = shapeProblem(m['inputShape'], 'checkTeacher.inputShape', 1, 2);
  if (sp) return bad(sp);
  const target = m['target'];
  if (target !== undefined && !(Number.isInteger(target) && (target as number) >= 0))
    return bad(`checkTeacher.target: expected an integer ≥ 0, got ${show(target)}`);
  return {
    ok: true,
    command: {
      type: 'checkTeacher',
      teacher: m['teacher'] as TeacherArtifacts,
      inputShape: [...(m['inputShape'] as number[])],
      ...(target !== undefined ? { target: target as number } : {}),
    },
  };
}

export function parseTeacherCommand(
  type: 'trainTeacher' | 'stopTeacher' | 'checkTeacher',
  m: Record<string, unknown>,
): Parsed {
  switch (type) {
    case 'trainTeacher':
      return parseTrainTeacher(m);
    case 'stopTeacher':
      return { ok: true, command: { type } };
    case 'checkTeacher':
      return parseCheckTeacher(m);
  }
}
