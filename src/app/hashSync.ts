// Keeps the URL hash and the store's config in step: every config change rewrites the hash (replaceState,
// so the back button is not flooded); a pasted or edited link (hashchange) applies its config to the run.
import type { AwdConfig } from '../protocol/config.ts';
import type { LabController } from './lab.ts';
import { configToHash, hashToConfig } from './urlHash.ts';

export function syncHash(lab: LabController, win: Window = window): () => void {
  const write = () => {
    const s = lab.store.getState();
    const hash = configToHash(s.config, s.datasetId);
    if (win.location.hash !== hash) win.history.replaceState(null, '', hash);
  };
  const unsub = lab.store.subscribe((s, prev) => {
    if (s.config !== prev.config || s.datasetId !== prev.datasetId) write();
  });
  const onHash = () => {
    const h = hashToConfig(win.location.hash);
    const s = lab.store.getState();
    if (h.datasetId && h.datasetId !== s.datasetId) lab.openBuiltin(h.datasetId);
    const patch: Partial<AwdConfig> = {};
    for (const k of Object.keys(h.config) as (keyof AwdConfig)[])
      if (JSON.stringify(h.config[k]) !== JSON.stringify(s.config[k]))
        (patch as Record<string, unknown>)[k] = h.config[k];
    const { lambda, gamma, ...rest } = patch;
    if (lambda !== undefined || gamma !== undefined)
      lab.setWeights({
        ...(lambda !== undefined ? { lambda } : {}),
        ...(gamma !== undefined ? { gamma } : {}),
      });
    if (Object.keys(rest).length) lab.setConfig(rest);
  };
  win.addEventListener('hashchange', onHash);
  write();
  return () => {
    unsub();
    win.removeEventListener('hashchange', onHash);
  };
}
