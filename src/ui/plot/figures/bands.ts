// The Attributions panel: per-scale coefficients or TRIM attributions of the selected sample, in pywt
// order ([cA_J, cD_J, …, cD_1]; 2-D details as (H, V, D) stacks), and the per-scale totals.
import { arr, baseLayout, COLORS, tile, tilesLayout, zRows, type Figure, type Trace } from './common.ts';

export interface Bands {
  values: readonly Float32Array[];
  /** Shapes as sent (decimated) and before decimation: 1-D [n]; 2-D [h, w] then [3, h, w] per level. */
  shapes: readonly number[][];
  fullShapes: readonly number[][];
}

/** 'cA4', 'cD4', …, 'cD1' for J = 4. */
export function bandNames(count: number): string[] {
  const J = count - 1;
  return Array.from({ length: count }, (_, i) => (i === 0 ? `cA${J}` : `cD${J - i + 1}`));
}

/**
 * One strip per scale, stacked top (cA_J) to bottom (cD_1) on ONE pair of axes (subplots would each cost
 * their own tick layout on every redraw), all on the sample's time axis [0, L): coefficient k of a band
 * of n sits at its centre (k + ½)·L/n. Each strip is scaled to its own largest |value| (hover shows the
 * real value); the per-scale totals figure compares magnitudes across scales.
 */
export function bands1dFigure(b: Bands & { length: number }): Figure {
  const names = bandNames(b.values.length);
  const data: Trace[] = b.values.map((v, i) => {
    const n = v.length;
    const w = b.length / n;
    let m = 0;
    for (const x of v) m = Math.max(m, Math.abs(x));
    const scale = m > 0 ? 0.45 / m : 0;
    const base = i === 0 ? 0 : -i;
    return {
      x: Array.from({ length: n }, (_, k) => (k + 0.5) * w),
      y: arr(v).map((x) => x * scale),
      base,
      width: w * 0.9,
      customdata: arr(v),
      hovertemplate: `${names[i]}[%{pointNumber}] = %{customdata:.4g}<extra></extra>`,
      type: 'bar',
      name: names[i],
      marker: { color: i === 0 ? COLORS.initial : COLORS.now },
    };
  });
  const rows = b.values.length;
  return {
    data,
    layout: baseLayout({
      margin: { l: 44, r: 8, t: 4, b: 28 },
      barmode: 'overlay',
      bargap: 0,
      xaxis: { range: [0, b.length], title: { text: 't' }, zeroline: false },
      yaxis: {
        range: [-rows + 0.45, 0.55],
        tickvals: names.map((_, i) => -i),
        ticktext: names,
        zeroline: false,
        showgrid: true,
      },
    }),
  };
}

/**
 * Grid of heatmaps (tiles on one pair of axes, see tile): rows = levels J…1 (coarse on top), columns
 * approximation | H | V | D; each tile has its own colour range, centred on 0.
 */
export function bands2dFigure(b: Bands): Figure {
  const levels = b.values.length - 1;
  const data: Trace[] = [];
  const heat = (z: number[][], r: number, c: number, name: string) =>
    data.push({
      ...tile(z, r, c),
      type: 'heatmap',
      name,
      colorscale: 'RdBu',
      zmid: 0,
      showscale: false,
      hovertemplate: `${name}<br>%{z:.3g}<extra></extra>`,
    });
  const [h0, w0] = b.shapes[0] as [number, number];
  heat(zRows(b.values[0]!, h0, w0), 0, 0, `cA${levels}`);
  for (let l = 1; l <= levels; l++) {
    const [, h, w] = b.shapes[l] as [number, number, number];
    ['H', 'V', 'D'].forEach((o, k) =>
      heat(zRows(b.values[l]!, h, w, k * h * w), l - 1, k + 1, `c${o}${levels - l + 1}`),
    );
  }
  return { data, layout: baseLayout({ ...tilesLayout(levels, 4), margin: { l: 8, r: 8, t: 8, b: 8 } }) };
}

/** Σ|value| per scale (2-D: a level's H, V and D together), the "where does the teacher look" summary. */
export function scaleTotals(values: readonly Float32Array[]): number[] {
  return values.map((v) => {
    let s = 0;
    for (const x of v) s += Math.abs(x);
    return s;
  });
}

export function scaleTotalsFigure(d: { values: readonly Float32Array[]; label: string }): Figure {
  const totals = scaleTotals(d.values);
  return {
    data: [
      {
        x: bandNames(totals.length),
        y: totals,
        type: 'bar',
        name: d.label,
        marker: { color: totals.map((_, i) => (i === 0 ? COLORS.initial : COLORS.now)) },
      },
    ],
    layout: baseLayout({ yaxis: { title: { text: `Σ|${d.label}|` }, rangemode: 'tozero' } }),
  };
}
