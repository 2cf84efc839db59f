// The one Plotly wrapper (the only module that loads Plotly, lazily, so the first paint and the worker
// start do not wait for 3 MB of plotting code). Figures come from the pure builders in ./figures;
// drawing goes through ./scheduler so that redraws never pile up into a long main-thread task.
// react-plotly.js is not used: it calls Plotly.react synchronously inside React's commit, which is
// exactly the long task this wrapper exists to avoid.
import type PlotlyApi from 'plotly.js-dist-min';
import { useEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { countPoints, type Figure, type LazyFigure } from './figures/common.ts';
import { hideTraces, legendEntries, wantsLegend, type LegendEntry } from './legend.ts';
import { cancelDraws, scheduleDraw } from './scheduler.ts';

type Plotly = typeof PlotlyApi;
let loading: Promise<Plotly> | null = null;
let loaded: Plotly | null = null;

export function loadPlotly(): Promise<Plotly> {
  loading ??= import('plotly.js-dist-min').then((m) => (loaded = m.default));
  return loading;
}

/** Plotly dash names → the CSS border style of a legend swatch. */
const DASH: Record<string, CSSProperties['borderTopStyle']> = {
  dot: 'dotted',
  dash: 'dashed',
  dashdot: 'dashed',
  longdash: 'dashed',
};

const CONFIG = {
  displaylogo: false,
  responsive: true,
  // Everything stays on this machine: no "edit in Chart Studio" link; box/lasso selection has no use here.
  showLink: false,
  showSendToCloud: false,
  modeBarButtonsToRemove: ['lasso2d', 'select2d', 'toImage'],
};

/**
 * Plotly's default tick-label overflow check measures every label's box on every redraw (a third of a
 * streaming redraw's time, measured); our margins already fit the labels, so it is switched off.
 */
function withCheapAxes(layout: Record<string, unknown>): Record<string, unknown> {
  for (const k of Object.keys(layout))
    if (/^[xy]axis\d*$/.test(k)) layout[k] = { ticklabeloverflow: 'allow', ...(layout[k] as object) };
  return layout;
}

export interface PlotProps {
  /** The figure, or a LazyFigure that is built only when it is drawn. */
  figure: Figure | LazyFigure;
  /** Accessible name and download file name ("wavelet taps"). */
  label: string;
  height?: number;
  /** Redraw at most this often while data streams in. */
  minIntervalMs?: number;
  /** A click on a data point (Plotly's plotly_click, first point): its x, y and trace number. */
  onPointClick?: (p: PointClick) => void;
  /** Accessible name of the legend's checkbox group (default "<label>: traces shown"). */
  legendLabel?: string;
  /**
   * Controlled legend: the keys (trace meta or name) hidden, and what a checkbox toggles. Without
   * these the plot keeps its own hidden set (toggling a trace is then local to this plot).
   */
  hiddenKeys?: readonly string[];
  onLegendToggle?: (key: string) => void;
}

export interface PointClick {
  x: unknown;
  y: unknown;
  curveNumber: number;
}

type ClickableEl = HTMLDivElement & {
  on?: (ev: 'plotly_click', fn: (e: { points?: PointClick[] }) => void) => void;
};

type GraphEl = HTMLDivElement & { data?: unknown[]; layout?: Record<string, unknown> };

export function Plot(props: PlotProps) {
  const { figure, label, height = 220, minIntervalMs, onPointClick, hiddenKeys, onLegendToggle } = props;
  const ref = useRef<HTMLDivElement>(null);
  // The legend (HTML, see legend.ts): entries as of the last draw, and the traces hidden here.
  const [legend, setLegend] = useState<LegendEntry[]>([]);
  const legendKey = useRef('');
  const [ownHidden, setOwnHidden] = useState<ReadonlySet<string>>(() => new Set());
  // A legend click redraws at once, not after this plot's streaming gap.
  const urgent = useRef(false);
  const hidden = useMemo(() => (hiddenKeys ? new Set(hiddenKeys) : ownHidden), [hiddenKeys, ownHidden]);
  // The latest handler, read at click time: the listener is attached once, after the first draw.
  const clickRef = useRef(onPointClick);
  useEffect(() => {
    clickRef.current = onPointClick;
  }, [onPointClick]);
  const listening = useRef(false);
  const [error, setError] = useState<string | null>(null);
  // Plots scrolled out of view are not redrawn while data streams in; they catch up when they return.
  const [visible, setVisible] = useState(true);

  useEffect(() => {
    const el = ref.current!;
    if (typeof IntersectionObserver === 'undefined') return;
    const io = new IntersectionObserver((es) => setVisible(es.some((e) => e.isIntersecting)), {
      rootMargin: '150px',
    });
    io.observe(el);
    return () => io.disconnect();
  }, []);

  useEffect(() => {
    const el = ref.current!;
    let live = true;
    // The first draw always happens (so every plot has content); later ones only while visible.
    if (!visible && el.dataset.draws) return;
    void loadPlotly().then(
      (P) => {
        if (!live) return;
        scheduleDraw(
          el,
          () => {
            let fig: Figure;
            try {
              fig = typeof figure === 'function' ? figure() : figure;
            } catch (e) {
              setError(`could not build the plot: ${String(e)}`);
              return;
            }
            const legendOn = wantsLegend(fig);
            const data = legendOn ? hideTraces(fig.data, hidden) : fig.data;
            const layout = withCheapAxes({ ...fig.layout, showlegend: false, height, autosize: true });
            el.dataset.legend = legendOn ? '1' : '';
            const t0 = performance.now();
            P.react(el, data, layout, CONFIG).catch((e: unknown) => setError(String(e)));
            // Draw time, for diagnostics and the performance tests.
            const ms = performance.now() - t0;
            el.dataset.ms = ms.toFixed(1);
            el.dataset.maxMs = Math.max(ms, Number(el.dataset.maxMs ?? 0)).toFixed(1);
            el.dataset.points = String(countPoints(fig));
            el.dataset.draws = String(Number(el.dataset.draws ?? 0) + 1);
            // React re-renders the legend only when an entry changed (not on every streaming redraw).
            const entries = legendOn ? legendEntries(fig.data) : [];
            const key = JSON.stringify(entries);
            if (key !== legendKey.current) {
              legendKey.current = key;
              setLegend(entries);
            }
            const gd = el as ClickableEl;
            if (!listening.current && gd.on) {
              listening.current = true;
              gd.on('plotly_click', (e) => {
                const p = e.points?.[0];
                if (p) clickRef.current?.({ x: p.x, y: p.y, curveNumber: p.curveNumber });
              });
            }
          },
          minIntervalMs,
          urgent.current,
        );
        urgent.current = false;
      },
      (e: unknown) => setError(`plotting library failed to load: ${String(e)}`),
    );
    return () => {
      live = false;
    };
  }, [figure, height, minIntervalMs, visible, hidden]);

  useEffect(() => {
    const el = ref.current!;
    return () => {
      cancelDraws(el);
      loaded?.purge(el);
    };
  }, []);

  const download = (format: 'png' | 'svg') => {
    const el = ref.current as GraphEl | null;
    if (!el?.data || !loaded) return;
    // The file gets Plotly's own legend back (a picture has no HTML legend beside it).
    const figure = { data: el.data, layout: { ...el.layout, showlegend: el.dataset.legend === '1' } };
    void loaded.downloadImage(figure, {
      format,
      filename: `awd-${label.replace(/\W+/g, '-')}`,
      width: el.clientWidth || 700,
      height,
    });
  };
  const toggle = (key: string) => {
    urgent.current = true;
    if (onLegendToggle) return onLegendToggle(key);
    setOwnHidden((h) => {
      const next = new Set(h);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  };

  return (
    <figure className="plot">
      <div ref={ref} role="img" aria-label={label} className="plot-area" style={{ height }} />
      {legend.length > 0 && (
        <div className="plot-legend" role="group" aria-label={props.legendLabel ?? `${label}: traces shown`}>
          {legend.map((e) => (
            <label key={e.key}>
              <input
                type="checkbox"
                checked={!hidden.has(e.key) && (hiddenKeys !== undefined || e.on)}
                onChange={() => toggle(e.key)}
              />
              <span
                aria-hidden="true"
                className={e.marker ? 'swatch dot' : 'swatch'}
                style={
                  e.marker
                    ? { background: e.color }
                    : { borderTopColor: e.color, borderTopStyle: DASH[e.dash] ?? 'solid' }
                }
              />
              {e.name}
            </label>
          ))}
        </div>
      )}
      <figcaption className="plot-tools">
        {error && <span role="alert">{error}</span>}
        <button type="button" onClick={() => download('png')} aria-label={`Download ${label} as PNG`}>
          PNG
        </button>
        <button type="button" onClick={() => download('svg')} aria-label={`Download ${label} as SVG`}>
          SVG
        </button>
      </figcaption>
    </figure>
  );
}
