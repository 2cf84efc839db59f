import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { tfjsForIn } from './scripts/tfjsForIn.ts';

const page = (name: string) => fileURLToPath(new URL(name, import.meta.url));

// fitsjs (the FITS header parser of src/core/io/fits.ts) is a CoffeeScript script that assigns
// `this.astro`; bundled as an ES module its `this` is undefined. Run it with an object as `this` and
// export that object (Node's CommonJS loader does the same for the unit tests).
const fitsjsAsEsm = {
  name: 'fitsjs-as-esm',
  transform(code: string, id: string) {
    if (!id.replace(/\\/g, '/').includes('/fitsjs/lib/fits.js')) return null;
    return {
      code: `const ctx = {};\n(function () {\n${code}\n}).call(ctx);\nexport default ctx;\n`,
      map: null,
    };
  },
};

// The lab's Content-Security-Policy (index.html) allows no inline script, but the dev server injects
// one (React Fast Refresh's preamble): drop the policy in `vite dev` only; builds and previews keep it.
const cspOnlyInBuilds = {
  name: 'csp-only-in-builds',
  apply: 'serve' as const,
  transformIndexHtml: (html: string) =>
    html.replace(/<meta\s+http-equiv="Content-Security-Policy"[^>]*>/, ''),
};

// Relative base so the built lab also works from a sub-path or file server.
export default defineConfig({
  base: './',
  // tfjsForIn: a V8 deopt loop in tfjs-core that starved the page on 2 cores (scripts/tfjsForIn.ts).
  plugins: [react(), fitsjsAsEsm, cspOnlyInBuilds, tfjsForIn()],
  // ES module workers: the training worker imports tfjs and the model as ESM (shared/ARCHITECTURE.md).
  worker: { format: 'es', plugins: () => [tfjsForIn()] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 8000,
    // Two pages: the lab and "Verify installation".
    rolldownOptions: { input: { main: page('index.html'), verify: page('verify.html') } },
  },
  // tfjs-backend-wasm's .wasm files are imported with ?url in src/worker/backends.ts; keep them out of
  // dependency pre-bundling so the dev server serves the real files.
  // The dev server pre-bundles tfjs without the build's plugins: give the pre-bundler the tfjs patch too.
  optimizeDeps: {
    exclude: ['@tensorflow/tfjs-backend-wasm'],
    rolldownOptions: { plugins: [tfjsForIn()] },
  },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
});
