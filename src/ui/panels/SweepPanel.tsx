// The λ×γ sweep as a background job: edit the log-spaced grids, start/stop, watch runs arrive; the
// validation metric over the grid (heatmap), the Pareto view, and the grid's cells as buttons — a click on a heatmap cell or a button
// loads that run's filter (and its λ, γ) into the live run, which continues from it.
import { useMemo } from 'react';
import { useController, useLab } from '../LabContext.tsx';
import { NumberField, Panel } from '../controls/fields.tsx';
import { fmt } from '../plot/figures/common.ts';
import { paretoFigure, runAtCell, sweepHeatmapFigure, sweepMetric } from '../plot/figures/sweep.ts';
import { Plot } from '../plot/Plot.tsx';
import { axisValues } from '../../app/store/jobSlices.ts';
import type { LogAxis } from '../../app/store/types.ts';
import { SweepGrid } from './SweepGrid.tsx';

function AxisFields({
  name,
  axis,
  onChange,
}: {
  name: string;
  axis: LogAxis;
  onChange: (a: LogAxis) => void;
}) {
  return (
    <fieldset className="row axis">
      <legend>{name} grid (log-spaced)</legend>
      <NumberField
        label={`${name} min`}
        value={axis.min}
        min={0}
        onCommit={(min) => onChange({ ...axis, min })}
      />
      <NumberField
        label={`${name} max`}
        value={axis.max}
        min={0}
        onCommit={(max) => onChange({ ...axis, max })}
      />
      <NumberField
        label={`${name} count`}
        value={axis.count}
        min={1}
        max={12}
        integer
        onCommit={(count) => onChange({ ...axis, count })}
      />
      <label>
        <input
          type="checkbox"
          checked={axis.withZero}
          onChange={(e) => onChange({ ...axis, withZero: e.currentTarget.checked })}
        />{' '}
        add 0
      </label>
      <span className="muted" data-testid={`sweep-${name === 'λ' ? 'lambdas' : 'gammas'}`}>
        {axis.min > 0 && axis.max >= axis.min
          ? axisValues(axis)
              .map((v) => fmt(v))
              .join(', ')
          : '—'}
      </span>
    </fieldset>
  );
}

export function SweepPanel() {
  const lab = useController();
  const sw = useLab((s) => s.sweep);
  const activeId = useLab((s) => s.activeId);
  const canRun = useLab((s) => s.teacher.status === 'ready' && s.training.step > 0);
  const mine = sw.datasetId === activeId;
  const { lambdas, gammas, runs, selected, loaded } = sw;
  const figs = useMemo(() => {
    const d = { lambdas, gammas, runs, selected, loaded };
    return { heat: sweepHeatmapFigure(d), pareto: paretoFigure(d) };
  }, [lambdas, gammas, runs, selected, loaded]);
  const live = sw.status === 'running' || sw.status === 'stopping';
  const total = lambdas.length * gammas.length;
  const p = sw.progress;
  const best = runs.find((r) => r.index === selected);
  const loadedRun = runs.find((r) => r.index === loaded);
  const metric = sweepMetric(runs);
  const set = lab.jobs.setSweepSettings.bind(lab.jobs);
  return (
    <Panel title="λ×γ sweep" id="sweep" className="wide">
      <p className="muted">
        Each run trains from the run’s initial filter for a few epochs, warm-started along awave’s path; the
        best validation metric is selected. Live training waits while the sweep runs and continues afterwards.
      </p>
      <AxisFields name="λ" axis={sw.settings.lambda} onChange={(lambda) => set({ lambda })} />
      <AxisFields name="γ" axis={sw.settings.gamma} onChange={(gamma) => set({ gamma })} />
      <div className="row">
        <NumberField
          label="epochs per run"
          value={sw.settings.epochs}
          min={1}
          max={1000}
          integer
          onCommit={(epochs) => set({ epochs })}
        />
        <label>
          <input
            type="checkbox"
            checked={sw.settings.warmStart}
            onChange={(e) => set({ warmStart: e.currentTarget.checked })}
          />{' '}
          warm start
        </label>
      </div>
      <div className="buttons">
        <button type="button" disabled={!canRun || live} onClick={() => lab.jobs.startSweep()}>
          Start sweep
        </button>
        <button type="button" disabled={sw.status !== 'running'} onClick={() => lab.jobs.stopSweep()}>
          Stop sweep
        </button>
        <span data-testid="sweep-status" data-status={sw.status} aria-live="polite">
          {sw.status}
          {mine && total > 0 && ` · ${runs.length}/${total} runs`}
          {live &&
            p &&
            ` · run ${p.index + 1}: λ = ${fmt(p.lambda)}, γ = ${fmt(p.gamma)}, step ${p.step}/${p.totalSteps}`}
          {!live && sw.ms !== null && ` · ${fmt(sw.ms / 1000)} s`}
        </span>
      </div>
      {sw.error && (
        <p role="alert" className="error">
          {sw.error}
        </p>
      )}
      {mine && total > 0 && (
        <>
          <p data-testid="sweep-selected">
            {best
              ? `Best validation ${metric}: ${fmt(best.validation!.value, 4)} at λ = ${fmt(best.lambda)}, γ = ${fmt(best.gamma)} (run ${best.index})`
              : 'No run selected yet.'}
          </p>
          {loadedRun && (
            <p className="muted">
              Loaded run {loadedRun.index} (λ = {fmt(loadedRun.lambda)}, γ = {fmt(loadedRun.gamma)}) into the
              lab: h0 ={' '}
              <code data-testid="sweep-loaded-h0" data-h0={JSON.stringify(loadedRun.h0)}>
                [{loadedRun.h0.map((v) => fmt(v, 4)).join(', ')}]
              </code>
            </p>
          )}
          <div className="sweep-grid">
            <Plot
              figure={figs.heat}
              label="validation metric over the λ×γ grid"
              height={260}
              onPointClick={(p) => {
                const i = runAtCell({ lambdas, gammas, runs }, p.x, p.y);
                if (i !== null) lab.jobs.loadRun(i);
              }}
            />
            <Plot
              figure={figs.pareto}
              label="Pareto view: reconstruction vs attribution sparsity"
              height={260}
            />
          </div>
          <SweepGrid
            lambdas={lambdas}
            gammas={gammas}
            runs={runs}
            selected={selected}
            loaded={loaded}
            onLoad={(i) => lab.jobs.loadRun(i)}
          />
        </>
      )}
    </Panel>
  );
}
