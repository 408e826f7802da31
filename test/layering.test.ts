import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLayeringViolations, importsOf, LAYERS, runtimePackages } from '../scripts/check-deps.js';
import { makeTempDir } from './temp-dir.js';

describe('the layering allowlist', () => {
  it('holds: each layer imports only its own folders and packages', () => {
    expect(findLayeringViolations()).toEqual([]);
  });

  it('refuses what is not listed, in every layer', () => {
    const root = makeTempDir('spelunk-layers');
    const write = (path: string, text: string) => {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    write('parsers/a.ts', "import { readFileSync } from 'node:fs';\nimport x from 'lodash';\n");
    write('parsers/b.ts', "export { y } from '../collector/c.js';\n");
    write('collector/c.ts', "import { z } from '../app/src/z.js';\nimport { execa } from 'execa';\n");
    write(
      'app/src/d.tsx',
      "import { join } from 'node:path';\nconst m = await import('../../collector/c.js');\n",
    );
    write('app/vite.config.ts', "import { defineConfig } from 'vite';\nimport react from 'react';\n");
    expect(findLayeringViolations(root).map((p) => p.replace(/ \(.*\)$/, ''))).toEqual([
      'parsers/a.ts: imports node:fs',
      'parsers/a.ts: imports lodash',
      'parsers/b.ts: imports ../collector/c.js',
      'collector/c.ts: imports ../app/src/z.js',
      'app/src/d.tsx: imports node:path',
      'app/src/d.tsx: imports ../../collector/c.js',
      'app/vite.config.ts: imports react',
    ]);
  });

  it('reads multi-line, type-only, side-effect and dynamic imports, not prose', () => {
    const text = [
      "import {\n  a,\n  b,\n} from './x.js';",
      "import type { T } from 'pkg-a';",
      "import './styles.css';",
      "export * from './y.js';",
      "const m = await import('./z.js');",
      ' * `import { parseStrace } from "spelunk"` in a doc comment',
    ].join('\n');
    expect(importsOf(text).sort()).toEqual(['./styles.css', './x.js', './y.js', './z.js', 'pkg-a']);
  });

  it('lists as runtime dependencies exactly the packages the CLI and the library import', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(pkg.dependencies).sort()).toEqual(runtimePackages());
  });

  it('allows no package a layer does not use', () => {
    for (const layer of LAYERS) {
      const used = new Set(
        findUsedPackages(
          layer.folder,
          LAYERS.filter((l) => l.folder.startsWith(layer.folder + '/')),
        ),
      );
      for (const p of layer.packages) expect(used.has(p), `${layer.folder}: ${p}`).toBe(true);
    }
  });
});

/** The packages imported by the files of a layer (not those of its sub-layers, dist/ or node_modules/). */
function findUsedPackages(folder: string, subLayers: { folder: string }[]): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((f) => join(folder, f))
    .filter((f) => /\.tsx?$/.test(f) && !/(^|\/)(dist|node_modules)\//.test(f))
    .filter((f) => !subLayers.some((l) => f.startsWith(l.folder + '/')))
    .flatMap((f) => importsOf(readFileSync(f, 'utf8')))
    .filter((s) => !s.startsWith('.'));
}
