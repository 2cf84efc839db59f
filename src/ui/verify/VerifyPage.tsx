// "Verify installation": upload ../shared/reference/awd_loss.json and its teacher files, pick a backend,
// and the worker recomputes awave's loss terms and d total / d h0 for every case on that backend.
import { useEffect, useState } from 'react';
import type { WorkerClient } from '../../app/workerClient.ts';
import { BACKENDS, type BackendChoice } from '../../protocol/config.ts';
import type { ReadyEvent } from '../../protocol/messages.ts';
import { VERIFY_TOLERANCE, type ReferenceCaseResult } from '../../protocol/reference.ts';
import { ResultsTable } from './ResultsTable.tsx';
import { classifyUploads, readFiles, type VerifyInputs } from './uploads.ts';
import './verify.css';

export function VerifyPage({ client }: { client: WorkerClient }) {
  const [inputs, setInputs] = useState<VerifyInputs | null>(null);
  const [backend, setBackend] = useState<BackendChoice>('auto');
  const [running, setRunning] = useState(false);
  const [ready, setReady] = useState<ReadyEvent | null>(client.lastReady);
  const [results, setResults] = useState<ReferenceCaseResult[]>([]);
  const [summary, setSummary] = useState('');
  const [error, setError] = useState('');

  useEffect(
    () =>
      client.subscribe((ev) => {
        switch (ev.type) {
          case 'ready':
            setReady(ev);
            break;
          case 'referenceResult': {
            const pass = ev.results.filter((r) => r.pass).length;
            setResults((old) => [...old, ...ev.results]);
            setSummary(`${pass}/${ev.results.length} PASS on ${ev.backend} (${(ev.ms / 1000).toFixed(1)} s)`);
            setRunning(false);
            break;
          }
          case 'error':
            setError(`${ev.code}: ${ev.message}`);
            if (!ev.recoverable || ev.command === 'runReferenceCases' || ev.code === 'backend')
              setRunning(false);
            break;
          default:
            break; // training events do not concern this page
        }
      }),
    [client],
  );

  const onFiles = async (list: FileList | null) => {
    setInputs(list ? classifyUploads(await readFiles([...list])) : null);
  };

  const run = () => {
    if (!inputs?.cases.length) return;
    setRunning(true);
    setError('');
    setSummary('');
    client.send({ type: 'setBackend', backend });
    client.send({
      type: 'runReferenceCases',
      kind: 'awd_loss',
      cases: inputs.cases,
      teachers: inputs.teachers,
    });
  };

  return (
    <main className="verify">
      <h1>AWD Lab · Verify installation</h1>
      <p>
        Upload <code>awd_loss.json</code> with its teacher files (<code>teacher_*.json</code> and{' '}
        <code>*.weights.bin</code>) from the reference folder. Each case recomputes awave&apos;s AWD loss
        terms and the gradient d total/d h0 in the training worker; a case passes when every term is within{' '}
        {VERIFY_TOLERANCE.rel} relative (absolute floor {VERIFY_TOLERANCE.absFloor}) and the gradient within{' '}
        {VERIFY_TOLERANCE.gradRel} of its norm.
      </p>
      <div className="controls">
        <input
          type="file"
          multiple
          accept=".json,.bin"
          data-testid="files"
          onChange={(e) => void onFiles(e.target.files)}
        />
        <label>
          Backend{' '}
          <select
            data-testid="backend-select"
            value={backend}
            onChange={(e) => setBackend(e.target.value as BackendChoice)}
          >
            {BACKENDS.map((b) => (
              <option key={b} value={b}>
                {b}
              </option>
            ))}
          </select>
        </label>
        <button type="button" data-testid="run" disabled={running || !inputs?.cases.length} onClick={run}>
          {running ? 'Running…' : 'Run'}
        </button>
        <a href="./index.html">Back to the lab</a>
      </div>
      {inputs && (
        <ul data-testid="inputs">
          {inputs.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
          {inputs.problems.map((p) => (
            <li key={p} className="problem">
              {p}
            </li>
          ))}
        </ul>
      )}
      <p>
        Worker backend: <strong data-testid="worker-backend">{ready ? ready.backend : '—'}</strong>
        {ready && <span data-testid="worker-reason"> — {ready.reason}</span>} (engine in the{' '}
        <span data-testid="engine-mode">{client.mode}</span>)
      </p>
      {summary && <p data-testid="summary">{summary}</p>}
      {error && (
        <p className="problem" data-testid="error">
          {error}
        </p>
      )}
      <ResultsTable results={results} tol={VERIFY_TOLERANCE} />
    </main>
  );
}
