// Starting the lab: config from the URL hash, then either the saved session (IndexedDB) or the demo.
import type { LabClient } from './lab.ts';
import { LabController } from './lab.ts';
import { createLabStore } from './store/index.ts';
import { DEMO_DATASET_ID } from './store/configSlice.ts';
import { hashToConfig } from './urlHash.ts';

export interface BootOptions {
  client: LabClient & { send: LabClient['send'] };
  hash: string;
  tourSeen: boolean;
}

/** Builds the store and controller; the caller opens data (see {@link openInitial}). */
export function createLab(o: BootOptions): LabController {
  const h = hashToConfig(o.hash);
  const store = createLabStore({ config: h.config, datasetId: h.datasetId ?? DEMO_DATASET_ID }, o.tourSeen);
  if (h.errors.length) store.setState({ uploadError: h.errors.join('; ') });
  o.client.send({ type: 'setBackend', backend: h.config.backend });
  return new LabController(store, o.client);
}

/** Opens the dataset the link names (a built-in), else the demo. */
export function openInitial(lab: LabController): void {
  const id = lab.store.getState().datasetId;
  if (!lab.openBuiltin(id)) {
    lab.setUploadError(`link: no built-in dataset "${id}"; opened the demo instead`);
    lab.openBuiltin(DEMO_DATASET_ID);
  }
}
