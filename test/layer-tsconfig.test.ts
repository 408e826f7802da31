import { execa } from 'execa';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

/** Type-checks `code` as a file of `layer` (with that layer's tsconfig.json) and returns the errors. */
async function errorsIn(layer: string, code: string): Promise<string> {
  // The probe lives inside the clone: tsc looks for `types: ["node"]` in node_modules/@types from the
  // probe's folder upwards, so a probe under /tmp failed with "Cannot find type definition file for
  // 'node'" wherever no stray /tmp/node_modules happened to hold it.
  mkdirSync(join(ROOT, 'test-output'), { recursive: true });
  const dir = mkdtempSync(join(ROOT, 'test-output', 'tsconfig-probe-'));
  try {
    return await typecheck(dir, layer, code);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function typecheck(dir: string, layer: string, code: string): Promise<string> {
  writeFileSync(join(dir, 'probe.ts'), code);
  writeFileSync(
    join(dir, 'tsconfig.json'),
    // the layer's own declarations come along (parsers/platform.d.ts)
    JSON.stringify({
      extends: join(ROOT, layer, 'tsconfig.json'),
      include: ['probe.ts', join(ROOT, layer, '*.d.ts')],
      exclude: [],
    }),
  );
  const r = await execa(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', dir], { reject: false });
  return String(r.stdout);
}

describe("each layer's tsconfig makes a wrong platform a type error", () => {
  it('parsers/: neither the DOM nor Node', async () => {
    const errors = await errorsIn(
      'parsers',
      "import { readFileSync } from 'node:fs';\nexport const a = document.title + process.pid + readFileSync;\nexport const b = new TextDecoder().decode(new Uint8Array(1));\n",
    );
    expect(errors).toMatch(/Cannot find name 'node:fs'/);
    expect(errors).toMatch(/Cannot find name 'document'/);
    expect(errors).toMatch(/Cannot find name 'process'/);
    expect(errors).not.toMatch(/TextDecoder/); // what both platforms have is declared (platform.d.ts)
  });

  it('collector/: Node, no DOM', async () => {
    const errors = await errorsIn(
      'collector',
      "import { readFileSync } from 'node:fs';\nexport const a = process.pid + String(readFileSync);\nexport const b = document.title;\n",
    );
    expect(errors.trim().split('\n')).toEqual([expect.stringMatching(/Cannot find name 'document'/)]);
  });

  it('app/: the DOM, no Node', async () => {
    const errors = await errorsIn(
      'app',
      "export const a = document.title;\nexport const b = process.pid;\nexport const c = Buffer.from('x');\n",
    );
    expect(errors).not.toMatch(/'document'/);
    expect(errors).toMatch(/Cannot find name 'process'/);
    expect(errors).toMatch(/Cannot find name 'Buffer'/);
  });
});
