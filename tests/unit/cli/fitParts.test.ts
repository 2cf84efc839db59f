// The pure parts of `awd fit`, in-process: config parsing and echo, the teacher verdict (second-order
// compatibility → error or γ = 0), the teacher.train setup, the progress line and its throttle.
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliError } from '../../../src/cli/errors.ts';
import type { FitData } from '../../../src/cli/fit/data.ts';
import { bar, formatDuration, stepLine, terminalProgress } from '../../../src/cli/fit/progress.ts';
import type { StepInfo } from '../../../src/cli/fit/progress.ts';
import { echoConfig, parseFitSpec } from '../../../src/cli/fit/spec.ts';
import { checkTeacher } from '../../../src/cli/fit/teacherCheck.ts';
import { resolveTrainSetup } from '../../../src/cli/fit/trainSetup.ts';
import type { Teacher } from '../../../src/model/teacher/types.ts';
import { DEFAULT_CONFIG } from '../../../src/protocol/config.ts';

const spec = (o: Record<string, unknown>) =>
  parseFitSpec({ data: { x: 'x.npy', y: 'y.npy' }, teacher: { model: 't.json' }, ...o }, '/runs/a/run.json');

function fakeTeacher(over: Partial<Teacher> = {}): Teacher {
  return {
    inputShape: [64],
    outputSize: 2,
    kind: 'imported',
    apply: () => {
      throw new Error('not used');
    },
    compatibility: { ok: true, problems: [] },
    dispose() {},
    ...over,
  };
}

describe('parseFitSpec', () => {
  it('fills the schema defaults, resolves paths against the config folder, echoes snake_case', () => {
    const s = spec({ batch_size: 0, ig_steps: 8, out: '../r.json' });
    expect(s.awd).toEqual({
      ...DEFAULT_CONFIG,
      weights: { ...DEFAULT_CONFIG.weights },
      batchSize: 0,
      igSteps: 8,
    });
    expect(s.data).toEqual({ x: '/runs/a/x.npy', y: '/runs/a/y.npy' });
    expect(s.teacher).toEqual({ source: 'model', path: '/runs/a/t.json' });
    expect(s.out).toBe(resolve('/runs/r.json'));
    const echo = echoConfig(s);
    expect(echo).toMatchObject({
      batch_size: 0,
      ig_steps: 8,
      teacher: { model: '/runs/a/t.json' },
      out: '/runs/r.json',
    });
    expect(Object.keys(echo).some((k) => /[A-Z]/.test(k))).toBe(false);
  });

  it('teacher.train: defaults, seed from the top level, save path resolved', () => {
    const s = spec({ seed: 9, teacher: { train: { arch: { kind: 'lstm', units: 4 }, save: 't/out.json' } } });
    expect(s.teacher).toEqual({
      source: 'train',
      train: {
        arch: { kind: 'lstm', options: { units: 4 } },
        task: 'regression',
        epochs: 100,
        seed: 9,
        validationSplit: 0.2,
        lr: 1e-3,
        batchSize: 32,
        patience: 10,
        metric: 'r2',
        save: '/runs/a/t/out.json',
      },
    });
    expect(echoConfig(s).teacher).toMatchObject({
      train: { arch: { kind: 'lstm', units: 4 }, validation_split: 0.2 },
    });
  });

  it('gamma 0 needs no teacher; teacher and data errors are CliErrors naming the key', () => {
    expect(spec({ gamma: 0, teacher: undefined }).teacher).toBeNull();
    expect(() => spec({ teacher: { model: 't.json', train: {} } })).toThrow(/give either "model" or "train"/);
    expect(() => spec({ data: 'x.npy' })).toThrow(CliError);
    expect(() => spec({ data: 'x.npy' })).toThrow(
      /"data": expected \{"x": "x.npy", "y": "y.npy"\}, got "x.npy"/,
    );
    expect(() => parseFitSpec([1], 'r.json')).toThrow(
      /r\.json: expected a JSON object of settings, got \[1\]/,
    );
  });
});

describe('checkTeacher', () => {
  const sig = [64];
  const broken = {
    ok: false,
    problems: ["layer 'd' (Dense): second derivative 0 disagrees with finite differences 3"],
  };

  it('a teacher the second-order probe failed stops a γ > 0 run with the probe reason', () => {
    expect(() => checkTeacher(spec({}), fakeTeacher({ compatibility: broken }), 'T', sig)).toThrow(
      /T cannot be differentiated twice, which the attribution term \(gamma = 1\) needs: layer 'd' \(Dense\): second derivative .*"allow_gamma_zero": true/,
    );
  });

  it('allow_gamma_zero runs without the γ term (no teacher for the trainer) and says so', () => {
    const v = checkTeacher(
      spec({ allow_gamma_zero: true }),
      fakeTeacher({ compatibility: broken }),
      'T',
      sig,
    );
    expect(v.teacher).toBeNull();
    expect(v.gamma).toBe(0);
    expect(v.info).toMatchObject({ gamma_forced_zero: true, compat: broken });
    expect(v.warnings.join()).toMatch(/gamma forced to 0: .*second derivative/);
    const g0 = checkTeacher(spec({ gamma: 0 }), fakeTeacher({ compatibility: broken }), 'T', sig);
    expect([g0.gamma, g0.warnings, g0.info.gamma_forced_zero]).toEqual([0, [], false]);
  });

  it('a compatible teacher is kept; input size and target are checked', () => {
    const t = fakeTeacher();
    const v = checkTeacher(spec({}), t, 'T', sig);
    expect([v.teacher, v.gamma, v.warnings]).toEqual([t, 1, []]);
    expect(checkTeacher(spec({}), fakeTeacher({ inputShape: [64, 1] }), 'T', sig).warnings).toEqual([]);
    expect(checkTeacher(spec({}), fakeTeacher({ inputShape: [8, 8] }), 'T', sig).warnings.join()).toMatch(
      /reshaped/,
    );
    expect(() => checkTeacher(spec({}), fakeTeacher({ inputShape: [32] }), 'T', sig)).toThrow(
      /T: input \[32\] does not fit "data.x"'s signals of shape \[64\]/,
    );
    expect(() => checkTeacher(spec({ target: 2 }), t, 'T', sig)).toThrow(
      /"target": 2 is not an output of the teacher \(2 outputs\)/,
    );
  });
});

describe('resolveTrainSetup', () => {
  const data = (y: number[], yShape: number[]): FitData => ({
    x: new Float32Array(6 * 16),
    shape: [6, 16],
    y: { data: Float64Array.from(y), shape: yShape },
  });
  const train = (o: Record<string, unknown>) => {
    const s = spec({ teacher: { train: { arch: { kind: 'mlp1d' }, ...o } } });
    if (s.teacher?.source !== 'train') throw new Error('expected a teacher.train spec');
    return s.teacher.train;
  };

  it('regression: outputs = y columns, input length = L', () => {
    const r = resolveTrainSetup(train({}), data([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], [6, 2]), 1);
    expect(r.arch).toEqual({ kind: 'mlp1d', inputLength: 16, outputs: 2 });
    expect(r.y).toBeInstanceOf(Float32Array);
  });

  it('classification: outputs = classes (≥ 2), ids as Int32Array; target must be a class', () => {
    const r = resolveTrainSetup(train({ task: 'classification' }), data([0, 2, 1, 0, 2, 1], [6]), 2);
    expect([r.outputs, r.y]).toEqual([3, Int32Array.from([0, 2, 1, 0, 2, 1])]);
    expect(
      resolveTrainSetup(train({ task: 'classification' }), data([0, 0, 0, 0, 0, 0], [6]), 0).outputs,
    ).toBe(2);
    expect(() =>
      resolveTrainSetup(train({ task: 'classification' }), data([0, 1, 0, 1, 0, 1], [6]), 2),
    ).toThrow(/"target": 2 is not a class of the teacher \(2 classes\)/);
  });
});

describe('progress line', () => {
  const info = (o: Partial<StepInfo>): StepInfo => ({
    step: 5,
    totalSteps: 20,
    epoch: 2,
    epochs: 4,
    loss: 12.345678,
    elapsedS: 2,
    endOfEpoch: false,
    ...o,
  });

  it('shows epoch, step, bar, percent, loss, steps/s and ETA', () => {
    expect(stepLine(info({}))).toBe(
      `epoch 2/4 step 5/20 ${bar(0.25)}  25% loss 12.346 2.5 steps/s ETA 00:06`,
    );
    expect(bar(0.5, 4)).toBe('[##--]');
    expect([formatDuration(3725), formatDuration(NaN)]).toEqual(['1:02:05', '--:--']);
  });

  it('redraws in place at most every 100 ms, always at an epoch end; end() closes the line once', () => {
    let t = 0;
    const out: string[] = [];
    const p = terminalProgress(
      (s) => out.push(s),
      () => t,
    );
    p.step(info({ step: 1 }));
    t = 50;
    p.step(info({ step: 2 })); // throttled
    p.step(info({ step: 3, endOfEpoch: true })); // forced
    t = 200;
    p.step(info({ step: 4 }));
    p.end();
    p.end();
    expect(out.map((s) => /step (\d+)\//.exec(s)?.[1] ?? s)).toEqual(['1', '3', '4', '\n']);
    expect(out[0]!.startsWith('\r') && out[0]!.endsWith('\u001b[K')).toBe(true);
  });
});
