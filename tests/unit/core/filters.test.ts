// Filter banks: exact pywt taps, orthonormal-wavelet invariants, and the awave h0 convention.
import { describe, expect, it } from 'vitest';
import { FILTER_TABLE } from '../../../src/core/filters/table.ts';
import { getWavelet, waveletFromBank, waveletFromH0, waveletNames } from '../../../src/core/index.ts';
import { loadReference } from '../reference.ts';
import { TOL } from '../tolerances.ts';

interface RefFilter {
  name: string;
  family: string;
  dec_lo: number[];
  dec_hi: number[];
  rec_lo: number[];
  rec_hi: number[];
}

const ref = loadReference<RefFilter[]>('filters.json');

describe('built-in wavelets', () => {
  it('names: haar, db1–38, sym2–20, coif1–17 in that order', () => {
    const names = waveletNames();
    expect(names.length).toBe(1 + 38 + 19 + 17);
    expect(names.slice(0, 3)).toEqual(['haar', 'db1', 'db2']);
    expect(names.at(-1)).toBe('coif17');
    expect([...names].sort()).toEqual(ref.map((f) => f.name).sort());
  });

  it('taps equal pywt filter_bank exactly (filters.json)', () => {
    for (const f of ref) {
      const w = getWavelet(f.name);
      expect(w.name).toBe(f.name);
      expect(w.length, f.name).toBe(f.dec_lo.length);
      expect(Array.from(w.decLo), `${f.name} decLo`).toEqual(f.dec_lo);
      expect(Array.from(w.decHi), `${f.name} decHi`).toEqual(f.dec_hi);
      expect(Array.from(w.recLo), `${f.name} recLo`).toEqual(f.rec_lo);
      expect(Array.from(w.recHi), `${f.name} recHi`).toEqual(f.rec_hi);
    }
  });

  it('getWavelet returns fresh arrays (mutating one does not corrupt the table)', () => {
    const a = getWavelet('db2');
    a.decLo[0] = 123;
    expect(getWavelet('db2').decLo[0]).toBe(FILTER_TABLE.db2!.decLo[0]);
  });

  it('invariants: Σlo = √2, even/odd sums 1/√2, Σhi = 0, orthonormal shifts, rec = reversed dec', () => {
    const failures: string[] = [];
    const check = (name: string, what: string, got: number, want: number): void => {
      if (!(Math.abs(got - want) <= TOL.invariants)) failures.push(`${name} ${what}: ${got} ≠ ${want}`);
    };
    for (const name of waveletNames()) {
      const { decLo: lo, decHi: hi, recLo, recHi, length: K } = getWavelet(name);
      const sum = (f: Float64Array, start = 0, step = 1): number => {
        let s = 0;
        for (let i = start; i < K; i += step) s += f[i]!;
        return s;
      };
      check(name, 'Σ decLo', sum(lo), Math.SQRT2);
      check(name, 'Σ decLo[even]', sum(lo, 0, 2), Math.SQRT1_2);
      check(name, 'Σ decLo[odd]', sum(lo, 1, 2), Math.SQRT1_2);
      check(name, 'Σ decHi', sum(hi), 0);
      for (let k = 0; 2 * k < K; k++) {
        let ll = 0;
        let hh = 0;
        for (let n = 2 * k; n < K; n++) {
          ll += lo[n]! * lo[n - 2 * k]!;
          hh += hi[n]! * hi[n - 2 * k]!;
        }
        check(name, `Σ lo[n]lo[n−${2 * k}]`, ll, k === 0 ? 1 : 0);
        check(name, `Σ hi[n]hi[n−${2 * k}]`, hh, k === 0 ? 1 : 0);
      }
      // lowpass ⟂ every even shift of the highpass, both directions
      for (let s = -(K - 2); s <= K - 2; s += 2) {
        let lh = 0;
        for (let n = 0; n < K; n++) if (n - s >= 0 && n - s < K) lh += lo[n]! * hi[n - s]!;
        check(name, `Σ lo[n]hi[n−${s}]`, lh, 0);
      }
      for (let i = 0; i < K; i++) {
        check(name, `recLo[${i}]`, recLo[i]!, lo[K - 1 - i]!);
        check(name, `recHi[${i}]`, recHi[i]!, hi[K - 1 - i]!);
      }
    }
    expect(failures).toEqual([]);
  });
});

describe('custom banks', () => {
  it("waveletFromH0(db5.recLo) is pywt's db5 bank (awave convention)", () => {
    const w = waveletFromH0(FILTER_TABLE.db5!.recLo);
    const db5 = getWavelet('db5');
    for (const p of ['decLo', 'decHi', 'recLo', 'recHi'] as const)
      for (let i = 0; i < db5.length; i++)
        expect(Math.abs(w[p][i]! - db5[p][i]!), `${p}[${i}]`).toBeLessThanOrEqual(TOL.pywt);
    expect(w.length).toBe(10);
  });

  it('waveletFromBank keeps any bank, even unit vectors, and copies it', () => {
    const e = [0, 1, 0, 0];
    const w = waveletFromBank({ decLo: e, decHi: [0, 0, 1, 0], recLo: e, recHi: [1, 0, 0, 0] }, 'e1');
    expect(w.name).toBe('e1');
    expect(Array.from(w.decLo)).toEqual(e);
    e[1] = 5;
    expect(w.decLo[1]).toBe(1);
  });
});
