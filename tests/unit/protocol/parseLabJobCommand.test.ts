// Wire validation of the lab-job commands (evaluate, sweep, stopSweep, loadH0): well-formed commands come
// back typed, every bad field is named, and the data's arrays are listed for transfer.
import { describe, expect, it } from 'vitest';
import type { Command } from '../../../src/protocol/messages.ts';
import { parseCommand } from '../../../src/protocol/parseCommand.ts';
import { transferList } from '../../../src/protocol/transfer.ts';

const data1d = () => ({
  x: new Float32Array(6 * 4),
  shape: [6, 4],
  y: Float32Array.from([1, 2, 3, 4, 5, 6]),
  groups: null,
  train: Int32Array.from([0, 2, 3]),
  val: Int32Array.from([1, 5]),
  test: Int32Array.from([4]),
  splitSeed: 7,
  targetName: 'y',
});
const data2d = () => ({
  ...data1d(),
  x: new Float32Array(6 * 2 * 2),
  shape: [6, 2, 2],
  groups: Int32Array.from([0, 0, 1, 1, 2, 2]),
});
const sweep = (over: Record<string, unknown> = {}) => ({
  type: 'sweep',
  data: data1d(),
  lambdas: [0.01, 0.1],
  gammas: [0, 1, 10],
  epochs: 2,
  warmStart: true,
  ...over,
});
const message = (raw: unknown) => {
  const r = parseCommand(raw);
  return r.ok ? 'ok' : r.message;
};

describe('parseCommand: lab-job commands', () => {
  it('accepts well-formed evaluate (1-D and 2-D), sweep, stopSweep and loadH0', () => {
    for (const data of [data1d(), data2d()]) {
      const r = parseCommand({ type: 'evaluate', data, bootstrapReps: 100 });
      expect(r.ok).toBe(true);
      if (!r.ok || r.command.type !== 'evaluate') throw new Error('not parsed');
      expect(r.command.data).toMatchObject({ shape: data.shape, splitSeed: 7, targetName: 'y' });
      expect(r.command.data.groups).toEqual(data.groups);
    }
    const s = parseCommand(sweep());
    expect(s.ok && s.command).toEqual({ ...sweep(), data: data1d() });
    expect(parseCommand({ type: 'stopSweep' })).toEqual({ ok: true, command: { type: 'stopSweep' } });
    const h0 = [0.1, 0.2, 0.3, 0.4];
    const l = parseCommand({ type: 'loadH0', h0 });
    expect(l.ok && l.command).toEqual({ type: 'loadH0', h0 });
    if (l.ok && l.command.type === 'loadH0') expect(l.command.h0).not.toBe(h0); // copied
  });

  it('names every bad field', () => {
    const cases: [unknown, RegExp][] = [
      [
        { type: 'evaluate', data: data1d(), bootstrapReps: 1 },
        /^evaluate\.bootstrapReps: expected an integer in 2…10000/,
      ],
      [
        { type: 'evaluate', data: { ...data1d(), y: new Float32Array(5) }, bootstrapReps: 10 },
        /^evaluate\.data\.y: expected a Float32Array of 6 targets/,
      ],
      [
        {
          type: 'evaluate',
          data: { ...data1d(), y: Float32Array.from([1, 2, NaN, 4, 5, 6]) },
          bootstrapReps: 10,
        },
        /^evaluate\.data\.y: every target must be finite/,
      ],
      [
        { type: 'evaluate', data: { ...data1d(), train: [0, 2, 3] }, bootstrapReps: 10 },
        /^evaluate\.data\.train: expected an Int32Array of row indices/,
      ],
      [
        { type: 'evaluate', data: { ...data1d(), test: Int32Array.from([]) }, bootstrapReps: 10 },
        /^evaluate\.data\.test: expected at least one row/,
      ],
      [
        { type: 'evaluate', data: { ...data1d(), test: Int32Array.from([6]) }, bootstrapReps: 10 },
        /^evaluate\.data\.test: expected ascending distinct rows in 0…5, got 6 at 0/,
      ],
      [
        { type: 'evaluate', data: { ...data1d(), train: Int32Array.from([3, 2]) }, bootstrapReps: 10 },
        /^evaluate\.data\.train: expected ascending distinct rows/,
      ],
      [
        { type: 'evaluate', data: { ...data1d(), test: Int32Array.from([1]) }, bootstrapReps: 10 },
        /^evaluate\.data\.test: row 1 is in more than one of train, val, test/,
      ],
      [
        { type: 'evaluate', data: { ...data2d(), groups: null }, bootstrapReps: 10 },
        /^evaluate\.data\.groups: 2-D data needs an Int32Array of 6 class ids/,
      ],
      [
        {
          type: 'evaluate',
          data: { ...data1d(), groups: Int32Array.from([0, 0, 0, 0, 0, 0]) },
          bootstrapReps: 10,
        },
        /^evaluate\.data\.groups: expected null for 1-D data/,
      ],
      [
        { type: 'evaluate', data: { ...data1d(), splitSeed: 0.5 }, bootstrapReps: 10 },
        /^evaluate\.data\.splitSeed: expected an integer/,
      ],
      [
        { type: 'evaluate', data: { ...data1d(), x: new Float32Array(5) }, bootstrapReps: 10 },
        /^evaluate\.data: shape \[6,4\] needs 24 values/,
      ],
      [sweep({ lambdas: [] }), /^sweep\.lambdas: expected 1–12 values/],
      [sweep({ lambdas: [0.1, 0.01] }), /^sweep\.lambdas: expected strictly ascending values/],
      [sweep({ gammas: [1, -1] }), /^sweep\.gammas\[1\]: expected a finite number ≥ 0, got -1/],
      [sweep({ gammas: Array.from({ length: 13 }, (_, i) => i) }), /^sweep\.gammas: expected 1–12 values/],
      [sweep({ epochs: 0 }), /^sweep\.epochs: expected an integer in 1…1000/],
      [sweep({ warmStart: 'yes' }), /^sweep\.warmStart: expected true or false/],
      [
        sweep({ data: { ...data1d(), val: Int32Array.from([1]), train: Int32Array.from([0, 2, 3, 5]) } }),
        /^sweep\.data\.val: the validation split needs ≥ 2 samples/,
      ],
      [{ type: 'loadH0', h0: [1, 2, 3] }, /^loadH0\.h0: expected an even-length array/],
      [{ type: 'loadH0', h0: [1, Infinity] }, /^loadH0\.h0: expected an even-length array/],
    ];
    for (const [raw, re] of cases)
      expect(
        message(raw),
        JSON.stringify(raw, (_, v) => (ArrayBuffer.isView(v) ? `[${v.constructor.name}]` : v)),
      ).toMatch(re);
  });

  it('transfers the data arrays of evaluate and sweep, none of loadH0', () => {
    const ev = { type: 'evaluate', data: data2d(), bootstrapReps: 10 } as Command;
    const d = (ev as Extract<Command, { type: 'evaluate' }>).data;
    expect(new Set(transferList(ev))).toEqual(
      new Set([d.x.buffer, d.y.buffer, d.groups!.buffer, d.train.buffer, d.val.buffer, d.test.buffer]),
    );
    expect(transferList(sweep() as Command)).toHaveLength(5); // groups is null for 1-D
    expect(transferList({ type: 'loadH0', h0: [1, 2] })).toEqual([]);
  });
});
