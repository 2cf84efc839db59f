// Wire validation of trainTeacher / stopTeacher / checkTeacher: well-formed commands come back typed and
// copied; every bad field is named; the big arrays are listed for transfer.
import { describe, expect, it } from 'vitest';
import type { Command, WorkerEvent } from '../../../src/protocol/messages.ts';
import { parseCommand } from '../../../src/protocol/parseCommand.ts';
import { transferList } from '../../../src/protocol/transfer.ts';

const teacher = { modelJson: { modelTopology: {} }, weightData: [new ArrayBuffer(8)] };
const train = {
  type: 'trainTeacher',
  arch: { kind: 'mlp1d', hidden: [8], activation: 'tanh' },
  data: { x: new Float32Array(12), shape: [3, 4] },
  y: new Float32Array([0.5, 1, 2]),
  yShape: [3],
  task: 'regression',
  epochs: 5,
  batchSize: 2,
  lr: 0.01,
  seed: 3,
  validationSplit: 0.25,
  patience: 2,
};
const check = { type: 'checkTeacher', teacher, inputShape: [4] };

describe('parseCommand: teacher commands', () => {
  it('accepts well-formed trainTeacher, stopTeacher and checkTeacher (copies arrays it keeps)', () => {
    const r = parseCommand(train);
    expect(r.ok).toBe(true);
    if (!r.ok || r.command.type !== 'trainTeacher') throw new Error('not parsed');
    expect(r.command).toMatchObject({ ...train, arch: { kind: 'mlp1d', hidden: [8] } });
    expect(r.command.arch).not.toBe(train.arch);
    expect(r.command.data.x).toBe(train.data.x); // transferred, not copied
    for (const ok of [
      { ...train, arch: { kind: 'cnn2d', filters: 2 }, data: { x: new Float32Array(12), shape: [3, 2, 2] } },
      { ...train, task: 'classification', y: new Float32Array([0, 2, 1]) },
      { ...train, y: new Float32Array(6), yShape: [3, 2] },
      { type: 'stopTeacher' },
      check,
      { ...check, inputShape: [32, 32], target: 1 },
    ])
      expect(parseCommand(ok), JSON.stringify(ok)).toMatchObject({ ok: true });
    const c = parseCommand({ ...check, extra: 1 });
    expect(c.ok && Object.keys(c.command)).toEqual(['type', 'teacher', 'inputShape']);
  });

  it.each([
    [{ ...train, arch: { kind: 'resnet' } }, 'trainTeacher.arch.kind'],
    [{ ...train, arch: { kind: 'mlp1d', hidden: [] } }, 'trainTeacher.arch.hidden'],
    [{ ...train, arch: { kind: 'lstm', filters: 2 } }, "trainTeacher.arch.filters: not a field of a 'lstm'"],
    [{ ...train, arch: { kind: 'cnn1d', kernelSize: 0 } }, 'trainTeacher.arch.kernelSize'],
    [{ ...train, arch: { kind: 'cnn2d' } }, "a 'cnn2d' teacher needs [N, H, W]"],
    [{ ...train, data: { x: new Float32Array(4), shape: [1, 4] } }, 'at least 2 samples'],
    [{ ...train, data: { x: new Float32Array(11), shape: [3, 4] } }, 'needs 12 values'],
    [{ ...train, y: [1, 2, 3] }, 'trainTeacher.y: expected a Float32Array'],
    [{ ...train, yShape: [4] }, 'has 4 rows, data has 3'],
    [{ ...train, yShape: [3, 2] }, 'needs 6 values, y has 3'],
    [{ ...train, y: new Float32Array([1, Number.NaN, 0]) }, 'must be finite'],
    [{ ...train, task: 'ranking' }, 'trainTeacher.task'],
    [{ ...train, task: 'classification', y: new Float32Array([0, 1.5, 1]) }, 'class ids must be integers'],
    [{ ...train, task: 'classification', y: new Float32Array(6), yShape: [3, 2] }, 'takes N class ids'],
    [{ ...train, epochs: 0 }, 'trainTeacher.epochs'],
    [{ ...train, batchSize: 1.5 }, 'trainTeacher.batchSize'],
    [{ ...train, lr: 0 }, 'trainTeacher.lr'],
    [{ ...train, seed: 0.5 }, 'trainTeacher.seed'],
    [{ ...train, validationSplit: 1 }, 'trainTeacher.validationSplit'],
    [{ ...train, patience: -1 }, 'trainTeacher.patience'],
    [{ ...check, teacher: { modelJson: 1, weightData: [] } }, 'checkTeacher.teacher.modelJson'],
    [{ ...check, inputShape: [] }, 'checkTeacher.inputShape'],
    [{ ...check, inputShape: [2, 2, 2] }, 'checkTeacher.inputShape'],
    [{ ...check, target: -1 }, 'checkTeacher.target'],
  ])('rejects %j naming %s', (raw, want) => {
    const r = parseCommand(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toContain(want);
  });
});

describe('transferList: teacher messages', () => {
  it('transfers trainTeacher inputs, checkTeacher weights and the trained weights', () => {
    const cmd = parseCommand(train);
    if (!cmd.ok) throw new Error(cmd.message);
    expect(transferList(cmd.command)).toEqual([train.data.x.buffer, train.y.buffer]);
    expect(transferList(check as Command)).toEqual(teacher.weightData);
    const w = new ArrayBuffer(4);
    const ev = { type: 'teacherTrained', artifacts: { modelJson: {}, weightData: [w] } } as WorkerEvent;
    expect(transferList(ev)).toEqual([w]);
    expect(transferList({ type: 'stopTeacher' })).toEqual([]);
  });
});
