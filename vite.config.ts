import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// Relative base so the built lab also works from a sub-path or file server.
export default defineConfig({
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: { target: 'es2022', chunkSizeWarningLimit: 8000 },
  preview: { host: '127.0.0.1' },
  server: { host: '127.0.0.1' },
});
