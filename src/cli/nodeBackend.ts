// The CLI's one backend file (the Node twin of src/worker/backends.ts; eslint.config.js lets only these
// two import tfjs backends). In Node there is no WebGL/WebGPU and tfjs-node cannot install here, so the
// choice is cpu or wasm (shared/notes/TFJS.md: wasm runs the AWD step ~3× faster than cpu).
import { dirname, sep } from 'node:path';
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import type { NodeBackendChoice } from './fit/spec.ts';

export type NodeBackend = 'cpu' | 'wasm';

export interface NodeBackendReport {
  readonly backend: NodeBackend;
  readonly requested: NodeBackendChoice;
  /** Why this backend, in words (goes into the result). */
  readonly reason: string;
}

const errText = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function withTimeout<T>(p: Promise<T>, ms: number, what: string): Promise<T> {
  let id: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    id = setTimeout(() => reject(new Error(`${what} did not settle in ${ms} ms`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(id));
}

let wasmRegistered: Promise<void> | null = null;

/**
 * Registers the wasm backend on first use (loading it costs time and memory that cpu runs need not pay).
 * Emscripten in Node reads the .wasm with fs from a path prefix: the package's own dist directory.
 * The threaded build would start worker_threads that keep the process alive: single-threaded it is.
 */
function registerWasm(): Promise<void> {
  wasmRegistered ??= import('@tensorflow/tfjs-backend-wasm').then((wasm) => {
    const main = createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm');
    wasm.setWasmPaths(dirname(main) + sep);
    tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  });
  return wasmRegistered;
}

/** Activates `b`; returns null, or why it failed. */
export async function activate(b: NodeBackend): Promise<string | null> {
  try {
    if (b === 'wasm') await registerWasm();
    const ok = await withTimeout(tf.setBackend(b), 20_000, `setBackend('${b}')`);
    if (!ok || tf.getBackend() !== b) return 'failed to initialise';
    const v = tf.tidy(() => tf.add(tf.tensor1d([1.5, -2]), 1).dataSync());
    if (v[0] !== 2.5 || v[1] !== -1) return 'a test computation came back wrong';
    return null;
  } catch (e) {
    return errText(e);
  }
}

/** Sets the backend for `choice`; an explicitly requested backend that fails is an error. */
export async function selectNodeBackend(choice: NodeBackendChoice): Promise<NodeBackendReport> {
  if (choice === 'cpu' || choice === 'wasm') {
    const why = await activate(choice);
    if (why) throw new Error(`backend ${choice} (requested): ${why}`);
    return { backend: choice, requested: choice, reason: `${choice} (requested)` };
  }
  const why = await activate('wasm');
  if (why === null)
    return { backend: 'wasm', requested: choice, reason: 'auto: wasm initialised (faster than cpu in Node)' };
  const cpu = await activate('cpu');
  if (cpu) throw new Error(`no backend works: wasm: ${why}; cpu: ${cpu}`);
  return { backend: 'cpu', requested: choice, reason: `auto: wasm failed (${why}), using cpu` };
}

/** Runs `fn` on backend `b`, then returns to the one that was active. */
export async function onBackend<R>(b: NodeBackend, fn: () => Promise<R>): Promise<R> {
  const before = tf.getBackend();
  if (before === b) return fn();
  const why = await activate(b);
  if (why) throw new Error(`backend ${b}: ${why}`);
  try {
    return await fn();
  } finally {
    await tf.setBackend(before);
  }
}
