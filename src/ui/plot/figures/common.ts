// Shared pieces of the pure figure builders: `xFigure(data) → {data, layout}` is plain JSON-like data
// (no Plotly import), so every figure is unit-tested in Node and the one wrapper (../Plot.tsx) draws it.

export type Trace = Record<string, unknown>;
export type Layout = Record<string, unknown>;
export interface Figure {
  data: Trace[];
  layout: Layout;
}

/** A figure built on first use: streaming panels hand these to Plot, which builds one only to draw it. */
export type LazyFigure = () => Figure;

/**
 * Defers `build` until the figure is drawn, and builds it once. Snapshots arrive ~10 times a second
 * but a plot redraws about twice (and not at all out of view): building every snapshot's figures
 * eagerly was a third of the page's garbage while training (120 of 360 MB in 10 s, measured).
 */
export function lazyFigure(build: () => Figure): LazyFigure {
  let fig: Figure | null = null;
  return () => (fig ??= build());
}

export const COLORS = {
  now: '#1f5fbf',
  initial: '#9aa5b1',
  accent: '#d9480f',
  good: '#2b8a3e',
  grid: '#e3e7ec',
  terms: ['#1f5fbf', '#d9480f', '#2b8a3e', '#7048e8', '#c2255c', '#0b7285', '#e67700', '#5f3dc4', '#495057'],
} as const;

export function baseLayout(over: Layout = {}): Layout {
  return {
    margin: { l: 48, r: 12, t: 8, b: 36 },
    font: { family: 'system-ui, sans-serif', size: 11 },
    paper_bgcolor: 'rgba(0,0,0,0)',
    plot_bgcolor: 'rgba(0,0,0,0)',
    showlegend: false,
    legend: { orientation: 'h', y: 1.12, x: 0, font: { size: 10 } },
    xaxis: { gridcolor: COLORS.grid, zeroline: false },
    yaxis: { gridcolor: COLORS.grid, zeroline: false },
    ...over,
  };
}

/** Stem plot as one line trace: for each tap a segment (k, 0)–(k, y) separated by null gaps. */
export function stemXY(y: ArrayLike<number>, dx = 0): { x: (number | null)[]; y: (number | null)[] } {
  const xs: (number | null)[] = [];
  const ys: (number | null)[] = [];
  for (let k = 0; k < y.length; k++) {
    xs.push(k + dx, k + dx, null);
    ys.push(0, y[k]!, null);
  }
  return { x: xs, y: ys };
}

export function range(n: number, scale = 1, offset = 0): number[] {
  return Array.from({ length: n }, (_, i) => offset + i * scale);
}

/** Plain number array (Plotly copies typed arrays anyway; JSON-friendly for tests and SVG export). */
export function arr(a: ArrayLike<number>): number[] {
  return Array.from(a);
}

/** Row-major rows×cols as z rows for a heatmap (Plotly draws row 0 at the bottom unless autorange reversed). */
export function zRows(a: ArrayLike<number>, rows: number, cols: number, offset = 0): number[][] {
  const z: number[][] = [];
  for (let r = 0; r < rows; r++) {
    const row = new Array<number>(cols);
    for (let c = 0; c < cols; c++) row[c] = a[offset + r * cols + c]!;
    z.push(row);
  }
  return z;
}

/**
 * Min–max decimation of a curve to about `max` points (each bucket keeps its extremes in order), so a
 * long loss history keeps its spikes while the plot never draws more points than pixels.
 */
export function decimateMinMax(
  x: readonly number[],
  y: readonly number[],
  max: number,
): { x: number[]; y: number[] } {
  const n = y.length;
  if (n <= max) return { x: [...x], y: [...y] };
  const buckets = Math.max(1, Math.floor(max / 2));
  const ox: number[] = [];
  const oy: number[] = [];
  for (let b = 0; b < buckets; b++) {
    const lo = Math.floor((b * n) / buckets);
    const hi = Math.floor(((b + 1) * n) / buckets);
    let iMin = lo;
    let iMax = lo;
    for (let i = lo; i < hi; i++) {
      if (y[i]! < y[iMin]!) iMin = i;
      if (y[i]! > y[iMax]!) iMax = i;
    }
    for (const i of iMin <= iMax ? [iMin, iMax] : [iMax, iMin]) {
      if (ox[ox.length - 1] !== x[i]) {
        ox.push(x[i]!);
        oy.push(y[i]!);
      }
    }
  }
  if (ox[ox.length - 1] !== x[n - 1]) {
    ox.push(x[n - 1]!);
    oy.push(y[n - 1]!);
  }
  return { x: ox, y: oy };
}

const TILE_GAP = 0.04;

/**
 * Heatmap tiles in a rows × cols grid on ONE pair of axes: `tile(z, r, c)` places z in cell (r, c), a
 * unit square less a gap, image row 0 on top (with {@link tilesLayout}). Subplots would each lay out
 * their own axes on every redraw: the 2-D attributions grid as 12 subplots took ~60 ms a redraw on a
 * 2-vCPU machine, a long task every second while training (measured).
 */
export function tile(z: number[][], r: number, c: number): Trace {
  const dy = (1 - TILE_GAP) / Math.max(1, z.length);
  const dx = (1 - TILE_GAP) / Math.max(1, z[0]?.length ?? 1);
  return { z, x0: c + dx / 2, dx, y0: r + dy / 2, dy };
}

/** The hidden axes of a {@link tile} grid; the y range runs downwards, so row 0 and each image's row 0 are on top. */
export function tilesLayout(rows: number, cols: number): Layout {
  const hidden = { visible: false, showgrid: false, zeroline: false };
  const pad = TILE_GAP / 2;
  return {
    xaxis: { ...hidden, range: [-pad, cols - pad] },
    yaxis: { ...hidden, range: [rows - pad, -pad] },
  };
}

export function fmt(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return String(v);
  const a = Math.abs(v);
  return a !== 0 && (a < 1e-3 || a >= 1e4) ? v.toExponential(digits - 1) : v.toPrecision(digits);
}

/** Finite numbers drawn (y values, or heatmap cells): what the tests read to know a plot has data. */
export function countPoints(f: Figure): number {
  let n = 0;
  const count = (v: unknown): void => {
    if (typeof v === 'number') n += Number.isFinite(v) ? 1 : 0;
    else if (Array.isArray(v)) for (const x of v) count(x);
  };
  for (const t of f.data) {
    if (t.visible === 'legendonly') continue;
    count(t.z ?? t.y);
  }
  return n;
}
