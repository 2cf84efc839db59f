// The main-thread fallback when no Worker can be created: the same engine on one end of a
// MessageChannel, the other end dressed as a Worker for WorkerClient. Loaded only on demand (the entry
// dynamic-imports it), so tfjs stays out of the main bundle when workers work.
import type { WorkerLike } from '../protocol/endpoint.ts';
import { workerDeps } from './deps.ts';
import { createEngine } from './engine.ts';

export function spawnMainThreadEngine(): WorkerLike {
  const { port1, port2 } = new MessageChannel();
  createEngine(
    {
      postMessage: (msg, transfer) => port1.postMessage(msg, transfer ?? []),
      addEventListener: (type, fn) => {
        port1.addEventListener(type, fn);
        port1.start();
      },
      close: () => port1.close(),
    },
    workerDeps(),
  );
  return {
    postMessage: (msg, transfer) => port2.postMessage(msg, transfer),
    addEventListener: (type, fn) => {
      port2.addEventListener(type, fn);
      port2.start();
    },
    terminate: () => {
      port2.postMessage({ type: 'dispose' });
      port2.close();
    },
  };
}
