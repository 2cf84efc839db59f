// The HTML legend's pure parts (src/ui/plot/legend.ts) on the lab's real figures.
import { describe, expect, it } from 'vitest';
import { reconFigure } from '../../../src/ui/plot/figures/sample.ts';
import { tapsFigure, wavefunFigure } from '../../../src/ui/plot/figures/wavelet.ts';
import { hideTraces, legendEntries, traceKey, wantsLegend } from '../../../src/ui/plot/legend.ts';

const wavefun = () =>
  wavefunFigure({
    x: [0, 1, 2],
    phi: [0, 1, 0],
    psi: [1, -1, 0],
    initial: { x: [0, 1, 2], phi: [0, 1, 0], psi: [1, -1, 0] },
  });

describe('legend', () => {
  it('lists every named trace in order with its colour and dash (φ/ψ now vs initial)', () => {
    const fig = wavefun();
    expect(wantsLegend(fig)).toBe(true);
    const e = legendEntries(fig.data);
    expect(e.map((x) => x.name)).toEqual(['φ initial', 'ψ initial', 'φ now', 'ψ now']);
    expect(e[0]).toMatchObject({ key: 'φ initial', dash: 'dot', marker: false, on: true });
    expect(e[2]!.color).toBe((fig.data[2]!['line'] as { color: string }).color);
  });

  it('keys traces by meta when they have one, and reads legendonly as off', () => {
    const data = [
      { name: 'reconstruction', meta: 'rec', mode: 'lines', line: { color: '#f00' }, visible: 'legendonly' },
      { name: 'taps', mode: 'markers', marker: { color: '#0f0' } },
      { name: 'no entry', showlegend: false },
      { mode: 'lines' },
    ];
    const e = legendEntries(data);
    expect(e).toEqual([
      { key: 'rec', name: 'reconstruction', color: '#f00', dash: '', marker: false, on: false },
      { key: 'taps', name: 'taps', color: '#0f0', dash: '', marker: true, on: true },
    ]);
    expect(traceKey(data[0]!)).toBe('rec');
  });

  it('hides exactly the traces asked for, without touching the figure', () => {
    const fig = reconFigure({
      x: Float32Array.from([1, 2, 3, 4]),
      recon: Float32Array.from([1, 2, 3, 4]),
      shape: [4],
    });
    const data = hideTraces(fig.data, new Set(['residual']));
    expect(data.map((t) => t['visible'])).toEqual([undefined, undefined, 'legendonly']);
    expect(fig.data[2]!['visible']).toBeUndefined();
    expect(legendEntries(data).map((x) => x.on)).toEqual([true, true, false]);
    expect(hideTraces(fig.data, new Set())).toBe(fig.data);
  });

  it('figures without showlegend get no legend', () => {
    expect(wantsLegend(tapsFigure({ h0: [0.7, 0.7], initialH0: null }))).toBe(false);
  });
});
