// Exports of the learned wavelet (JSON, Python) and of the whole session, and the session re-import.
import { useRef, useState } from 'react';
import { downloadText } from '../../app/download.ts';
import { parseSession, sessionExport } from '../../app/export/session.ts';
import { pythonSnippet, waveletExport } from '../../app/export/wavelet.ts';
import { useController, useLab } from '../LabContext.tsx';

export function ExportWavelet() {
  const lab = useController();
  const snap = useLab((s) => s.results.snapshot);
  const input = useRef<HTMLInputElement>(null);
  const [msg, setMsg] = useState<string | null>(null);
  const current = () => {
    const s = lab.store.getState();
    const d = s.datasets.find((x) => x.id === s.activeId);
    return {
      s,
      w: snap ? waveletExport(snap.h0, s.config, s.training.step, d?.name ?? '') : null,
      twoD: d?.kind === '2d',
    };
  };
  return (
    <div className="exports" role="group" aria-label="Export">
      <button
        type="button"
        disabled={!snap}
        onClick={() => {
          const { w } = current();
          if (w) downloadText('awd-wavelet.json', JSON.stringify(w, null, 2));
        }}
      >
        Wavelet JSON
      </button>
      <button
        type="button"
        disabled={!snap}
        onClick={() => {
          const { w, twoD } = current();
          if (w) downloadText('awd_wavelet.py', pythonSnippet(w, twoD), 'text/x-python');
        }}
      >
        Python
      </button>
      <button
        type="button"
        onClick={() => downloadText('awd-session.json', JSON.stringify(sessionExport(current().s)))}
      >
        Session
      </button>
      <button type="button" onClick={() => input.current?.click()}>
        Import session…
      </button>
      <input
        ref={input}
        type="file"
        accept=".json,application/json"
        hidden
        aria-label="Session file to import"
        data-testid="session-input"
        onChange={async (e) => {
          const f = e.currentTarget.files?.[0];
          e.currentTarget.value = '';
          if (!f) return;
          try {
            lab.importSession(parseSession(await f.text()));
            setMsg(`imported ${f.name}`);
          } catch (err) {
            setMsg(err instanceof Error ? err.message : String(err));
          }
        }}
      />
      {msg && (
        <span role="status" className="muted">
          {msg}
        </span>
      )}
    </div>
  );
}
