// The Wavelet panel's figures: the filter taps, the cascade functions φ/ψ, the frequency response with
// the conjugate-mirror-filter identity, and the distance to the initial wavelet over training.
import { freqResponse, lowToHigh } from '../../../core/filterQuality.ts';
import { arr, baseLayout, COLORS, decimateMinMax, stemXY, type Figure } from './common.ts';

// Every figure here uses ONE pair of axes: with Plotly each subplot's ticks and labels cost a full text
// measurement per redraw, and these redraw several times a second while training.

/** h0 (lowpass, taps 0…K−1) and g (highpass, drawn after a gap) as stems, now over the initial filter (grey). */
export function tapsFigure(d: { h0: ArrayLike<number>; initialH0: ArrayLike<number> | null }): Figure {
  const K = d.h0.length;
  const gx = K + 1; // g's taps start here
  const data = [];
  const stems = (
    y: ArrayLike<number>,
    x0: number,
    dx: number,
    name: string,
    color: string,
    width: number,
  ) => {
    const s = stemXY(y, x0 + dx);
    data.push({ ...s, type: 'scatter', mode: 'lines', name, line: { color, width }, hoverinfo: 'skip' });
  };
  if (d.initialH0) {
    stems(d.initialH0, 0, -0.15, 'h0 initial', COLORS.initial, 2);
    stems(lowToHigh(d.initialH0), gx, -0.15, 'g initial', COLORS.initial, 2);
  }
  const g = lowToHigh(d.h0);
  stems(d.h0, 0, 0.15, 'h0', COLORS.now, 2);
  stems(g, gx, 0.15, 'g', COLORS.accent, 2);
  data.push(
    {
      x: arr(d.h0).map((_, k) => k + 0.15),
      y: arr(d.h0),
      type: 'scatter',
      mode: 'markers',
      name: 'h0 taps',
      marker: { color: COLORS.now, size: 6 },
      hovertemplate: 'h0[%{text}] = %{y:.5f}<extra></extra>',
      text: arr(d.h0).map((_, k) => String(k)),
    },
    {
      x: arr(g).map((_, k) => gx + k + 0.15),
      y: arr(g),
      type: 'scatter',
      mode: 'markers',
      name: 'g taps',
      marker: { color: COLORS.accent, size: 6 },
      hovertemplate: 'g[%{text}] = %{y:.5f}<extra></extra>',
      text: arr(g).map((_, k) => String(k)),
    },
  );
  return {
    data,
    layout: baseLayout({
      xaxis: {
        tickvals: [(K - 1) / 2, gx + (K - 1) / 2],
        ticktext: ['h0 (lowpass) taps', 'g (highpass) taps'],
        zeroline: false,
        showgrid: false,
      },
      yaxis: { zeroline: true, zerolinecolor: COLORS.grid },
    }),
  };
}

/** Points per φ/ψ curve: about the plot's width in pixels; more only cost redraw time. */
export const WAVEFUN_POINTS = 500;

/** φ and ψ by the cascade algorithm on one axis, now (colour) vs initial (grey), min–max decimated. */
export function wavefunFigure(d: {
  x: ArrayLike<number>;
  phi: ArrayLike<number>;
  psi: ArrayLike<number>;
  initial: { x: ArrayLike<number>; phi: ArrayLike<number>; psi: ArrayLike<number> } | null;
}): Figure {
  const curve = (x: ArrayLike<number>, y: ArrayLike<number>, name: string, line: object) => ({
    ...decimateMinMax(arr(x), arr(y), WAVEFUN_POINTS),
    type: 'scatter',
    mode: 'lines',
    name,
    line,
  });
  const data = [];
  if (d.initial) {
    const { x, phi, psi } = d.initial;
    data.push(
      curve(x, phi, 'φ initial', { color: COLORS.initial, dash: 'dot', width: 1 }),
      curve(x, psi, 'ψ initial', { color: COLORS.initial, width: 1 }),
    );
  }
  data.push(
    curve(d.x, d.phi, 'φ now', { color: COLORS.now, width: 1.5 }),
    curve(d.x, d.psi, 'ψ now', { color: COLORS.accent, width: 1.5 }),
  );
  return { data, layout: baseLayout({ showlegend: true, xaxis: { title: { text: 't' }, zeroline: false } }) };
}

/**
 * |H(ω)|² and its mirror |H(ω+π)|² on [0, π] with their sum: an orthonormal (conjugate mirror) lowpass
 * keeps the sum at 2 everywhere, so the dashed line at 2 is the target the validity terms push towards.
 */
export function freqFigure(d: { h0: ArrayLike<number>; points?: number }): Figure {
  const n = d.points ?? 256;
  const full = freqOnCircle(d.h0, n);
  const w = full.omega;
  const h2 = full.h2;
  const mirror = w.map((_, i) => full.h2Mirror[i]!);
  const sum = h2.map((v, i) => v + mirror[i]!);
  return {
    data: [
      { x: w, y: h2, type: 'scatter', mode: 'lines', name: '|H(ω)|²', line: { color: COLORS.now } },
      { x: w, y: mirror, type: 'scatter', mode: 'lines', name: '|H(ω+π)|²', line: { color: COLORS.accent } },
      {
        x: w,
        y: sum,
        type: 'scatter',
        mode: 'lines',
        name: 'sum (CMF: 2)',
        line: { color: COLORS.good, width: 3 },
      },
      {
        x: [0, Math.PI],
        y: [2, 2],
        type: 'scatter',
        mode: 'lines',
        name: 'target 2',
        line: { color: COLORS.initial, dash: 'dash' },
      },
    ],
    layout: baseLayout({
      showlegend: true,
      xaxis: {
        title: { text: 'ω' },
        range: [0, Math.PI],
        tickvals: [0, Math.PI / 2, Math.PI],
        ticktext: ['0', 'π/2', 'π'],
      },
      yaxis: { rangemode: 'tozero' },
    }),
  };
}

/** |H(ω)|² and |H(ω+π)|² at n points of [0, π]. */
export function freqOnCircle(
  h0: ArrayLike<number>,
  n: number,
): { omega: number[]; h2: number[]; h2Mirror: number[] } {
  // The mirror needs no second grid: e^{−i(ω+π)k} = (−1)^k e^{−iωk}, so |H(ω+π)| is the response of the
  // sign-alternated filter on the same [0, π] grid.
  const alt = Array.from(h0, (v, k) => (k % 2 === 0 ? v : -v));
  const a = freqResponse(h0, n);
  const b = freqResponse(alt, n);
  return { omega: arr(a.omega), h2: arr(a.mag).map((m) => m * m), h2Mirror: arr(b.mag).map((m) => m * m) };
}

/** awave's `dist` between the current and the initial wavelet, over steps. */
export function distanceFigure(points: readonly { step: number; value: number }[]): Figure {
  return {
    data: [
      {
        x: points.map((p) => p.step),
        y: points.map((p) => (Number.isFinite(p.value) ? p.value : null)),
        type: 'scatter',
        mode: 'lines',
        name: 'distance to initial',
        line: { color: COLORS.now },
      },
    ],
    layout: baseLayout({
      xaxis: { title: { text: 'step' } },
      yaxis: { title: { text: 'dist(ψ, ψ₀)' }, rangemode: 'tozero' },
    }),
  };
}
