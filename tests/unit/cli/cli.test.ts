import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReference, REFERENCE_DIR } from '../reference.ts';
import { TOL } from '../tolerances.ts';
import { awd, maxAbsDiff, npyBytes, tempDir, writeTemp } from './runAwd.ts';

interface Dwt1DCase {
  wavelet: string;
  max_level: number;
  mode: string;
  level: number;
  x: number[];
  coeffs: number[][];
  recon: number[];
}
interface Dwt2DCase {
  wavelet: string;
  mode: string;
  level: number;
  x: number[][];
  coeffs: unknown[];
  recon: number[][];
}

const dir = tempDir();
const d1 = loadReference<Dwt1DCase[]>('dwt1d.json');
const d2 = loadReference<Dwt2DCase[]>('dwt2d.json');

/** The user-facing error contract: exit 2, one stderr line, no stack trace, nothing on stdout. */
function expectUsageError(r: ReturnType<typeof awd>, pattern: RegExp): void {
  expect(r.code, r.stderr).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr).toMatch(pattern);
}

describe('awd help and argument errors', () => {
  it('prints help for awd --help and every command', () => {
    const top = awd('--help');
    expect(top.code).toBe(0);
    expect(top.stdout).toMatch(/^Usage: awd <command>/);
    for (const c of ['dwt', 'idwt', 'wavefun', 'reference']) {
      expect(top.stdout).toContain(`  ${c}`);
      const r = awd(c, '--help');
      expect(r.code, c).toBe(0);
      expect(r.stdout).toMatch(new RegExp(`^Usage: awd ${c} `));
    }
  });

  it('no command: usage on stderr, exit 2', () => {
    const r = awd();
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Usage: awd <command>/);
  });

  it('unknown command, unknown flag, bad values, missing and unparsable files: one line, exit 2', () => {
    expectUsageError(
      awd('dwtt'),
      /^awd: unknown command 'dwtt' \(commands: dwt, idwt, wavefun, reference, fit, sweep, evaluate\)$/m,
    );
    const csv = writeTemp(dir, 'ok.csv', '1\n2\n3\n4\n');
    expectUsageError(
      awd('dwt', csv, '--bogus'),
      /^awd dwt: Unknown option '--bogus'.*\(see awd dwt --help\)$/m,
    );
    expectUsageError(
      awd('dwt', csv, '--wavelet', 'db99'),
      /^awd dwt: unknown wavelet 'db99' \(e\.g\. db1, db2/,
    );
    expectUsageError(
      awd('dwt', csv, '--mode', 'mirror'),
      /^awd dwt: unknown mode 'mirror' \(one of: zero, constant/,
    );
    expectUsageError(
      awd('dwt', csv, '--level=-1'),
      /^awd dwt: --level must be an integer in \[0, 64\], got '-1'$/m,
    );
    expectUsageError(
      awd('dwt', csv, '--level', '1.5'),
      /^awd dwt: --level must be an integer in \[0, 64\], got '1\.5'$/m,
    );
    expectUsageError(awd('dwt'), /^awd dwt: missing FILE/);
    expectUsageError(awd('dwt', join(dir, 'nope.csv')), /^awd: no such file: .*nope\.csv$/m);
    const ragged = writeTemp(dir, 'ragged.csv', '1,2\n3,4\n5\n');
    expectUsageError(
      awd('dwt', ragged, '--2d'),
      /^awd: .*ragged\.csv: csv: ragged rows: row 3 has 1 columns, row 1 has 2$/m,
    );
    const bad = writeTemp(dir, 'bad.csv', '1\n2\nx3\n');
    expectUsageError(awd('dwt', bad), /csv: non-numeric cell "x3" at row 3, col 1$/m);
    const nan = writeTemp(dir, 'nan.json', '[1, 2, NaN]');
    expectUsageError(awd('dwt', nan), /json: invalid JSON: .*values must be finite\)$/m);
    expectUsageError(
      awd('dwt', writeTemp(dir, 'map.csv', '1,2\n3,4\n')),
      /shape \[2, 2\]: give a 1-D signal, or pass --2d/,
    );
    expectUsageError(awd('wavefun'), /^awd wavefun: missing WAVELET \(or --h0 FILE\)/);
    expectUsageError(awd('idwt', csv), /^awd: .*ok\.csv: invalid JSON/);
    expectUsageError(
      awd('reference', join(REFERENCE_DIR, 'filters.json')),
      /unrecognised case fields \[name, family/,
    );
  });
});

describe('awd dwt / idwt against pywt (shared/reference)', () => {
  it('1-D from CSV, NPY and JSON equals pywt.wavedec; idwt gives pywt.waverec', () => {
    for (const c of [d1[4]!, d1[40]!, d1.at(-1)!]) {
      const ctx = `${c.wavelet} ${c.mode} L${c.level} N=${c.x.length}`;
      const files = [
        writeTemp(dir, 'x.csv', c.x.map(String).join('\n')),
        writeTemp(dir, 'x.npy', npyBytes(c.x, [c.x.length])),
        writeTemp(dir, 'x.json', JSON.stringify(c.x)),
      ];
      for (const f of files) {
        const r = awd('dwt', f, '--wavelet', c.wavelet, '--mode', c.mode, '--level', String(c.level));
        expect(r.code, `${ctx} ${f}: ${r.stderr}`).toBe(0);
        const out = JSON.parse(r.stdout);
        expect(out).toMatchObject({ transform: 'wavedec', wavelet: c.wavelet, mode: c.mode, level: c.level });
        expect(maxAbsDiff(out.coeffs, c.coeffs), ctx).toBeLessThanOrEqual(TOL.pywt);
      }
      const coeffFile = join(dir, 'c.json');
      writeTemp(
        dir,
        'c.json',
        awd('dwt', files[0]!, '--wavelet', c.wavelet, '--mode', c.mode, '--level', String(c.level)).stdout,
      );
      const back = awd('idwt', coeffFile);
      expect(back.code, back.stderr).toBe(0);
      expect(maxAbsDiff(JSON.parse(back.stdout).x, c.recon), ctx).toBeLessThanOrEqual(TOL.pywt);
    }
  });

  it('default level is pywt’s maximum level', () => {
    const c = d1[0]!;
    const out = JSON.parse(
      awd('dwt', writeTemp(dir, 'y.json', JSON.stringify(c.x)), '--wavelet', c.wavelet).stdout,
    );
    expect(out.level).toBe(c.max_level);
    expect(out.coeffs).toHaveLength(out.level + 1);
    expect(out.mode).toBe('symmetric');
  });

  it('2-D (--2d) from JSON and Fortran-order NPY equals pywt.wavedec2; idwt gives waverec2', () => {
    const c = d2.find((k) => k.wavelet === 'db2' && k.mode === 'symmetric')!;
    const [R, C] = [c.x.length, c.x[0]!.length];
    const colMajor = Array.from({ length: R * C }, (_, i) => c.x[i % R]![Math.floor(i / R)]!);
    const files = [
      writeTemp(dir, 'm.json', JSON.stringify(c.x)),
      writeTemp(dir, 'm.npy', npyBytes(colMajor, [R, C], true)),
    ];
    for (const f of files) {
      const r = awd('dwt', f, '--2d', '--wavelet', c.wavelet, '--mode', c.mode, '--level', String(c.level));
      expect(r.code, r.stderr).toBe(0);
      const out = JSON.parse(r.stdout);
      expect(out.transform).toBe('wavedec2');
      expect(maxAbsDiff(out.coeffs, c.coeffs)).toBeLessThanOrEqual(TOL.pywt);
      const back = awd('idwt', writeTemp(dir, 'c2.json', r.stdout));
      expect(back.code, back.stderr).toBe(0);
      expect(maxAbsDiff(JSON.parse(back.stdout).x, c.recon)).toBeLessThanOrEqual(TOL.pywt);
    }
  });
});

describe('awd wavefun', () => {
  const wf = loadReference<
    {
      wavelet: string;
      level: number;
      phi: number[];
      psi: number[];
      x: number[];
      h0?: number[];
      phi_r?: number[];
      psi_r?: number[];
    }[]
  >('wavefun.json');

  it('named wavelet equals pywt Wavelet.wavefun', () => {
    const c = wf.find((k) => k.wavelet === 'sym4')!;
    const r = awd('wavefun', 'sym4', '--level', String(c.level));
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    for (const k of ['phi', 'psi', 'x'] as const)
      expect(maxAbsDiff(out[k], c[k]), k).toBeLessThanOrEqual(TOL.wavefun);
  });

  it('--h0 FILE follows awave get_wavefun (pywt custom bank 5-tuple)', () => {
    const c = wf.find((k) => k.wavelet === 'custom')!;
    const r = awd('wavefun', '--h0', writeTemp(dir, 'h0.csv', c.h0!.join(',')), '--level', String(c.level));
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    for (const k of ['phi', 'psi', 'phi_r', 'psi_r', 'x'] as const)
      expect(maxAbsDiff(out[k], c[k]), k).toBeLessThanOrEqual(TOL.wavefun);
  });
});

describe('awd reference', () => {
  const summary = /^(\S+): kind=(\w+) cases=(\d+) worst_abs=(\S+) worst_rel=(\S+) worst_rms=(\S+) at (.+)$/;

  for (const [file, kind, tol, recomputed] of [
    ['dwt1d.json', 'dwt1d', TOL.pywt, ['coeffs', 'recon']],
    ['dwt2d.json', 'dwt2d', TOL.pywt, ['coeffs', 'recon']],
    ['wavefun.json', 'wavefun', TOL.wavefun, ['phi', 'psi', 'phi_r', 'psi_r', 'x']],
  ] as const) {
    it(`${file}: recomputes every case (${kind}), writes the same case list, worst_abs ≤ ${tol}`, () => {
      const outFile = join(dir, `out-${file}`);
      const r = awd('reference', join(REFERENCE_DIR, file), '--out', outFile, '--tol', String(tol));
      expect(r.code, r.stdout + r.stderr).toBe(0);
      const m = summary.exec(r.stdout.trim());
      expect(m, r.stdout).not.toBeNull();
      const ref = loadReference<Record<string, unknown>[]>(file);
      expect(m![1]).toBe(file);
      expect(m![2]).toBe(kind);
      expect(Number(m![3])).toBe(ref.length);
      expect(Number(m![4])).toBeLessThanOrEqual(tol);
      const written = JSON.parse(readFileSync(outFile, 'utf8')) as Record<string, unknown>[];
      expect(written).toHaveLength(ref.length);
      written.forEach((w, i) => {
        expect(Object.keys(w).sort()).toEqual(Object.keys(ref[i]!).sort());
        for (const [k, v] of Object.entries(ref[i]!)) {
          if (!(recomputed as readonly string[]).includes(k))
            expect(w[k], `case ${i} ${k} copied through`).toEqual(v);
          else expect(maxAbsDiff(w[k], v), `case ${i} ${k} recomputed`).toBeLessThanOrEqual(tol);
        }
      });
    });
  }

  it('MATLAB conformance file: RMS within pywt’s 5e-5; --tol below MATLAB’s tap noise fails with exit 1', () => {
    const f = join(REFERENCE_DIR, 'matlab/matlab_dwt.json');
    const r = awd('reference', f);
    expect(r.code, r.stderr).toBe(0);
    const m = summary.exec(r.stdout.trim())!;
    expect(m[2]).toBe('matlab_dwt');
    expect(Number(m[3])).toBe(1036);
    expect(Number(m[6])).toBeLessThanOrEqual(TOL.matlabRms);
    const strict = awd('reference', f, '--tol', '1e-14');
    expect(strict.code).toBe(1);
    expect(strict.stdout.trim()).toMatch(/ FAIL$/);
  });

  it('awd_loss / awd_fit kinds run through the launcher’s tf setup (CPU backend, gradients)', () => {
    const r = awd('reference', join(REFERENCE_DIR, 'awd_loss.json'), join(REFERENCE_DIR, 'awd_fit.json'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => summary.exec(l)!);
    expect(lines.map((m) => m[2])).toEqual(['awd_loss', 'awd_fit']);
    for (const m of lines) expect(Number(m[5])).toBeLessThanOrEqual(TOL.awdRel);
  });

  it('several files with --out DIR: one summary line each, files written by name', () => {
    const out = tempDir();
    const r = awd(
      'reference',
      join(REFERENCE_DIR, 'dwt1d.json'),
      join(REFERENCE_DIR, 'wavefun.json'),
      '--out',
      out,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => l.split(':')[0]),
    ).toEqual(['dwt1d.json', 'wavefun.json']);
    expect(JSON.parse(readFileSync(join(out, 'wavefun.json'), 'utf8'))).toHaveLength(4);
    expectUsageError(
      awd(
        'reference',
        join(REFERENCE_DIR, 'dwt1d.json'),
        join(REFERENCE_DIR, 'wavefun.json'),
        '--out',
        join(out, 'nope'),
      ),
      /--out must be an existing directory/,
    );
  });
});
