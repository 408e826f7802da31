import { execa } from 'execa';
import type { ResultPromise } from 'execa';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';
import { makeTempDir } from '../temp-dir.js';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const CHROMIUM = '/usr/bin/chromium';
export const OUTPUT_DIR = join(ROOT, 'test-output');

/**
 * Debian's chromium, headless, with nothing that reaches the network, in a fresh profile (playwright
 * wants the profile as launchPersistentContext's argument rather than --user-data-dir). Never downloads
 * a browser.
 */
export async function launchChromium(
  viewport = { width: 1440, height: 900 },
): Promise<BrowserContext & { userDataDir: string }> {
  const userDataDir = makeTempDir('spelunk-chromium');
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    viewport,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return Object.assign(context, { userDataDir });
}

export function hasChromium(): boolean {
  if (existsSync(CHROMIUM)) return true;
  // On a developer's machine without a browser the browser tests are skipped; in CI a missing browser
  // must fail, or a green run would hide a missing install step.
  if (process.env.CI)
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium (the end-to-end tests drive it)`);
  return false;
}

/** Where this process built the app; servers started by startServe serve that build. */
let builtDist: string | null = null;

/**
 * Builds the app once per state of its sources: into a folder named by a hash of every file the build
 * reads (their paths, sizes and times), which the test files of one run, and later runs of unchanged
 * sources, share. The first file to get there builds (a lock directory decides who) while the others
 * wait for its "built" marker; a build never replaces files under a running server, and other people's
 * builds (app/dist, other worktrees) never mix in. With SPELUNK_SKIP_BUILD=1 and an existing app/dist,
 * that build is served instead.
 */
export async function buildApp(): Promise<void> {
  if (process.env.SPELUNK_SKIP_BUILD === '1' && existsSync(join(ROOT, 'app', 'dist', 'index.html'))) return;
  const outDir = join(tmpdir(), `spelunk-app-${hashBuildInputs()}`);
  const marker = join(outDir, '.built');
  if (!existsSync(marker)) {
    const lock = `${outDir}.lock`;
    // A lock older than any build is a killed run's: take it over.
    if (existsSync(lock) && Date.now() - statSync(lock).mtimeMs > 300_000)
      rmSync(lock, { recursive: true, force: true });
    let mine = false;
    try {
      mkdirSync(lock);
      mine = true;
    } catch {
      // another test file is building the same sources
    }
    if (mine) {
      try {
        await execa(
          'npx',
          [
            'vite',
            'build',
            '--config',
            'app/vite.config.ts',
            '--outDir',
            outDir,
            '--emptyOutDir',
            '--logLevel',
            'error',
          ],
          { cwd: ROOT },
        );
        writeFileSync(marker, new Date().toISOString());
      } finally {
        rmSync(`${outDir}.lock`, { recursive: true, force: true });
      }
    } else {
      const started = Date.now();
      while (!existsSync(marker)) {
        if (!existsSync(`${outDir}.lock`) && !existsSync(marker))
          throw new Error(`The app build in ${outDir} failed in another test file.`);
        if (Date.now() - started > 300_000)
          throw new Error(`Waited 5 minutes for the app build in ${outDir}.`);
        await new Promise((r) => setTimeout(r, 250));
      }
    }
  }
  builtDist = outDir;
}

/** A hash of what the app build reads: the app, the parsers it bundles, the samples, the lock file. */
function hashBuildInputs(): string {
  const hash = createHash('sha256');
  const visit = (path: string): void => {
    if (!existsSync(path)) return;
    const st = statSync(path);
    if (st.isDirectory()) {
      for (const name of readdirSync(path).sort())
        if (name !== 'dist' && name !== 'node_modules') visit(join(path, name));
      return;
    }
    hash.update(`${path}\0${st.size}\0${st.mtimeMs}\n`);
  };
  for (const p of ['app', 'parsers', 'samples', 'package-lock.json']) visit(join(ROOT, p));
  return hash.digest('hex').slice(0, 16);
}

/** The folder the app was built into for this test file (app/dist when SPELUNK_SKIP_BUILD reuses it). */
export function builtAppDir(): string {
  return builtDist ?? join(ROOT, 'app', 'dist');
}

export interface RunningServer {
  url: string;
  process: ResultPromise;
  stop(): Promise<void>;
}

/** Starts `spelunk serve` on a free port and reads the URL it prints as its first line. */
export async function startServe(args: string[], env: Record<string, string> = {}): Promise<RunningServer> {
  const proc = execa('node', [join(ROOT, 'bin', 'spelunk.js'), 'serve', '--port', '0', ...args], {
    cwd: ROOT,
    buffer: false,
    reject: false,
    env: { ...(builtDist ? { SPELUNK_APP_DIST: builtDist } : {}), ...env },
  });
  const url = await new Promise<string>((ok, fail) => {
    let out = '';
    let err = '';
    const timer = setTimeout(() => fail(new Error(`spelunk serve printed no URL: ${out} ${err}`)), 60_000);
    proc.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      const nl = out.indexOf('\n');
      if (nl >= 0) {
        clearTimeout(timer);
        ok(out.slice(0, nl).trim());
      }
    });
    proc.stderr?.on('data', (d: Buffer) => (err += d.toString()));
    void proc.then((r) => fail(new Error(`spelunk serve exited ${r.exitCode}: ${err}`)));
  });
  return {
    url,
    process: proc,
    async stop() {
      proc.kill('SIGTERM');
      await proc;
    },
  };
}

export function outputPath(name: string): string {
  mkdirSync(OUTPUT_DIR, { recursive: true });
  return join(OUTPUT_DIR, name);
}

/** A page that remembers every error the app printed or threw (the comparison must print none). */
export type WatchedPage = Page & { errors: string[] };

/** Opens `url` in a new page of `browser` at the given size, watching console errors and uncaught ones. */
export async function openPage(
  browser: BrowserContext,
  url: string,
  size: { width: number; height: number } = { width: 1440, height: 900 },
): Promise<WatchedPage> {
  const page = (await browser.newPage()) as WatchedPage;
  page.errors = [];
  // A loaded machine (two cores, several test files at once) is slow: wait on states, generously.
  page.setDefaultTimeout(30_000);
  await page.setViewportSize(size);
  page.on('pageerror', (e) => page.errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') page.errors.push(`console: ${m.text()}`);
  });
  await page.goto(url);
  return page;
}

/** Resolves after the page has drawn two more animation frames (what is on screen is up to date). */
export async function settle(page: Page): Promise<void> {
  await page.evaluate(
    () => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))),
  );
}

/** Reads a value of the app's store ("compare.selA") through the documented test hook (window.__spelunk). */
export function readStore<T>(page: Page, path: string): Promise<T> {
  return page.evaluate((keys) => {
    let v: unknown = (
      window as unknown as { __spelunk: { store: { getState(): unknown } } }
    ).__spelunk.store.getState();
    for (const k of keys) v = v === null || v === undefined ? v : (v as Record<string, unknown>)[k];
    return v as T;
  }, path.split('.'));
}

/** The sizes every layout point is checked at. */
export const SIZES = [
  { name: '1440', width: 1440, height: 900 },
  { name: '1024', width: 1024, height: 768 },
] as const;

/** Buttons, inputs, tabs, canvases and tables with no accessible name, as short HTML. */
export function listUnnamedControls(page: Page, scope: string): Promise<string[]> {
  return page.evaluate(
    (root) =>
      [
        ...document.querySelectorAll(
          `${root} :is(button, input, select, textarea, [role=tab], [role=img], canvas, table, [role=separator])`,
        ),
      ]
        .filter((el) => {
          const e = el as HTMLElement;
          if (e.getAttribute('aria-hidden') === 'true' || (e as HTMLInputElement).type === 'hidden')
            return false;
          const labelled =
            e.getAttribute('aria-label') ||
            e.getAttribute('aria-labelledby') ||
            (e.id && document.querySelector(`label[for="${e.id}"]`)) ||
            e.closest('label');
          return !labelled && !(e.textContent ?? '').trim();
        })
        .map((el) => el.outerHTML.slice(0, 80)),
    scope,
  );
}
