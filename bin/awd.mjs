#!/usr/bin/env node
// The `awd` launcher: register tsx's ESM loader so Node runs the TypeScript sources directly,
// then hand argv to src/cli/main.ts. exitCode (not process.exit) lets stdout drain.
import { register } from 'node:module';
import { register as registerTsx } from 'tsx/esm/api';

// Only these commands reach the tf engine (`reference`: the awd_loss / awd_fit cases; `fit`, `sweep`:
// training; `evaluate`: attributions and teachers).
// They get tfjs set up here, before any src/ module loads; the other commands, and --help, never pay
// for it. (`fit` then picks cpu or wasm in src/cli/nodeBackend.ts.)
const TF_COMMANDS = new Set(['reference', 'fit', 'sweep', 'evaluate']);
const [command, ...rest] = process.argv.slice(2);
if (TF_COMMANDS.has(command) && !rest.includes('--help') && !rest.includes('-h')) {
  // @tensorflow/tfjs's Node bundle registers the CPU backend and every gradient on the shared
  // tfjs-core. src/model also imports tfjs-core/dist/register_all_gradients, an ESM-for-bundlers
  // file Node cannot resolve (directory imports): after the line above it is a no-op, so map it
  // to an empty module.
  const tf = await import('@tensorflow/tfjs');
  tf.env().set('PROD', true); // no "install tfjs-node" banner on stderr
  const empty = 'data:text/javascript,export{}';
  const hook = `export async function resolve(s, c, next) {
    return s === '@tensorflow/tfjs-core/dist/register_all_gradients' ? { url: '${empty}', shortCircuit: true } : next(s, c);
  }`;
  register(`data:text/javascript,${encodeURIComponent(hook)}`);
}
registerTsx();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
