// teacher.train against the data (pure, runs before any engine): the arch's input size comes from x,
// its outputs from y (regression: k columns; classification: class ids 0..C−1), and every option
// that contradicts the data is an error naming the option.
import type { TeacherArch } from '../../model/teacher/build.ts';
import { CliError } from '../errors.ts';
import type { FitData } from './data.ts';
import type { TrainSpec } from './teacherSpec.ts';

export interface TrainSetup {
  readonly arch: TeacherArch;
  /** Regression: N×k float targets; classification: N class ids. */
  readonly y: Float32Array | Int32Array;
  readonly outputs: number;
}

const fail = (key: string, msg: string) => new CliError(`awd fit: "teacher.train.${key}": ${msg}`);

function outputsFor(
  t: TrainSpec,
  data: FitData,
  target: number,
): { y: Float32Array | Int32Array; outputs: number } {
  const y = data.y!;
  const given = t.arch.options.outputs as number | undefined;
  if (t.task === 'regression') {
    const k = y.shape[1] ?? 1;
    if (given !== undefined && given !== k)
      throw fail(
        'arch.outputs',
        `${given}, but "data.y" has k = ${k} target columns (shape [${y.shape.join(', ')}])`,
      );
    if (target >= k)
      throw new CliError(`awd fit: "target": ${target} is not a column of "data.y" (k = ${k})`);
    return { y: Float32Array.from(y.data), outputs: k };
  }
  if (y.shape.length === 2 && y.shape[1] !== 1)
    throw fail('task', `classification needs "data.y" of class ids, shape (N,); got [${y.shape.join(', ')}]`);
  const bad = y.data.findIndex((v) => !Number.isInteger(v) || v < 0);
  if (bad >= 0)
    throw fail('task', `classification needs class ids 0, 1, …; "data.y" has ${y.data[bad]} at row ${bad}`);
  // reduce, not Math.max(...y): spreading a large y overflows the call stack.
  const top = y.data.reduce((m, v) => Math.max(m, v), 0);
  const outputs = given ?? Math.max(2, top + 1);
  if (outputs < top + 1) throw fail('arch.outputs', `${outputs} classes, but "data.y" has class id ${top}`);
  if (target >= outputs)
    throw new CliError(`awd fit: "target": ${target} is not a class of the teacher (${outputs} classes)`);
  return { y: Int32Array.from(y.data), outputs };
}

export function resolveTrainSetup(t: TrainSpec, data: FitData, target: number): TrainSetup {
  const sig = data.shape.slice(1);
  const o = t.arch.options;
  const { kind } = t.arch;
  const { y, outputs } = outputsFor(t, data, target);
  if (data.shape[0]! < 2)
    throw fail('arch', `training a teacher needs at least 2 signals, "data.x" has ${data.shape[0]}`);
  const same = (key: string, want: number) => {
    if (o[key] !== undefined && o[key] !== want)
      throw fail(
        `arch.${key}`,
        `${String(o[key])} does not match "data.x" (signals of shape [${sig.join(', ')}])`,
      );
  };
  if (kind === 'cnn2d') {
    if (sig.length !== 2)
      throw fail(
        'arch.kind',
        `cnn2d needs 2-D signals (N, H, W); "data.x" has shape [${data.shape.join(', ')}]`,
      );
    const [H, W] = sig as [number, number];
    same('height', H);
    same('width', W);
    if (H < 3 || W < 3) throw fail('arch.kind', `cnn2d's 3×3 convolution needs H, W ≥ 3, got ${H}×${W}`);
    const f = o.filters as number | undefined;
    return { arch: { kind, height: H, width: W, outputs, ...(f ? { filters: f } : {}) }, y, outputs };
  }
  if (sig.length !== 1)
    throw fail(
      'arch.kind',
      `${kind} needs 1-D signals (N, L); "data.x" has shape [${data.shape.join(', ')}] (use cnn2d)`,
    );
  const L = sig[0]!;
  same('input_length', L);
  const pick = (key: string, as: string) => (o[key] !== undefined ? { [as]: o[key] } : {});
  if (kind === 'mlp1d')
    return {
      arch: {
        kind,
        inputLength: L,
        outputs,
        ...pick('hidden', 'hidden'),
        ...pick('activation', 'activation'),
      },
      y,
      outputs,
    };
  if (kind === 'lstm')
    return { arch: { kind, inputLength: L, outputs, ...pick('units', 'units') }, y, outputs };
  const k = (o.kernel_size as number | undefined) ?? 5;
  if (k > L - 1)
    throw fail(
      'arch.kernel_size',
      `${k} leaves nothing to pool in signals of length ${L} (at most ${L - 1})`,
    );
  return {
    arch: {
      kind,
      inputLength: L,
      outputs,
      kernelSize: k,
      ...pick('filters', 'filters'),
      ...pick('dense', 'dense'),
    },
    y,
    outputs,
  };
}
