// The pure figure builders: what each plot would draw, checked without a browser.
import { describe, expect, test } from 'vitest';
import { getWavelet } from '../../../src/core/wavelets.ts';
import type { ProgressRecord } from '../../../src/protocol/messages.ts';
import {
  bandNames,
  bands1dFigure,
  bands2dFigure,
  scaleTotals,
  scaleTotalsFigure,
} from '../../../src/ui/plot/figures/bands.ts';
import {
  countPoints,
  decimateMinMax,
  lazyFigure,
  stemXY,
  tile,
  tilesLayout,
} from '../../../src/ui/plot/figures/common.ts';
import { lossFigure, teacherLossFigure, termWeight } from '../../../src/ui/plot/figures/losses.ts';
import { mapFigure, reconFigure, seriesPreviewFigure } from '../../../src/ui/plot/figures/sample.ts';
import {
  distanceFigure,
  freqFigure,
  freqOnCircle,
  tapsFigure,
  wavefunFigure,
  WAVEFUN_POINTS,
} from '../../../src/ui/plot/figures/wavelet.ts';

const db4 = getWavelet('db4').recLo;

function rec(step: number, over: Partial<ProgressRecord> = {}): ProgressRecord {
  return {
    step,
    epoch: 0,
    terms: { rec: 1 / step, lsum: 0.1, hsum: 0.2, l2norm: 0.3, cmf: 0.4, conv: 0.5, l1wave: 2, l1attr: 3 },
    total: 10 / step,
    gradNorm: 1,
    lambda: 0.5,
    gamma: 2,
    ...over,
  };
}

describe('wavelet figures', () => {
  test('CMF overlay: |H(ω)|² + |H(ω+π)|² = 2 everywhere for an orthonormal filter, not for a perturbed one', () => {
    const f = freqOnCircle(db4, 64);
    f.h2.forEach((v, i) => expect(v + f.h2Mirror[i]!, `ω=${f.omega[i]}`).toBeCloseTo(2, 10));
    const bad = freqOnCircle(
      Array.from(db4, (v, i) => v + (i === 0 ? 0.2 : 0)),
      64,
    );
    expect(Math.max(...bad.h2.map((v, i) => Math.abs(v + bad.h2Mirror[i]! - 2)))).toBeGreaterThan(0.05);
    const fig = freqFigure({ h0: db4, points: 64 });
    expect(fig.data.map((t) => t.name)).toEqual(['|H(ω)|²', '|H(ω+π)|²', 'sum (CMF: 2)', 'target 2']);
    expect((fig.data[0]!.y as number[])[0]).toBeCloseTo(2, 10); // lowpass: |H(0)|² = (Σh)² = 2
  });

  test('taps: stems of h0 and g = (−1)^k h0[K−1−k] side by side on one axis, the initial filter in grey when given', () => {
    const s = stemXY([1, -2]);
    expect(s).toEqual({ x: [0, 0, null, 1, 1, null], y: [0, 1, null, 0, -2, null] });
    const fig = tapsFigure({ h0: db4, initialH0: null });
    const g = fig.data.find((t) => t.name === 'g taps')!;
    (g.y as number[]).forEach((v, k) =>
      expect(v).toBeCloseTo((k % 2 ? -1 : 1) * db4[db4.length - 1 - k]!, 15),
    );
    const hx = fig.data.find((t) => t.name === 'h0 taps')!.x as number[];
    expect(Math.min(...(g.x as number[]))).toBeGreaterThan(Math.max(...hx)); // g after h0, not on top of it
    expect(fig.data.every((t) => t.xaxis === undefined)).toBe(true);
    expect(
      tapsFigure({ h0: db4, initialH0: db4 }).data.filter((t) => String(t.name).includes('initial')),
    ).toHaveLength(2);
  });

  test('wavefun now vs initial and the distance curve (non-finite values become gaps)', () => {
    const x = [0, 1, 2];
    expect(wavefunFigure({ x, phi: x, psi: x, initial: null }).data).toHaveLength(2);
    expect(wavefunFigure({ x, phi: x, psi: x, initial: { x, phi: x, psi: x } }).data).toHaveLength(4);
    // a 1024-sample cascade is drawn with at most WAVEFUN_POINTS points per curve, its extremes kept
    const long = Array.from({ length: 1024 }, (_, i) => i / 100);
    const wave = long.map((t) => Math.sin(7 * t) * Math.exp(-((t - 5) ** 2)));
    const psi = wavefunFigure({ x: long, phi: wave, psi: wave, initial: null }).data[1]!;
    expect((psi.y as number[]).length).toBeLessThanOrEqual(WAVEFUN_POINTS + 1);
    expect(Math.max(...(psi.y as number[]))).toBe(Math.max(...wave));
    expect(Math.min(...(psi.y as number[]))).toBe(Math.min(...wave));
    const d = distanceFigure([
      { step: 0, value: 0 },
      { step: 5, value: NaN },
      { step: 9, value: 1.5 },
    ]);
    expect(d.data[0]!.y).toEqual([0, null, 1.5]);
  });
});

describe('loss figures', () => {
  test('each term is drawn with the weight it had in the total; λ and γ come from the record', () => {
    const w = { lsum: 1, hsum: 2, l2norm: 1, cmf: 1, conv: 1 };
    const r = rec(1);
    expect(termWeight('l1wave', r, w)).toBe(0.5);
    expect(termWeight('l1attr', r, w)).toBe(2);
    expect(termWeight('hsum', r, w)).toBe(2);
    const fig = lossFigure({ records: [rec(1), rec(2, { gamma: 4 })], weights: w, hidden: ['cmf'] });
    const attr = fig.data.find((t) => t.meta === 'l1attr')!;
    expect(attr.y).toEqual([6, 12]); // γ·l1attr = 2·3, then 4·3: the slider change is visible
    expect(fig.data.find((t) => t.meta === 'cmf')!.visible).toBe('legendonly');
    expect(fig.data.find((t) => t.meta === 'total')!.y).toEqual([10, 5]);
    expect((fig.layout.yaxis as { type: string }).type).toBe('log');
  });

  test('zero or negative losses are gaps on the log axis; long histories are decimated keeping extremes', () => {
    const fig = lossFigure({
      records: [rec(1, { terms: { ...rec(1).terms, lsum: 0 } })],
      weights: { lsum: 1, hsum: 1, l2norm: 1, cmf: 1, conv: 1 },
      hidden: [],
    });
    expect(fig.data.find((t) => t.meta === 'lsum')!.y).toEqual([null]);
    const xs = Array.from({ length: 10_000 }, (_, i) => i);
    const ys = xs.map((i) => (i === 7777 ? 100 : i === 1234 ? -100 : Math.sin(i)));
    const d = decimateMinMax(xs, ys, 200);
    expect(d.x.length).toBeLessThanOrEqual(202);
    expect(d.y).toContain(100);
    expect(d.y).toContain(-100);
    expect(d.x.at(-1)).toBe(9999);
    expect([...d.x].sort((a, b) => a - b)).toEqual(d.x);
  });

  test('teacher loss per epoch', () => {
    const f = teacherLossFigure([{ epoch: 1, trainLoss: 2, valLoss: 3 }]);
    expect(f.data.map((t) => t.y)).toEqual([[2], [3]]);
  });
});

describe('band figures', () => {
  test('1-D: one strip per scale, coefficients centred on the time axis of the sample', () => {
    const values = [new Float32Array([1, 2]), new Float32Array([3, -4]), new Float32Array([5, 6, 7, 8])];
    const fig = bands1dFigure({ values, shapes: [[2], [2], [4]], fullShapes: [[2], [2], [4]], length: 8 });
    expect(bandNames(3)).toEqual(['cA2', 'cD2', 'cD1']);
    expect(fig.data.map((t) => t.name)).toEqual(['cA2', 'cD2', 'cD1']);
    expect(fig.data[0]!.x).toEqual([2, 6]);
    expect(fig.data[2]!.x).toEqual([1, 3, 5, 7]);
    // Strips stacked at 0, −1, −2, each scaled to ±0.45 by its largest |value|; hover keeps the real values.
    expect(fig.data.map((t) => t.base)).toEqual([0, -1, -2]);
    expect(fig.data[1]!.y).toEqual([0.3375, -0.45]);
    expect(fig.data[1]!.customdata).toEqual([3, -4]);
    expect((fig.layout.yaxis as { ticktext: string[] }).ticktext).toEqual(['cA2', 'cD2', 'cD1']);
    expect(countPoints(fig)).toBe(8);
  });

  test('2-D: approximation + H, V, D per level as heatmaps, in their own tiles of one pair of axes', () => {
    const a = new Float32Array(4).fill(1);
    const l2 = new Float32Array(12).map((_, i) => i);
    const l1 = new Float32Array(48).map((_, i) => -i);
    const fig = bands2dFigure({
      values: [a, l2, l1],
      shapes: [
        [2, 2],
        [3, 2, 2],
        [3, 4, 4],
      ],
      fullShapes: [],
    });
    expect(fig.data.map((t) => t.name)).toEqual(['cA2', 'cH2', 'cV2', 'cD2', 'cH1', 'cV1', 'cD1']);
    expect(fig.data[3]!.z as number[][]).toEqual([
      [8, 9],
      [10, 11],
    ]); // cD2 = third plane of level 2
    // Tiles: cA2 at (row 0, col 0), cH2…cD2 across row 0, cH1…cD1 across row 1; no subplots.
    const cell = (t: (typeof fig.data)[number]) => [Math.floor(t.x0 as number), Math.floor(t.y0 as number)];
    expect(fig.data.map(cell)).toEqual([
      [0, 0],
      [1, 0],
      [2, 0],
      [3, 0],
      [1, 1],
      [2, 1],
      [3, 1],
    ]);
    expect(fig.data.every((t) => t.xaxis === undefined)).toBe(true);
    expect(Object.keys(fig.layout).filter((k) => /^[xy]axis/.test(k))).toEqual(['xaxis', 'yaxis']);
    expect(scaleTotals([a, l2, l1])).toEqual([4, 66, 1128]);
    expect(scaleTotalsFigure({ values: [a, l2, l1], label: 'attribution' }).data[0]!.x).toEqual([
      'cA2',
      'cD2',
      'cD1',
    ]);
  });

  test('a tile fills its cell less the gap, image row 0 on top', () => {
    // 2 rows × 4 columns of z in cell (1, 2): bricks 0.96/4 wide, 0.96/2 tall, centred in their spans.
    const t = tile(
      [
        [1, 2, 3, 4],
        [5, 6, 7, 8],
      ],
      1,
      2,
    );
    expect(t.dx).toBeCloseTo(0.24);
    expect(t.dy).toBeCloseTo(0.48);
    expect(t.x0).toBeCloseTo(2.12); // first brick spans [2, 2.24]
    expect(t.y0).toBeCloseTo(1.24); // first row spans [1, 1.48]
    const l = tilesLayout(2, 4) as { xaxis: { range: number[] }; yaxis: { range: number[] } };
    expect(l.xaxis.range).toEqual([-0.02, 3.98]);
    expect(l.yaxis.range[0]).toBeGreaterThan(l.yaxis.range[1]!); // downwards: row 0 on top
  });
});

describe('sample figures', () => {
  test('reconstruction residual = input − reconstruction (1-D lines, 2-D heatmaps)', () => {
    const f1 = reconFigure({
      x: new Float32Array([1, 2, 3]),
      recon: new Float32Array([1, 1.5, 3]),
      shape: [3],
    });
    expect(f1.data.map((t) => t.name)).toEqual(['input', 'reconstruction', 'residual']);
    expect(f1.data[2]!.y).toEqual([0, 0.5, 0]);
    const f2 = reconFigure({
      x: new Float32Array([1, 2, 3, 4]),
      recon: new Float32Array([0, 2, 3, 4]),
      shape: [2, 2],
    });
    expect(f2.data[2]!.z).toEqual([
      [1, 0],
      [0, 0],
    ]);
    expect(f2.data.map((t) => t.type)).toEqual(['heatmap', 'heatmap', 'heatmap']);
  });

  test('previews: chosen series, and a map as rows', () => {
    const x = new Float32Array([0, 1, 2, 3, 4, 5]);
    const s = seriesPreviewFigure({ x, length: 3, indices: [1] });
    expect(s.data[0]!.y).toEqual([3, 4, 5]);
    expect(mapFigure({ z: x, rows: 2, cols: 3, name: 'm' }).data[0]!.z).toEqual([
      [0, 1, 2],
      [3, 4, 5],
    ]);
  });
});

describe('lazyFigure', () => {
  test('builds nothing until first drawn, then builds once', () => {
    let builds = 0;
    const f = lazyFigure(() => {
      builds++;
      return { data: [{ y: [1, 2] }], layout: {} };
    });
    expect(builds).toBe(0);
    const a = f();
    expect(f()).toBe(a);
    expect(builds).toBe(1);
    expect(countPoints(a)).toBe(2);
  });
});
