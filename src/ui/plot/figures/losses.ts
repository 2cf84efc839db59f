// The Losses panel: every term's contribution to the total (weights applied, so the curves add up to the
// total) over steps, on a log scale. λ and γ are read from each record, so a slider move shows as a step
// in the λ·l1wave / γ·l1attr curves exactly where the worker started using it.
import type { ValidityWeights } from '../../../protocol/config.ts';
import { TERM_NAMES, type ProgressRecord, type TermName } from '../../../protocol/messages.ts';
import { baseLayout, COLORS, decimateMinMax, type Figure, type Trace } from './common.ts';

export const TERM_LABELS: Record<TermName | 'total', string> = {
  rec: 'reconstruction',
  lsum: 'lsum (Σh0 = √2)',
  hsum: 'hsum (Σg = 0)',
  l2norm: 'l2norm (‖h0‖ = 1)',
  cmf: 'cmf (conjugate mirror)',
  conv: 'conv (orthogonality)',
  l1wave: 'λ·l1wave (sparsity)',
  l1attr: 'γ·l1attr (attributions)',
  total: 'total',
};

/** The weight a term enters the total with at this record. */
export function termWeight(t: TermName, r: ProgressRecord, w: ValidityWeights): number {
  if (t === 'rec') return 1;
  if (t === 'l1wave') return r.lambda;
  if (t === 'l1attr') return r.gamma;
  return w[t];
}

const positive = (v: number) => (v > 0 && Number.isFinite(v) ? v : null);

export function lossFigure(d: {
  records: readonly ProgressRecord[];
  weights: ValidityWeights;
  hidden: readonly string[];
  maxPoints?: number;
}): Figure {
  const max = d.maxPoints ?? 800;
  const steps = d.records.map((r) => r.step);
  const data: Trace[] = [];
  const curve = (name: string, label: string, ys: number[], color: string, width: number) => {
    const dec = decimateMinMax(steps, ys, max);
    data.push({
      x: dec.x,
      y: dec.y.map(positive),
      type: 'scatter',
      mode: 'lines',
      name: label,
      meta: name,
      line: { color, width },
      visible: d.hidden.includes(name) ? 'legendonly' : true,
    });
  };
  TERM_NAMES.forEach((t, i) =>
    curve(
      t,
      TERM_LABELS[t],
      d.records.map((r) => termWeight(t, r, d.weights) * r.terms[t]),
      COLORS.terms[i]!,
      1.5,
    ),
  );
  curve(
    'total',
    TERM_LABELS.total,
    d.records.map((r) => r.total),
    '#111',
    3,
  );
  return {
    data,
    layout: baseLayout({
      showlegend: true,
      legend: { orientation: 'v', x: 1.02, y: 1, font: { size: 10 } },
      // No room for the legend on screen (it is HTML there); exports add Plotly's and it pushes the margin.
      margin: { l: 52, r: 12, t: 8, b: 36 },
      xaxis: { title: { text: 'step' } },
      yaxis: { type: 'log', title: { text: 'loss (weighted)' }, exponentformat: 'power' },
    }),
  };
}

/** The teacher's training and validation loss per epoch. */
export function teacherLossFigure(
  history: readonly { epoch: number; trainLoss: number; valLoss: number }[],
): Figure {
  const x = history.map((h) => h.epoch);
  return {
    data: [
      {
        x,
        y: history.map((h) => positive(h.trainLoss)),
        type: 'scatter',
        mode: 'lines+markers',
        name: 'train',
        line: { color: COLORS.now },
      },
      {
        x,
        y: history.map((h) => positive(h.valLoss)),
        type: 'scatter',
        mode: 'lines+markers',
        name: 'validation',
        line: { color: COLORS.accent },
      },
    ],
    layout: baseLayout({
      showlegend: true,
      xaxis: { title: { text: 'epoch' } },
      yaxis: { type: 'log', title: { text: 'teacher loss' }, exponentformat: 'power' },
    }),
  };
}
