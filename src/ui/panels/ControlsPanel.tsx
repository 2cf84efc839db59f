// Every run setting in one column. λ/γ apply live (warm start); J, mode, attribution and batch size
// rebuild from the current filter; the initial wavelet, noise and seed start over (the worker decides:
// src/worker/configPatch.ts).
import { useMemo } from 'react';
import { waveletNames } from '../../core/wavelets.ts';
import { ATTRIBUTIONS, BACKENDS, TRAIN_MODES } from '../../protocol/config.ts';
import { LogSlider } from '../controls/LogSlider.tsx';
import { NumberField, Panel, SelectField } from '../controls/fields.tsx';
import { useController, useLab } from '../LabContext.tsx';
import { expediteDraws } from '../plot/scheduler.ts';

export function ControlsPanel() {
  const lab = useController();
  const config = useLab((s) => s.config);
  const status = useLab((s) => s.training.status);
  const backend = useLab((s) => s.training.backend);
  const engineMode = useLab((s) => s.training.engineMode);
  const backendNote = useLab((s) => s.training.backendNote);
  const wavelets = useMemo(() => waveletNames(), []);
  const training = status === 'training';
  return (
    <Panel title="Controls" id="controls" className="controls">
      <div className="buttons" role="group" aria-label="Training">
        <button type="button" onClick={() => (training ? lab.pause() : lab.play())} aria-pressed={training}>
          {training ? 'Pause' : 'Play'}
        </button>
        <button type="button" onClick={() => lab.step(1)} disabled={training}>
          Step
        </button>
        <button type="button" onClick={() => lab.reset()}>
          Reset
        </button>
      </div>
      <LogSlider
        label="lambda"
        symbol="λ"
        value={config.lambda}
        onChange={(lambda) => {
          expediteDraws();
          lab.setWeights({ lambda });
        }}
        hint="λ weights the sparsity of the wavelet coefficients (‖Ψx‖₁)"
      />
      <LogSlider
        label="gamma"
        symbol="γ"
        value={config.gamma}
        onChange={(gamma) => {
          expediteDraws();
          lab.setWeights({ gamma });
        }}
        hint="γ weights the sparsity of the teacher's attributions on the wavelet coefficients"
      />
      <fieldset>
        <legend>Initial wavelet (restarts)</legend>
        <SelectField
          label="wavelet"
          value={config.wavelet}
          options={wavelets}
          onChange={(wavelet) => lab.setConfig({ wavelet })}
        />
        <NumberField
          label="noise"
          value={config.noise}
          min={0}
          onCommit={(noise) => lab.setConfig({ noise })}
        />
        <NumberField
          label="seed"
          value={config.seed}
          min={0}
          integer
          onCommit={(seed) => lab.setConfig({ seed })}
        />
      </fieldset>
      <fieldset>
        <legend>Transform and training (keep the filter)</legend>
        <NumberField
          label="J (levels)"
          value={config.level}
          min={1}
          max={16}
          integer
          onCommit={(level) => lab.setConfig({ level })}
        />
        <SelectField
          label="mode"
          value={config.mode}
          options={TRAIN_MODES}
          onChange={(mode) => lab.setConfig({ mode })}
        />
        <SelectField
          label="attribution"
          value={config.attribution}
          options={ATTRIBUTIONS}
          onChange={(attribution) => lab.setConfig({ attribution })}
        />
        <NumberField
          label="learning rate"
          value={config.lr}
          min={1e-8}
          onCommit={(lr) => lab.setConfig({ lr })}
        />
        <NumberField
          label="batch size (0 = all)"
          value={config.batchSize}
          min={0}
          integer
          onCommit={(batchSize) => lab.setConfig({ batchSize })}
        />
        <NumberField
          label="epochs (0 = until paused)"
          value={config.epochs}
          min={0}
          integer
          onCommit={(epochs) => lab.setConfig({ epochs })}
        />
      </fieldset>
      <SelectField
        label="backend"
        value={config.backend}
        options={BACKENDS}
        onChange={(b) => lab.setBackend(b)}
      />
      <p className="backend-line">
        Active: <strong data-testid="backend">{backend ? backend.backend : 'choosing…'}</strong>
        {backend && (
          <span data-testid="backend-reason" className="muted">
            {' '}
            — {backend.reason}
            {engineMode === 'main-thread' ? ' (main thread: Web Workers unavailable)' : ''}
          </span>
        )}
        {backend && backendNote && <span className="muted"> — {backendNote}</span>}
      </p>
    </Panel>
  );
}
