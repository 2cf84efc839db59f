// Wire validation: every command shape is accepted when well-formed and rejected with a message that
// names the command and the field when not.
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/protocol/config.ts';
import { parseCommand } from '../../../src/protocol/parseCommand.ts';
import { transferList } from '../../../src/protocol/transfer.ts';
import type { Command } from '../../../src/protocol/messages.ts';

const teacher = { modelJson: { modelTopology: {} }, weightData: [new ArrayBuffer(8)] };
const init = {
  type: 'init',
  config: { ...DEFAULT_CONFIG },
  data: { x: new Float32Array(6), shape: [2, 3] },
  teacher,
};

describe('parseCommand', () => {
  it('accepts every command type', () => {
    const good: unknown[] = [
      init,
      { ...init, h0: [0.7, 0.7] },
      { type: 'play' },
      { type: 'pause' },
      { type: 'step', n: 3 },
      { type: 'reset' },
      { type: 'setWeights', lambda: 0.2 },
      { type: 'setWeights', gamma: 0 },
      { type: 'setConfig', patch: { level: 3, mode: 'periodization' } },
      { type: 'selectSample', index: 0 },
      { type: 'setBackend', backend: 'wasm' },
      {
        type: 'runReferenceCases',
        kind: 'awd_loss',
        cases: [{ id: 'a', terms: {} }],
        teachers: { 't.json': teacher },
      },
      { type: 'dispose' },
    ];
    for (const g of good) expect(parseCommand(g), JSON.stringify(g)).toMatchObject({ ok: true });
  });

  it('keeps only the validated keys of a setConfig patch, and no undefined optionals', () => {
    const r = parseCommand({ type: 'setConfig', patch: { lr: 0.01 } });
    expect(r).toEqual({ ok: true, command: { type: 'setConfig', patch: { lr: 0.01 } } });
    const w = parseCommand({ type: 'setWeights', lambda: 0.5 });
    expect(w.ok && Object.keys(w.command)).toEqual(['type', 'lambda']);
  });

  it.each([
    [null, 'command:'],
    [{ type: 'fly' }, 'unknown type "fly"'],
    [{ type: 'step', n: 1.5 }, 'step.n'],
    [{ type: 'setWeights', gamma: Number.NaN }, 'setWeights.gamma'],
    [{ type: 'setConfig', patch: { levle: 3 } }, "unknown key 'levle'"],
    [{ type: 'selectSample', index: -1 }, 'selectSample.index'],
    [{ type: 'setBackend', backend: 'gpu' }, 'setBackend.backend'],
    [{ ...init, data: { x: [1, 2], shape: [1, 2] } }, 'init.data.x'],
    [{ ...init, data: { x: new Float32Array(6), shape: [6] } }, 'init.data.shape'],
    [{ ...init, data: { x: new Float32Array(5), shape: [2, 3] } }, 'needs 6 values'],
    [{ ...init, teacher: { modelJson: {}, weightData: [new Float32Array(2)] } }, 'init.teacher.weightData'],
    [{ ...init, config: { ...DEFAULT_CONFIG, level: 0 } }, 'config.level'],
    [{ ...init, h0: [1, Number.POSITIVE_INFINITY] }, 'init.h0'],
    [{ type: 'runReferenceCases', kind: 'awd_fit', cases: [], teachers: {} }, 'runReferenceCases.kind'],
    [{ type: 'runReferenceCases', kind: 'awd_loss', cases: [], teachers: {} }, 'runReferenceCases.cases'],
  ])('rejects %j naming %s', (raw, want) => {
    const r = parseCommand(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(want);
  });
});

describe('transferList', () => {
  it('lists init data and weights once each, nothing for small commands', () => {
    const x = new Float32Array(6);
    const cmd = {
      ...init,
      data: { x, shape: [2, 3] },
      teacher: { ...teacher, weightData: [teacher.weightData[0]!, teacher.weightData[0]!] },
    } as Command;
    expect(transferList(cmd)).toEqual([x.buffer, teacher.weightData[0]]);
    expect(transferList({ type: 'play' })).toEqual([]);
  });
});
