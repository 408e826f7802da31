import { execa, type ResultPromise } from 'execa';
import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CORPUS } from '../corpus-path.js';

const ROOT = join(import.meta.dirname, '..', '..');

/**
 * The package as a user gets it: `npm pack` of this clone (dist/ and app/dist were just built from the
 * current sources by test/global-setup.ts, so packing runs no script), installed from the tarball into an
 * empty folder without dev dependencies, then the CLI and the library used from there only.
 */
describe('the packed package, installed in an empty folder', () => {
  let work = '';
  let pkg = '';
  let bin = '';
  let packed: { version: string; entryCount: number; size: number; files: { path: string }[] };

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'spelunk-pack-'));
    const pack = await execa(
      'npm',
      ['pack', '--ignore-scripts', '--json', '--pack-destination', work, '--loglevel=error'],
      { cwd: ROOT },
    );
    packed = (JSON.parse(pack.stdout) as (typeof packed)[])[0]!;
    writeFileSync(
      join(work, 'package.json'),
      JSON.stringify({ name: 'user', private: true, type: 'module' }),
    );
    await execa(
      'npm',
      [
        'install',
        '--omit=dev',
        '--prefer-offline',
        '--no-audit',
        '--no-fund',
        '--loglevel=error',
        join(work, 'spelunk-0.1.0.tgz'),
      ],
      { cwd: work },
    );
    pkg = join(work, 'node_modules', 'spelunk');
    bin = join(work, 'node_modules', '.bin', 'spelunk');
  }, 180_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  const run = (args: string[]) => execa(bin, args, { cwd: work, reject: false });

  it('holds what users run, and no sources, tests or build tools', () => {
    const paths = packed.files.map((f) => f.path);
    expect(paths).toContain('dist/parsers/index.js');
    expect(paths).toContain('dist/parsers/index.d.ts');
    expect(paths).toContain('dist/cli/cli.js');
    expect(paths.filter((p) => p.startsWith('dist/collector/'))).toEqual([]);
    expect(paths.filter((p) => /\.tsx?$/.test(p) && !p.endsWith('.d.ts'))).toEqual([]);
    expect(paths.filter((p) => /^(test|bench|scripts|parsers|collector|app\/src)\//.test(p))).toEqual([]);
    // the installed tree has the runtime dependencies only: nothing that compiles or bundles
    const installed = readdirSync(join(work, 'node_modules'));
    expect(installed).toEqual(expect.arrayContaining(['commander', 'execa', 'picocolors', 'diff-sequences']));
    for (const dev of ['tsx', 'esbuild', 'typescript', 'vite', 'react', 'zustand', 'd3-zoom'])
      expect(installed).not.toContain(dev);
  });

  it('ships the static web app: the page, its script, the samples (also as scripts), the standalone template', () => {
    const dist = join(pkg, 'app', 'dist');
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const assets = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(assets.length).toBeGreaterThanOrEqual(1);
    for (const asset of assets) expect(existsSync(join(dist, asset)), asset).toBe(true);
    // a classic script: a page opened from disk runs no module script (test/e2e/static.e2e.test.ts)
    expect(html).not.toContain('type="module"');
    const index = JSON.parse(readFileSync(join(pkg, 'samples', 'index.json'), 'utf8')) as {
      samples: { runs: { log: string }[] }[];
    };
    // each sample log once in the app, as a script that holds its text (a page opened from disk may load
    // a script but not fetch; a static host serves the same script): the text is the log's, byte for byte
    const held = (script: string): string => {
      const store: Record<string, string> = {};
      new Function('window', script)({ __spelunkData: store });
      return Object.values(store)[0] ?? '';
    };
    for (const { log } of index.samples.flatMap((s) => s.runs)) {
      expect(existsSync(join(dist, 'samples', log)), `${log}: no raw copy`).toBe(false);
      const script = readFileSync(join(dist, 'samples', `${log}.js`), 'utf8');
      expect(script, `${log}.js`).toContain(`["samples/${log}"] = `);
      expect(held(script), `${log}.js`).toBe(readFileSync(join(pkg, 'samples', log), 'latin1'));
    }
    expect(readFileSync(join(dist, 'standalone.html'), 'utf8')).toContain('<script type="module">');
  });

  it('parse, stats, diff and explain run from the installed package', async () => {
    const log = join(CORPUS, 'foo-chroot-fails.log');
    const parse = await run(['parse', log]);
    expect(parse.exitCode).toBe(0);
    expect(String(parse.stdout).trim().split('\n')).toHaveLength(125);

    const stats = await run(['stats', log, '--json']);
    expect(JSON.parse(String(stats.stdout)).syscalls.execve).toMatchObject({ calls: 2, errors: 1 });

    const sample = join(pkg, 'samples', 'hello-bare-chroot');
    const diff = await run(['diff', sample, '--json']);
    expect(diff.exitCode).toBe(0);
    expect(JSON.parse(String(diff.stdout)).findings[0].message).toMatch(/execve/);

    const explain = await run(['explain', 'ENOENT', '--json']);
    expect(JSON.parse(String(explain.stdout))[0]).toMatchObject({ name: 'ENOENT', kind: 'errno' });

    const help = await run(['--help']);
    expect(String(help.stdout)).toContain('serve [options] [inputs...]');
    expect(String((await run(['--version'])).stdout)).toBe(packed.version);

    // the lessons read the samples installed with the package
    const lesson = await run(['lessons', 'bare-chroot-enoent', '--json']);
    expect(lesson.exitCode).toBe(0);
    const steps = (JSON.parse(String(lesson.stdout)) as { steps: { checks: { ok: boolean }[] }[] }).steps;
    expect(steps.flatMap((s) => s.checks).every((c) => c.ok)).toBe(true);
  });

  it.skipIf(process.getuid?.() !== 0)('collects for real from the installed package (as root)', async () => {
    const r = await run(['collect', '--rootfs', 'bare', '--out', 'demo', '--', '/usr/bin/true']);
    expect(r.exitCode, String(r.stderr)).toBe(0);
    const diff = await run(['diff', 'demo', '--json']);
    expect(JSON.parse(String(diff.stdout)).findings[0]).toMatchObject({ rule: 'missing-elf-interpreter' });
  });

  it('serves the packaged app and a trace, building nothing', async () => {
    const log = join(CORPUS, 'foo-host.log');
    const server = execa(bin, ['serve', '--port', '0', log], { cwd: work, reject: false, buffer: false });
    try {
      const url = await firstLine(server);
      const page = await fetch(url);
      expect(page.status).toBe(200);
      expect(await page.text()).toMatch(/<script [^>]*src="\.\/assets\//);
      const catalog = (await (await fetch(new URL('api/traces.json', url))).json()) as {
        traces: { runs: { urls: string[] }[] }[];
      };
      const traceUrl = catalog.traces[0]!.runs[0]!.urls[0]!;
      const trace = await fetch(new URL(traceUrl, url));
      expect(await trace.text()).toBe(readFileSync(log, 'latin1'));
    } finally {
      server.kill('SIGTERM');
      await server;
    }
  });

  it("runs the README's library example against the installed package", async () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const example = /<!-- library-example[^>]*-->\s*```js\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(example).toBeDefined();
    for (const f of ['host.strace.log', 'chroot.strace.log'])
      copyFileSync(join(pkg, 'samples', 'hello-bare-chroot', f), join(work, f));
    writeFileSync(join(work, 'example.js'), example!);
    const out = await execa('node', ['example.js'], { cwd: work });
    expect(out.stdout).toMatch(/^\d+ execve ENOENT$/m);
    expect(out.stdout).toMatch(/calls: 1/);
  });

  it('types a TypeScript consumer from the declarations alone (no Node or DOM types)', async () => {
    writeFileSync(
      join(work, 'consumer.ts'),
      [
        "import { computeTraceDiff, parseStrace, type Trace, type TraceEvent } from 'spelunk';",
        'const trace: Trace = parseStrace(\'1 execve("/bin/true", ["true"], 0x1 /* 1 var */) = 0\\n\');',
        'const first: TraceEvent = trace.event(0);',
        "export const name: string = first.kind === 'syscall' ? first.name : '';",
        'export const message: string | undefined = computeTraceDiff(trace, trace, {}).findings[0]?.message;',
        '// a wrong use must be an error, or the declarations would be typing nothing',
        'export const wrong: number = trace.event(0).kind;',
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(work, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          module: 'nodenext',
          moduleResolution: 'nodenext',
          target: 'es2022',
          lib: ['es2023'],
          types: [],
          noEmit: true,
        },
        files: ['consumer.ts'],
      }),
    );
    const tsc = await execa(join(ROOT, 'node_modules', '.bin', 'tsc'), ['-p', '.'], {
      cwd: work,
      reject: false,
    });
    // one error (its explanation lines are indented): the wrong use on line 7, nothing in the declarations
    expect(
      String(tsc.stdout)
        .split('\n')
        .filter((l) => /^\S/.test(l)),
    ).toEqual([
      expect.stringMatching(
        /^consumer\.ts\(7,14\): error TS2322: Type '.*' is not assignable to type 'number'/,
      ),
    ]);
  });
});

/** The URL `spelunk serve` prints as its first line. */
function firstLine(server: ResultPromise): Promise<string> {
  return new Promise((ok, fail) => {
    let out = '';
    let err = '';
    server.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    server.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('\n')) ok(out.slice(0, out.indexOf('\n')).trim());
    });
    void server.then((r) => fail(new Error(`spelunk serve exited ${r.exitCode}: ${err}`)));
  });
}
