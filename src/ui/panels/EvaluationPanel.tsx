// The evaluation table: the run's learned wavelet (AWD) against db5, awave's baselines and the teacher,
// each with its held-out metric ± bootstrap SE, parameter count, compression and inference time. The
// worker computes it on the test split the run never saw; it describes the filter at the step asked.
import { useController, useLab } from '../LabContext.tsx';
import { Panel } from '../controls/fields.tsx';
import { fmt } from '../plot/figures/common.ts';
import type { EvalRowData, EvalTableData } from '../../protocol/messages.ts';

const METRIC_LABEL: Record<string, string> = { rmse: 'RMSE', r2: 'R²', accuracy: 'accuracy' };

const pct = (v: number | null) => (v === null ? '—' : `${(100 * v).toFixed(1)}%`);

function MetricCell({ row: r, name }: { row: EvalRowData; name: string }) {
  const m = r.metrics[name as keyof EvalRowData['metrics']];
  if (!m) return <td>—</td>;
  return (
    <td data-metric={name} data-value={m.value} data-se={m.se}>
      {fmt(m.value, 4)} <span className="muted">± {fmt(m.se, 2)}</span>
    </td>
  );
}

function metricNames(t: EvalTableData): string[] {
  const names = new Set<string>([t.primary]);
  for (const r of t.rows) for (const k of Object.keys(r.metrics)) names.add(k);
  return [...names];
}

export function EvaluationPanel() {
  const lab = useController();
  const ev = useLab((s) => s.evaluation);
  const activeId = useLab((s) => s.activeId);
  const canRun = useLab((s) => s.teacher.status === 'ready' && s.training.step > 0);
  const t = ev.datasetId === activeId ? ev.table : null;
  const names = t ? metricNames(t) : [];
  return (
    <Panel title="Evaluation" id="evaluation" className="wide">
      <p className="muted">
        Distilled predictors on the held-out test split: AWD (the current filter) vs db5, baselines and the
        teacher. Training waits while the table is computed.
      </p>
      <div className="buttons">
        <button
          type="button"
          disabled={!canRun || ev.status === 'running'}
          onClick={() => lab.jobs.evaluate()}
        >
          {ev.status === 'running' ? 'Evaluating…' : 'Evaluate'}
        </button>
        <span data-testid="eval-status">
          {ev.status === 'done' && t
            ? `step ${ev.step} · ${t.split.test} test samples · ${t.bootstrap.reps} bootstrap resamples · ${fmt((ev.ms ?? 0) / 1000)} s`
            : ev.status === 'running'
              ? 'computing in the worker…'
              : ''}
        </span>
      </div>
      {ev.status === 'error' && ev.error && (
        <p role="alert" className="error">
          {ev.error}
        </p>
      )}
      {t && (
        <div className="table-scroll">
          <table className="eval-table" data-testid="eval-table">
            <caption className="muted">
              Target {t.targetName}; lower RMSE and higher R² are better. Compression: fraction of
              coefficients holding 99% of the energy, and with |attribution| above the threshold.
            </caption>
            <thead>
              <tr>
                <th scope="col">method</th>
                {names.map((n) => (
                  <th scope="col" key={n}>
                    {METRIC_LABEL[n] ?? n} ± SE
                  </th>
                ))}
                <th scope="col">params</th>
                <th scope="col">99% energy</th>
                <th scope="col">|attr| &gt; ε</th>
                <th scope="col">ms/sample</th>
              </tr>
            </thead>
            <tbody>
              {t.rows.map((r) => (
                <tr
                  key={r.method}
                  data-testid="eval-row"
                  data-basis={r.basis}
                  data-family={r.family}
                  className={r.family}
                >
                  <th scope="row">{r.method}</th>
                  {names.map((n) => (
                    <MetricCell key={n} row={r} name={n} />
                  ))}
                  <td data-value={r.params ?? ''}>{r.params ?? '—'}</td>
                  <td>{pct(r.compression.energy99)}</td>
                  <td>{pct(r.compression.attrAbove)}</td>
                  <td data-value={r.msPerSample}>{fmt(r.msPerSample)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {t && t.comparisons.length > 0 && (
        <ul className="muted comparisons">
          {t.comparisons.map((c) => (
            <li key={`${c.a}|${c.b}`}>
              {c.a} − {c.b}: {METRIC_LABEL[c.metric] ?? c.metric} {fmt(c.diff, 3)} ± {fmt(c.se, 2)} (paired
              bootstrap)
            </li>
          ))}
        </ul>
      )}
    </Panel>
  );
}
