// TRIM: where in scale (and time/space) the teacher's prediction comes from, for the selected sample:
// per-scale coefficients or attributions, their per-scale totals, and the sample's reconstruction.
import { useId, useMemo } from 'react';
import { Panel } from '../controls/fields.tsx';
import { useController, useLab } from '../LabContext.tsx';
import { bands1dFigure, bands2dFigure, scaleTotalsFigure } from '../plot/figures/bands.ts';
import { lazyFigure } from '../plot/figures/common.ts';
import { reconFigure } from '../plot/figures/sample.ts';
import { Plot } from '../plot/Plot.tsx';

export function AttributionsPanel() {
  const lab = useController();
  const snap = useLab((s) => s.results.snapshot);
  const bandView = useLab((s) => s.view.bandView);
  const sample = useLab((s) => s.view.sample);
  const nSamples = useLab((s) => s.training.samples);
  const sampleId = useId();
  const figs = useMemo(() => {
    if (!snap) return null;
    const values = bandView === 'attributions' ? snap.attributions : snap.coeffs;
    const twoD = snap.sampleShape.length === 2;
    const length = snap.sampleShape[0] ?? 1;
    return {
      bands: lazyFigure(() =>
        twoD
          ? bands2dFigure({ values, shapes: snap.shapes, fullShapes: snap.fullShapes })
          : bands1dFigure({ values, shapes: snap.shapes, fullShapes: snap.fullShapes, length }),
      ),
      totals: lazyFigure(() =>
        scaleTotalsFigure({ values, label: bandView === 'attributions' ? 'attribution' : 'coefficient' }),
      ),
      recon: lazyFigure(() => reconFigure({ x: snap.x, recon: snap.recon, shape: snap.sampleShape })),
      twoD,
    };
  }, [snap, bandView]);
  const setView = (v: 'coefficients' | 'attributions') =>
    lab.store.setState((s) => ({ view: { ...s.view, bandView: v } }));
  const go = (i: number) => nSamples > 0 && lab.selectSample(Math.min(nSamples - 1, Math.max(0, i)));
  return (
    <Panel
      title="Attributions (TRIM)"
      id="attributions"
      className="wide"
      actions={
        <div className="row">
          <div role="radiogroup" aria-label="Show per scale" className="seg">
            {(['attributions', 'coefficients'] as const).map((v) => (
              <label key={v}>
                <input type="radio" name="bandview" checked={bandView === v} onChange={() => setView(v)} />{' '}
                {v}
              </label>
            ))}
          </div>
          <label htmlFor={sampleId}>sample</label>
          <button type="button" aria-label="previous sample" onClick={() => go(sample - 1)}>
            ‹
          </button>
          <input
            id={sampleId}
            type="number"
            min={0}
            max={Math.max(0, nSamples - 1)}
            value={sample}
            onChange={(e) => go(Number(e.currentTarget.value))}
          />
          <button type="button" aria-label="next sample" onClick={() => go(sample + 1)}>
            ›
          </button>
          <span className="muted">of {nSamples} (training split)</span>
        </div>
      }
    >
      {!figs ? (
        <p className="muted">Attributions appear when the run starts.</p>
      ) : (
        <div className="attr-grid" data-step={snap?.step}>
          <Plot figure={figs.bands} label={`${bandView} per scale`} height={figs.twoD ? 360 : 300} />
          <div>
            <Plot figure={figs.totals} label={`total ${bandView} per scale`} height={150} />
            <Plot
              figure={figs.recon}
              label="selected sample, reconstruction and residual"
              height={figs.twoD ? 170 : 190}
            />
          </div>
        </div>
      )}
    </Panel>
  );
}
