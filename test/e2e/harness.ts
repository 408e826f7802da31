import { execa } from 'execa';
import type { ResultPromise } from 'execa';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext } from 'playwright-core';

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
  const userDataDir = mkdtempSync(join(tmpdir(), 'spelunk-chromium-'));
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
 * Builds the app into a folder of this test file's own, so test files running in parallel (and other
 * people's builds of app/dist) never swap the files under a running server. With SPELUNK_SKIP_BUILD=1
 * and an existing app/dist, that build is served instead.
 */
export async function buildApp(): Promise<void> {
  if (process.env.SPELUNK_SKIP_BUILD === '1' && existsSync(join(ROOT, 'app', 'dist', 'index.html'))) return;
  const outDir = mkdtempSync(join(tmpdir(), 'spelunk-app-'));
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
  builtDist = outDir;
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
