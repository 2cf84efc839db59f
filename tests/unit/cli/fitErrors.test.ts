// Every user mistake in an `awd fit` run is exit 2 with one stderr line naming the key or file and
// the bad value, found before the engine starts (so most cases run in-process; two go through the
// real launcher to check the process exit code and that no stack trace leaks).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AWD_KEYS, FIT_KEYS, TRAIN_KEYS } from '../../../src/cli/fit/keys.ts';
import { REFERENCE_DIR } from '../reference.ts';
import { awdIn, writeConfig } from './fitHelpers.ts';
import type { InProcess } from './fitHelpers.ts';
import { awd, npyBytes, tempDir, writeTemp } from './runAwd.ts';

const dir = tempDir();
const N = 8;
const L = 64;
const xs = Array.from({ length: N * L }, (_, i) => Math.sin(i / 5));
writeTemp(dir, 'x.npy', npyBytes(xs, [N, L]));
writeTemp(dir, 'y.npy', npyBytes(new Array<number>(N).fill(1), [N]));
const TEACHER = join(REFERENCE_DIR, 'teacher_mlp1d_s11.json');
const base = { data: { x: 'x.npy', y: 'y.npy' }, teacher: { model: TEACHER }, backend: 'cpu' };

function expectUsageError(r: InProcess | ReturnType<typeof awd>, pattern: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr).toMatch(/^awd fit: /);
  expect(r.stderr).toMatch(pattern);
}

let n = 0;
/** `awd fit` on `base` with `patch` applied (undefined deletes a key). */
function fitWith(patch: Record<string, unknown>): Promise<InProcess> {
  const cfg = { ...base, ...patch };
  for (const [k, v] of Object.entries(patch)) if (v === undefined) delete (cfg as Record<string, unknown>)[k];
  return awdIn('fit', '--config', writeConfig(dir, cfg, `cfg${n++}.json`));
}

describe('awd fit: config keys and values', () => {
  it('an unknown key is named, with the key it resembles', async () => {
    expectUsageError(
      await fitWith({ batchsize: 10 }),
      /unknown key "batchsize" \(did you mean "batch_size"\?\)/,
    );
    expectUsageError(
      await fitWith({ batchSize: 10 }),
      /unknown key "batchSize" \(did you mean "batch_size"\?\)/,
    );
    expectUsageError(await fitWith({ data: { x: 'x.npy', z: 'y.npy' } }), /"data\.z": unknown key/);
    expectUsageError(
      await fitWith({ teacher: { modle: TEACHER } }),
      /"teacher\.modle": unknown key \(did you mean "model"\?\)/,
    );
  });

  it('a bad value names the key (snake_case, as written) and the value', async () => {
    expectUsageError(await fitWith({ lr: -1 }), /"lr": expected a number > 0, got -1/);
    expectUsageError(await fitWith({ batch_size: 2.5 }), /"batch_size": expected an integer ≥ 0, got 2\.5/);
    expectUsageError(await fitWith({ mode: 'smooth' }), /"mode": expected one of zero, .*, got "smooth"/);
    expectUsageError(
      await fitWith({ weights: { cmf: -1 } }),
      /"weights\.cmf": expected a number ≥ 0, got -1/,
    );
    expectUsageError(await fitWith({ wavelet: 'db99' }), /"wavelet": unknown wavelet "db99"/);
    expectUsageError(await fitWith({ backend: 'webgl' }), /"backend": "webgl" is a browser backend/);
    expectUsageError(await fitWith({ epochs: 0 }), /"epochs": expected an integer ≥ 1, got 0/);
    expectUsageError(
      await fitWith({ allow_gamma_zero: 'yes' }),
      /"allow_gamma_zero": expected true or false, got "yes"/,
    );
    expectUsageError(
      await fitWith({ teacher: { train: { arch: { kind: 'mlp2d' } } } }),
      /"teacher\.train\.arch\.kind": expected one of mlp1d, cnn1d, lstm, cnn2d, got "mlp2d"/,
    );
    expectUsageError(
      await fitWith({ teacher: { train: { arch: { kind: 'mlp1d', hiden: [8] }, validation_split: 1 } } }),
      /"teacher\.train\.arch\.hiden": unknown option for mlp1d \(did you mean "hidden"\?\).*; "teacher\.train\.validation_split": expected a number in \(0, 1\), got 1/,
    );
  });

  it('every problem of a file is listed in one line', async () => {
    const r = await fitWith({ lr: 'fast', level: 0, colour: 'red' });
    expectUsageError(r, /unknown key "colour"/);
    expect(r.stderr).toMatch(/"lr": /);
    expect(r.stderr).toMatch(/"level": /);
  });

  it('missing pieces: --config, data, data.x, the teacher (with gamma > 0), y for teacher.train', async () => {
    expectUsageError(await awdIn('fit'), /missing --config RUN\.json/);
    expectUsageError(
      await awdIn('fit', '--config', join(dir, 'nope.json')),
      /--config: no such file: .*nope\.json/,
    );
    expectUsageError(
      await awdIn('fit', '--config', writeTemp(dir, 'bad.json', '{"data": ')),
      /--config: .*invalid JSON/,
    );
    expectUsageError(await fitWith({ data: undefined }), /"data": missing/);
    expectUsageError(await fitWith({ data: { y: 'y.npy' } }), /"data\.x": missing/);
    expectUsageError(await fitWith({ teacher: undefined }), /"teacher": missing; .*"gamma": 0/);
    expectUsageError(
      await fitWith({ data: { x: 'x.npy' }, teacher: { train: { arch: { kind: 'mlp1d' } } } }),
      /"data\.y": missing; "teacher\.train" needs targets/,
    );
  });
});

describe('awd fit: data files', () => {
  it('a missing or unparsable file is named with its key', async () => {
    expectUsageError(await fitWith({ data: { x: 'nope.npy' } }), /"data\.x": no such file: .*nope\.npy/);
    writeTemp(dir, 'junk.npy', 'not numpy');
    expectUsageError(
      await fitWith({ data: { x: 'junk.npy' } }),
      /"data\.x": .*junk\.npy: npy: not an \.npy file/,
    );
    mkdirSync(join(dir, 'adir'), { recursive: true });
    expectUsageError(await fitWith({ data: { x: 'x.npy', y: 'adir' } }), /"data\.y": is a directory/);
  });

  it('NaN/Inf say where', async () => {
    const bad = xs.slice();
    bad[1 * L + 3] = NaN;
    writeTemp(dir, 'xnan.npy', npyBytes(bad, [N, L]));
    expectUsageError(
      await fitWith({ data: { x: 'xnan.npy' } }),
      /"data\.x": .*xnan\.npy: npy: NaN at index \[1, 3\]/,
    );
    writeTemp(dir, 'ybad.csv', '1\n2\ninf\n');
    expectUsageError(
      await fitWith({ data: { x: 'x.npy', y: 'ybad.csv' } }),
      /"data\.y": .*non-finite value "inf" at row 3/,
    );
    writeTemp(dir, 'xbig.npy', npyBytes([...xs.slice(0, -1), 1e300], [N, L]));
    expectUsageError(
      await fitWith({ data: { x: 'xbig.npy' } }),
      /1e\+300 at index \[7, 63\] overflows float32/,
    );
  });

  it('shapes: x rank, N of y vs x, level vs signal length, target vs y columns', async () => {
    writeTemp(dir, 'x1.npy', npyBytes(xs, [N * L]));
    expectUsageError(
      await fitWith({ data: { x: 'x1.npy' } }),
      /shape \[512\]; expected \(N, L\) or \(N, H, W\); one signal is shape \(1, L\)/,
    );
    writeTemp(dir, 'y9.npy', npyBytes(new Array<number>(9).fill(0), [9]));
    expectUsageError(
      await fitWith({ data: { x: 'x.npy', y: 'y9.npy' } }),
      /"data\.y" .*9 rows but "data\.x" has N = 8/,
    );
    expectUsageError(
      await fitWith({ level: 7 }),
      /"level": 7 is too high for .*shape \[64\]: at most 6 .*max useful level for a length-10 filter is 2/,
    );
    writeTemp(dir, 'y2.npy', npyBytes(new Array<number>(2 * N).fill(0), [N, 2]));
    expectUsageError(
      await fitWith({ data: { x: 'x.npy', y: 'y2.npy' }, target: 2 }),
      /"target": 2 is not a column of "data\.y" .*k = 2/,
    );
  });
});

describe('awd fit: teacher files and arch', () => {
  it('a bad teacher path, a non-model JSON, a missing weights shard', async () => {
    expectUsageError(
      await fitWith({ teacher: { model: 'missing.json' } }),
      /"teacher\.model" \(.*missing\.json\): .*missing\.json: no such file/,
    );
    writeTemp(dir, 'notmodel.json', '{"a": 1}');
    expectUsageError(
      await fitWith({ teacher: { model: 'notmodel.json' } }),
      /"teacher\.model" .*no modelTopology/,
    );
    writeTemp(
      dir,
      'noweights.json',
      JSON.stringify({ modelTopology: {}, weightsManifest: [{ paths: ['w.bin'], weights: [] }] }),
    );
    expectUsageError(
      await fitWith({ teacher: { model: 'noweights.json' } }),
      /"teacher\.model" .*weights .*w\.bin: no such file/,
    );
  });

  it('an arch that contradicts the data', async () => {
    const train = (arch: object, extra: object = {}) => ({ teacher: { train: { arch, ...extra } } });
    expectUsageError(
      await fitWith(train({ kind: 'cnn2d' })),
      /"teacher\.train\.arch\.kind": cnn2d needs 2-D signals/,
    );
    expectUsageError(
      await fitWith(train({ kind: 'mlp1d', input_length: 32 })),
      /"teacher\.train\.arch\.input_length": 32 does not match/,
    );
    writeTemp(dir, 'y2.npy', npyBytes(new Array<number>(2 * N).fill(0), [N, 2]));
    expectUsageError(
      await fitWith({ data: { x: 'x.npy', y: 'y2.npy' }, ...train({ kind: 'mlp1d', outputs: 3 }) }),
      /"teacher\.train\.arch\.outputs": 3, but "data\.y" has k = 2/,
    );
    writeTemp(dir, 'yfrac.npy', npyBytes(new Array<number>(N).fill(0.5), [N]));
    expectUsageError(
      await fitWith({
        data: { x: 'x.npy', y: 'yfrac.npy' },
        ...train({ kind: 'mlp1d' }, { task: 'classification' }),
      }),
      /"teacher\.train\.task": classification needs class ids .*0\.5 at row 0/,
    );
    expectUsageError(
      await fitWith(train({ kind: 'cnn1d', kernel_size: 64 })),
      /"teacher\.train\.arch\.kernel_size": 64 leaves nothing/,
    );
  });

  it('an output folder that does not exist fails before training', async () => {
    expectUsageError(
      await fitWith({ out: 'no/such/dir/r.json' }),
      /"out": the folder of .*no\/such\/dir\/r\.json does not exist/,
    );
  });
});

describe('awd fit through the launcher', () => {
  it('exit 2, one line, no stack trace', () => {
    const cfg = writeConfig(dir, { ...base, lamda: 0.1 }, 'launcher.json');
    expectUsageError(awd('fit', '--config', cfg), /unknown key "lamda" \(did you mean "lambda"\?\)/);
    const cfg2 = writeConfig(dir, { ...base, teacher: { model: 'gone.json' } }, 'launcher2.json');
    expectUsageError(awd('fit', '--config', cfg2), /"teacher\.model" .*gone\.json: no such file/);
  });

  it('--help lists every key with its default; awd --help lists fit', () => {
    const r = awd('fit', '--help');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Usage: awd fit --config RUN\.json/);
    for (const k of [...FIT_KEYS, ...AWD_KEYS, ...TRAIN_KEYS])
      expect(r.stdout, k.key).toMatch(
        new RegExp(`\\n {2}${k.key} +${k.default.replace(/[[\]{}().*+?^$|\\]/g, '\\$&')} `),
      );
    expect(awd('--help').stdout).toContain('  fit ');
  });
});
