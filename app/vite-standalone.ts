import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import type { Plugin } from 'vite';
import { build } from 'vite';

/**
 * After the app's build, builds standalone.html (the comparison's self-contained export) a second time
 * with everything inlined: the worker as a blob (`?worker&inline`), then the script and the stylesheet
 * copied into the page. The result, dist/standalone.html, is the template the app fills with two logs
 * when the user exports HTML; it opens from file:// with no network.
 */
export function buildStandalone(appRoot: string): Plugin {
  let outDir = '';
  return {
    name: 'spelunk-standalone',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir.startsWith('/') ? config.build.outDir : join(appRoot, config.build.outDir);
    },
    async closeBundle() {
      const tmp = mkdtempSync(join(tmpdir(), 'spelunk-standalone-'));
      try {
        await build({
          configFile: false,
          root: appRoot,
          base: './',
          logLevel: 'error',
          plugins: [react(), tailwindcss()],
          // A module worker from a blob: URL fails to start in a file:// page (origin null); a classic one runs.
          worker: { format: 'iife' },
          build: {
            outDir: tmp,
            emptyOutDir: true,
            target: 'es2022',
            assetsInlineLimit: Number.MAX_SAFE_INTEGER,
            cssCodeSplit: false,
            modulePreload: false,
            chunkSizeWarningLimit: 100_000,
            rollupOptions: { input: join(appRoot, 'standalone.html') },
          },
        });
        writeFileSync(join(outDir, 'standalone.html'), inlineAssets(tmp));
      } finally {
        rmSync(tmp, { recursive: true, force: true });
      }
    },
  };
}

/** standalone.html with its module script and stylesheet copied in. */
function inlineAssets(dir: string): string {
  let html = readFileSync(join(dir, 'standalone.html'), 'utf8');
  const assets = new Set(readdirSync(join(dir, 'assets')));
  const read = (href: string): string => {
    const name = href.replace(/^\.?\/?assets\//, '');
    if (!assets.has(name)) throw new Error(`standalone build: missing asset ${href}`);
    return readFileSync(join(dir, 'assets', name), 'utf8');
  };
  html = html.replace(
    /<link rel="stylesheet"[^>]*href="([^"]+)"[^>]*>/g,
    (_, href: string) => `<style>${read(href)}</style>`,
  );
  html = html.replace(
    /<script type="module"[^>]*src="([^"]+)"[^>]*><\/script>/g,
    (_, src: string) => `<script type="module">${read(src).replace(/<\/script/gi, '<\\/script')}</script>`,
  );
  if (/(src|href)="\.\/assets\//.test(html)) throw new Error('standalone build: an asset was left out');
  return html;
}
