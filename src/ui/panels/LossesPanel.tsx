// Every loss term over steps (log scale) with the total, the weights in effect as the worker reports
// them (so a slider move is confirmed by the worker, not echoed from the slider), and the counters.
import { useMemo } from 'react';
import { formatWeight } from '../controls/LogSlider.tsx';
import { Panel } from '../controls/fields.tsx';
import { useController, useLab } from '../LabContext.tsx';
import { fmt, lazyFigure } from '../plot/figures/common.ts';
import { lossFigure } from '../plot/figures/losses.ts';
import { Plot } from '../plot/Plot.tsx';

export function LossesPanel() {
  const lab = useController();
  const records = useLab((s) => s.training.records);
  const weights = useLab((s) => s.config.weights);
  const hidden = useLab((s) => s.view.hiddenTerms);
  const step = useLab((s) => s.training.step);
  const epoch = useLab((s) => s.training.epoch);
  const sps = useLab((s) => s.training.stepsPerSecond);
  const status = useLab((s) => s.training.status);
  const figure = useMemo(
    () => lazyFigure(() => lossFigure({ records, weights, hidden })),
    [records, weights, hidden],
  );
  const last = records.at(-1);
  // The first step that ran with the current γ: where the change took effect.
  let since = last?.step ?? 0;
  for (let i = records.length - 1; i >= 0 && records[i]!.gamma === last?.gamma; i--) since = records[i]!.step;
  const toggle = (name: string) =>
    lab.store.setState((s) => ({
      view: {
        ...s.view,
        hiddenTerms: s.view.hiddenTerms.includes(name)
          ? s.view.hiddenTerms.filter((h) => h !== name)
          : [...s.view.hiddenTerms, name],
      },
    }));
  return (
    <Panel title="Losses" id="losses" className="wide">
      <p className="counters" aria-live="off">
        <span data-testid="status">{status}</span> · step <strong data-testid="step">{step}</strong> · epoch{' '}
        {epoch} · {sps.toFixed(1)} steps/s · total{' '}
        <strong data-testid="loss-total">{last ? fmt(last.total, 4) : '—'}</strong>
      </p>
      <p className="in-effect">
        In effect: <span data-testid="lambda-in-effect">λ = {last ? formatWeight(last.lambda) : '—'}</span>,{' '}
        <span data-testid="gamma-in-effect">γ = {last ? formatWeight(last.gamma) : '—'}</span>
        {last && <span className="muted"> (γ since step {since})</span>}
      </p>
      {/* The legend's checkboxes are the term toggles (kept in the store, so a session restores them). */}
      <Plot
        figure={figure}
        label="losses over steps"
        height={260}
        legendLabel="Loss terms shown"
        hiddenKeys={hidden}
        onLegendToggle={toggle}
      />
    </Panel>
  );
}
