// Composition root of the lab page: the one place that knows both the client (src/app) and the
// main-thread fallback engine (src/worker), which it injects lazily so tfjs stays in the worker bundle.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createLab, resumeOrOpen } from './app/boot.ts';
import { syncHash } from './app/hashSync.ts';
import { LabDb } from './app/persist/db.ts';
import { persistLab } from './app/persist/persist.ts';
import { isSmallMachine } from './protocol/machine.ts';
import { WorkerClient } from './app/workerClient.ts';
import { App } from './ui/App.tsx';
import { LabContext } from './ui/LabContext.tsx';
import { setDrawHooks, setDrawShare } from './ui/plot/scheduler.ts';
import { TOUR_KEY } from './ui/Tour.tsx';
import './ui/styles.css';

const client = new WorkerClient({
  fallback: () => import('./worker/mainThread.ts').then((m) => m.spawnMainThreadEngine()),
});

function tourSeen(): boolean {
  try {
    return localStorage.getItem(TOUR_KEY) === '1';
  } catch {
    return false;
  }
}

const hash = location.hash;
function storage(): Storage | null {
  try {
    return localStorage;
  } catch {
    return null;
  }
}

/** Resolves when the worker says training has paused (uiHeld), or after `ms` whatever it says. */
function paused(ms: number): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      off();
      clearTimeout(timer);
      resolve();
    };
    const off = client.subscribe((ev) => ev.type === 'uiHeld' && done());
    const timer = setTimeout(done, ms);
  });
}

// The probe worker gets no main-thread fallback: without Workers there is nothing to measure in parallel.
const probe = () => new WorkerClient({ maxRestarts: 0 });
const lab = createLab({ client, hash, tourSeen: tourSeen(), storage: storage(), probe });
// With ≤ 4 cores, training pauses between steps while plots redraw: sharing a core with the worker, a
// 15 ms redraw measured 50–140 ms (a long task); the pause costs training only the drawing time. A
// hold arriving mid-step starts after the step, so where steps are long (2-D: ~140 ms, longer than a
// draw) the first draw of a pause waits for the worker to say it has stopped: 2-D windows with a long
// task 4 of 20 vs 6 of 13, for ~25 % fewer steps. Short steps (1-D: ~8 ms) do not wait: there it only
// cost steps (1050–1530 vs 1380–2080 in 10 s) for windows with a long task 0 of 12 vs 1 of 45.
if (isSmallMachine(navigator.hardwareConcurrency)) {
  const longSteps = () => {
    const sps = lab.store.getState().training.stepsPerSecond;
    return sps > 0 && sps < 40;
  };
  setDrawHooks({
    before: (first) => {
      client.send({ type: 'uiHold', ms: 500 });
      return first && longSteps() ? paused(300) : undefined;
    },
    after: () => client.send({ type: 'uiRelease' }),
  });
  // Plots redraw about once a second while training (λ/γ moves still redraw at once, see
  // expediteDraws). On 2 vCPUs, against twice a second: 1230–1920 vs 1040–1320 steps in 10 s, and
  // windows with a long task 0 of 20 vs 1 of 20 (probe of lab-live; at four a second: 780–960 steps).
  setDrawShare(0.1);
}

const db = new LabDb();
db.loadRun()
  .catch((e: unknown) => {
    console.warn(`AWD Lab: IndexedDB unavailable, starting fresh: ${String(e)}`);
    return null;
  })
  .then((saved) => {
    resumeOrOpen(lab, saved, hash);
    syncHash(lab);
    persistLab(lab, db);
  });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LabContext.Provider value={lab}>
      <App />
    </LabContext.Provider>
  </StrictMode>,
);
