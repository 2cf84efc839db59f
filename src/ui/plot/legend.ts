// The plots' legends are HTML, not Plotly's: a Plotly legend is measured and laid out again on every
// redraw (≈ 15–30 % of a streaming redraw here, and most of its slow tails), while an HTML legend is
// drawn once by React and is keyboard-operable (a checkbox per trace). Exports still get Plotly's legend
// (Plot's download adds it back). These are the pure parts: which traces have an entry, and hiding them.
import type { Figure, Trace } from './figures/common.ts';

export interface LegendEntry {
  /** Stable id of the trace: its `meta` if set (the Losses panel's term ids), else its name. */
  key: string;
  name: string;
  color: string;
  /** Plotly line dash ('dot', 'dash', …) or '' for solid / marker-only traces. */
  dash: string;
  /** Drawn as markers only (a dot in the legend). */
  marker: boolean;
  /** Shown in the plot (unchecked entries are Plotly's `visible: 'legendonly'`). */
  on: boolean;
}

export const traceKey = (t: Trace): string => String(t['meta'] ?? t['name'] ?? '');

const field = (o: unknown, k: string): unknown =>
  o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined;

/** Whether the figure asks for a legend (Plotly's `layout.showlegend`). */
export const wantsLegend = (fig: Figure): boolean => fig.layout['showlegend'] === true;

/** One entry per named trace that Plotly would list (not `showlegend: false`), in trace order. */
export function legendEntries(data: readonly Trace[]): LegendEntry[] {
  const out: LegendEntry[] = [];
  const seen = new Set<string>();
  for (const t of data) {
    const key = traceKey(t);
    if (!t['name'] || t['showlegend'] === false || seen.has(key)) continue;
    seen.add(key);
    const mode = String(t['mode'] ?? 'lines');
    const marker = !mode.includes('lines');
    const color = String(field(t['line'], 'color') ?? field(t['marker'], 'color') ?? '#444');
    out.push({
      key,
      name: String(t['name']),
      color,
      dash: marker ? '' : String(field(t['line'], 'dash') ?? ''),
      marker,
      on: t['visible'] !== 'legendonly' && t['visible'] !== false,
    });
  }
  return out;
}

/** The traces with those whose key is in `hidden` set to `visible: 'legendonly'` (others untouched). */
export function hideTraces(data: readonly Trace[], hidden: ReadonlySet<string>): Trace[] {
  if (!hidden.size) return data as Trace[];
  return data.map((t) => (hidden.has(traceKey(t)) ? { ...t, visible: 'legendonly' } : t));
}
