// Composition root of the lab page: the one place that knows both the client (src/app) and the
// main-thread fallback engine (src/worker), which it injects lazily so tfjs stays in the worker bundle.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { WorkerClient } from './app/workerClient.ts';
import { App } from './ui/App.tsx';

const client = new WorkerClient({
  fallback: () => import('./worker/mainThread.ts').then((m) => m.spawnMainThreadEngine()),
});
// Choose the backend at start-up, so the page can say which one runs and why.
client.send({ type: 'setBackend', backend: 'auto' });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App client={client} />
  </StrictMode>,
);
