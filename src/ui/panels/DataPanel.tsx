// Data: choose a built-in dataset or upload one (picker or drag-and-drop), see a preview, its shape and
// statistics, and the train/validation/test split.
import { useId, useMemo, useState } from 'react';
import { BUILTINS } from '../../app/builtins.ts';
import { datasetStats } from '../../app/store/dataSlice.ts';
import { dropEntries, filesFromEntries, visibleFiles } from '../../app/upload/folderFiles.ts';
import { uploadDataFiles } from '../../app/upload/upload.ts';
import type { LabelColumn } from '../../core/io/labeledTable.ts';
import { NumberField, Panel, SelectField } from '../controls/fields.tsx';
import { useController, useLab } from '../LabContext.tsx';
import { fmt } from '../plot/figures/common.ts';
import { mapFigure, seriesPreviewFigure } from '../plot/figures/sample.ts';
import { Plot } from '../plot/Plot.tsx';

const LABEL_CHOICES: { value: string; label: string }[] = [
  { value: 'auto', label: 'auto (named label/y/target, or text)' },
  { value: 'none', label: 'none' },
  { value: 'first', label: 'first column' },
  { value: 'last', label: 'last column' },
];

export function DataPanel() {
  const lab = useController();
  const datasets = useLab((s) => s.datasets);
  const activeId = useLab((s) => s.activeId);
  const uploadError = useLab((s) => s.uploadError);
  const busy = useLab((s) => s.busy);
  const split = useLab((s) => s.split);
  const active = datasets.find((d) => d.id === activeId) ?? null;
  const stats = useMemo(() => (active ? datasetStats(active) : null), [active]);
  const [labelCol, setLabelCol] = useState('auto');
  const [windowLength, setWindowLength] = useState(64);
  const [preview, setPreview] = useState(0);
  const [dragging, setDragging] = useState(false);
  const folderId = useId();
  const fileId = useId();
  const n = active?.shape[0] ?? 0;
  const first = Math.min(preview, Math.max(0, n - 1));
  const figure = useMemo(() => {
    if (!active) return null;
    if (active.kind === '2d') {
      const [, h, w] = active.shape as [number, number, number];
      return mapFigure({
        z: active.x.subarray(first * h * w, (first + 1) * h * w),
        rows: h,
        cols: w,
        name: `map ${first}`,
      });
    }
    const L = active.shape[1]!;
    const idx = Array.from({ length: Math.min(4, n - first) }, (_, i) => first + i);
    return seriesPreviewFigure({ x: active.x, length: L, indices: idx });
  }, [active, first, n]);

  const upload = (files: File[]) => {
    if (!files.length) return;
    void uploadDataFiles(lab, files, { labelColumn: labelCol as LabelColumn, windowLength });
  };
  const options = [
    ...BUILTINS.map((b) => ({ value: b.id, label: b.name })),
    ...datasets
      .filter((d) => d.source === 'upload')
      .map((d) => ({ value: d.id, label: `${d.name} (upload)` })),
  ];
  return (
    <Panel title="Data" id="data">
      <SelectField
        label="dataset"
        value={activeId ?? ''}
        options={activeId ? options : [{ value: '', label: 'loading…' }, ...options]}
        onChange={(id) => {
          const d = datasets.find((x) => x.id === id && x.source === 'upload');
          if (d) lab.useDataset(d);
          else lab.openBuiltin(id);
        }}
      />
      <div
        className={`dropzone${dragging ? ' over' : ''}`}
        data-testid="dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setDragging(true);
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={(e) => {
          e.preventDefault();
          setDragging(false);
          // Entries must be taken during the event; a dropped folder is walked afterwards.
          const entries = dropEntries(e.dataTransfer);
          if (entries?.some((x) => x.isDirectory)) void filesFromEntries(entries).then(upload);
          else upload(visibleFiles(e.dataTransfer.files));
        }}
      >
        <label htmlFor={fileId}>
          Upload data (CSV/TSV, NPY, PNG/JPEG, TIFF, FITS; several images + a labels CSV)
        </label>
        <input
          id={fileId}
          type="file"
          multiple
          onChange={(e) => (upload([...(e.currentTarget.files ?? [])]), (e.currentTarget.value = ''))}
        />
        <label htmlFor={folderId}>or a folder</label>
        <input
          id={folderId}
          type="file"
          // React does not know the attribute; every current browser supports it.
          ref={(el) => el?.setAttribute('webkitdirectory', '')}
          onChange={(e) => (upload(visibleFiles(e.currentTarget.files ?? [])), (e.currentTarget.value = ''))}
        />
        <span className="muted">or drop files or a folder here</span>
      </div>
      <div className="row">
        <SelectField label="label column" value={labelCol} options={LABEL_CHOICES} onChange={setLabelCol} />
        <NumberField
          label="window length (one long series)"
          value={windowLength}
          min={2}
          integer
          onCommit={setWindowLength}
        />
      </div>
      {busy && <p role="status">{busy}</p>}
      {uploadError && (
        <p role="alert" className="error" data-testid="upload-error">
          {uploadError}
        </p>
      )}
      {active && stats && (
        <>
          <p className="muted" data-testid="dataset-name">
            <strong>{active.name}</strong> — {active.description}
          </p>
          <p data-testid="dataset-shape">
            {stats.n} samples × {stats.sampleShape.join('×')} · min {fmt(stats.min)} · max {fmt(stats.max)} ·
            mean {fmt(stats.mean)} · std {fmt(stats.std)} · {stats.labels}
          </p>
          <NumberField
            label={active.kind === '2d' ? 'map shown' : 'first series shown'}
            value={first}
            min={0}
            max={n - 1}
            integer
            onCommit={setPreview}
          />
          {figure && (
            <Plot
              figure={figure}
              label="data preview"
              height={active.kind === '2d' ? 220 : 180}
              minIntervalMs={0}
            />
          )}
          <fieldset className="row">
            <legend>Split (teacher: train + validation; wavelet: train; test held out)</legend>
            <NumberField
              label="validation"
              value={split.val}
              min={0.05}
              max={0.45}
              onCommit={(val) => lab.setSplit({ val })}
            />
            <NumberField
              label="test"
              value={split.test}
              min={0.05}
              max={0.45}
              onCommit={(test) => lab.setSplit({ test })}
            />
            <NumberField
              label="split seed"
              value={split.seed}
              min={0}
              integer
              onCommit={(seed) => lab.setSplit({ seed })}
            />
          </fieldset>
        </>
      )}
    </Panel>
  );
}
