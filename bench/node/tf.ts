// TF.js in Node the way the `awd` CLI loads it (bin/awd.mjs): the @tensorflow/tfjs Node bundle registers
// the cpu backend and every gradient on the shared CJS tfjs-core, and src/model's ESM-only import of
// tfjs-core/dist/register_all_gradients (directory imports Node cannot resolve) becomes an empty module.
// The wasm backend's Node build reads its .wasm files from its own dist/ folder. Call before importing
// anything from src/model (dynamic imports after this).
import { createRequire, register } from 'node:module';
import { dirname, join } from 'node:path';

export interface NodeTf {
  version: string;
  setBackend(name: string): Promise<boolean>;
  getBackend(): string;
}

export async function loadNodeTf(): Promise<NodeTf> {
  const tf = (await import('@tensorflow/tfjs')) as unknown as NodeTf & {
    env(): { set(k: string, v: unknown): void };
    version_core: string;
  };
  tf.env().set('PROD', true); // no "install tfjs-node" banner
  const empty = 'data:text/javascript,export{}';
  const hook = `export async function resolve(s, c, next) {
    return s === '@tensorflow/tfjs-core/dist/register_all_gradients' ? { url: '${empty}', shortCircuit: true } : next(s, c);
  }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
  const wasm = (await import('@tensorflow/tfjs-backend-wasm')) as {
    setWasmPaths(p: string): void;
  };
  const req = createRequire(import.meta.url);
  wasm.setWasmPaths(join(dirname(req.resolve('@tensorflow/tfjs-backend-wasm/package.json')), 'dist') + '/');
  return {
    version: tf.version_core,
    setBackend: (b) => tf.setBackend(b),
    getBackend: () => tf.getBackend(),
  };
}
