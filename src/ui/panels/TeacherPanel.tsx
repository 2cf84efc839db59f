// Teacher: train one in the worker (architecture, epochs; live loss) or import a TF.js Layers model;
// its held-out metric and the second-order compatibility verdict (can it serve the γ term?).
import { useMemo, useState } from 'react';
import { uploadTeacherFiles } from '../../app/upload/upload.ts';
import { downloadText } from '../../app/download.ts';
import { NumberField, Panel, SelectField } from '../controls/fields.tsx';
import { useController, useLab } from '../LabContext.tsx';
import { fmt } from '../plot/figures/common.ts';
import { teacherLossFigure } from '../plot/figures/losses.ts';
import { Plot } from '../plot/Plot.tsx';

const ARCHS_1D = [
  { value: 'mlp1d', label: 'MLP (dense 32-32)' },
  { value: 'cnn1d', label: '1-D CNN' },
  { value: 'lstm', label: 'LSTM' },
] as const;
const ARCHS_2D = [{ value: 'cnn2d', label: '2-D CNN' }] as const;

export function TeacherPanel() {
  const lab = useController();
  const t = useLab((s) => s.teacher);
  const kind = useLab((s) => s.datasets.find((d) => d.id === s.activeId)?.kind ?? '1d');
  const hasLabels = useLab((s) => !!s.datasets.find((d) => d.id === s.activeId)?.y);
  const [importMsg, setImportMsg] = useState<string | null>(null);
  const figure = useMemo(() => teacherLossFigure(t.history), [t.history]);
  const archs = kind === '2d' ? ARCHS_2D : ARCHS_1D;
  return (
    <Panel title="Teacher" id="teacher">
      <div className="row">
        <SelectField
          label="architecture"
          value={t.options.arch}
          options={archs}
          onChange={(arch) => lab.setTeacherOptions({ arch })}
        />
        <NumberField
          label="epochs"
          value={t.options.epochs}
          min={1}
          max={1000}
          integer
          onCommit={(epochs) => lab.setTeacherOptions({ epochs })}
        />
      </div>
      <div className="buttons">
        <button
          type="button"
          disabled={!hasLabels || t.status === 'training' || t.status === 'checking'}
          onClick={() => lab.trainTeacher()}
        >
          Train teacher
        </button>
        <button type="button" disabled={t.status !== 'training'} onClick={() => lab.stopTeacher()}>
          Stop
        </button>
        <label className="file-button">
          Import model.json + weights
          <input
            type="file"
            multiple
            accept=".json,.bin"
            aria-label="Import a TF.js model: model.json and its weight files"
            onChange={async (e) => {
              const files = [...(e.currentTarget.files ?? [])];
              e.currentTarget.value = '';
              if (files.length) setImportMsg(await uploadTeacherFiles(lab, files));
            }}
          />
        </label>
        <button
          type="button"
          disabled={!t.artifacts}
          onClick={() =>
            t.artifacts && downloadText('teacher-model.json', JSON.stringify(t.artifacts.modelJson))
          }
          title="The topology and weight manifest; the weights stay in this browser"
        >
          Save model.json
        </button>
      </div>
      <p data-testid="teacher-status">
        <strong>
          {t.status === 'training' ? 'training…' : t.status === 'checking' ? 'checking…' : t.status}
        </strong>
        {t.source && ` (${t.source})`}
        {t.history.length > 0 &&
          ` · epoch ${t.history.at(-1)!.epoch} · val loss ${fmt(t.history.at(-1)!.valLoss)}`}
        {t.metric && (
          <>
            {' '}
            · held-out{' '}
            <span data-testid="teacher-metric">
              {t.metric.name} = {fmt(t.metric.value)}
            </span>
          </>
        )}
      </p>
      {t.note && <p className="muted">{t.note}</p>}
      {t.verdict && (
        <p className={t.verdict.ok ? 'ok' : 'warn'} data-testid="teacher-verdict">
          {t.verdict.ok ? '✓ ' : '⚠ '}
          {t.verdict.summary}
          {t.verdict.problems.length > 0 && <span className="muted"> — {t.verdict.problems.join('; ')}</span>}
        </p>
      )}
      {(t.error || importMsg) && (
        <p role="alert" className="error">
          {importMsg ?? t.error}
        </p>
      )}
      <Plot figure={figure} label="teacher loss per epoch" height={170} />
    </Panel>
  );
}
