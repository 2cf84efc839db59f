// Validates a message that arrived over postMessage: the wire is untyped, so the engine checks shape
// before it acts and answers bad input with an error event naming the field (never a crash).
import { BACKENDS, validateConfig, type AwdConfig, type BackendChoice } from './config.ts';
import type { Command, TeacherArtifacts } from './messages.ts';
import { isNonNegInt, isObj, parseData, teacherProblem } from './parseFields.ts';
import { parseLabJobCommand } from './parseLabJobCommand.ts';
import { parseTeacherCommand } from './parseTeacherCommand.ts';

export type ParseResult = { ok: true; command: Command } | { ok: false; message: string };
export { teacherProblem };

const isWeight = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

function parseInit(m: Record<string, unknown>): ParseResult {
  const cfg = validateConfig(m['config']);
  if (!cfg.ok) return { ok: false, message: `init: ${cfg.errors.join('; ')}` };
  const d = parseData(m['data'], 'init.data');
  if ('problem' in d) return { ok: false, message: d.problem };
  const tp = teacherProblem(m['teacher'], 'init.teacher');
  if (tp) return { ok: false, message: tp };
  const h0 = m['h0'];
  if (
    h0 !== undefined &&
    (!Array.isArray(h0) || !h0.every((v) => typeof v === 'number' && Number.isFinite(v)))
  )
    return { ok: false, message: 'init.h0: expected an array of finite numbers' };
  const command: Command = {
    type: 'init',
    config: cfg.config,
    data: d.data,
    teacher: m['teacher'] as TeacherArtifacts,
  };
  if (h0 !== undefined) command.h0 = [...(h0 as number[])];
  return { ok: true, command };
}

/** Returns the typed command, or a message that names the command and the bad field. */
export function parseCommand(raw: unknown): ParseResult {
  if (!isObj(raw) || typeof raw['type'] !== 'string')
    return {
      ok: false,
      message: `command: expected an object with a string 'type', got ${JSON.stringify(raw)}`,
    };
  const m = raw;
  const type = raw['type'];
  switch (type) {
    case 'init':
      return parseInit(m);
    case 'play':
    case 'pause':
    case 'reset':
    case 'dispose':
    case 'uiRelease':
      return { ok: true, command: { type } };
    case 'uiHold':
      if (typeof m['ms'] !== 'number' || !(m['ms'] > 0 && m['ms'] <= 1000))
        return {
          ok: false,
          message: `uiHold.ms: expected a number in (0, 1000], got ${JSON.stringify(m['ms'])}`,
        };
      return { ok: true, command: { type, ms: m['ms'] } };
    case 'step':
      if (!isNonNegInt(m['n']) || m['n'] < 1)
        return { ok: false, message: `step.n: expected an integer ≥ 1, got ${JSON.stringify(m['n'])}` };
      return { ok: true, command: { type, n: m['n'] } };
    case 'setWeights': {
      const command: Command = { type };
      for (const k of ['lambda', 'gamma'] as const) {
        const v = m[k];
        if (v === undefined) continue;
        if (!isWeight(v))
          return { ok: false, message: `setWeights.${k}: expected a number ≥ 0, got ${JSON.stringify(v)}` };
        command[k] = v;
      }
      return { ok: true, command };
    }
    case 'setConfig': {
      const patch = m['patch'];
      const r = validateConfig(patch);
      if (!r.ok) return { ok: false, message: `setConfig: ${r.errors.join('; ')}` };
      // Keep only the keys sent, with validated (copied) values.
      const keys = Object.keys(patch as object) as (keyof AwdConfig)[];
      const clean = Object.fromEntries(keys.map((k) => [k, r.config[k]])) as Partial<AwdConfig>;
      return { ok: true, command: { type, patch: clean } };
    }
    case 'selectSample':
      if (!isNonNegInt(m['index']))
        return {
          ok: false,
          message: `selectSample.index: expected an integer ≥ 0, got ${JSON.stringify(m['index'])}`,
        };
      return { ok: true, command: { type, index: m['index'] } };
    case 'setBackend':
      if (!BACKENDS.includes(m['backend'] as BackendChoice))
        return {
          ok: false,
          message: `setBackend.backend: expected one of ${BACKENDS.join(', ')}, got ${JSON.stringify(m['backend'])}`,
        };
      return { ok: true, command: { type, backend: m['backend'] as BackendChoice } };
    case 'runReferenceCases': {
      if (m['kind'] !== 'awd_loss')
        return {
          ok: false,
          message: `runReferenceCases.kind: expected 'awd_loss', got ${JSON.stringify(m['kind'])}`,
        };
      const cases = m['cases'];
      if (
        !Array.isArray(cases) ||
        cases.length === 0 ||
        !cases.every((c) => isObj(c) && typeof c['id'] === 'string' && isObj(c['terms']))
      )
        return {
          ok: false,
          message: 'runReferenceCases.cases: expected a non-empty array of awd_loss.json cases',
        };
      const teachers = m['teachers'];
      if (!isObj(teachers))
        return { ok: false, message: 'runReferenceCases.teachers: expected an object keyed by file name' };
      for (const [name, t] of Object.entries(teachers)) {
        const p = teacherProblem(t, `runReferenceCases.teachers[${name}]`);
        if (p) return { ok: false, message: p };
      }
      return {
        ok: true,
        command: { type, kind: 'awd_loss', cases, teachers: teachers as Record<string, TeacherArtifacts> },
      };
    }
    case 'trainTeacher':
    case 'stopTeacher':
    case 'checkTeacher':
      return parseTeacherCommand(type, m);
    case 'evaluate':
    case 'sweep':
    case 'stopSweep':
    case 'loadH0':
      return parseLabJobCommand(type, m);
    default:
      return { ok: false, message: `command: unknown type ${JSON.stringify(type)}` };
  }
}
