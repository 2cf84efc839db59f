// The benchmark page (bench/browser/index.html): its own Vite config, so the app's vite.config.ts is
// untouched. It spawns the real training worker through src/app/workerClient.ts, hence the app's
// worker settings (ES module workers, the tfjs patch of scripts/tfjsForIn.ts; the wasm files stay out of
// dependency pre-bundling).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { tfjsForIn } from '../../scripts/tfjsForIn.ts';

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Built output under node_modules/.cache: ignored by git and ESLint, and apart from the app's dist/
  // (which `npm run test:browser` empties and rebuilds, possibly while a bench is serving).
  base: './',
  logLevel: 'warn',
  plugins: [tfjsForIn()],
  worker: { format: 'es', plugins: () => [tfjsForIn()] },
  build: {
    outDir: fileURLToPath(new URL('../../node_modules/.cache/awd-bench-page', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 8000,
  },
  optimizeDeps: { exclude: ['@tensorflow/tfjs-backend-wasm'] },
  preview: { host: '127.0.0.1' },
});
