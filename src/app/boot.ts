// Starting the lab: config from the URL hash, then either the saved session (IndexedDB) or the demo.
import type { ActiveBackend } from '../protocol/messages.ts';
import type { LabClient } from './lab.ts';
import { recallAuto, type KeyValue } from './backendMemo.ts';
import { adoptMeasurement, measureBackends, PROVISIONAL_BACKEND, type ProbeClient } from './backendProbe.ts';
import { LabController } from './lab.ts';
import { createLabStore } from './store/index.ts';
import { DEMO_DATASET_ID } from './store/configSlice.ts';
import { hashToConfig } from './urlHash.ts';

export interface BootOptions {
  client: LabClient & { send: LabClient['send'] };
  hash: string;
  tourSeen: boolean;
  /** Where the auto-chosen backend is remembered (localStorage in the page). */
  storage?: KeyValue | null;
  /** A second worker to measure the backends in while training starts (first visit with 'auto'). */
  probe?: () => ProbeClient;
}

/** Builds the store and controller; the caller opens data (see {@link openInitial}). */
export function createLab(o: BootOptions): LabController {
  const h = hashToConfig(o.hash);
  const store = createLabStore({ config: h.config, datasetId: h.datasetId ?? DEMO_DATASET_ID }, o.tourSeen);
  if (h.errors.length) store.setState({ uploadError: h.errors.join('; ') });
  const memo = h.config.backend === 'auto' ? recallAuto(o.storage ?? null) : null;
  const probe = h.config.backend === 'auto' && !memo ? o.probe : undefined;
  const note = (text: string) => store.setState((s) => ({ training: { ...s.training, backendNote: text } }));
  if (memo) note(`auto: remembered from an earlier measurement (${memo.reason})`);
  if (probe)
    note(`auto: training on ${PROVISIONAL_BACKEND} while every backend is measured in the background`);
  o.client.send({
    type: 'setBackend',
    backend: memo?.backend ?? (probe ? PROVISIONAL_BACKEND : h.config.backend),
  });
  const lab = new LabController(store, o.client, o.storage ?? null);
  if (probe) {
    const target = {
      choice: () => store.getState().config.backend,
      active: () => store.getState().training.backend?.backend ?? null,
      note,
      switchTo: (backend: ActiveBackend) => o.client.send({ type: 'setBackend', backend }),
    };
    void measureBackends(probe()).then((ev) => adoptMeasurement(ev, target, o.storage ?? null));
  }
  return lab;
}

/** Opens the dataset the link names (a built-in), else the demo. */
export function openInitial(lab: LabController): void {
  const id = lab.store.getState().datasetId;
  if (!lab.openBuiltin(id)) {
    lab.setUploadError(`link: no built-in dataset "${id}"; opened the demo instead`);
    lab.openBuiltin(DEMO_DATASET_ID);
  }
}

/** What IndexedDB holds ({@link LabDb.loadRun}). */
export type Saved = Parameters<LabController['resume']>[0];

/**
 * Resumes the saved lab unless the URL asks for something else: a link whose config differs from the
 * saved run's starts that run fresh (a shared link must reproduce the run, not the receiver's state).
 */
export function resumeOrOpen(lab: LabController, saved: Saved | null, hash: string): 'resumed' | 'opened' {
  const h = hashToConfig(hash);
  const run = saved?.run;
  const linkWins =
    hash.replace(/^#/, '') !== '' &&
    !!run &&
    (JSON.stringify(h.config) !== JSON.stringify(run.session.config) ||
      (h.datasetId !== null && h.datasetId !== run.activeId && h.datasetId.startsWith('builtin:')));
  if (saved && !linkWins && lab.resume(saved)) return 'resumed';
  openInitial(lab);
  return 'opened';
}
