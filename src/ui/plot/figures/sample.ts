// Samples as pictures: the Data panel's preview and the selected sample's reconstruction and residual.
import {
  arr,
  baseLayout,
  COLORS,
  range,
  tile,
  tilesLayout,
  zRows,
  type Figure,
  type Trace,
} from './common.ts';

/** A few 1-D series, one line each (offset-free: they share the y axis so amplitudes compare). */
export function seriesPreviewFigure(d: {
  x: Float32Array;
  length: number;
  indices: readonly number[];
}): Figure {
  const data: Trace[] = d.indices.map((s, i) => ({
    x: range(d.length),
    y: arr(d.x.subarray(s * d.length, (s + 1) * d.length)),
    type: 'scatter',
    mode: 'lines',
    name: `sample ${s}`,
    line: { color: COLORS.terms[i % COLORS.terms.length], width: 1.5 },
  }));
  return { data, layout: baseLayout({ showlegend: true, xaxis: { title: { text: 't' } } }) };
}

export function mapFigure(d: { z: ArrayLike<number>; rows: number; cols: number; name: string }): Figure {
  return {
    data: [
      {
        z: zRows(d.z, d.rows, d.cols),
        type: 'heatmap',
        colorscale: 'Viridis',
        name: d.name,
        colorbar: { thickness: 10 },
      },
    ],
    layout: baseLayout({
      margin: { l: 32, r: 8, t: 8, b: 24 },
      yaxis: { autorange: 'reversed', scaleanchor: 'x', showgrid: false },
      xaxis: { showgrid: false, constrain: 'domain' },
    }),
  };
}

/** Input, reconstruction (through the current wavelet) and their difference. */
export function reconFigure(d: { x: Float32Array; recon: Float32Array; shape: readonly number[] }): Figure {
  const res = d.x.map((v, i) => v - (d.recon[i] ?? 0));
  if (d.shape.length === 1) {
    const t = range(d.x.length);
    return {
      data: [
        {
          x: t,
          y: arr(d.x),
          type: 'scatter',
          mode: 'lines',
          name: 'input',
          line: { color: COLORS.initial, width: 3 },
        },
        {
          x: t,
          y: arr(d.recon),
          type: 'scatter',
          mode: 'lines',
          name: 'reconstruction',
          line: { color: COLORS.now, width: 1.5 },
        },
        // Same axes (one subplot redraws far faster): the residual is the line hugging zero.
        {
          x: t,
          y: arr(res),
          type: 'scatter',
          mode: 'lines',
          name: 'residual',
          line: { color: COLORS.accent },
        },
      ],
      layout: baseLayout({ showlegend: true, xaxis: { title: { text: 't' } } }),
    };
  }
  const [rows, cols] = d.shape as [number, number];
  const names = ['input', 'reconstruction', 'residual'];
  // Three tiles on one pair of axes (see tile): three subplots cost their own axes on every redraw.
  const data: Trace[] = [d.x, d.recon, res].map((z, i) => ({
    ...tile(zRows(z, rows, cols), 0, i),
    type: 'heatmap',
    name: names[i],
    colorscale: i === 2 ? 'RdBu' : 'Viridis',
    ...(i === 2 ? { zmid: 0 } : {}),
    showscale: false,
    hovertemplate: `${names[i]}<br>%{z:.3g}<extra></extra>`,
  }));
  const layout = baseLayout({ ...tilesLayout(1, 3), margin: { l: 8, r: 8, t: 20, b: 8 } });
  layout.annotations = names.map((n, i) => ({
    text: n,
    showarrow: false,
    xref: 'paper',
    yref: 'paper',
    x: (i + 0.5) / 3,
    y: 1.08,
    font: { size: 10 },
  }));
  return { data, layout };
}
