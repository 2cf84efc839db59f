// The Sweep panel's figures: the validation metric over the λ×γ grid (heatmap, best cell outlined, the
// loaded one marked) and the Pareto view (reconstruction vs attribution sparsity, coloured by metric).
// Grid axes are categories (the values as printed): log-spaced values with a 0 column have no log axis.
import type { SweepRunData } from '../../../protocol/messages.ts';
import { baseLayout, COLORS, fmt, type Figure, type Trace } from './common.ts';

export interface SweepFigureData {
  lambdas: readonly number[];
  gammas: readonly number[];
  runs: readonly SweepRunData[];
  selected: number | null;
  loaded: number | null;
}

const HIGHER_IS_BETTER = new Set(['r2', 'accuracy']);

/** The metric the runs were scored by ('r2', 'rmse', …), or null before any run has a validation. */
export function sweepMetric(runs: readonly SweepRunData[]): string | null {
  return runs.find((r) => r.validation)?.validation?.metric ?? null;
}

const value = (r: SweepRunData | undefined): number | null =>
  r?.status === 'completed' && r.validation && Number.isFinite(r.validation.value)
    ? r.validation.value
    : null;

/** Colours run from worse (light) to better (dark) whichever way the metric points. */
function colorscale(metric: string | null): { colorscale: string; reversescale: boolean } {
  return { colorscale: 'Viridis', reversescale: !HIGHER_IS_BETTER.has(metric ?? '') };
}

/** A grid value as a category label: short, and distinct for distinct grid values (6 significant digits). */
export const gridLabel = (v: number): string => String(Number(v.toPrecision(6)));

/** The run drawn at heatmap cell (x = γ label, y = λ label), as a click reports it; null for an empty cell. */
export function runAtCell(
  d: Pick<SweepFigureData, 'lambdas' | 'gammas' | 'runs'>,
  x: unknown,
  y: unknown,
): number | null {
  const col = d.gammas.map(gridLabel).indexOf(String(x));
  const row = d.lambdas.map(gridLabel).indexOf(String(y));
  return d.runs.find((r) => r.row === row && r.col === col)?.index ?? null;
}

export function sweepHeatmapFigure(d: SweepFigureData): Figure {
  const x = d.gammas.map(gridLabel);
  const y = d.lambdas.map(gridLabel);
  const byCell = new Map(d.runs.map((r) => [`${r.row},${r.col}`, r]));
  const z = y.map((_, row) => x.map((_, col) => value(byCell.get(`${row},${col}`))));
  const metric = sweepMetric(d.runs);
  const data: Trace[] = [
    {
      type: 'heatmap',
      x,
      y,
      z,
      ...colorscale(metric),
      texttemplate: '%{z:.3g}',
      hovertemplate: `λ = %{y}, γ = %{x}<br>validation ${metric ?? ''} = %{z:.4g}<extra></extra>`,
      colorbar: { title: { text: metric ?? '' }, thickness: 10 },
      xgap: 2,
      ygap: 2,
    },
  ];
  const mark = (index: number | null, name: string, symbol: string, color: string) => {
    const r = d.runs.find((q) => q.index === index);
    if (!r) return;
    data.push({
      type: 'scatter',
      mode: 'markers',
      x: [x[r.col]],
      y: [y[r.row]],
      name,
      meta: name,
      marker: { symbol, size: 26, color: 'rgba(0,0,0,0)', line: { color, width: 3 } },
      hoverinfo: 'skip',
    });
  };
  mark(d.selected, 'best validation', 'square-open', COLORS.accent);
  mark(d.loaded, 'loaded', 'circle-open', '#fff');
  return {
    data,
    layout: baseLayout({
      margin: { l: 64, r: 12, t: 8, b: 44 },
      xaxis: { type: 'category', title: { text: 'γ (attribution sparsity)' } },
      yaxis: { type: 'category', title: { text: 'λ (wavelet sparsity)' } },
    }),
  };
}

/**
 * Reconstruction vs attribution sparsity (l1attr; l1wave when no run has attributions, i.e. no
 * teacher) at each run's final filter, coloured by the validation metric, the best run ringed.
 */
export function paretoFigure(d: SweepFigureData): Figure {
  const runs = d.runs.filter((r) => Number.isFinite(r.rec));
  const useAttr = runs.some((r) => r.l1attr > 0);
  const yOf = (r: SweepRunData) => (useAttr ? r.l1attr : r.l1wave);
  const metric = sweepMetric(runs);
  const positive = (a: number[]) => a.length > 0 && a.every((v) => v > 0);
  const xs = runs.map((r) => r.rec);
  const ys = runs.map(yOf);
  const data: Trace[] = [
    {
      type: 'scatter',
      mode: 'markers',
      name: 'runs',
      meta: 'runs',
      x: xs,
      y: ys,
      text: runs.map((r) => `run ${r.index}: λ = ${fmt(r.lambda)}, γ = ${fmt(r.gamma)}`),
      hovertemplate: `%{text}<br>rec %{x:.4g}, sparsity %{y:.4g}<br>${metric ?? 'metric'} %{marker.color:.4g}<extra></extra>`,
      marker: {
        size: 11,
        color: runs.map((r) => value(r)),
        ...colorscale(metric),
        showscale: true,
        colorbar: { title: { text: metric ?? '' }, thickness: 10 },
        line: { color: '#333', width: 1 },
      },
    },
  ];
  const best = runs.find((r) => r.index === d.selected);
  if (best)
    data.push({
      type: 'scatter',
      mode: 'markers',
      name: 'best validation',
      meta: 'best',
      x: [best.rec],
      y: [yOf(best)],
      marker: { symbol: 'circle-open', size: 20, color: COLORS.accent, line: { width: 3 } },
      hoverinfo: 'skip',
    });
  return {
    data,
    layout: baseLayout({
      margin: { l: 60, r: 12, t: 8, b: 44 },
      xaxis: {
        type: positive(xs) ? 'log' : 'linear',
        title: { text: 'reconstruction loss' },
        exponentformat: 'power',
      },
      yaxis: {
        type: positive(ys) ? 'log' : 'linear',
        title: { text: useAttr ? 'attribution sparsity (l1attr)' : 'wavelet sparsity (l1wave)' },
        exponentformat: 'power',
      },
    }),
  };
}
