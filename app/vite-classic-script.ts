import type { Plugin } from 'vite';

/**
 * The built page loads its script as a classic one (`<script defer src>`), not as a module: Chromium
 * refuses module scripts from file:// (origin null), so a build opened from disk would stay blank. The
 * bundle is one IIFE (vite.config.ts), so nothing in it needs module semantics. `crossorigin` goes too: it
 * makes the request a CORS one, which file:// cannot answer.
 */
export function classicScript(): Plugin {
  return {
    name: 'spelunk-classic-script',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const file of Object.values(bundle)) {
        if (file.type !== 'asset' || !file.fileName.endsWith('.html')) continue;
        const html = String(file.source);
        const classic = html
          .replace(
            /<script type="module" crossorigin src="([^"]+)"><\/script>/g,
            '<script defer src="$1"></script>',
          )
          .replace(/(<link rel="stylesheet") crossorigin/g, '$1');
        if (/type="module"/.test(classic))
          this.error('classic-script: a module script is left in ' + file.fileName);
        file.source = classic;
      }
    },
  };
}
