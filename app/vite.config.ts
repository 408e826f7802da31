import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { fileURLToPath } from 'node:url';
import { embedSamples } from './vite-embed-samples.js';
import { buildStandalone } from './vite-standalone.js';

const appRoot = fileURLToPath(new URL('.', import.meta.url));

// The app is built into app/dist with relative asset URLs, so `spelunk serve` can host it at any path
// and the exported bundle also opens from a file server.
export default defineConfig({
  root: appRoot,
  base: './',
  plugins: [react(), tailwindcss(), embedSamples(fileURLToPath(new URL('../samples', import.meta.url))), buildStandalone(appRoot)],
  worker: { format: 'es' },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', chunkSizeWarningLimit: 2000 },
  server: { host: '127.0.0.1', strictPort: false },
  preview: { host: '127.0.0.1' },
});
