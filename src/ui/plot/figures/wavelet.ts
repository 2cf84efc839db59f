// The Wavelet panel's figures: the filter taps, the cascade functions φ/ψ, the frequency response with
// the conjugate-mirror-filter identity, and the distance to the initial wavelet over training.
import { freqResponse, lowToHigh } from '../../../core/filterQuality.ts';
import { arr, baseLayout, COLORS, stemXY, type Figure } from './common.ts';

/** h0 (lowpass) and g (highpass) as stems, now (solid) over the initial filter (grey). */
export function tapsFigure(d: { h0: ArrayLike<number>; initialH0: ArrayLike<number> | null }): Figure {
  const g = lowToHigh(d.h0);
  const data = [];
  if (d.initialH0) {
    const gi = lowToHigh(d.initialH0);
    const a = stemXY(d.initialH0, -0.12);
    const b = stemXY(gi, -0.12);
    data.push(
      { ...a, type: 'scatter', mode: 'lines', name: 'h0 initial', line: { color: COLORS.initial, width: 2 }, xaxis: 'x', yaxis: 'y' },
      { ...b, type: 'scatter', mode: 'lines', name: 'g initial', line: { color: COLORS.initial, width: 2 }, xaxis: 'x2', yaxis: 'y2' },
    );
  }
  const h = stemXY(d.h0, 0.12);
  const gg = stemXY(g, 0.12);
  data.push(
    { ...h, type: 'scatter', mode: 'lines', name: 'h0', line: { color: COLORS.now, width: 2 }, xaxis: 'x', yaxis: 'y' },
    { x: arr(d.h0).map((_, k) => k + 0.12), y: arr(d.h0), type: 'scatter', mode: 'markers', name: 'h0 taps', marker: { color: COLORS.now, size: 6 }, xaxis: 'x', yaxis: 'y' },
    { ...gg, type: 'scatter', mode: 'lines', name: 'g', line: { color: COLORS.accent, width: 2 }, xaxis: 'x2', yaxis: 'y2' },
    { x: arr(g).map((_, k) => k + 0.12), y: arr(g), type: 'scatter', mode: 'markers', name: 'g taps', marker: { color: COLORS.accent, size: 6 }, xaxis: 'x2', yaxis: 'y2' },
  );
  return {
    data,
    layout: baseLayout({
      xaxis: { domain: [0, 0.47], title: { text: 'h0 (lowpass) tap k' }, dtick: 1, zeroline: false },
      xaxis2: { domain: [0.53, 1], anchor: 'y2', title: { text: 'g (highpass) tap k' }, dtick: 1, zeroline: false },
      yaxis2: { anchor: 'x2', zeroline: false },
    }),
  };
}

/** φ and ψ by the cascade algorithm, now vs initial. */
export function wavefunFigure(d: {
  x: ArrayLike<number>;
  phi: ArrayLike<number>;
  psi: ArrayLike<number>;
  initial: { x: ArrayLike<number>; phi: ArrayLike<number>; psi: ArrayLike<number> } | null;
}): Figure {
  const data = [];
  if (d.initial) {
    data.push(
      { x: arr(d.initial.x), y: arr(d.initial.phi), type: 'scatter', mode: 'lines', name: 'φ initial', line: { color: COLORS.initial, dash: 'dot' } },
      { x: arr(d.initial.x), y: arr(d.initial.psi), type: 'scatter', mode: 'lines', name: 'ψ initial', line: { color: COLORS.initial }, xaxis: 'x2', yaxis: 'y2' },
    );
  }
  data.push(
    { x: arr(d.x), y: arr(d.phi), type: 'scatter', mode: 'lines', name: 'φ now', line: { color: COLORS.now } },
    { x: arr(d.x), y: arr(d.psi), type: 'scatter', mode: 'lines', name: 'ψ now', line: { color: COLORS.accent }, xaxis: 'x2', yaxis: 'y2' },
  );
  return {
    data,
    layout: baseLayout({
      xaxis: { domain: [0, 0.47], title: { text: 'φ (scaling function)' }, zeroline: false },
      xaxis2: { domain: [0.53, 1], anchor: 'y2', title: { text: 'ψ (wavelet)' }, zeroline: false },
      yaxis2: { anchor: 'x2', zeroline: false },
    }),
  };
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
      { x: w, y: sum, type: 'scatter', mode: 'lines', name: 'sum (CMF: 2)', line: { color: COLORS.good, width: 3 } },
      { x: [0, Math.PI], y: [2, 2], type: 'scatter', mode: 'lines', name: 'target 2', line: { color: COLORS.initial, dash: 'dash' } },
    ],
    layout: baseLayout({
      showlegend: true,
      xaxis: { title: { text: 'ω' }, range: [0, Math.PI], tickvals: [0, Math.PI / 2, Math.PI], ticktext: ['0', 'π/2', 'π'] },
      yaxis: { rangemode: 'tozero' },
    }),
  };
}

/** |H(ω)|² and |H(ω+π)|² at n points of [0, π]. */
export function freqOnCircle(h0: ArrayLike<number>, n: number): { omega: number[]; h2: number[]; h2Mirror: number[] } {
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
    layout: baseLayout({ xaxis: { title: { text: 'step' } }, yaxis: { title: { text: 'dist(ψ, ψ₀)' }, rangemode: 'tozero' } }),
  };
}
