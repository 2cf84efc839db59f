// The lab page: header, first-visit hints, the controls column and the panels.
import { AttributionsPanel } from './panels/AttributionsPanel.tsx';
import { ControlsPanel } from './panels/ControlsPanel.tsx';
import { DataPanel } from './panels/DataPanel.tsx';
import { EvaluationPanel } from './panels/EvaluationPanel.tsx';
import { LossesPanel } from './panels/LossesPanel.tsx';
import { SweepPanel } from './panels/SweepPanel.tsx';
import { TeacherPanel } from './panels/TeacherPanel.tsx';
import { WaveletPanel } from './panels/WaveletPanel.tsx';
import { Tour } from './Tour.tsx';
import { useLab } from './LabContext.tsx';

export function App() {
  const error = useLab((s) => s.training.error);
  return (
    <div className="lab">
      <header className="lab-head">
        <h1>AWD Lab</h1>
        <p className="muted">
          Distil a trained neural network into an adaptive wavelet (AWD), in your browser. Your data never
          leaves this machine.
        </p>
        <a href="./verify.html">Verify installation</a>
      </header>
      <Tour />
      {error && (
        <p role="alert" className="error banner" data-testid="run-error">
          {error}
        </p>
      )}
      <div className="lab-body">
        <ControlsPanel />
        <main className="panels">
          <DataPanel />
          <TeacherPanel />
          <LossesPanel />
          <WaveletPanel />
          <AttributionsPanel />
          <EvaluationPanel />
          <SweepPanel />
        </main>
      </div>
    </div>
  );
}
