import { cpSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, builtAppDir, hasChromium, launchChromium, openPage, readStore, ROOT } from './harness.js';
import { CORPUS } from '../corpus-path.js';
import { makeTempDir } from '../temp-dir.js';

const HAS_SAMPLES = existsSync(join(ROOT, 'samples', 'index.json'));

/**
 * The built app as static files opened from disk (file://), with no server at all: the samples (read
 * through script tags, as fetch is refused there), the default comparison, upload, paste, comparing two
 * uploads, and a lesson. Nothing may reach the network, and no error may be printed.
 */
describe.skipIf(!hasChromium() || !HAS_SAMPLES)('the static build from disk', { timeout: 120_000 }, () => {
  let browser: BrowserContext;
  let index: string;

  beforeAll(async () => {
    await buildApp();
    // A copy somewhere else: the build depends on nothing around it.
    const dir = makeTempDir('spelunk-static');
    cpSync(builtAppDir(), dir, { recursive: true });
    index = `file://${join(dir, 'index.html')}`;
    browser = await launchChromium();
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('opens on the sample comparison, then opens samples, uploads, pasted text and a lesson', async () => {
    const page = await openPage(browser, index);
    const requests: string[] = [];
    page.on('request', (r) => {
      if (!/^(file|data|blob):/.test(r.url())) requests.push(r.url());
    });
    await expect.poll(() => readStore<string>(page, 'compare.status'), { timeout: 60_000 }).toBe('ready');
    expect(await page.getByRole('region', { name: 'Diff findings' }).textContent()).toContain('ENOENT');
    expect(await page.getByRole('img', { name: /^Timeline of / }).count()).toBe(2);

    // A sample run alone, from the open panel.
    await page.getByRole('button', { name: 'Open…' }).click();
    await page
      .getByRole('button', { name: /^Open hello world, on the host .*: host$/ })
      .first()
      .click();
    await expect
      .poll(() => page.getByTestId('trace-title').textContent(), { timeout: 60_000 })
      .toMatch(/hello world.*: host/);

    // An upload, and pasted text.
    await page.getByRole('button', { name: 'Open…' }).click();
    await page.getByLabel('Choose trace files').setInputFiles(`${CORPUS}/foo-chroot-fails.log`);
    await expect
      .poll(() => page.getByTestId('trace-title').textContent(), { timeout: 60_000 })
      .toContain('foo-chroot-fails.log');
    await page.getByRole('button', { name: 'Open…' }).click();
    await page
      .getByLabel('Or paste a log')
      .fill('1 00:00:01.000000 getpid() = 1 <0.000001>\n1 00:00:01.000100 exit_group(0) = ?\n');
    await page.getByRole('button', { name: 'Parse pasted text' }).click();
    await expect
      .poll(() => page.getByTestId('trace-title').textContent(), { timeout: 60_000 })
      .toContain('Pasted log');

    // Two uploads compared.
    await page.getByRole('button', { name: 'Compare…' }).click();
    await page.getByLabel('Trace A files').setInputFiles(`${CORPUS}/foo-host.log`);
    await page.getByLabel('Trace B files').setInputFiles(`${CORPUS}/foo-chroot-fails.log`);
    await page.getByRole('button', { name: 'Compare A and B' }).click();
    await expect.poll(() => readStore<string>(page, 'compare.status'), { timeout: 60_000 }).toBe('ready');
    expect(await page.getByTestId('compare-counts').textContent()).toMatch(/only in B/);

    // A lesson, whose runs are bundled samples.
    await page.getByRole('button', { name: 'Lessons', exact: true }).click();
    await page.getByRole('navigation', { name: 'Lessons' }).getByRole('button').first().click();
    await expect.poll(() => page.getByTestId('lesson-focus').count(), { timeout: 60_000 }).toBe(1);
    expect(await page.getByTestId('lesson-progress').textContent()).toMatch(/^Step 1 of \d+$/);

    expect(requests).toEqual([]);
    expect(page.errors).toEqual([]);
    await page.close();
  });
});
