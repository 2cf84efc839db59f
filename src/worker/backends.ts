// THE one file that imports TF.js backends (tfjs-core's pattern: side-effect registration in one place).
// `auto` initialises each backend for real (setBackend can resolve false, e.g. WebGPU without an
// adapter), times a short representative AWD step on each that works, and keeps the fastest: on
// these machines wasm beats SwiftShader WebGL/WebGPU, on a real GPU the order flips (notes/TFJS.md).
import * as tf from '@tensorflow/tfjs-core';
// tfjs-core's ESM entry registers no gradients (the @tensorflow/tfjs umbrella does): training needs them.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-webgpu';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
// Vite serves/emits the .wasm files; without explicit paths it answers index.html ("magic word").
import wasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import type { BackendChoice } from '../protocol/config.ts';
import type { ActiveBackend, BackendTrial } from '../protocol/messages.ts';
import type { BackendReport } from './types.ts';

/**
 * tfjs-backend-webgpu 4.22 binds every AddN input as a storage buffer in one shader; past WebGPU's
 * default limit of 8 storage buffers per stage (7 inputs + the output) the pipeline is invalid, the
 * result is garbage and the whole deferred submission with it (the AWD total adds 8 terms). Sum in
 * chunks of 7 instead.
 */
function patchWebgpuAddN(): void {
  const orig = tf.getKernel('AddN', 'webgpu');
  if (!orig) return;
  const MAX = 7;
  const kernelFunc = (args: Parameters<tf.KernelFunc>[0]): tf.TensorInfo => {
    const ins = args.inputs as unknown as tf.TensorInfo[];
    if (ins.length <= MAX) return orig.kernelFunc(args) as tf.TensorInfo;
    const parts: tf.TensorInfo[] = [];
    for (let i = 0; i < ins.length; i += MAX)
      parts.push(
        orig.kernelFunc({
          ...args,
          inputs: ins.slice(i, i + MAX) as unknown as tf.NamedTensorInfoMap,
        }) as tf.TensorInfo,
      );
    const out = kernelFunc({ ...args, inputs: parts as unknown as tf.NamedTensorInfoMap });
    for (const p of parts) (args.backend as tf.KernelBackend).disposeData(p.dataId);
    return out;
  };
  tf.unregisterKernel('AddN', 'webgpu');
  tf.registerKernel({ kernelName: 'AddN', backendName: 'webgpu', kernelFunc });
}
patchWebgpuAddN();

/** Preference order (breaks ties in the timing). */
export const AUTO_ORDER: readonly ActiveBackend[] = ['webgpu', 'webgl', 'wasm', 'cpu'];
/**
 * Trial order. WebGL is tried before WebGPU for a reason measured here (Chromium, SwiftShader): one
 * synchronous WebGPU read in a Worker (tfjs reads through staging canvases, or moves a tensor between
 * backends with one) destroys the WebGPU device and the Worker's WebGL context with it. Nothing reads
 * WebGPU synchronously any more (async training reads; constants cached per backend are dropped on
 * every switch, see SelectOptions.beforeSet), and switching webgpu → webgl → webgpu in one Worker
 * works; trying the cheaper-to-fail WebGL first still costs nothing.
 */
const TRIAL_ORDER: readonly ActiveBackend[] = ['webgl', 'webgpu', 'wasm', 'cpu'];

setWasmPaths({
  'tfjs-backend-wasm.wasm': wasmUrl,
  'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
});
// The threaded build's helper workers break in production bundles and setBackend('wasm') then hangs.
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
// tfjs refuses a software WebGL context (failIfMajorPerformanceCaveat) unless told otherwise; allow it
// and let the timing decide: SwiftShader WebGL is a legitimate, if slow, candidate.
tf.env().set('SOFTWARE_WEBGL_ENABLED', true);

/**
 * Times a representative AWD step on the current backend within ~budgetMs; returns ms per step.
 * `syncReadback` false: load the probe's teacher on the host (its second-order probe reads synchronously).
 */
export type Probe = (backend: ActiveBackend, budgetMs: number, syncReadback: boolean) => Promise<number>;

export interface SelectOptions {
  probe: Probe;
  /** Called after every successful setBackend (registers the second-order gradient fixes). */
  afterSet: () => void;
  /**
   * Called before every setBackend: free tensors cached on the backend being left (the model's
   * selector and validity constants). Used from another backend, tfjs would move them with a
   * synchronous read, which on WebGPU in a Worker destroys the device (see TRIAL_ORDER).
   */
  beforeSet?: () => void;
  /** Total timing budget for `auto` (ms). */
  budgetMs?: number;
  /** Guard against a backend whose initialisation never settles. */
  initTimeoutMs?: number;
  now?: () => number;
}

const NO_SYNC = 'no synchronous readback: training reads asynchronously, teacher probes run on cpu';
const errText = (e: unknown): string => (e instanceof Error ? e.message : String(e));
const ms = (v: number): string => (v < 10 ? v.toFixed(1) : v.toFixed(0));
const describe = (t: BackendTrial): string =>
  t.ok ? `${t.backend} ${ms(t.msPerStep ?? NaN)} ms/step` : `${t.backend}: ${t.error ?? 'failed'}`;

async function webgpuProblem(): Promise<string | null> {
  const gpu = (globalThis.navigator as { gpu?: { requestAdapter(): Promise<unknown> } } | undefined)?.gpu;
  if (!gpu) return 'no navigator.gpu';
  try {
    return (await gpu.requestAdapter()) ? null : 'no adapter';
  } catch (e) {
    return `requestAdapter failed: ${errText(e)}`;
  }
}

function withTimeout<T>(p: Promise<T>, msLimit: number, what: string): Promise<T> {
  let id: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    id = setTimeout(() => reject(new Error(`${what} did not settle in ${msLimit} ms`)), msLimit);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(id));
}

/** Sets `b` as the tfjs backend; returns null or why it failed. */
async function activate(b: ActiveBackend, o: SelectOptions): Promise<string | null> {
  o.beforeSet?.();
  // An initialised WebGPU backend holds its device; only a first start needs an adapter.
  if (b === 'webgpu' && !tf.findBackend('webgpu')) {
    const why = await webgpuProblem();
    if (why) return why;
  }
  try {
    const ok = await withTimeout(tf.setBackend(b), o.initTimeoutMs ?? 20_000, `setBackend('${b}')`);
    if (!ok || tf.getBackend() !== b) return 'failed to initialise';
  } catch (e) {
    return errText(e);
  }
  o.afterSet();
  return null;
}

/**
 * Backends whose synchronous readback is not to be trusted. tfjs reads WebGPU synchronously through
 * staging canvases; measured in a Worker here (SwiftShader), that read zeros or destroyed the device
 * ("Device was destroyed", then every mapAsync fails), so not even a test read is risked on it. The
 * trainer reads asynchronously, so such a backend trains; the synchronous readers left (a teacher's
 * second-order probe, teacher training) run on the cpu backend (onCpuBackend).
 */
const NO_SYNC_READBACK: ReadonlySet<ActiveBackend> = new Set(['webgpu']);

/** Whether dataSync reads back what the backend computed (checked on every other backend). */
export function syncReadbackWorks(): boolean {
  return tf.tidy(() => {
    const v = tf.add(tf.tensor1d([1.5, -2, 3]), 1).dataSync();
    return v[0] === 2.5 && v[1] === -1 && v[2] === 4;
  });
}

/**
 * Runs `fn` (sync or async) on the cpu backend, then returns to the active one: for work that reads
 * synchronously (loading a teacher runs its second-order probe; teacher training) while the active
 * backend cannot. Tensors it leaves on cpu move to the active backend when first used there.
 */
export async function onCpuBackend<R>(fn: () => R | Promise<R>): Promise<R> {
  const active = tf.getBackend();
  if (active === 'cpu') return fn();
  await tf.setBackend('cpu');
  try {
    return await fn();
  } finally {
    await tf.setBackend(active);
  }
}

interface Trial {
  trial: BackendTrial;
  /** See BackendReport.syncReadback. */
  sync: boolean;
}

async function trial(b: ActiveBackend, budgetMs: number, o: SelectOptions): Promise<Trial> {
  const why = await activate(b, o);
  if (why) return { trial: { backend: b, ok: false, error: why }, sync: false };
  const sync = !NO_SYNC_READBACK.has(b) && syncReadbackWorks();
  try {
    return { trial: { backend: b, ok: true, msPerStep: await o.probe(b, budgetMs, sync) }, sync };
  } catch (e) {
    return { trial: { backend: b, ok: false, error: `AWD step failed: ${errText(e)}` }, sync };
  }
}

/** Tries each candidate, times those that work, and leaves the fastest active. */
async function fastest(candidates: readonly ActiveBackend[], o: SelectOptions, tried: BackendTrial[]) {
  const now = o.now ?? (() => performance.now());
  const deadline = now() + (o.budgetMs ?? 1500);
  const mine: Trial[] = [];
  for (let i = 0; i < candidates.length; i++) {
    const share = Math.max(50, (deadline - now()) / (candidates.length - i));
    const t = await trial(candidates[i]!, share, o);
    mine.push(t);
    tried.push(t.trial);
  }
  const rank = (b: ActiveBackend) => AUTO_ORDER.indexOf(b);
  const ok = mine
    .filter((t) => t.trial.ok)
    .sort((a, b) => a.trial.msPerStep! - b.trial.msPerStep! || rank(a.trial.backend) - rank(b.trial.backend));
  const best = ok[0];
  const all = mine.map((t) => describe(t.trial)).join('; ');
  if (!best) throw new Error(`no backend works: ${all}`);
  const backend = best.trial.backend;
  const why = await activate(backend, o);
  if (why) throw new Error(`${backend} worked, then failed to re-activate: ${why}`);
  const verdict = ok.length > 1 ? 'fastest' : 'the only one that works';
  return { backend, sync: best.sync, reason: `${all} → ${backend} (${verdict})` };
}

/** Chooses and activates a backend: `auto` measures; an override is forced, falling back if it fails. */
export async function selectBackend(choice: BackendChoice, o: SelectOptions): Promise<BackendReport> {
  const tried: BackendTrial[] = [];
  const report = (backend: ActiveBackend, reason: string, syncReadback: boolean): BackendReport => ({
    backend,
    requested: choice,
    reason: syncReadback ? reason : `${reason}; ${NO_SYNC}`,
    tried,
    canTrain: true,
    syncReadback,
  });
  if (choice === 'auto') {
    const f = await fastest(TRIAL_ORDER, o, tried);
    return report(f.backend, f.reason, f.sync);
  }
  const t = await trial(choice, (o.budgetMs ?? 1500) / 2, o);
  tried.push(t.trial);
  if (t.trial.ok) return report(choice, `${describe(t.trial)} (requested)`, t.sync);
  const f = await fastest(
    TRIAL_ORDER.filter((b) => b !== choice),
    o,
    tried,
  ).catch((e: unknown) => {
    throw new Error(`${describe(t.trial)}; ${errText(e)}`);
  });
  return report(
    f.backend,
    `${choice} requested but failed (${t.trial.error ?? 'failed'}); fell back: ${f.reason}`,
    f.sync,
  );
}
