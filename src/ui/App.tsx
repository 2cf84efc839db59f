// A minimal shell until the lab UI lands: what this is, which backend the worker chose and why, and the
// way to check an installation against the reference numbers.
import type { WorkerClient } from '../app/workerClient.ts';
import { useWorkerReady } from './useWorkerReady.ts';

export function App({ client }: { client: WorkerClient }) {
  const ready = useWorkerReady(client);
  return (
    <main
      style={{ fontFamily: 'system-ui, sans-serif', maxWidth: 760, margin: '2rem auto', padding: '0 1rem' }}
    >
      <h1>AWD Lab</h1>
      <p>Distil a trained neural network into an adaptive wavelet (AWD), in your browser.</p>
      <p>
        Backend: <strong data-testid="backend">{ready ? ready.backend : 'choosing…'}</strong>
        {ready && (
          <span data-testid="backend-reason" style={{ color: '#555' }}>
            {' '}
            — {ready.reason}
            {client.mode === 'main-thread' ? ' (main thread: Web Workers unavailable)' : ''}
          </span>
        )}
      </p>
      <p>
        <a href="./verify.html">Verify installation</a>
      </p>
    </main>
  );
}
