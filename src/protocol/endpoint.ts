// The two ends of a message channel, as types only, so the engine (src/worker) and the client
// (src/app) agree on them without importing each other: a Worker, a MessagePort or a main-thread shim.

/** The engine's side: a Worker's `self`, a MessagePort in Node tests, a main-thread port. */
export interface Endpoint {
  postMessage(msg: unknown, transfer?: Transferable[]): void;
  addEventListener(type: 'message', fn: (ev: MessageEvent) => void): void;
  /** Worker `self.close()`; absent on the main thread. */
  close?(): void;
}

/** The client's side: what `new Worker(...)` returns, or a main-thread stand-in with the same shape. */
export interface WorkerLike {
  postMessage(msg: unknown, transfer: Transferable[]): void;
  addEventListener(type: 'message' | 'error' | 'messageerror', fn: (ev: Event) => void): void;
  terminate(): void;
}
