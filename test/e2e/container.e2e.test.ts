import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from './harness.js';
import { ROOT, buildApp, hasChromium, launchChromium, outputPath, startServe } from './harness.js';

const SESSION = join(ROOT, 'samples', 'seccomp-container');

/**
 * A session with three runs (host, chroot, container) in the app: `spelunk serve SESSION` and a link that
 * names the host and container runs open the comparison; runc's set-up is one block, and the diagnosis
 * names the seccomp filter.
 */
describe.skipIf(!hasChromium())('a container run in the browser', () => {
  let browser: BrowserContext;
  let server: RunningServer;

  beforeAll(async () => {
    await buildApp();
    [server, browser] = await Promise.all([startServe([SESSION]), launchChromium()]);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens host against container: the runtime as one block, the refused call as the diagnosis', async () => {
    const page: Page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const catalog = await (await fetch(`${server.url}api/traces.json`)).json();
    expect(catalog.traces[0].runs.map((r: { label: string }) => r.label)).toEqual([
      'host',
      'chroot',
      'container',
    ]);
    await page.goto(`${server.url}#compare=seccomp-container/host,seccomp-container/container`);
    const findings = page.getByRole('region', { name: 'Diff findings' });
    await expect.poll(() => findings.getByRole('listitem').count(), { timeout: 60_000 }).toBeGreaterThan(0);
    await expect.poll(() => findings.getByRole('listitem').first().textContent()).toMatch(/seccomp/);
    await expect.poll(() => findings.textContent()).toMatch(/container runtime's set-up \(runc/);
    await page.screenshot({ path: outputPath('container-compare.png') });
    expect(errors).toEqual([]);
  });
});
