// Composition root of verify.html (see src/main.tsx): a worker client with the lazy main-thread fallback.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { WorkerClient } from '../app/workerClient.ts';
import { VerifyPage } from '../ui/verify/VerifyPage.tsx';

const client = new WorkerClient({
  fallback: () => import('../worker/mainThread.ts').then((m) => m.spawnMainThreadEngine()),
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <VerifyPage client={client} />
  </StrictMode>,
);
