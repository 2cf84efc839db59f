// The evaluation table as text (stderr summary of `awd evaluate` / `awd sweep`, and the Markdown of
// docs/RESULTS.md): value ± bootstrap SE per metric, parameters, compression, ms per sample.
import type { EvaluationTable, MetricName } from '../../model/evaluate/types.ts';

const f = (v: number | null | undefined, digits = 4) =>
  v === null || v === undefined || !Number.isFinite(v)
    ? '—'
    : Math.abs(v) >= 1e4
      ? v.toExponential(2)
      : v.toFixed(digits);

const ORDER: readonly MetricName[] = ['rmse', 'r2', 'accuracy'];

/** Column titles and cells, one row per predictor. */
export function tableCells(t: EvaluationTable): { head: string[]; rows: string[][] } {
  const metrics = ORDER.filter((m) => t.rows.some((r) => r.metrics[m]));
  const head = [
    'method',
    ...metrics.map((m) => (m === 'r2' ? 'R²' : m === 'rmse' ? 'RMSE' : 'accuracy')),
    'params',
    'energy 99%',
    '|attr| > ε',
    'ms/sample',
  ];
  const rows = t.rows.map((r) => [
    r.method,
    ...metrics.map((m) => {
      const v = r.metrics[m];
      return v ? `${f(v.value)} ± ${f(v.se)}` : '—';
    }),
    r.params === null ? '—' : String(r.params),
    f(r.compression.energy99, 3),
    f(r.compression.attrAbove, 3),
    f(r.msPerSample, 3),
  ]);
  return { head, rows };
}

/** One line per paired comparison: "a − b: ΔRMSE = d ± se (paired bootstrap)". */
export function comparisonLines(t: EvaluationTable): string[] {
  return t.comparisons.map(
    (c) =>
      `${c.a} − ${c.b}: Δ${c.metric === 'r2' ? 'R²' : c.metric.toUpperCase()} = ${f(c.diff)} ± ${f(c.se)} (paired bootstrap)`,
  );
}

/** A fixed-width text table. */
export function formatTable(t: EvaluationTable): string {
  const { head, rows } = tableCells(t);
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(w[i]!) : c.padStart(w[i]!))).join('  ');
  return [line(head), ...rows.map(line), ...comparisonLines(t)].join('\n') + '\n';
}

/** A Markdown table (pipes inside cells escaped, or "|attr|" would split its column). */
export function markdownTable(t: EvaluationTable): string {
  const { head, rows } = tableCells(t);
  const cell = (c: string) => c.replace(/\|/g, '\\|');
  return (
    [
      `| ${head.map(cell).join(' | ')} |`,
      `|${head.map((_, i) => (i === 0 ? ' --- ' : ' ---: ')).join('|')}|`,
      ...rows.map((r) => `| ${r.map(cell).join(' | ')} |`),
    ].join('\n') + '\n'
  );
}
