// Wavelet and session exports: pywt's filter-bank conventions, the Python snippet, session round trips.
import { describe, expect, test } from 'vitest';
import { parseSession, sessionExport } from '../../../src/app/export/session.ts';
import { filterBank, pythonSnippet, waveletExport } from '../../../src/app/export/wavelet.ts';
import { createLabStore } from '../../../src/app/store/index.ts';
import { LAB_DEFAULT_CONFIG } from '../../../src/app/store/configSlice.ts';
import { getWavelet } from '../../../src/core/wavelets.ts';

describe('wavelet export', () => {
  test('filter_bank equals pywt.Wavelet(name).filter_bank for a built-in wavelet (h0 = rec_lo)', () => {
    for (const name of ['db5', 'sym4', 'coif2', 'haar']) {
      const w = getWavelet(name);
      const [decLo, decHi, recLo, recHi] = filterBank(w.recLo);
      expect(recLo, name).toEqual(Array.from(w.recLo));
      expect(decLo, name).toEqual(Array.from(w.decLo));
      recHi.forEach((v, i) => expect(v, `${name} rec_hi[${i}]`).toBeCloseTo(w.recHi[i]!, 15));
      decHi.forEach((v, i) => expect(v, `${name} dec_hi[${i}]`).toBeCloseTo(w.decHi[i]!, 15));
    }
  });

  test('JSON carries h0, g, provenance and validity; the snippet has every tap at full precision', () => {
    const h0 = Array.from(getWavelet('db4').recLo, (v, i) => v + (i === 1 ? 1e-3 : 0));
    const w = waveletExport(h0, { ...LAB_DEFAULT_CONFIG, gamma: 0.25 }, 123, 'sim');
    expect(w).toMatchObject({
      format: 'awd-wavelet',
      version: 1,
      h0,
      provenance: { step: 123, gamma: 0.25, dataset: 'sim', wavelet: 'db5' },
    });
    expect(w.validity.lsum).toBeGreaterThan(0);
    expect(JSON.parse(JSON.stringify(w)).filter_bank).toEqual(w.filter_bank);
    const py = pythonSnippet(w, false);
    for (const v of h0) expect(py).toContain(String(v));
    expect(py).toContain("pywt.Wavelet('awd-db5', filter_bank=(h0[::-1], g[::-1], h0, g))");
    expect(py).toContain('from awave.transform1d import DWT1d');
    expect(pythonSnippet(w, true)).toContain('DWT2d(');
  });
});

describe('session export', () => {
  test('round trip through JSON', () => {
    const store = createLabStore();
    const terms = { rec: 1, lsum: 0, hsum: 0, l2norm: 0, cmf: 0, conv: 0, l1wave: 2, l1attr: 3 };
    store.setState((s) => ({
      config: { ...s.config, gamma: 0.7 },
      training: {
        ...s.training,
        step: 2,
        records: [{ step: 2, epoch: 0, terms, total: 6, gradNorm: 1, lambda: 0.1, gamma: 0.7 }],
      },
      results: {
        ...s.results,
        initialH0: [0.6, 0.8],
        h0History: [
          { step: 0, h0: [0.6, 0.8] },
          { step: 2, h0: [0.7, 0.7] },
        ],
        distance: [
          { step: 0, value: 0 },
          { step: 2, value: NaN },
        ],
      },
    }));
    const e = sessionExport(store.getState(), new Date(0));
    const back = parseSession(JSON.stringify(e));
    expect(back.config).toEqual(e.config);
    expect(back.records).toEqual(e.records);
    expect(back.h0History).toEqual(e.h0History);
    expect(back.step).toBe(2);
    expect(back.distance[1]!.value).toBeNaN();
  });

  test('bad files are refused with the reason', () => {
    expect(() => parseSession('{')).toThrow(/session: not JSON/);
    expect(() => parseSession('{"format":"x"}')).toThrow(/not an AWD Lab session file/);
    const ok = sessionExport(createLabStore().getState());
    expect(() => parseSession(JSON.stringify({ ...ok, config: { ...ok.config, level: 0 } }))).toThrow(
      /config\.level/,
    );
    expect(() => parseSession(JSON.stringify({ ...ok, h0History: [{ step: 1, h0: ['a'] }] }))).toThrow(
      /h0History/,
    );
  });
});
