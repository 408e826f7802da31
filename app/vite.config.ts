import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { fileURLToPath } from 'node:url';
import { embedSamples } from './vite-embed-samples.js';
import { buildStandalone } from './vite-standalone.js';
import { classicScript } from './vite-classic-script.js';

const appRoot = fileURLToPath(new URL('.', import.meta.url));

// The app is built into app/dist with relative asset URLs, so `spelunk serve` or any static host can serve
// it at any path, and the folder also opens from disk (file://): one classic script with the worker
// inlined, the samples readable through script tags (vite-embed-samples.ts).
export default defineConfig({
  root: appRoot,
  base: './',
  plugins: [
    react(),
    tailwindcss(),
    embedSamples(fileURLToPath(new URL('../samples', import.meta.url))),
    buildStandalone(appRoot),
    classicScript(),
  ],
  worker: { format: 'iife' },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 2000,
    // One classic script (see vite-classic-script.ts); the worker is inlined into it as a blob.
    rollupOptions: { output: { format: 'iife' } },
  },
  server: { host: '127.0.0.1', strictPort: false },
  preview: { host: '127.0.0.1' },
});
