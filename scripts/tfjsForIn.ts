// A build-time fix for a V8 deoptimisation loop in tfjs-core (4.22), measured in the lab's training worker
// on Chromium 150. tfjs walks tape nodes' `inputs` objects and tidy()'s result containers with `for…in`;
// those objects come in many shapes, and V8's optimised code for the loop (Maglev, then TurboFan) bails
// out on every new shape ("wrong map") and is recompiled, again and again: ≈ 60 deopts a second, and
// the recompiles took ≈ 40 % of a core on background threads. On a 2-core machine that starved the page
// (a 10 ms Plotly redraw stretched past 50 ms) and slowed training. Iterating `Object.keys(…)` instead
// visits the same keys (these are plain objects and arrays, nothing inherits enumerable properties) and
// does not loop. Node 20 showed no such loop (with or without --maglev), so only the browser build is
// patched. Each file must contain exactly the loops below: a tfjs upgrade that changes them fails the
// build here instead of silently dropping the fix (re-measure, then update the counts or drop the patch).
import type { Plugin } from 'vite';

/** tfjs-core ESM module → how many `for (const k in obj) {` loops it must have. */
export const TFJS_FOR_IN_FILES: Record<string, number> = {
  // getFilteredNodesXToY (3) and backpropagateGradients (1), run on every gradient.
  '@tensorflow/tfjs-core/dist/tape.js': 4,
  // walkTensorContainer, run by every tidy() on its result.
  '@tensorflow/tfjs-core/dist/tensor_util.js': 1,
};

const FOR_IN = /for \(const (\w+) in ([\w.]+)\) \{/g;

/** Rewrites every `for (const k in obj) {` to iterate `Object.keys(obj)`; throws unless there are `expected`. */
export function rewriteForIn(code: string, expected: number, file: string): string {
  const found = code.match(FOR_IN)?.length ?? 0;
  if (found !== expected)
    throw new Error(
      `tfjs for…in patch: ${file} has ${found} for…in loops, expected ${expected} (tfjs changed? see scripts/tfjsForIn.ts)`,
    );
  return code.replace(FOR_IN, 'for (const $1 of Object.keys($2)) {');
}

export function tfjsForIn(): Plugin {
  return {
    name: 'tfjs-for-in',
    enforce: 'pre',
    transform(code, id) {
      const path = id.replace(/\\/g, '/').split('?')[0]!;
      const file = Object.keys(TFJS_FOR_IN_FILES).find((f) => path.endsWith(`/node_modules/${f}`));
      if (!file) return null;
      return { code: rewriteForIn(code, TFJS_FOR_IN_FILES[file]!, file), map: null };
    },
  };
}
