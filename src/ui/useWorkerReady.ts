// The worker's latest backend report as React state (useSyncExternalStore over the client).
import { useCallback, useSyncExternalStore } from 'react';
import type { WorkerClient } from '../app/workerClient.ts';
import type { ReadyEvent } from '../protocol/messages.ts';

export function useWorkerReady(client: WorkerClient): ReadyEvent | null {
  const subscribe = useCallback(
    (notify: () => void) => client.subscribe((ev) => ev.type === 'ready' && notify()),
    [client],
  );
  return useSyncExternalStore(subscribe, () => client.lastReady);
}
