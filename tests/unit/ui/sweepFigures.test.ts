// The Sweep panel's pure figure builders: the heatmap's grid layout (row = λ, column = γ), missing and
// diverged cells, the best/loaded markers on the right cells, the colour direction per metric, and the
// Pareto view's axes (l1attr, or l1wave without attributions).
import { describe, expect, it } from 'vitest';
import type { SweepRunData } from '../../../src/protocol/messages.ts';
import { countPoints } from '../../../src/ui/plot/figures/common.ts';
import {
  paretoFigure,
  runAtCell,
  sweepHeatmapFigure,
  sweepMetric,
} from '../../../src/ui/plot/figures/sweep.ts';

const lambdas = [0.01, 0.1, 1];
const gammas = [0, 1];
function run(index: number, over: Partial<SweepRunData> = {}): SweepRunData {
  const row = index % 3;
  const col = Math.floor(index / 3);
  return {
    index,
    row,
    col,
    lambda: lambdas[row]!,
    gamma: gammas[col]!,
    warmFrom: null,
    status: 'completed',
    error: null,
    h0: [0.5, 0.5],
    validation: { predictor: 'top_attr_linear', metric: 'r2', value: 0.1 * (index + 1) },
    rec: 0.01 * (index + 1),
    l1wave: 2 + index,
    l1attr: 0.5 + index,
    distToInit: 0.1,
    seconds: 1,
    ...over,
  };
}

describe('sweepHeatmapFigure', () => {
  it('lays the validation metric out as λ rows × γ columns, nulls for missing and diverged runs', () => {
    const runs = [run(0), run(1), run(3), run(4, { status: 'diverged' }), run(5)];
    const f = sweepHeatmapFigure({ lambdas, gammas, runs, selected: 5, loaded: null });
    const h = f.data[0]!;
    expect(h.type).toBe('heatmap');
    expect(h.x).toEqual(['0', '1']);
    expect(h.y).toEqual(['0.01', '0.1', '1']);
    const v = (i: number) => 0.1 * (i + 1);
    expect(h.z).toEqual([
      [v(0), v(3)],
      [v(1), null], // diverged: no value
      [null, v(5)], // run 2 missing
    ]);
    expect(countPoints(f)).toBe(4);
    // r2: higher is better, the scale is not reversed; rmse reverses it.
    expect(h.reversescale).toBe(false);
    const rm = sweepHeatmapFigure({
      lambdas,
      gammas,
      runs: [run(0, { validation: { predictor: 'peak_count', metric: 'rmse', value: 1 } })],
      selected: null,
      loaded: null,
    });
    expect(rm.data[0]!.reversescale).toBe(true);
    expect(rm.data).toHaveLength(1); // no markers without a selection
  });

  it('labels grid values distinctly even when they print alike at 3 digits', () => {
    const f = sweepHeatmapFigure({
      lambdas: [0.01, 0.0101],
      gammas: [1],
      runs: [],
      selected: null,
      loaded: null,
    });
    expect(f.data[0]!.y).toEqual(['0.01', '0.0101']);
  });

  it('outlines the best cell and marks the loaded one at their grid positions', () => {
    const runs = [0, 1, 2, 3, 4, 5].map((i) => run(i));
    const f = sweepHeatmapFigure({ lambdas, gammas, runs, selected: 5, loaded: 1 });
    const best = f.data.find((t) => t.meta === 'best validation')!;
    const loaded = f.data.find((t) => t.meta === 'loaded')!;
    expect([best.x, best.y]).toEqual([['1'], ['1']]); // run 5: row 2 (λ = 1), col 1 (γ = 1)
    expect([loaded.x, loaded.y]).toEqual([['0'], ['0.1']]); // run 1: row 1, col 0
  });
});

describe('paretoFigure', () => {
  it('plots reconstruction vs attribution sparsity coloured by the metric, best run ringed, log axes', () => {
    const runs = [0, 1, 2].map((i) => run(i));
    const f = paretoFigure({ lambdas, gammas, runs, selected: 2, loaded: null });
    const pts = f.data[0]!;
    expect(pts.x).toEqual([0.01, 0.02, 0.03].map((v) => expect.closeTo(v, 12)));
    expect(pts.y).toEqual([0.5, 1.5, 2.5]);
    expect((pts.marker as { color: unknown }).color).toEqual([0.1, 0.2, 0.30000000000000004]);
    const ring = f.data.find((t) => t.meta === 'best')!;
    expect([ring.x, ring.y]).toEqual([[0.03], [2.5]]);
    expect((f.layout.xaxis as { type: string }).type).toBe('log');
    expect((f.layout.yaxis as { title: { text: string } }).title.text).toMatch(/l1attr/);
    expect(countPoints(f)).toBe(4);
  });

  it('falls back to l1wave when no run has attributions, linear axes when a value is 0', () => {
    const runs = [0, 1].map((i) => run(i, { l1attr: 0, rec: i === 0 ? 0 : 0.5 }));
    const f = paretoFigure({ lambdas, gammas, runs, selected: null, loaded: null });
    expect(f.data[0]!.y).toEqual([2, 3]);
    expect((f.layout.yaxis as { title: { text: string } }).title.text).toMatch(/l1wave/);
    expect((f.layout.xaxis as { type: string }).type).toBe('linear');
    expect(f.data).toHaveLength(1);
  });

  it('sweepMetric reads the first run with a validation', () => {
    expect(sweepMetric([])).toBeNull();
    expect(sweepMetric([run(0, { validation: null }), run(1)])).toBe('r2');
  });
});

describe('runAtCell', () => {
  it('maps a clicked heatmap cell (its x/y labels, as Plotly reports them) back to the run drawn there', () => {
    const runs = [run(0), run(1), run(4)];
    const f = sweepHeatmapFigure({ lambdas, gammas, runs, selected: null, loaded: null });
    const [xs, ys] = [f.data[0]!.x as string[], f.data[0]!.y as string[]];
    expect(runAtCell({ lambdas, gammas, runs }, xs[1], ys[1])).toBe(4); // row 1 (λ 0.1), column 1 (γ 1)
    expect(runAtCell({ lambdas, gammas, runs }, xs[0], ys[1])).toBe(1);
    expect(runAtCell({ lambdas, gammas, runs }, xs[1], ys[0])).toBeNull(); // not run yet
    expect(runAtCell({ lambdas, gammas, runs }, 'nope', ys[0])).toBeNull();
  });
});
