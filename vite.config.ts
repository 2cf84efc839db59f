import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const page = (name: string) => fileURLToPath(new URL(name, import.meta.url));

// Relative base so the built lab also works from a sub-path or file server.
export default defineConfig({
  base: './',
  plugins: [react()],
  // ES module workers: the training worker imports tfjs and the model as ESM (shared/ARCHITECTURE.md).
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 8000,
    // Two pages: the lab and "Verify installation".
    rolldownOptions: { input: { main: page('index.html'), verify: page('verify.html') } },
  },
  // tfjs-backend-wasm's .wasm files are imported with ?url in src/worker/backends.ts; keep them out of
  // dependency pre-bundling so the dev server serves the real files.
  optimizeDeps: { exclude: ['@tensorflow/tfjs-backend-wasm'] },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
});
