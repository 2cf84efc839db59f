// The learned wavelet: taps, cascade functions now vs initial, frequency response with the CMF
// identity, validity meters, and the distance travelled from the initial wavelet.
import { useMemo } from 'react';
import { Panel } from '../controls/fields.tsx';
import { useLab } from '../LabContext.tsx';
import { fmt, lazyFigure } from '../plot/figures/common.ts';
import { distanceFigure, freqFigure, tapsFigure, wavefunFigure } from '../plot/figures/wavelet.ts';
import { Plot } from '../plot/Plot.tsx';
import { ExportWavelet } from './ExportWavelet.tsx';
import { isWavelet, validityMeters } from './validity.ts';

export function WaveletPanel() {
  const snap = useLab((s) => s.results.snapshot);
  const initialH0 = useLab((s) => s.results.initialH0);
  const initialWf = useLab((s) => s.results.initialWavefun);
  const distance = useLab((s) => s.results.distance);
  const rec = useLab((s) => s.training.records.at(-1)?.terms.rec ?? null);
  const figs = useMemo(() => {
    if (!snap) return null;
    return {
      taps: lazyFigure(() => tapsFigure({ h0: snap.h0, initialH0 })),
      wf: lazyFigure(() =>
        wavefunFigure({ x: snap.wavefunX, phi: snap.phi, psi: snap.psi, initial: initialWf }),
      ),
      freq: lazyFigure(() => freqFigure({ h0: snap.h0 })),
    };
  }, [snap, initialH0, initialWf]);
  const dist = useMemo(() => lazyFigure(() => distanceFigure(distance)), [distance]);
  const meters = useMemo(() => (snap ? validityMeters(snap.h0, rec) : []), [snap, rec]);
  return (
    <Panel title="Wavelet" id="wavelet" className="wide" actions={<ExportWavelet />}>
      {!figs ? (
        <p className="muted">The wavelet appears when the run starts.</p>
      ) : (
        <div className="wavelet-grid">
          <Plot figure={figs.taps} label="filter taps h0 and g" />
          <Plot figure={figs.wf} label="scaling function and wavelet, now and initial" />
          <Plot figure={figs.freq} label="frequency response with the CMF identity" />
          <div className="meters">
            <h3>
              Is it still a wavelet?{' '}
              <strong data-testid="is-wavelet">{isWavelet(meters) ? 'yes' : 'not yet'}</strong>
            </h3>
            <ul>
              {meters.map((m) => (
                <li key={m.key}>
                  <label>
                    <span>
                      {m.key === 'rec' ? m.label : `${m.key}: ${m.label}`} <code>{fmt(m.value)}</code>
                    </span>
                    <meter
                      min={0}
                      max={1}
                      low={0.3}
                      high={0.6}
                      optimum={0}
                      value={m.badness}
                      aria-label={`${m.key} ${m.label}`}
                    />
                  </label>
                </li>
              ))}
            </ul>
          </div>
          <Plot figure={dist} label="distance to the initial wavelet" height={180} />
        </div>
      )}
    </Panel>
  );
}
